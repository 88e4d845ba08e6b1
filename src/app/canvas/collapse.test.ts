import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../engine/scenario'
import { scaleScenarioYaml } from '../../scenarios/generators/scale'
import { deriveCanvasGraph } from './graph'
import { tutorialCluster } from './clusterFixture'
import { aggregateEdges, collapseGraph, groupIndex, workloadOf, type CollapseLimits } from './collapse'
import type { CanvasEdge, CanvasGraph, CanvasNode, DrawnGraph, PodGroupView, ServiceGroupView } from './model'

// Small limits keep the tables readable; the defaults are exercised on a generated scenario below.
const LIMITS: CollapseLimits = { pods: 3, services: 2, cardsPerNode: 3 }

const box = (name: string): CanvasNode => ({
  id: `Node/${name}`, kind: 'node', width: 0, height: 0, system: false,
  data: { kind: 'node', name, ip: '192.168.100.21', podCIDR: '10.244.1.0/24', controlPlane: false, ready: true, podCount: 0 },
})
/** A pod on `node`; `from` is the object the user wrote (a workload id, or the pod itself when bare). */
const pod = (name: string, node: string, from?: string, opts: { ready?: boolean; owner?: { kind: string; name: string }; ns?: string; system?: boolean } = {}): CanvasNode => ({
  id: `Pod/${opts.ns ?? 'default'}/${name}`, kind: 'pod', width: 200, height: 64, system: opts.system ?? false,
  ...(node ? { parent: `Node/${node}` } : {}),
  sourceObject: from ?? `Pod/${opts.ns ?? 'default'}/${name}`,
  source: { file: 'a.yaml', startLine: 1, startCol: 1, endLine: 2, endCol: 1 },
  data: {
    kind: 'pod', name, namespace: opts.ns ?? 'default', ip: '10.244.1.2', nodeName: node, readyText: '1/1',
    ready: opts.ready ?? true, status: 'Running', hostNetwork: false, labels: {}, ...(opts.owner ? { owner: opts.owner } : {}),
  },
})
const svc = (name: string, ns = 'default', type = 'ClusterIP'): CanvasNode => ({
  id: `Service/${ns}/${name}`, kind: 'service', width: 256, height: 96, system: false,
  data: {
    kind: 'service', name, namespace: ns, type, clusterIP: '10.96.0.11', ports: '80/TCP', externalIP: '<none>',
    selectorless: false, dnsName: `${name}.${ns}.svc.cluster.local`, otherEndpoints: [],
  },
})
const edge = (source: string, target: string, ready = true): CanvasEdge =>
  ({ id: `${source}->${target}`, source, target, kind: 'endpoint', ready, serving: ready, terminating: false })

const web = 'Deployment/default/web'
const db = 'StatefulSet/default/db'

/** What is drawn, as [id, kind, parent] rows. */
const drawnRows = (g: DrawnGraph | undefined) => g?.nodes.map((n) => [n.id, n.kind, n.parent ?? ''])

