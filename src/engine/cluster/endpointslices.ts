import { objectId } from '../core/ids'
import type { ManifestObject } from '../manifest/types'
import { refOf, report, type BuildContext } from './context'
import { readProtocol } from './podspec'
import { getArray, getBool, getNumber, getString, getStringMap, getValue } from './read'
import type { PodIndex } from './selector'
import { isIPv4 } from '../util/ip'
import type { ClusterNode, Endpoint, EndpointPort, EndpointSlice, Pod, Service, ServicePort } from './types'
import { generateName } from './workloads'

// discovery/v1 well-known labels and values.
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name'
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by'
export const LABEL_HEADLESS = 'service.kubernetes.io/headless'
export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror'
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io'
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io'
const ZONE_LABEL = 'topology.kubernetes.io/zone'
// --max-endpoints-per-slice default of kube-controller-manager.
export const MAX_ENDPOINTS_PER_SLICE = 100

/**
 * endpointslice utils.ShouldPodBeInEndpoints(pod, includeTerminating=true): terminal pods and pods without an IP are
 * left out; terminating pods stay (with their conditions).
 */
export function shouldPodBeInEndpoints(pod: Pod): boolean {
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return false
  return pod.podIP !== ''
}

/** podutil.FindPort: a numeric targetPort verbatim; a name → the first container (then sidecar) port with that name and protocol. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  if (typeof sp.targetPort === 'number') return sp.targetPort
  for (const sidecarPass of [false, true]) {
    for (const c of pod.containers) {
      if ((c.sidecar ?? false) !== sidecarPass) continue
      for (const p of c.ports) if (p.name === sp.targetPort && p.protocol === sp.protocol) return p.containerPort
    }
  }
  return undefined
}

/**
 * getEndpointPorts: one EndpointPort per Service port that resolves for this pod; the others are omitted
 * (a headless Service may have no ports at all).
 */
export function endpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = []
  for (const sp of service.ports) {
    const port = findPort(pod, sp)
    if (port === undefined) continue
    const ep: EndpointPort = { name: sp.name, port, protocol: sp.protocol }
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol
    out.push(ep)
  }
  return out
}

/** podToEndpoint: conditions, node, zone, and the hostname only when the pod asked to be named under this Service. */
export function podToEndpoint(service: Service, pod: Pod, nodes: Map<string, ClusterNode>): Endpoint {
  const serving = pod.ready // serving = PodReady
  const terminating = pod.terminating // deletionTimestamp != nil
  const ep: Endpoint = {
    addresses: [pod.podIP],
    conditions: {
      ready: service.publishNotReadyAddresses || (serving && !terminating),
      serving,
      terminating,
    },
    targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  }
  if (pod.nodeName) ep.nodeName = pod.nodeName
  const zone = nodes.get(pod.nodeName)?.labels[ZONE_LABEL]
  if (zone) ep.zone = zone
  // ShouldSetHostname: pod.spec.hostname set and pod.spec.subdomain == service name (same namespace).
  if (pod.hostname && pod.subdomain === service.name && pod.namespace === service.namespace) ep.hostname = pod.hostname
  return ep
}

/**
 * The identity of a pod's resolved port set (the reconciler groups endpoints by their port map's key): each
 * field of the sorted ports, strings JSON-quoted so no two different sets share a key. Built by hand, not by
 * JSON.stringify of the objects: one per selected pod, 10,000 at 1000 × 10.
 */
function portsKey(ports: EndpointPort[]): string {
  const sorted = ports.length > 1 ? [...ports].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : 1)) : ports
  let key = ''
  for (const p of sorted) key += `${JSON.stringify(p.name)} ${p.protocol} ${p.port} ${p.appProtocol === undefined ? '-' : JSON.stringify(p.appProtocol)};`
  return key
}

/** isReservedLabelKey: labels a Service cannot pass on to its slices. */
function isReservedLabel(key: string): boolean {
  return key === LABEL_SERVICE_NAME || key === LABEL_MANAGED_BY || key === LABEL_HEADLESS
}

/**
 * setEndpointSliceLabels: the Service's own labels minus the reserved ones, the headless label when no ClusterIP is set
 * (isServiceIPSet), then the service-name and managed-by labels.
 */
