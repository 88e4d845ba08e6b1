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

  // large scenarios (collapse.ts): the cards drawn keep their places the same way
  const collapsed = (x: number, members: string[]): PositionedGraph => {
    const card = { ...node('G', x), kind: 'serviceGroup' as const, data: { kind: 'serviceGroup' as const, namespace: 'default', types: [], members } }
    return { nodes: members.map((m) => node(m, 0)), edges: [], drawn: { nodes: [card], edges: [] } }
  }
  it('keeps the group cards where they were when the collapsed picture has the same cards', () => {
    const kept = keepLayout(collapsed(10, ['A', 'B']), collapsed(500, ['A', 'B']))
    expect(kept.drawn!.nodes.map((n) => n.x)).toEqual([10])
    expect(kept.nodes.map((n) => n.id)).toEqual(['A', 'B'])
  })
  it.each([
    ['an object joined a group', collapsed(500, ['A', 'B', 'C'])],
    ['the scenario became small', graph([node('A', 500), node('B', 600)])],
  ])('takes the fresh collapsed layout when %s', (_name, after) => {
    expect(keepLayout(collapsed(10, ['A', 'B']), after)).toBe(after)
  })
})