describe('collapseGraph: when and how pods and Services are grouped', () => {
  const cases: { name: string; graph: CanvasGraph; drawn: (string | undefined)[][] | undefined }[] = [
    {
      name: 'a graph within the limits is drawn as it is (the tutorial labs look as they always did)',
      graph: { nodes: [box('node1'), pod('a', 'node1', web), pod('b', 'node1', web), pod('c', 'node1', web), svc('s1'), svc('s2')], edges: [] },
      drawn: undefined,
    },
    {
      // kubectl get pods groups nothing; the canvas follows ownerReferences' controller (a Deployment's ReplicaSet)
      name: 'over the pod limit: one card per workload per node, a lone pod of a workload stays a pod card',
      graph: {
        nodes: [box('node1'), box('node2'), pod('web-1', 'node1', web), pod('web-2', 'node1', web), pod('web-3', 'node2', web),
          pod('db-0', 'node2', db), pod('db-1', 'node2', db)],
        edges: [],
      },
      drawn: [
        ['Node/node1', 'node', ''], ['Node/node2', 'node', ''],
        ['Group/pods/node1/Deployment/default/web', 'podGroup', 'Node/node1'],
        ['Pod/default/web-3', 'pod', 'Node/node2'],
        ['Group/pods/node2/StatefulSet/default/db', 'podGroup', 'Node/node2'],
      ],
    },
    {
      name: 'bare pods are grouped per node, whatever their namespace',
      graph: {
        nodes: [box('node1'), pod('x', 'node1'), pod('y', 'node1', undefined, { ns: 'team' }), pod('web-1', 'node1', web), pod('web-2', 'node1', web)],
        edges: [],
      },
      drawn: [
        ['Node/node1', 'node', ''],
        ['Group/pods/node1/bare', 'podGroup', 'Node/node1'],
        ['Group/pods/node1/Deployment/default/web', 'podGroup', 'Node/node1'],
      ],
    },
    {
      name: 'a node that would still hold more cards than the limit draws all its pods as one card',
      graph: {
        nodes: [box('node1'), pod('a-1', 'node1', 'Deployment/default/a'), pod('b-1', 'node1', 'Deployment/default/b'),
          pod('c-1', 'node1', 'Deployment/default/c'), pod('d-1', 'node1', 'Deployment/default/d')],
        edges: [],
      },
      drawn: [['Node/node1', 'node', ''], ['Group/pods/node1', 'podGroup', 'Node/node1']],
    },
    {
      name: 'unscheduled pods (no node box) are grouped at the top level',
      graph: { nodes: [pod('web-1', '', web), pod('web-2', '', web), pod('web-3', '', web), pod('web-4', '', web)], edges: [] },
      drawn: [['Group/pods/-/Deployment/default/web', 'podGroup', '']],
    },
    {
      name: 'over the Service limit: one card per namespace, a namespace with one Service keeps its card',
      graph: { nodes: [svc('a'), svc('kube-dns', 'kube-system'), svc('b'), svc('c')], edges: [] },
      drawn: [['Group/services/default', 'serviceGroup', ''], ['Service/kube-system/kube-dns', 'service', '']],
    },
  ]
  for (const c of cases) {
    it(c.name, () => expect(drawnRows(collapseGraph(c.graph, LIMITS))).toEqual(c.drawn))
  }

  it('tells a workload card what it holds: kind, name, node, ready count, members in order', () => {
    const g = collapseGraph({
      nodes: [box('node1'), pod('web-1', 'node1', web), pod('web-2', 'node1', web, { ready: false }), pod('web-3', 'node1', web), pod('x', 'node1')],
      edges: [],
    }, LIMITS)!
    const card = g.nodes.find((n) => n.kind === 'podGroup')!
    expect(card.data).toEqual({
      kind: 'podGroup', by: 'workload', workloadKind: 'Deployment', workloadName: 'web', namespace: 'default', nodeName: 'node1',
      workloads: 1, ready: 2, members: ['Pod/default/web-1', 'Pod/default/web-2', 'Pod/default/web-3'],
    } satisfies PodGroupView)
    // the card points at the Deployment's YAML, as its pods do
    expect(card.sourceObject).toBe(web)
  })

  it("counts a namespace's Services per type, in first-seen order", () => {
    const g = collapseGraph({ nodes: [svc('a'), svc('b', 'default', 'NodePort'), svc('c'), svc('d', 'default', 'LoadBalancer')], edges: [] }, LIMITS)!
    expect(g.nodes[0].data).toEqual({
      kind: 'serviceGroup', namespace: 'default',
      types: [{ type: 'ClusterIP', count: 2 }, { type: 'NodePort', count: 1 }, { type: 'LoadBalancer', count: 1 }],
      members: ['Service/default/a', 'Service/default/b', 'Service/default/c', 'Service/default/d'],
    } satisfies ServiceGroupView)
  })

  it('groups pods with an owner reference but no written workload (an imported dump) by that owner', () => {
    const rs = { kind: 'ReplicaSet', name: 'web-7d4' }
    const p = pod('web-7d4-a', 'node1', undefined, { owner: rs })
    expect(workloadOf(p)).toEqual({ kind: 'ReplicaSet', name: 'web-7d4', id: 'ReplicaSet/default/web-7d4' })
    expect(workloadOf(pod('bare', 'node1'))).toBeUndefined()
    const g = collapseGraph({ nodes: [box('node1'), p, pod('web-7d4-b', 'node1', undefined, { owner: rs }), pod('z', 'node1', web), pod('w', 'node1', web)], edges: [] }, LIMITS)!
    expect(g.nodes.map((n) => n.id)).toContain('Group/pods/node1/ReplicaSet/default/web-7d4')
  })
})