function sliceLabels(service: Service): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const [k, v] of Object.entries(service.labels)) if (!isReservedLabel(k)) labels[k] = v
  if (service.clusterIP === 'None' || service.clusterIP === '') labels[LABEL_HEADLESS] = ''
  labels[LABEL_SERVICE_NAME] = service.name
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME
  return sortRecord(labels)
}

function sortRecord(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of Object.keys(m).sort()) out[k] = m[k]
  return out
}

/**
 * The EndpointSlice controller for one Service with a selector: selected pods grouped by their resolved port set,
 * at most 100 endpoints a slice. A Service that selects nothing still gets one empty placeholder slice.
 */
export function slicesForService(service: Service, pods: PodIndex<Pod>, nodes: Map<string, ClusterNode>, takenNames: Set<string>): EndpointSlice[] {
  if (!service.selector || service.type === 'ExternalName') return []
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>()
  for (const pod of pods.select(service.namespace, service.selector)) {
    if (!shouldPodBeInEndpoints(pod)) continue
    // reconciler: a pod whose node does not exist is skipped, unless the Service publishes not-ready addresses.
    if (!nodes.has(pod.nodeName) && !service.publishNotReadyAddresses) continue
    const ports = endpointPorts(service, pod)
    const key = portsKey(ports)
    let g = groups.get(key)
    if (!g) { g = { ports, endpoints: [] }; groups.set(key, g) }
    g.endpoints.push(podToEndpoint(service, pod, nodes))
  }
  const labels = sliceLabels(service)
  const out: EndpointSlice[] = []
  const make = (ports: EndpointPort[], endpoints: Endpoint[]) => {
    const name = generateName(`${service.name}-`, out.length, takenNames)
    out.push({
      id: objectId('EndpointSlice', name, service.namespace),
      namespace: service.namespace,
      name,
      serviceName: service.name,
      addressType: 'IPv4',
      endpoints,
      ports,
      labels: { ...labels },
      managedBy: CONTROLLER_NAME,
      source: { object: service.id },
      createdAtMs: service.createdAtMs,
    })
  }
  for (const g of groups.values()) {
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) make(g.ports, g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE))
  }
  // placeholderSliceCompare: an empty slice with no ports stands for "no endpoints".
  if (out.length === 0) make([], [])
  return out
}

/** A user-written EndpointSlice, kept as written (selectorless Services, or anything the user wants to try). */
export function readEndpointSlice(obj: ManifestObject, createdAtMs: number, ctx: BuildContext): EndpointSlice | undefined {
  const addressType = getString(obj.body, 'addressType')
  if (addressType !== 'IPv4' && addressType !== 'IPv6' && addressType !== 'FQDN') {
    report(ctx, 'cluster.slice.badAddressType', 'error', { value: addressType ?? '' }, obj, 'addressType')
    return undefined
  }
  const serviceName = obj.labels[LABEL_SERVICE_NAME] ?? ''
  if (!serviceName) report(ctx, 'cluster.slice.noServiceLabel', 'warning', { name: obj.name }, obj, 'metadata')
  const endpoints: Endpoint[] = getArray(obj.body, 'endpoints').map((e) => {
    // Unset conditions: ready and serving read as true, terminating as false (discovery/v1 field docs).
    const ready = getBool(e, 'conditions', 'ready') ?? true
    const ep: Endpoint = {
      addresses: getArray(e, 'addresses').filter((a): a is string => typeof a === 'string'),
      conditions: {
        ready,
        serving: getBool(e, 'conditions', 'serving') ?? ready,
        terminating: getBool(e, 'conditions', 'terminating') ?? false,
      },
    }
    const nodeName = getString(e, 'nodeName')
    if (nodeName) ep.nodeName = nodeName
    const zone = getString(e, 'zone')
    if (zone) ep.zone = zone
    const hostname = getString(e, 'hostname')
    if (hostname) ep.hostname = hostname
    if (getString(e, 'targetRef', 'kind') === 'Pod') {
      ep.targetRef = { kind: 'Pod', namespace: getString(e, 'targetRef', 'namespace') ?? obj.namespace, name: getString(e, 'targetRef', 'name') ?? '' }
    }
    return ep
  })
  const ports: EndpointPort[] = []
  getArray(obj.body, 'ports').forEach((p, i) => {
    const protocol = readProtocol(getValue(p, 'protocol'))
    const port = getNumber(p, 'port')
    if (!protocol || port === undefined) {
      report(ctx, 'cluster.slice.badPort', 'error', { index: i }, obj, `ports.${i}`)
      return
    }
    const ep: EndpointPort = { name: getString(p, 'name') ?? '', port, protocol }
    const app = getString(p, 'appProtocol')
    if (app) ep.appProtocol = app
    ports.push(ep)
  })
  return {
    id: obj.id,
    namespace: obj.namespace,
    name: obj.name,
    serviceName,
    addressType,
    endpoints,
    ports,
    labels: { ...obj.labels },
    managedBy: obj.labels[LABEL_MANAGED_BY] ?? '',
    source: refOf(obj),
    createdAtMs,
  }
}

