import type { ManifestObject } from '../manifest/types'
import { report, type BuildContext } from './context'
import { getArray, getBool, getNumber, getObject, getString, getStringList, getValue, isObject, type Json } from './read'
import type { Container, ContainerPort, DNSPolicy, PodDNSConfig, Protocol } from './types'

/**
 * A pod before it is scheduled and given an address: what a controller (or the user) wrote, plus who made it.
 * `spec` is the pod spec as written; `field` is where that spec sits in the source object, for findings.
 */
export interface PodDraft {
  namespace: string
  name: string
  labels: Record<string, string>
  annotations: Record<string, string>
  spec: Json
  status: Json
  deletionTimestamp?: string
  owner?: { kind: string; name: string }
  /** The object the user wrote (the workload, or the Pod itself). */
  obj: ManifestObject
  /** Path of the pod spec inside `obj`: `spec` for a Pod, `spec.template.spec` for a workload. */
  field: string
  system?: boolean
  createdAtMs: number
  /** DaemonSet pods are bound to their node by the controller (nodeAffinity on metadata.name). */
  boundNode?: string
  /** Tolerations a controller adds on top of the written ones (the DaemonSet controller's). */
  extraTolerations?: Toleration[]
  /** A controller's replacement for a deleted pod, or a re-applied bare pod (history.ts): addressed after the others. */
  recreated?: boolean
  /** Named in its workload's unready-pods list (history.ts): its readiness probe fails. */
  unready?: boolean
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
}

const PROTOCOLS = new Set(['TCP', 'UDP', 'SCTP'])

export function readProtocol(v: unknown): Protocol | undefined {
  if (v === undefined || v === null || v === '') return 'TCP'
  return typeof v === 'string' && PROTOCOLS.has(v) ? (v as Protocol) : undefined
}

function readContainer(c: Json, path: string, draft: PodDraft, ctx: BuildContext, sidecar: boolean): Container {
  const ports: ContainerPort[] = []
  getArray(c, 'ports').forEach((p, i) => {
    const containerPort = getNumber(p, 'containerPort')
    const protocol = readProtocol(getValue(p, 'protocol'))
    if (containerPort === undefined || !Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535 || !protocol) {
      report(ctx, 'cluster.pod.badContainerPort', 'error', { pod: draft.name }, draft.obj, `${path}.ports.${i}`)
      return
    }
    const port: ContainerPort = { containerPort, protocol }
    const name = getString(p, 'name')
    if (name) port.name = name
    const hostPort = getNumber(p, 'hostPort')
    if (hostPort !== undefined && hostPort > 0) port.hostPort = hostPort
    ports.push(port)
  })
  const env: Record<string, string> = {}
  for (const e of getArray(c, 'env')) {
    const name = getString(e, 'name')
    if (!name) continue
    // valueFrom (ConfigMap, Secret, fieldRef) is not resolved here: the variable exists with an empty value.
    env[name] = getString(e, 'value') ?? ''
  }
  const container: Container = { name: getString(c, 'name') ?? '', image: getString(c, 'image') ?? '', ports, env }
  if (Array.isArray(c.command)) container.command = getStringList(c, 'command')
  if (Array.isArray(c.args)) container.args = getStringList(c, 'args')
  if (sidecar) container.sidecar = true
  return container
}

/**
 * Containers, then restartable init containers (sidecars, KEP-753): the ones that run alongside the app. Read once
 * per pod spec (a workload's replicas share theirs, and their findings are reported once).
 */
export function readContainers(draft: PodDraft, ctx: BuildContext, cache?: WeakMap<object, Container[]>): Container[] {
  const hit = cache?.get(draft.spec)
  if (hit) return hit
  const out: Container[] = []
  getArray(draft.spec, 'containers').forEach((c, i) => {
    if (isObject(c)) out.push(readContainer(c, `${draft.field}.containers.${i}`, draft, ctx, false))
  })
  getArray(draft.spec, 'initContainers').forEach((c, i) => {
    if (isObject(c) && getString(c, 'restartPolicy') === 'Always') out.push(readContainer(c, `${draft.field}.initContainers.${i}`, draft, ctx, true))
  })
  cache?.set(draft.spec, out)
  return out
}

const DNS_POLICIES = new Set(['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'])

export function readDnsPolicy(draft: PodDraft, ctx: BuildContext): DNSPolicy {
  const v = getString(draft.spec, 'dnsPolicy')
  if (v === undefined || v === '') return 'ClusterFirst' // API default (pkg/apis/core/v1/defaults.go)
  if (DNS_POLICIES.has(v)) return v as DNSPolicy
  report(ctx, 'cluster.pod.badDnsPolicy', 'error', { value: v }, draft.obj, `${draft.field}.dnsPolicy`)
  return 'ClusterFirst'
}

export function readDnsConfig(spec: Json): PodDNSConfig | undefined {
  const c = getObject(spec, 'dnsConfig')
  if (!c) return undefined
  const out: PodDNSConfig = {}
  if (Array.isArray(c.nameservers)) out.nameservers = getStringList(c, 'nameservers')
  if (Array.isArray(c.searches)) out.searches = getStringList(c, 'searches')
  if (Array.isArray(c.options)) {
    out.options = getArray(c, 'options').filter(isObject).map((o) => {
      const opt: { name: string; value?: string } = { name: getString(o, 'name') ?? '' }
      const value = getString(o, 'value')
      if (value !== undefined) opt.value = value
      return opt
    })
  }
  return out
}

export function readTolerations(draft: PodDraft): Toleration[] {
  const written = getArray(draft.spec, 'tolerations').filter(isObject).map((t) => {
    const tol: Toleration = {}
    for (const k of ['key', 'operator', 'value', 'effect'] as const) {
      const v = getString(t, k)
      if (v !== undefined) tol[k] = v
    }
    return tol
  })
  return [...written, ...(draft.extraTolerations ?? [])]
}

export function isHostNetwork(draft: PodDraft): boolean {
  return getBool(draft.spec, 'hostNetwork') === true
}