describe('aggregateEdges', () => {
  const groupOf = new Map([
    ['Service/default/a', 'Group/services/default'], ['Service/default/b', 'Group/services/default'],
    ['Pod/default/p1', 'Group/pods/node1'], ['Pod/default/p2', 'Group/pods/node1'], ['Pod/default/p3', 'Group/pods/node2'],
  ])
  const cases: { name: string; edges: CanvasEdge[]; expected: [string, number | undefined, number | undefined, boolean][] }[] = [
    {
      name: 'edges between drawn objects stay as they are',
      edges: [edge('Service/default/x', 'Pod/default/q')],
      expected: [['Service/default/x->Pod/default/q', undefined, undefined, true]],
    },
    {
      name: 'edges into and out of groups merge per pair of drawn ends, with counts',
      edges: [edge('Service/default/a', 'Pod/default/p1'), edge('Service/default/a', 'Pod/default/p2'),
        edge('Service/default/b', 'Pod/default/p1'), edge('Service/default/b', 'Pod/default/p3', false)],
      expected: [
        ['Group/services/default->Group/pods/node1', 3, 3, true],
        ['Group/services/default->Group/pods/node2', 1, 0, false],
      ],
    },
    {
      // a dashed line means no ready endpoint behind it, as for a single pod's edge
      name: 'a merged edge is ready when any edge it stands for is',
      edges: [edge('Service/default/x', 'Pod/default/p1', false), edge('Service/default/x', 'Pod/default/p2', true)],
      expected: [['Service/default/x->Group/pods/node1', 2, 1, true]],
    },
  ]
  for (const c of cases) {
    it(c.name, () => expect(aggregateEdges(c.edges, groupOf).map((e) => [e.id, e.count, e.readyCount, e.ready])).toEqual(c.expected))
  }
})

describe('collapseGraph on real scenarios', () => {
  it('leaves the tutorial cluster alone', () => {
    expect(collapseGraph(deriveCanvasGraph(tutorialCluster()))).toBeUndefined()
  })

  it('draws a generated 150 × 2 scenario as groups that account for every pod, Service and endpoint', () => {
    const compiled = compileScenario([{ path: 'scale.yaml', text: scaleScenarioYaml({ services: 150, podsPerService: 2 }) }])
    const full = deriveCanvasGraph(compiled.cluster)
    const drawn = collapseGraph(full)!
    const index = groupIndex(drawn)
    const pods = full.nodes.filter((n) => n.kind === 'pod'), services = full.nodes.filter((n) => n.kind === 'service')
    expect(pods.length).toBeGreaterThan(200)
    // every object is drawn exactly once: as itself or inside one group
    const drawnIds = new Set(drawn.nodes.map((n) => n.id))
    for (const n of [...pods, ...services]) expect(drawnIds.has(n.id) !== index.has(n.id), n.id).toBe(true)
    // the 150 Services of default are one card; kube-dns, alone in kube-system, keeps its own
    expect(drawn.nodes.filter((n) => n.kind === 'serviceGroup').map((n) => n.id)).toEqual(['Group/services/default'])
    expect(drawnIds.has('Service/kube-system/kube-dns')).toBe(true)
    // aggregated edges stand for every endpoint edge, and each drawn end exists
    const total = drawn.edges.reduce((sum, e) => sum + (e.count ?? 1), 0)
    expect(total).toBe(full.edges.length)
    for (const e of drawn.edges) expect(drawnIds.has(e.source) && drawnIds.has(e.target), e.id).toBe(true)
    // parents still come before their children
    const seen = new Set<string>()
    for (const n of drawn.nodes) { if (n.parent) expect(seen.has(n.parent)).toBe(true); seen.add(n.id) }
    expect(drawn.nodes.length).toBeLessThan(full.nodes.length / 5)
  })

  it('is deterministic', () => {
    const g: CanvasGraph = { nodes: [box('node1'), pod('a', 'node1', web), pod('b', 'node1', web), pod('c', 'node1'), pod('d', 'node1')], edges: [] }
    expect(JSON.stringify(collapseGraph(g, LIMITS))).toBe(JSON.stringify(collapseGraph(g, LIMITS)))
  })
})
