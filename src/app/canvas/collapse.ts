import type { ObjectId } from '../../engine/core/ids'
import type { CanvasEdge, CanvasGraph, CanvasNode, DrawnGraph, DrawnNode, GroupNode, PodGroupView, PodView, ServiceGroupView, ServiceView } from './model'

/**
 * Large scenarios on the canvas. Drawn card by card, 1000 Services and 10 000 pods would be 11 000 React Flow nodes;
 * above these counts the canvas draws groups instead (the inspector, composer and terminal still see every object).
 */
export const COLLAPSE_LIMITS = {
  /** More pods than this on the canvas: pods are drawn per workload per node. */
  pods: 200,
  /** More Services than this: Services are drawn per namespace. */
  services: 100,
  /** A node box that would still hold more cards than this draws all its pods as one card. */
  cardsPerNode: 12,
}
export type CollapseLimits = typeof COLLAPSE_LIMITS

/** Card sizes the layout reserves for group cards (collapsed). */
export const GROUP_CARD_SIZE = {
  podGroup: { width: 250, height: 64 },
  serviceGroup: { width: 256, height: 96 },
} as const

/** Kinds whose objects own pods through a controller (ownerReferences), the way `kubectl get` groups them. */
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'])

const NO_NODE = '-'

/** The workload a pod belongs to: the object the user wrote (a Deployment for its pods), else its owner reference. */
export function workloadOf(pod: CanvasNode): { kind: string; name: string; id: string } | undefined {
  const v = pod.data as PodView
  const written = pod.sourceObject?.split('/')
  if (written && written.length === 3 && WORKLOAD_KINDS.has(written[0])) {
    return { kind: written[0], name: written[2], id: pod.sourceObject! }
  }
  if (v.owner) return { kind: v.owner.kind, name: v.owner.name, id: `${v.owner.kind}/${v.namespace}/${v.owner.name}` }
  return undefined
}

/** Group card ids: never an engine id (engine ids start with an API kind), and stable across edits. */
export const podGroupId = (nodeName: string, workload?: string) =>
  workload === undefined ? `Group/pods/${nodeName || NO_NODE}` : `Group/pods/${nodeName || NO_NODE}/${workload}`
export const serviceGroupId = (namespace: string) => `Group/services/${namespace}`
export const isGroupId = (id: string) => id.startsWith('Group/')

/**
 * The picture the canvas draws for a large graph, or undefined when the graph is small enough to draw as it is.
 * Pods are grouped when there are more than `limits.pods`: per node, one card per workload with two or more pods
 * there, a card for two or more bare pods, single pods as they are; a node that would still hold more than
 * `limits.cardsPerNode` cards draws all its pods as one card. Services are grouped when there are more than
 * `limits.services`: one card per namespace with two or more. Edges are aggregated between what is drawn, with a count.
 * Pure: the same graph gives the same picture, in the graph's own order (parents still before their children).
 */
export function collapseGraph(graph: CanvasGraph, limits: CollapseLimits = COLLAPSE_LIMITS): DrawnGraph | undefined {
  const pods = graph.nodes.filter((n) => n.kind === 'pod')
  const services = graph.nodes.filter((n) => n.kind === 'service')
  const groupPods = pods.length > limits.pods
  const groupServices = services.length > limits.services
  if (!groupPods && !groupServices) return undefined

  const groupOf = new Map<ObjectId, ObjectId>()
  const groups = new Map<ObjectId, GroupNode>()

  if (groupPods) {
    // Per node box (or none, for unscheduled pods): workload → pods, in the engine's order.
    const byBox = new Map<string, Map<string, CanvasNode[]>>()
    for (const p of pods) {
      const box = p.parent ?? ''
      if (!byBox.has(box)) byBox.set(box, new Map())
      const key = workloadOf(p)?.id ?? ''
      const sets = byBox.get(box)!
      if (!sets.has(key)) sets.set(key, [])
      sets.get(key)!.push(p)
    }
    for (const [box, sets] of byBox) {
      const cards = [...sets.values()].reduce((sum, set) => sum + (set.length > 1 ? 1 : set.length), 0)
      if (cards > limits.cardsPerNode) {
        const all = [...sets.values()].flat()
        addPodGroup(groups, groupOf, box, undefined, all, sets.size)
        continue
      }
      for (const [key, set] of sets) {
        if (set.length < 2) continue
        addPodGroup(groups, groupOf, box, key === '' ? 'bare' : key, set, 1)
      }
    }
  }

  if (groupServices) {
    const byNamespace = new Map<string, CanvasNode[]>()
    for (const s of services) {
      const ns = (s.data as ServiceView).namespace
      if (!byNamespace.has(ns)) byNamespace.set(ns, [])
      byNamespace.get(ns)!.push(s)
    }
    for (const [namespace, set] of byNamespace) {
      if (set.length < 2) continue
      const id = serviceGroupId(namespace)
      const types: ServiceGroupView['types'] = []
      for (const s of set) {
        const type = (s.data as ServiceView).type
        const seen = types.find((t) => t.type === type)
        if (seen) seen.count++
        else types.push({ type, count: 1 })
      }
      groups.set(id, {
        id, kind: 'serviceGroup', ...GROUP_CARD_SIZE.serviceGroup, system: set.every((s) => s.system),
        data: { kind: 'serviceGroup', namespace, types, members: set.map((s) => s.id) },
      })
      for (const s of set) groupOf.set(s.id, id)
    }
  }

  // Each group takes the place of its first member, so boxes still come before what they hold.
  const nodes: DrawnNode[] = []
  const placed = new Set<ObjectId>()
  for (const n of graph.nodes) {
    const g = groupOf.get(n.id)
    if (g === undefined) { nodes.push(n); continue }
    if (placed.has(g)) continue
    placed.add(g)
    nodes.push(groups.get(g)!)
  }
  return { nodes, edges: aggregateEdges(graph.edges, groupOf) }
}

