import { describe, expect, it } from 'vitest'
import type { CanvasNode, PositionedGraph } from './model'
import { keepLayout } from './stable'

const node = (id: string, x: number, parent?: string): CanvasNode & { x: number; y: number } => ({
  id, kind: parent ? 'pod' : 'service', width: 100, height: 50, system: false, x, y: 0, ...(parent ? { parent } : {}),
  data: { kind: 'client', name: id, ip: '' },
})
const graph = (nodes: PositionedGraph['nodes'], edges: PositionedGraph['edges'] = []): PositionedGraph => ({ nodes, edges })
const edge = (source: string, target: string) =>
  ({ id: `${source}->${target}`, source, target, kind: 'endpoint' as const, ready: true, serving: true, terminating: false })

describe('keepLayout', () => {
  it('keeps the old positions when only edges changed', () => {
    const before = graph([node('S', 10), node('P', 20, 'N')], [edge('S', 'P')])
    const after = graph([node('S', 500), node('P', 600, 'N')], [])
    const kept = keepLayout(before, after)
    expect(kept.nodes.map((n) => n.x)).toEqual([10, 20])
    expect(kept.edges).toEqual([])
  })
  it.each([
    ['a node was added', graph([node('S', 500), node('P', 600, 'N'), node('Q', 700, 'N')])],
    ['a pod moved to another box', graph([node('S', 500), node('P', 600, 'M')])],
    ['a node was renamed', graph([node('S2', 500), node('P', 600, 'N')])],
  ])('takes the fresh layout when %s', (_name, after) => {
    const before = graph([node('S', 10), node('P', 20, 'N')])
    expect(keepLayout(before, after)).toBe(after)
  })
  it('takes the fresh layout when there is nothing before', () => {
    const after = graph([node('S', 500)])
    expect(keepLayout(undefined, after)).toBe(after)
  })
})
