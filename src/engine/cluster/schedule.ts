import type { PodDraft, Toleration } from './podspec'
import { readTolerations } from './podspec'
import { getArray, getNumber, getObject, getString, getStringList, getStringMap, isObject } from './read'
import type { ClusterNode, Taint } from './types'
import { createFitHeap, type FitHeap } from './fitheap'

/** Why a node cannot take a pod: the scheduler's filter plugins, one reason each. */
export type UnfitReason =
  | { reason: 'nodeSelector'; key: string }
  | { reason: 'nodeAffinity' }
  | { reason: 'taint'; taint: Taint }
  | { reason: 'unschedulable' }
  | { reason: 'hostPort'; port: string }

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }

/** v1.Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  const op = t.operator || 'Equal'
  // An empty key with operator Exists matches every taint.
  if (op === 'Exists') return true
  if (op === 'Equal') return (t.value ?? '') === (taint.value ?? '')
  return false
}


/** A nodeSelectorTerm's requirement (In, NotIn, Exists, DoesNotExist, Gt, Lt) on labels or on metadata.name. */
function requirementHolds(req: Record<string, unknown>, values: Record<string, string>): boolean {
  const key = getString(req, 'key') ?? ''
  const op = getString(req, 'operator') ?? ''
  const vals = getStringList(req, 'values')
  const has = Object.prototype.hasOwnProperty.call(values, key)
  const v = values[key]
  switch (op) {
    case 'In': return has && vals.includes(v)
    case 'NotIn': return !has || !vals.includes(v)
    case 'Exists': return has
    case 'DoesNotExist': return !has
    case 'Gt': return has && Number.isInteger(Number(v)) && Number(v) > Number(vals[0])
    case 'Lt': return has && Number.isInteger(Number(v)) && Number(v) < Number(vals[0])
    default: return false
  }
}

/** A nodeSelectorTerm's requirements, read from the pod spec. */
interface AffinityTerm { exprs: Record<string, unknown>[]; fields: Record<string, unknown>[] }

/** What a pod asks of every node, read from its spec once (the scheduler checks it against each of 100 nodes). */
interface PodDemands {
  tolerations: Toleration[]
  nodeSelector: [string, string][]
  /** requiredDuringSchedulingIgnoredDuringExecution's terms; undefined when there is none. */
  affinity?: AffinityTerm[]
}

