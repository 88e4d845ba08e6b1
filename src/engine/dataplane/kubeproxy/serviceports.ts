import type { Cluster, Service, ServicePort } from '../../cluster/types'
import type { ObjectId } from '../../core/ids'
import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { base32 } from '@scure/base'
import { isIPv4, parseCidr } from '../../util/ip'
import type { L4 } from './iptables/rule'

/**
 * kube-proxy's view of the cluster, independent of the node and of the mode: one entry per Service port it proxies
 * (k/k pkg/proxy servicechangetracker + endpointslicecache), with the chain names iptables mode derives from it.
 */

export interface EndpointInfo {
  ip: string
  port: number
  /** `ip:port` (net.JoinHostPort), the endpoint's String(). */
  hostPort: string
  nodeName?: string
  zone?: string
  ready: boolean
  serving: boolean
  terminating: boolean
  pod?: ObjectId
  /** KUBE-SEP-… */
  chain: string
}

export interface ServicePortInfo {
  service: Service
  port: ServicePort
  /** kube-proxy ServicePortName.String(): `ns/name:port`, or `ns/name` for an unnamed port. */
  name: string
  protocol: L4
  clusterIP: string
  externalIPs: string[]
  loadBalancerIPs: string[]
  loadBalancerSourceRanges: string[]
  nodePort: number
  healthCheckNodePort: number
  sessionAffinity: boolean
  stickyMaxAgeSeconds: number
  externallyAccessible: boolean
  externalPolicyLocal: boolean
  internalPolicyLocal: boolean
  svcChain: string
  svlChain: string
  extChain: string
  fwChain: string
  /** Every endpoint of this port, sorted by `ip:port` text as endpointslicecache sorts them (byEndpoint). */
  endpoints: EndpointInfo[]
}

/** base32.StdEncoding(sha256(text))[:16]: 16 base32 characters are the digest's first 10 bytes exactly. */
function hash16(text: string): string {
  // a pure function of its text, memoised across compiles: every edit of 1000 × 10 builds a new Simulation whose
  // first trace names 11,000 chains again, almost all of them unchanged (bounded: cleared past 200,000 names)
  let hash = hashes.get(text)
  if (hash === undefined) {
    hash = base32.encode(sha256(utf8ToBytes(text)).subarray(0, 10))
    if (hashes.size >= 200_000) hashes.clear()
    hashes.set(text, hash)
  }
  return hash
}
const hashes = new Map<string, string>()

// kube-proxy portProtoHash: base32(sha256(servicePortName + protocol))[:16]
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hash16(servicePortName + protocol)
}

// kube-proxy servicePortEndpointChainName: "KUBE-SEP-" + base32(sha256(spn + protocol + endpoint))[:16]
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return 'KUBE-SEP-' + hash16(servicePortName + protocol + endpoint)
}

// proxy.ServicePortName.String(): "ns/name:port", the ":port" omitted for an unnamed port
export function servicePortName(namespace: string, name: string, port: string): string {
  return port ? `${namespace}/${name}:${port}` : `${namespace}/${name}`
}

/** Every Service port kube-proxy programs, in a stable order (by ServicePortName, the order of kube-proxy's golden tests). */
export function buildServicePorts(cluster: Cluster): ServicePortInfo[] {
  const out: ServicePortInfo[] = []
  const slicesByService = new Map<string, Cluster['endpointSlices']>()
  for (const slice of cluster.endpointSlices) {
    const key = `${slice.namespace}/${slice.serviceName}`
    const list = slicesByService.get(key)
    if (list) list.push(slice)
    else slicesByService.set(key, [slice])
  }
  for (const svc of cluster.services) {
    // k/k servicechangetracker: skip services whose ClusterIP is "None" or empty (headless, ExternalName)
    if (svc.type === 'ExternalName' || !isIPv4(svc.clusterIP)) continue
    for (const port of svc.ports) {
      out.push(servicePortInfo(svc, port, slicesByService.get(`${svc.namespace}/${svc.name}`) ?? []))
    }
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : 1))
  return out
}

