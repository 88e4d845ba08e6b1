import { describe, expect, it } from 'vitest'
import { activeEdges, drawnIdOf, drawnSize, everyObject, EXPANDED_ROWS, objectRef, ROW_HEIGHT, touchedCards } from './drawn'
import { foldedRow } from './folded'
import type { CanvasEdge, CanvasNode, DrawnNode, Positioned, PositionedGraph } from './model'

const at = <N extends DrawnNode>(n: N): N & Positioned => ({ ...n, x: 0, y: 0 })
const pod = (name: string, from: string): CanvasNode & Positioned => at({
  id: `Pod/default/${name}`, kind: 'pod', width: 200, height: 64, system: false, parent: 'Node/node1', sourceObject: from,
  data: { kind: 'pod', name, namespace: 'default', ip: '10.244.1.2', nodeName: 'node1', readyText: '1/1', ready: true, status: 'Running', hostNetwork: false, labels: {} },
})
const svc = (name: string): CanvasNode & Positioned => at({
  id: `Service/default/${name}`, kind: 'service', width: 256, height: 96, system: false, sourceObject: `Service/default/${name}`,
  data: { kind: 'service', name, namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.0.11', ports: '80/TCP', externalIP: '<none>', selectorless: false, dnsName: '', otherEndpoints: [] },
})
const edge = (s: string, t: string, extra: Partial<CanvasEdge> = {}): CanvasEdge =>
  ({ id: `${s}->${t}`, source: s, target: t, kind: 'endpoint', ready: true, serving: true, terminating: false, ...extra })

const box = at<CanvasNode>({ id: 'Node/node1', kind: 'node', width: 400, height: 200, system: false,
  data: { kind: 'node', name: 'node1', ip: '', podCIDR: '', controlPlane: false, ready: true, podCount: 3 } })
const webGroup = at<DrawnNode>({ id: 'Group/pods/node1/Deployment/default/web', kind: 'podGroup', width: 220, height: 64, system: false, parent: 'Node/node1',
  sourceObject: 'Deployment/default/web',
  data: { kind: 'podGroup', by: 'workload', workloadKind: 'Deployment', workloadName: 'web', namespace: 'default', nodeName: 'node1', workloads: 1, ready: 2, members: ['Pod/default/web-1', 'Pod/default/web-2'] } })
const svcGroup = at<DrawnNode>({ id: 'Group/services/default', kind: 'serviceGroup', width: 256, height: 96, system: false,
  data: { kind: 'serviceGroup', namespace: 'default', types: [{ type: 'ClusterIP', count: 14 }], members: Array.from({ length: 14 }, (_, i) => `Service/default/s${i}`) } })

/** A collapsed graph, as the worker sends it: web's two pods in one card, db-0 drawn as itself, fourteen Services in one card. */
const folded = [pod('web-1', 'Deployment/default/web'), pod('web-2', 'Deployment/default/web'), ...Array.from({ length: 14 }, (_, i) => svc(`s${i}`))]
const graph: PositionedGraph = {
  nodes: [box, pod('db-0', 'StatefulSet/default/db')],
  folded: folded.map((n) => foldedRow(n)!),
  edges: [edge('Service/default/s0', 'Pod/default/web-1'), edge('Service/default/s0', 'Pod/default/web-2'), edge('Service/default/s1', 'Pod/default/db-0')],
  drawn: {
    nodes: [box, webGroup, pod('db-0', 'StatefulSet/default/db'), svcGroup],
    edges: [edge('Group/services/default', 'Group/pods/node1/Deployment/default/web', { count: 2, readyCount: 2 }), edge('Group/services/default', 'Pod/default/db-0', { count: 1, readyCount: 1 })],
  },
}

describe('which card shows an object', () => {
  const cases: [string, string, string][] = [
    ['a grouped pod is shown by its group (a trace hop points there)', 'Pod/default/web-1', 'Group/pods/node1/Deployment/default/web'],
    ['a grouped Service is shown by its namespace card', 'Service/default/s3', 'Group/services/default'],
    ['an object drawn as itself', 'Pod/default/db-0', 'Pod/default/db-0'],
    ['a node box', 'Node/node1', 'Node/node1'],
  ]
  for (const [name, id, card] of cases) it(name, () => expect(drawnIdOf(graph, id)).toBe(card))
  it('a small graph draws every object as itself', () => expect(drawnIdOf({ nodes: [], edges: [] }, 'Pod/default/web-1')).toBe('Pod/default/web-1'))
})

describe('touchedCards: what a selection lights up', () => {
  const cases: [string, string | null, string[]][] = [
    ['nothing selected', null, []],
    ['a pod inside a group lights its group', 'Pod/default/web-2', ['Group/pods/node1/Deployment/default/web']],
    ['a Deployment selected in the YAML lights the card of its pods', 'Deployment/default/web', ['Deployment/default/web', 'Group/pods/node1/Deployment/default/web']],
    ['a StatefulSet lights its pod drawn as itself', 'StatefulSet/default/db', ['StatefulSet/default/db', 'Pod/default/db-0']],
    ['a Service inside a namespace card lights the card', 'Service/default/s9', ['Group/services/default']],
  ]
  for (const [name, selection, cards] of cases) it(name, () => expect([...touchedCards(graph, selection)]).toEqual(cards))
})

describe('activeEdges: the drawn edges standing for the edges of the selection', () => {
  const cases: [string, string | null, string[]][] = [
    ['a Service inside a card lights the aggregated edges of its endpoints', 'Service/default/s0', ['Group/services/default->Group/pods/node1/Deployment/default/web']],
    ['a pod drawn as itself lights the edge into it', 'Pod/default/db-0', ['Group/services/default->Pod/default/db-0']],
    ['a Service without endpoints lights nothing', 'Service/default/s7', []],
  ]
  for (const [name, selection, edges] of cases) it(name, () => expect([...activeEdges(graph, selection)]).toEqual(edges))
})

describe('drawnSize: an open group card grows to show its list', () => {
  const open = new Set(['Group/pods/node1/Deployment/default/web', 'Group/services/default'])
  const cases: [string, DrawnNode, ReadonlySet<string>, { width: number; height: number }][] = [
    ['a closed card keeps its size', webGroup, new Set(), { width: 220, height: 64 }],
    ['an open card shows a row per member', webGroup, open, { width: 280, height: 64 + 44 + 2 * ROW_HEIGHT }],
    [`an open card with many members shows ${EXPANDED_ROWS} rows and scrolls`, svcGroup, open, { width: 320, height: 96 + 44 + EXPANDED_ROWS * ROW_HEIGHT }],
    ['an object card never grows', box, open, { width: 400, height: 200 }],
  ]
  for (const [name, n, expanded, size] of cases) it(name, () => expect(drawnSize(n, expanded)).toEqual(size))
})

describe('objects drawn and folded', () => {
  it('every object is listed once, drawn cards first, then the folded rows', () => {
    expect(everyObject(graph).map((o) => o.id)).toEqual(['Node/node1', 'Pod/default/db-0', ...folded.map((n) => n.id)])
  })
  const cases: [string, string, { kind: string; sourceObject?: string } | undefined][] = [
    ['a folded pod keeps its workload (a selection of the Deployment finds it)', 'Pod/default/web-2', { kind: 'pod', sourceObject: 'Deployment/default/web' }],
    ['a folded Service', 'Service/default/s13', { kind: 'service', sourceObject: 'Service/default/s13' }],
    ['a drawn pod', 'Pod/default/db-0', { kind: 'pod', sourceObject: 'StatefulSet/default/db' }],
    ['a group card is not an object', 'Group/services/default', undefined],
    ['an unknown id', 'Pod/default/nope', undefined],
  ]
  for (const [name, id, want] of cases) {
    it(name, () => {
      const ref = objectRef(graph, id)
      expect(ref && { kind: ref.kind, ...(ref.sourceObject ? { sourceObject: ref.sourceObject } : {}) }).toEqual(want)
    })
  }
})
