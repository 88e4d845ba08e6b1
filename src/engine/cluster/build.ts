import { OBJECT_AGE_AT_LOAD_MS, SCENARIO_EPOCH_MS } from '../core/clock'
import { diagnostic, type Diagnostic } from '../core/diagnostic'
import type { ManifestObject } from '../manifest/types'
import type { CompileOptions } from '../scenario'
import { readWorld } from './config'
import { createContext, refOf, report, type BuildContext } from './context'
import { mirrorEndpoints, readEndpointSlice, slicesForService } from './endpointslices'
import { readKubeProxy } from './kubeproxy'
import { lintCluster } from './lint'
import type { PodDraft } from './podspec'
import { settlePods } from './pods'
import { getArray, getObject, getString, isObject } from './read'
import { unfitReason } from './schedule'
import { indexPods } from './selector'
import { buildServices } from './services'
import { corednsDeployment, isSystemObject, kubeDnsService, kubernetesService, kubernetesSlice } from './system'
import type { Cluster, EndpointSlice, PassThroughObject, Workload } from './types'
import { daemonSetDraft, expandWorkload, WORKLOAD_KINDS, type ExpandedWorkload } from './workloads'

/** How old the playground's own objects (nodes, kube-system) are when a scenario loads: the lab was set up a day ago. */
export const SYSTEM_AGE_AT_LOAD_MS = 24 * 60 * 60 * 1000

// Namespaces every cluster has (kube-apiserver's system namespaces).
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

/** Kinds this stage turns into cluster state; everything else is kept in `others` for the later stages. */
const CONSUMED = new Set(['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'Deployment', 'ReplicaSet',
  'StatefulSet', 'DaemonSet', 'KubeProxyConfiguration', 'Cluster', 'List'])

/** The default world with nothing in it: the lab's machines, kube-proxy's defaults, the system namespaces. */
export function emptyCluster(): Cluster {
  const ctx = createContext()
  const world = readWorld([], ctx)
  return {
    config: world.config,
    kubeProxy: readKubeProxy([], world.config, undefined, ctx),
    nodes: world.nodes,
    clients: world.clients,
    namespaces: [...SYSTEM_NAMESPACES],
    workloads: [],
    pods: [],
    services: [],
    endpointSlices: [],
    others: [],
  }
}

/**
 * Manifest objects to the settled cluster: what the API server and the controllers would hold once everything was
 * applied and had converged. Never throws: an internal failure is reported and the empty world returned.
 */
export function buildCluster(objects: ManifestObject[], options: CompileOptions): { cluster: Cluster; diagnostics: Diagnostic[] } {
  try {
    const ctx = createContext()
    const cluster = build(objects, options, ctx)
    return { cluster, diagnostics: ctx.diagnostics }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return { cluster: emptyCluster(), diagnostics: [diagnostic('engine.internal', 'error', { stage: 'cluster', detail })] }
  }
}

