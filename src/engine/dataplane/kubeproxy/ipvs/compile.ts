import type { Cluster, ClusterNode } from '../../../cluster/types'
import { bridgeIP } from '../../../trace/network'
import { cidrContains, ipToInt, parseCidr } from '../../../util/ip'
import { categorizeEndpoints, type EndpointInfo, type ServicePortInfo } from '../serviceports'
import { buildIpsets, type Ipset } from './ipsets'
import { buildIpvsRules, type IpvsRule } from './rules'

/**
 * kube-proxy's IPVS mode compiled for one node (k/k pkg/proxy/ipvs/proxier.go syncProxyRules): the addresses it binds
 * to the dummy interface kube-ipvs0, one virtual server per (address, protocol, port) with its real servers, the
 * ipsets, and the iptables rules IPVS mode still writes.
 */

export type VsKind = 'cluster' | 'external' | 'loadbalancer' | 'nodeport'

export interface RealServer {
  ip: string
  port: number
  /** `ip:port` */
  key: string
  /** kube-proxy writes Weight 1; 0 while a removed endpoint drains (graceful termination). */
  weight: number
  endpoint: EndpointInfo
}

export interface VirtualServer {
  protocol: 'TCP' | 'UDP' | 'SCTP'
  address: string
  port: number
  /** `TCP:10.96.0.10:80`, the kernel's lookup key (protocol, address, port). */
  key: string
  scheduler: string
  /** Persistence timeout in seconds (sessionAffinity ClientIP), 0 if none. */
  persistent: number
  kind: VsKind
  servicePort: ServicePortInfo
  /** In the kernel's list order (each new destination is added at the head: list_add_rcu in __ip_vs_update_dest). */
  realServers: RealServer[]
  /** Endpoints kube-proxy removed from the set: weight 0 while connections to them remain (graceful termination). */
  draining: RealServer[]
}

export interface IpvsNodeState {
  node: string
  nodeIP: string
  /** Addresses bound to kube-ipvs0, in the order kube-proxy bound them. */
  dummyAddresses: string[]
  /** Sorted as `ipvsadm --sort` lists them (the kernel's own order hangs on a per-boot hash). */
  virtualServers: VirtualServer[]
  byKey: Map<string, VirtualServer>
  ipsets: Ipset[]
  rules: IpvsRule[]
  clusterCIDR: string
  masqueradeAll: boolean
  masqueradeMark: number
}

export const DUMMY_DEVICE = 'kube-ipvs0' // k/k ipvs proxier defaultDummyDevice

export function vsKey(protocol: string, address: string, port: number): string {
  return `${protocol.toUpperCase()}:${address}:${port}`
}

/** The node's addresses NodePort virtual servers are made for (every address but kube-ipvs0's and loopback's). */
export function nodePortIPs(node: ClusterNode, nodePortAddresses: string[]): string[] {
  // k/k ipvs realIPGetter.NodeIPs: every local address except those on kube-ipvs0; eth0 and the cni0 bridge here
  const all = [node.ip, bridgeIP(node)].filter((ip) => ip !== '')
  if (nodePortAddresses.length === 0) return all
  const cidrs = nodePortAddresses.map((c) => parseCidr(c)).filter((c) => c !== undefined)
  return all.filter((ip) => cidrs.some((c) => cidrContains(c, ip)))
}

export function compileIpvs(cluster: Cluster, node: ClusterNode, servicePorts: ServicePortInfo[]): IpvsNodeState {
  const scheduler = cluster.kubeProxy.ipvsScheduler || 'rr'
  const dummy: string[] = []
  const vss: VirtualServer[] = []
  const bind = (ip: string) => {
    if (!dummy.includes(ip)) dummy.push(ip)
  }
  for (const sp of servicePorts) {
    const cat = categorizeEndpoints(sp, node.name)
    // syncEndpoint: the internal policy picks the endpoints of the cluster IP, the external policy those of the
    // externally reachable virtual servers (onlyNodeLocalEndpoints: the local endpoints, even if there are none)
    const internal = sp.internalPolicyLocal ? cat.localEndpoints : cat.clusterEndpoints
    const external = sp.externalPolicyLocal ? cat.localEndpoints : cat.clusterEndpoints
    const make = (address: string, port: number, kind: VsKind, eps: EndpointInfo[]): VirtualServer => {
      const chosen = new Set(eps.map((e) => e.hostPort))
      const toRs = (e: EndpointInfo, weight: number): RealServer => ({ ip: e.ip, port: e.port, key: e.hostPort, weight, endpoint: e })
      // kube-proxy adds them in sorted order (sets.List); the kernel puts each new one at the head of the list
      const realServers = [...eps].sort((a, b) => a.hostPort < b.hostPort ? -1 : a.hostPort > b.hostPort ? 1 : 0).map((e) => toRs(e, 1)).reverse()
      // an endpoint still in the slice but no longer chosen (terminating) drains at weight 0 (graceful_termination.go)
      const draining = sp.endpoints.filter((e) => !chosen.has(e.hostPort) && e.terminating).map((e) => toRs(e, 0))
      return {
        protocol: sp.protocol.toUpperCase() as VirtualServer['protocol'],
        address,
        port,
        key: vsKey(sp.protocol, address, port),
        scheduler,
        // sessionAffinity ClientIP: FlagPersistent with Timeout = StickyMaxAgeSeconds
        persistent: sp.sessionAffinity ? sp.stickyMaxAgeSeconds : 0,
        kind,
        servicePort: sp,
        realServers,
        draining,
      }
    }
    bind(sp.clusterIP)
    vss.push(make(sp.clusterIP, sp.port.port, 'cluster', internal))
    for (const ip of sp.externalIPs) {
      bind(ip)
      vss.push(make(ip, sp.port.port, 'external', external))
    }
    for (const ip of sp.loadBalancerIPs) {
      bind(ip)
      vss.push(make(ip, sp.port.port, 'loadbalancer', external))
    }
    if (sp.nodePort) {
      for (const ip of nodePortIPs(node, cluster.kubeProxy.nodePortAddresses)) vss.push(make(ip, sp.nodePort, 'nodeport', external))
    }
  }
  // ipvsadm --sort order: protocol, address, port
  const protoOrder = { TCP: 0, UDP: 1, SCTP: 2 }
  vss.sort((a, b) => protoOrder[a.protocol] - protoOrder[b.protocol] || (ipToInt(a.address) >>> 0) - (ipToInt(b.address) >>> 0) || a.port - b.port)
  const byKey = new Map<string, VirtualServer>()
  for (const vs of vss) if (!byKey.has(vs.key)) byKey.set(vs.key, vs)
  const clusterCIDR = parseCidr(cluster.kubeProxy.clusterCIDR)?.text ?? ''
  const ipsets = buildIpsets(servicePorts, node, dummy, vss)
  const state: IpvsNodeState = {
    node: node.name,
    nodeIP: node.ip,
    dummyAddresses: dummy,
    virtualServers: vss,
    byKey,
    ipsets,
    rules: [],
    clusterCIDR,
    masqueradeAll: cluster.kubeProxy.masqueradeAll,
    masqueradeMark: 0x4000,
  }
  state.rules = buildIpvsRules(state)
  return state
}