function servicePortInfo(svc: Service, port: ServicePort, slices: Cluster['endpointSlices']): ServicePortInfo {
  const name = servicePortName(svc.namespace, svc.name, port.name)
  const protocol = port.protocol.toLowerCase() as L4
  const hash = portProtoHash(name, protocol)
  const nodePort = svc.type === 'NodePort' || svc.type === 'LoadBalancer' ? port.nodePort ?? 0 : 0
  const loadBalancerIPs = svc.type === 'LoadBalancer' ? svc.loadBalancerIngress.filter(isIPv4) : []
  const externalIPs = svc.externalIPs.filter(isIPv4)
  const externallyAccessible = nodePort !== 0 || loadBalancerIPs.length > 0 || externalIPs.length > 0
  // k/k service.go: loadBalancerSourceRanges are trimmed and parsed; invalid entries are ignored
  const loadBalancerSourceRanges = svc.loadBalancerSourceRanges
    .map((r) => parseCidr(r.trim()))
    .filter((c) => c !== undefined)
    .map((c) => c.text)
  const endpoints = collectEndpoints(name, protocol, port, slices)
  return {
    service: svc,
    port,
    name,
    protocol,
    clusterIP: svc.clusterIP,
    externalIPs,
    loadBalancerIPs,
    loadBalancerSourceRanges,
    nodePort,
    // apiservice.NeedsHealthCheck: only LoadBalancer services with eTP=Local carry a healthCheckNodePort
    healthCheckNodePort:
      svc.type === 'LoadBalancer' && svc.externalTrafficPolicy === 'Local' ? svc.healthCheckNodePort ?? 0 : 0,
    sessionAffinity: svc.sessionAffinity === 'ClientIP',
    stickyMaxAgeSeconds: svc.affinityTimeoutSeconds,
    externallyAccessible,
    // apiservice.ExternalPolicyLocal: only NodePort/LoadBalancer services honour eTP=Local
    externalPolicyLocal:
      externallyAccessible && (svc.type === 'NodePort' || svc.type === 'LoadBalancer') && svc.externalTrafficPolicy === 'Local',
    internalPolicyLocal: svc.internalTrafficPolicy === 'Local',
    svcChain: 'KUBE-SVC-' + hash,
    svlChain: 'KUBE-SVL-' + hash,
    extChain: 'KUBE-EXT-' + hash,
    fwChain: 'KUBE-FW-' + hash,
    endpoints,
  }
}

// endpointslicecache: for each slice port with the service port's name and protocol, every endpoint's first address
function collectEndpoints(name: string, protocol: L4, port: ServicePort, slices: Cluster['endpointSlices']): EndpointInfo[] {
  const byKey = new Map<string, EndpointInfo>()
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue
    for (const sp of slice.ports) {
      if (sp.name !== port.name || sp.protocol !== port.protocol) continue
      for (const ep of slice.endpoints) {
        const ip = ep.addresses[0]
        if (!ip || !isIPv4(ip)) continue
        const hostPort = `${ip}:${sp.port}`
        if (byKey.has(hostPort)) continue
        byKey.set(hostPort, {
          ip,
          port: sp.port,
          hostPort,
          nodeName: ep.nodeName,
          zone: ep.zone,
          ready: ep.conditions.ready,
          serving: ep.conditions.serving,
          terminating: ep.conditions.terminating,
          pod: ep.targetRef ? `Pod/${ep.targetRef.namespace}/${ep.targetRef.name}` : undefined,
          chain: endpointChainName(name, protocol, hostPort),
        })
      }
    }
  }
  // endpointslicecache endpointsMapFromEndpointInfo: sort.Sort(byEndpoint) compares String() values
  return [...byKey.values()].sort((a, b) => (a.hostPort < b.hostPort ? -1 : a.hostPort > b.hostPort ? 1 : 0))
}

export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  // k/k BaseServicePortInfo.UsesClusterEndpoints
  return !sp.internalPolicyLocal || (sp.externallyAccessible && !sp.externalPolicyLocal)
}

export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  // k/k BaseServicePortInfo.UsesLocalEndpoints
  return sp.internalPolicyLocal || (sp.externallyAccessible && sp.externalPolicyLocal)
}

export interface Categorized {
  clusterEndpoints: EndpointInfo[]
  localEndpoints: EndpointInfo[]
  allReachableEndpoints: EndpointInfo[]
  hasAnyEndpoints: boolean
}

// k/k pkg/proxy/topology.go CategorizeEndpoints (topology hints not modelled: no zone-aware routing yet)
export function categorizeEndpoints(sp: ServicePortInfo, nodeName: string): Categorized {
  const all = sp.endpoints
  const isLocal = (ep: EndpointInfo) => ep.nodeName === nodeName
  let clusterEndpoints: EndpointInfo[] = []
  let localEndpoints: EndpointInfo[] = []
  let hasAnyEndpoints = false
  if (usesClusterEndpoints(sp)) {
    clusterEndpoints = all.filter((ep) => ep.ready)
    // no ready endpoints anywhere: fall back to serving-and-terminating ones
    if (clusterEndpoints.length === 0) clusterEndpoints = all.filter((ep) => ep.serving && ep.terminating)
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true
  }
  if (!usesLocalEndpoints(sp)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints }
  }
  let hasLocalReady = false
  let hasLocalServingTerminating = false
  for (const ep of all) {
    if (ep.ready) {
      hasAnyEndpoints = true
      if (isLocal(ep)) hasLocalReady = true
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true
      if (isLocal(ep)) hasLocalServingTerminating = true
    }
  }
  if (hasLocalReady) localEndpoints = all.filter((ep) => ep.ready && isLocal(ep))
  else if (hasLocalServingTerminating) localEndpoints = all.filter((ep) => isLocal(ep) && ep.serving && ep.terminating)
  if (!usesClusterEndpoints(sp)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints }
  }
  // both policies in use: the union, cluster endpoints first
  const seen = new Set(clusterEndpoints.map((ep) => ep.hostPort))
  const allReachableEndpoints = [...clusterEndpoints, ...localEndpoints.filter((ep) => !seen.has(ep.hostPort))]
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints }
}