function build(input: ManifestObject[], options: CompileOptions, ctx: BuildContext): Cluster {
  const objects = dedupe(input, ctx)
  const inputCreatedAt = SCENARIO_EPOCH_MS - OBJECT_AGE_AT_LOAD_MS
  const systemCreatedAt = SCENARIO_EPOCH_MS - SYSTEM_AGE_AT_LOAD_MS
  const createdAt = (o: ManifestObject) => (isSystemObject(o) ? systemCreatedAt : inputCreatedAt)

  const world = readWorld(objects, ctx)
  const kubeProxy = readKubeProxy(objects, world.config, options.modeOverride, ctx)
  const nodes = world.nodes

  // The playground's own objects, unless the scenario defines them itself (then the scenario's win).
  const ids = new Set(objects.map((o) => o.id))
  const system: ManifestObject[] = []
  for (const make of [kubernetesService, kubeDnsService, corednsDeployment]) {
    const obj = make()
    if (!ids.has(obj.id)) system.push(obj)
  }
  const all = [...system, ...objects]

  // Generated names must not collide with written ones, per kind and namespace.
  const names = new Map<string, Set<string>>()
  const namesOf = (kind: string, ns: string) => {
    const key = `${kind}/${ns}`
    let s = names.get(key)
    if (!s) { s = new Set(); names.set(key, s) }
    return s
  }
  for (const o of all) if (o.kind === 'Pod' || o.kind === 'EndpointSlice') namesOf(o.kind, o.namespace).add(o.name)

  // Workloads → pod drafts, in document order (system objects first: the cluster existed before the scenario).
  const workloads: Workload[] = []
  const drafts: PodDraft[] = []
  const expanded: ExpandedWorkload[] = []
  // Written pods first, so controllers can claim the ones that are theirs (imports) before making new ones.
  const written = new Map<ManifestObject, PodDraft>()
  for (const o of all) if (o.kind === 'Pod' && o.apiVersion === 'v1') written.set(o, podDraft(o, createdAt(o)))
  const writtenIndex = indexPods([...written.values()])
  const seen = new Set<PodDraft>()
  for (const o of all) {
    if (o.kind === 'Pod' && o.apiVersion === 'v1') {
      const d = written.get(o)!
      seen.add(d)
      drafts.push(d)
    } else if (WORKLOAD_KINDS.has(o.kind) && o.apiVersion === 'apps/v1') {
      const existing = (matchLabels: Record<string, string>) =>
        writtenIndex.select(o.namespace, matchLabels).map((d) => ({ draft: d, before: seen.has(d) }))
      const w = expandWorkload(o, createdAt(o), ctx, namesOf('Pod', o.namespace), isSystemObject(o), existing)
      if (!w) continue
      workloads.push(w.workload)
      expanded.push(w)
      if (w.daemonSet) {
        // The DaemonSet controller: one pod on every node the pod fits (taints honoured, cordoning ignored).
        let ordinal = 0
        for (const node of nodes) {
          if (w.daemonSet.coveredNodes.has(node.name)) continue
          const d = daemonSetDraft(w, node.name, ordinal, namesOf('Pod', o.namespace))
          if (unfitReason(d, node)) {
            namesOf('Pod', o.namespace).delete(d.name)
            continue
          }
          ordinal++
          drafts.push(d)
        }
        w.workload.replicas = ordinal + w.daemonSet.coveredNodes.size
      } else {
        drafts.push(...w.drafts)
      }
    }
  }
  const pods = settlePods(drafts, nodes, ctx)
  // owner name → namespace → owner kind → pod ids: keyed by the strings pods share, not a key string built per pod
  const byOwner = new Map<string, Map<string, Map<string, string[]>>>()
  for (const p of pods) {
    if (!p.owner) continue
    let inNamespaces = byOwner.get(p.owner.name)
    if (!inNamespaces) { inNamespaces = new Map(); byOwner.set(p.owner.name, inNamespaces) }
    let byKind = inNamespaces.get(p.namespace)
    if (!byKind) { byKind = new Map(); inNamespaces.set(p.namespace, byKind) }
    const list = byKind.get(p.owner.kind)
    if (list) list.push(p.id)
    else byKind.set(p.owner.kind, [p.id])
  }
  for (const w of expanded) {
    const ownerName = w.workload.replicaSetName ?? w.workload.name
    w.workload.pods = byOwner.get(ownerName)?.get(w.workload.namespace)?.get(ownerKind(w.workload.kind)) ?? []
  }
  const podIndex = indexPods(pods)
  const nodesByName = new Map(nodes.map((n) => [n.name, n]))

  // Services, then the slices the controllers (or the user) made for them.
  const serviceObjs = all.filter((o) => o.kind === 'Service' && o.apiVersion === 'v1')
  const services = buildServices(serviceObjs, world.config, createdAt, ctx)
  const endpointSlices: EndpointSlice[] = []
  for (const s of services) {
    if (s.system && s.namespace === 'default' && s.name === 'kubernetes') endpointSlices.push(kubernetesSlice(nodes, s.createdAtMs))
    else endpointSlices.push(...slicesForService(s, podIndex, nodesByName, namesOf('EndpointSlice', s.namespace)))
  }
  for (const o of all) {
    if (o.kind === 'EndpointSlice' && o.apiVersion === 'discovery.k8s.io/v1') {
      const slice = readEndpointSlice(o, createdAt(o), ctx)
      if (slice) endpointSlices.push(slice)
    } else if (o.kind === 'Endpoints' && o.apiVersion === 'v1') {
      endpointSlices.push(...mirrorEndpoints(o, services, createdAt(o), namesOf('EndpointSlice', o.namespace)))
    }
  }

  const others: PassThroughObject[] = objects.filter((o) => !CONSUMED.has(o.kind) || !o.known).map((o) => {
    const other: PassThroughObject = {
      id: o.id,
      kind: o.kind,
      apiVersion: o.apiVersion,
      namespace: o.namespace,
      name: o.name,
      labels: o.labels,
      annotations: o.annotations,
      body: o.body,
      source: refOf(o),
    }
    if (isSystemObject(o)) other.system = true
    return other
  })

  const cluster: Cluster = {
    config: world.config,
    kubeProxy,
    nodes,
    clients: world.clients,
    namespaces: namespacesOf(all),
    workloads,
    pods,
    services,
    endpointSlices,
    others,
  }
  if (world.router) cluster.router = world.router
  lintCluster(cluster, objects, podIndex, ctx)
  return cluster
}

function ownerKind(kind: Workload['kind']): string {
  return kind === 'Deployment' ? 'ReplicaSet' : kind
}

function podDraft(o: ManifestObject, createdAtMs: number): PodDraft {
  const d: PodDraft = {
    namespace: o.namespace,
    name: o.name,
    labels: { ...o.labels },
    annotations: { ...o.annotations },
    spec: getObject(o.body, 'spec') ?? {},
    status: getObject(o.body, 'status') ?? {},
    obj: o,
    field: 'spec',
    createdAtMs,
  }
  const deletion = getString(o.body, 'metadata', 'deletionTimestamp')
  if (deletion) d.deletionTimestamp = deletion
  // metadata.ownerReferences: the controller reference (controller: true), as an import carries it.
  const refs = getArray(o.body, 'metadata', 'ownerReferences').filter(isObject)
  const ref = refs.find((r) => r.controller === true) ?? refs[0]
  const kind = getString(ref, 'kind'), name = getString(ref, 'name')
  if (kind && name) d.owner = { kind, name }
  return d
}

/** The same object twice: the second is refused, as `kubectl create` refuses it (AlreadyExists). */
function dedupe(objects: ManifestObject[], ctx: BuildContext): ManifestObject[] {
  const seen = new Set<string>()
  const out: ManifestObject[] = []
  for (const o of objects) {
    const slash = o.apiVersion.indexOf('/')
    const key = `${slash >= 0 ? o.apiVersion.slice(0, slash) : ''}|${o.id}`
    if (seen.has(key)) {
      report(ctx, 'cluster.duplicateObject', 'error', { kind: o.kind, name: o.namespace ? `${o.namespace}/${o.name}` : o.name }, o, 'metadata.name')
      continue
    }
    seen.add(key)
    out.push(o)
  }
  return out
}

function namespacesOf(objects: ManifestObject[]): string[] {
  const set = new Set(SYSTEM_NAMESPACES)
  for (const o of objects) {
    if (o.kind === 'Namespace') set.add(o.name)
    else if (o.namespace) set.add(o.namespace)
  }
  return [...set].sort()
}