function addPodGroup(
  groups: Map<ObjectId, GroupNode>, groupOf: Map<ObjectId, ObjectId>,
  box: string, workload: string | undefined, set: CanvasNode[], workloads: number,
) {
  const first = set[0]
  const v = first.data as PodView
  const by: PodGroupView['by'] = workload === undefined ? 'node' : workload === 'bare' ? 'bare' : 'workload'
  const id = podGroupId(v.nodeName, workload)
  const owner = by === 'workload' ? workloadOf(first) : undefined
  const namespaces = new Set(set.map((p) => (p.data as PodView).namespace))
  const data: PodGroupView = {
    kind: 'podGroup', by, nodeName: v.nodeName, workloads,
    ready: set.filter((p) => (p.data as PodView).ready).length,
    members: set.map((p) => p.id),
    ...(owner ? { workloadKind: owner.kind, workloadName: owner.name } : {}),
    ...(namespaces.size === 1 ? { namespace: v.namespace } : {}),
  }
  groups.set(id, {
    id, kind: 'podGroup', ...GROUP_CARD_SIZE.podGroup, system: set.every((p) => p.system),
    ...(box ? { parent: box } : {}),
    // A workload's card points at the workload's YAML, as its pods do.
    ...(by === 'workload' && first.sourceObject === owner?.id && first.source ? { sourceObject: first.sourceObject, source: first.source } : {}),
    data,
  })
  for (const p of set) groupOf.set(p.id, id)
}

/**
 * Edges between what is drawn: an edge whose ends are both drawn stays as it is; the others are merged per (drawn
 * source, drawn target, kind), counting the edges they stand for. Merged edges are ready and serving if any of theirs
 * is (a dashed line means no ready endpoint behind it, as for one pod), terminating only if all are; they keep the
 * distinct labels of theirs (a grouped Service's MetalLB announcement says what it announces, announce.ts).
 */
export function aggregateEdges(edges: CanvasEdge[], groupOf: ReadonlyMap<ObjectId, ObjectId>): CanvasEdge[] {
  const out: CanvasEdge[] = []
  const merged = new Map<string, CanvasEdge>()
  for (const e of edges) {
    const source = groupOf.get(e.source) ?? e.source
    const target = groupOf.get(e.target) ?? e.target
    if (source === e.source && target === e.target) { out.push(e); continue }
    const id = `${source}->${target}`
    const m = merged.get(id)
    if (m) {
      m.count! += 1
      m.readyCount! += e.ready ? 1 : 0
      m.ready ||= e.ready
      m.serving ||= e.serving
      m.terminating &&= e.terminating
      if (e.label !== undefined && !m.labels?.includes(e.label)) m.labels = [...(m.labels ?? []), e.label]
      continue
    }
    const edge: CanvasEdge = {
      id, source, target, kind: e.kind, ready: e.ready, serving: e.serving, terminating: e.terminating,
      count: 1, readyCount: e.ready ? 1 : 0, ...(e.label !== undefined ? { labels: [e.label] } : {}),
    }
    merged.set(id, edge)
    out.push(edge)
  }
  return out
}

/** Which drawn card stands for each object: a member's group, for every member of every group in the picture. */
export function groupIndex(drawn: DrawnGraph | undefined): Map<ObjectId, ObjectId> {
  const index = new Map<ObjectId, ObjectId>()
  for (const n of drawn?.nodes ?? []) {
    if (n.data.kind === 'podGroup' || n.data.kind === 'serviceGroup') for (const m of n.data.members) index.set(m, n.id)
  }
  return index
}