// --mirroring-max-endpoints-per-subset default of kube-controller-manager.
export const MIRRORING_MAX_ENDPOINTS_PER_SUBSET = 1000

/**
 * The EndpointSliceMirroring controller (DesiredEndpointSlicesFromEndpoints): a legacy Endpoints object of a
 * selectorless Service becomes slices grouped by port set, `addresses` ready and `notReadyAddresses` not ready, at most
 * 1000 addresses a subset. Skipped when the Service has a selector, when there is no such Service, or when the
 * Endpoints carries `endpointslice.kubernetes.io/skip-mirror: "true"`.
 */
export function mirrorEndpoints(obj: ManifestObject, services: Service[], createdAtMs: number, takenNames: Set<string>): EndpointSlice[] {
  const service = services.find((s) => s.namespace === obj.namespace && s.name === obj.name)
  if (!service || service.selector || obj.labels[LABEL_SKIP_MIRROR] === 'true') return []
  // SetLabelsAnnotations: the Endpoints' labels minus the two reserved ones, then those two.
  const labels: Record<string, string> = {}
  for (const [k, v] of Object.entries(obj.labels)) if (k !== LABEL_MANAGED_BY && k !== LABEL_SERVICE_NAME) labels[k] = v
  labels[LABEL_SERVICE_NAME] = obj.name
  labels[LABEL_MANAGED_BY] = MIRRORING_CONTROLLER_NAME
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>()
  for (const subset of getArray(obj.body, 'subsets')) {
    const ports: EndpointPort[] = getArray(subset, 'ports').flatMap((p) => {
      const port = getNumber(p, 'port')
      const protocol = readProtocol(getValue(p, 'protocol'))
      if (port === undefined || !protocol) return []
      const ep: EndpointPort = { name: getString(p, 'name') ?? '', port, protocol }
      const app = getString(p, 'appProtocol')
      if (app) ep.appProtocol = app
      return [ep]
    })
    const key = portsKey(ports)
    let group = groups.get(key)
    if (!group) { group = { ports, endpoints: [] }; groups.set(key, group) }
    let added = 0
    for (const [field, ready] of [['addresses', true], ['notReadyAddresses', false]] as const) {
      for (const a of getArray(subset, field)) {
        if (added >= MIRRORING_MAX_ENDPOINTS_PER_SUBSET) break
        const ip = getString(a, 'ip')
        if (!ip || !isIPv4(ip)) continue
        // addressToEndpoint sets only `ready`; serving defers to ready, terminating reads as false.
        const ep: Endpoint = { addresses: [ip], conditions: { ready, serving: ready, terminating: false } }
        const nodeName = getString(a, 'nodeName')
        if (nodeName) ep.nodeName = nodeName
        const hostname = getString(a, 'hostname')
        if (hostname) ep.hostname = hostname
        const ref = getStringMap(a, 'targetRef')
        if (ref && ref.kind === 'Pod') ep.targetRef = { kind: 'Pod', namespace: ref.namespace ?? obj.namespace, name: ref.name ?? '' }
        if (!group.endpoints.some((e) => e.addresses[0] === ip)) group.endpoints.push(ep)
        added++
      }
    }
  }
  const out: EndpointSlice[] = []
  for (const g of groups.values()) {
    if (g.endpoints.length === 0) continue
    const name = generateName(`${obj.name}-`, out.length, takenNames)
    out.push({
      id: objectId('EndpointSlice', name, obj.namespace),
      namespace: obj.namespace,
      name,
      serviceName: obj.name,
      addressType: 'IPv4',
      endpoints: g.endpoints,
      ports: g.ports,
      labels: sortRecord(labels),
      managedBy: MIRRORING_CONTROLLER_NAME,
      source: refOf(obj),
      createdAtMs,
    })
  }
  return out
}