function demandsOf(draft: PodDraft, tolerations: Toleration[]): PodDemands {
  const demands: PodDemands = { tolerations, nodeSelector: Object.entries(getStringMap(draft.spec, 'nodeSelector') ?? {}) }
  const required = getObject(draft.spec, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution')
  if (required) {
    demands.affinity = getArray(required, 'nodeSelectorTerms').filter(isObject).map((term) => ({
      exprs: getArray(term, 'matchExpressions').filter(isObject),
      fields: getArray(term, 'matchFields').filter(isObject),
    }))
  }
  return demands
}

/** What the scheduler's filters and scores read of a pod, as text: equal keys, equal placements. */
function demandsKey(d: PodDemands, hostPorts: string[]): string {
  const requirement = (r: Record<string, unknown>) => [getString(r, 'key') ?? '', getString(r, 'operator') ?? '', getStringList(r, 'values')]
  const affinity = d.affinity?.map((t) => [t.exprs.map(requirement), t.fields.map(requirement)]) ?? null
  return JSON.stringify([d.tolerations, d.nodeSelector, affinity, hostPorts])
}

/** requiredDuringSchedulingIgnoredDuringExecution: terms are ORed, requirements inside a term are ANDed. */
function nodeAffinityHolds(terms: AffinityTerm[] | undefined, node: ClusterNode): boolean {
  if (!terms) return true
  if (terms.length === 0) return false
  return terms.some(({ exprs, fields }) => {
    if (exprs.length === 0 && fields.length === 0) return false
    return exprs.every((e) => requirementHolds(e, node.labels)) && fields.every((f) => requirementHolds(f, { 'metadata.name': node.name }))
  })
}

/**
 * The scheduler's filters for one pod on one node: NodeUnschedulable, NodeAffinity (nodeSelector + required affinity),
 * TaintToleration (NoSchedule and NoExecute must be tolerated; PreferNoSchedule only scores).
 */
export function unfitReason(draft: PodDraft, node: ClusterNode, tolerations: Toleration[] = readTolerations(draft)): UnfitReason | undefined {
  return unfitFor(demandsOf(draft, tolerations), node)
}

function unfitFor(demands: PodDemands, node: ClusterNode): UnfitReason | undefined {
  const { tolerations } = demands
  // The default profile's filter order (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity): the first
  // failing plugin is the node's reason.
  if (node.unschedulable && !tolerations.some((t) => toleratesTaint(t, UNSCHEDULABLE_TAINT))) return { reason: 'unschedulable' }
  for (const taint of node.taints) {
    if (taint.effect === 'PreferNoSchedule') continue
    if (!tolerations.some((t) => toleratesTaint(t, taint))) return { reason: 'taint', taint }
  }
  for (const [k, v] of demands.nodeSelector) {
    if (node.labels[k] !== v) return { reason: 'nodeSelector', key: k }
  }
  if (!nodeAffinityHolds(demands.affinity, node)) return { reason: 'nodeAffinity' }
  return undefined
}

function untoleratedPreferences(tolerations: Toleration[], node: ClusterNode): number {
  return node.taints.filter((t) => t.effect === 'PreferNoSchedule' && !tolerations.some((x) => toleratesTaint(x, t))).length
}

/**
 * The host ports a pod claims on its node (`PROTOCOL/port`): every written hostPort; for hostNetwork pods the API
 * defaults hostPort to containerPort, so every container port counts.
 */
export function hostPortsOf(draft: PodDraft): string[] {
  const hostNetwork = draft.spec.hostNetwork === true
  const out: string[] = []
  for (const list of ['containers', 'initContainers']) {
    for (const c of getArray(draft.spec, list)) {
      if (list === 'initContainers' && getString(c, 'restartPolicy') !== 'Always') continue
      for (const p of getArray(c, 'ports')) {
        const hostPort = getNumber(p, 'hostPort') ?? (hostNetwork ? getNumber(p, 'containerPort') : undefined)
        if (hostPort === undefined || hostPort <= 0) continue
        out.push(`${getString(p, 'protocol') || 'TCP'}/${hostPort}`)
      }
    }
  }
  return out
}

/** What a pod spec asks of every node, computed once per spec (a Deployment's replicas share theirs). */
interface Placement {
  /** The static filters' verdict per node, in node order. */
  unfit: (UnfitReason | undefined)[]
  /** The nodes that pass them, by index, in node order. */
  fit: Int32Array
  /** Untolerated PreferNoSchedule taints per node. */
  prefer: Int32Array
  hostPorts: string[]
  /** The fitting nodes in the scheduler's order, one heap per count array (user and system pods count apart). */
  heaps: Map<PodCounts, FitHeap>
}

/** Pods placed so far on each node, indexed as the scheduler's node list (an array: the scheduler reads it once per
 * node for every pod, 10,000 pods × 100 nodes in the 1000 × 10 scenario). */
export type PodCounts = Int32Array

/**
 * The scheduler for one build: picks a node among those that pass the filters, the one with fewest untolerated
 * PreferNoSchedule taints, then fewest pods, then the earliest in node order (a deterministic stand-in for the
 * scheduler's scoring). Returns the reasons per node when nothing fits.
 */
export function createScheduler(nodes: ClusterNode[]) {
  const cache = new WeakMap<object, Placement>()
  const byDemands = new Map<string, Placement>()
  const placementOf = (draft: PodDraft): Placement => {
    const cacheable = !draft.extraTolerations
    const hit = cacheable ? cache.get(draft.spec) : undefined
    if (hit) return hit
    const tolerations = readTolerations(draft)
    const demands = demandsOf(draft, tolerations)
    const hostPorts = hostPortsOf(draft)
    // Specs that ask the same of every node share one placement, and so one heap: the 1000 Deployments of 1000 × 10
    // are one placement, not 1000 scans of every node. The key holds exactly what unfitFor, the preferences and the
    // NodePorts filter read.
    const key = demandsKey(demands, hostPorts)
    const shared = byDemands.get(key)
    if (shared) {
      if (cacheable) cache.set(draft.spec, shared)
      return shared
    }
    const unfit = nodes.map((node) => unfitFor(demands, node))
    // filled by plain loops: Int32Array.from takes V8's slow generic path (it was half of this build's scheduling)
    let fitting = 0
    for (const u of unfit) if (!u) fitting++
    const fit = new Int32Array(fitting)
    const prefer = new Int32Array(nodes.length)
    for (let i = 0, f = 0; i < nodes.length; i++) {
      if (!unfit[i]) fit[f++] = i
      prefer[i] = untoleratedPreferences(tolerations, nodes[i])
    }
    const placement: Placement = { unfit, fit, prefer, hostPorts, heaps: new Map() }
    byDemands.set(key, placement)
    if (cacheable) cache.set(draft.spec, placement)
    return placement
  }
  return function pickNode(
    draft: PodDraft,
    podCount: PodCounts,
    usedHostPorts: Map<string, Set<string>>,
  ): { node: ClusterNode } | { unfit: { node: string; why: UnfitReason }[] } {
    const placement = placementOf(draft)
    const { unfit: staticUnfit, fit, prefer, hostPorts } = placement
    let best = -1
    let bestPrefer = 0, bestCount = 0
    if (hostPorts.length === 0) {
      // no NodePorts filter: the static order decides, kept in a heap (fitheap.ts) instead of a scan of every node
      let heap = placement.heaps.get(podCount)
      if (!heap) { heap = createFitHeap(fit, prefer, podCount); placement.heaps.set(podCount, heap) }
      best = heap.best(podCount)
    } else for (let f = 0; f < fit.length; f++) {
      const i = fit[f]
      // NodePorts filter (after NodeAffinity in the default profile): a host port already taken on the node.
      if (hostPorts.length > 0) {
        const taken = usedHostPorts.get(nodes[i].name)
        if (taken && hostPorts.some((p) => taken.has(p))) continue
      }
      const count = podCount[i]
      if (best < 0 || prefer[i] < bestPrefer || (prefer[i] === bestPrefer && count < bestCount)) {
        best = i
        bestPrefer = prefer[i]
        bestCount = count
      }
    }
    if (best >= 0) return { node: nodes[best] }
    return {
      unfit: nodes.map((node, i) => {
        const taken = usedHostPorts.get(node.name)
        const clash = taken ? hostPorts.find((p) => taken.has(p)) : undefined
        return { node: node.name, why: staticUnfit[i] ?? { reason: 'hostPort' as const, port: clash ?? '' } }
      }),
    }
  }
}

/** The scheduler's FailedScheduling message: `0/3 nodes are available: 1 node(s) had untolerated taint {…}, …`. */
export function describeUnfit(unfit: { node: string; why: UnfitReason }[], total: number): string {
  const counts = new Map<string, number>()
  for (const u of unfit) {
    let text: string
    switch (u.why.reason) {
      case 'taint': text = `node(s) had untolerated taint {${u.why.taint.key}: ${u.why.taint.value ?? ''}}`; break
      case 'nodeSelector':
      case 'nodeAffinity': text = "node(s) didn't match Pod's node affinity/selector"; break
      case 'unschedulable': text = 'node(s) were unschedulable'; break
      case 'hostPort': text = "node(s) didn't have free ports for the requested pod ports"; break
    }
    counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  // FitError.Error: "<count> <reason>" strings, sorted as strings, joined with ", ".
  const parts = [...counts.entries()].map(([t, n]) => `${n} ${t}`).sort()
  // Recent schedulers append the preemption verdict (framework/preemption: "Preemption is not helpful for scheduling").
  return `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`
}

export function nodeByName(nodes: ClusterNode[], name: string | undefined): ClusterNode | undefined {
  return name ? nodes.find((n) => n.name === name) : undefined
}

export function readNodeName(draft: PodDraft): string | undefined {
  const v = getString(draft.spec, 'nodeName')
  return v ? v : undefined
}
