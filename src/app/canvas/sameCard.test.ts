import { describe, expect, it } from 'vitest'
import { sameCard, sameData, sameEdge } from './sameCard'
import type { CanvasNode, Positioned } from './model'

const pod = (extra: Partial<CanvasNode & Positioned> = {}, data: Record<string, unknown> = {}): CanvasNode & Positioned => ({
  id: 'Pod/default/web-1', kind: 'pod', width: 200, height: 64, system: false, parent: 'Node/node1', x: 10, y: 20,
  sourceObject: 'Deployment/default/web', source: { file: 'web.yaml', startLine: 1, startCol: 1, endLine: 20, endCol: 1 },
  data: { kind: 'pod', name: 'web-1', namespace: 'default', ip: '10.244.1.2', nodeName: 'node1', readyText: '1/1', ready: true, status: 'Running', hostNetwork: false, labels: { app: 'web' }, ...data },
  ...extra,
} as CanvasNode & Positioned)

describe('sameData', () => {
  const cases: [string, unknown, unknown, boolean][] = [
    ['equal nested objects', { a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, true],
    ['a different leaf', { a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }, false],
    ['a missing key', { a: 1, b: undefined }, { a: 1, c: undefined }, false],
    ['an array against an object', [1], { 0: 1 }, false],
    ['arrays of other lengths', [1, 2], [1], false],
    ['null against an object', null, {}, false],
  ]
  for (const [name, a, b, want] of cases) it(name, () => expect(sameData(a, b)).toBe(want))
})

describe('sameCard: a card that draws the same is kept', () => {
  const cases: [string, CanvasNode & Positioned, boolean][] = [
    ['only its YAML range moved (a line added above)', pod({ source: { file: 'web.yaml', startLine: 2, startCol: 1, endLine: 21, endCol: 1 } }), true],
    ['its IP changed', pod({}, { ip: '10.244.1.9' }), false],
    ['a label changed', pod({}, { labels: { app: 'web', tier: 'front' } }), false],
    ['it moved', pod({ x: 11 }), false],
    ['another node holds it', pod({ parent: 'Node/node2' }), false],
    ['its readiness changed', pod({}, { ready: false, readyText: '0/1' }), false],
  ]
  for (const [name, next, want] of cases) it(name, () => expect(sameCard(pod(), next)).toBe(want))
})

describe('sameEdge', () => {
  const edge = { id: 'a->b', source: 'a', target: 'b', kind: 'endpoint' as const, ready: true, serving: true, terminating: false }
  it('an equal edge from a newer compile', () => expect(sameEdge(edge, { ...edge })).toBe(true))
  it('an endpoint that stopped being ready', () => expect(sameEdge(edge, { ...edge, ready: false })).toBe(false))
  it('an aggregated edge whose count changed', () => expect(sameEdge({ ...edge, count: 3, readyCount: 3 }, { ...edge, count: 4, readyCount: 4 })).toBe(false))
})
