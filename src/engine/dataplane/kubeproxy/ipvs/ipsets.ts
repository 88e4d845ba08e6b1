import type { ClusterNode } from '../../../cluster/types'
import type { ServicePortInfo } from '../serviceports'
import type { VirtualServer } from './compile'

/**
 * The ipsets IPVS mode keeps (k/k pkg/proxy/ipvs/ipset.go and proxier.go ipsetInfo), in kube-proxy's creation order,
 * each with its entries as ipset prints them (utilipset Entry.String()).
 */

export type IpsetType = 'hash:ip' | 'hash:ip,port' | 'hash:ip,port,ip' | 'hash:ip,port,net' | 'bitmap:port'

export interface Ipset {
  name: string
  type: IpsetType
  /** The comment kube-proxy puts on the iptables rules that match the set (getComment). */
  comment: string
  entries: string[]
}

// k/k proxier.go ipsetInfo: name, type and comment, in creation order
const IPSET_INFO: [string, IpsetType, string][] = [
  ['KUBE-LOOP-BACK', 'hash:ip,port,ip', 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose'],
  ['KUBE-CLUSTER-IP', 'hash:ip,port', 'Kubernetes service cluster ip + port for masquerade purpose'],
  ['KUBE-EXTERNAL-IP', 'hash:ip,port', 'Kubernetes service external ip + port for masquerade and filter purpose'],
  ['KUBE-EXTERNAL-IP-LOCAL', 'hash:ip,port', 'Kubernetes service external ip + port with externalTrafficPolicy=local'],
  ['KUBE-LOAD-BALANCER', 'hash:ip,port', 'Kubernetes service lb portal'],
  ['KUBE-LOAD-BALANCER-FW', 'hash:ip,port', 'Kubernetes service load balancer ip + port for load balancer with sourceRange'],
  ['KUBE-LOAD-BALANCER-LOCAL', 'hash:ip,port', 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local'],
  ['KUBE-LOAD-BALANCER-SOURCE-IP', 'hash:ip,port,ip', 'Kubernetes service load balancer ip + port + source IP for packet filter purpose'],
  ['KUBE-LOAD-BALANCER-SOURCE-CIDR', 'hash:ip,port,net', 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose'],
  ['KUBE-NODE-PORT-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port for masquerade purpose'],
  ['KUBE-NODE-PORT-LOCAL-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port with externalTrafficPolicy=local'],
  ['KUBE-NODE-PORT-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port for masquerade purpose'],
  ['KUBE-NODE-PORT-LOCAL-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port with externalTrafficPolicy=local'],
  ['KUBE-NODE-PORT-SCTP-HASH', 'hash:ip,port', "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'"],
  ['KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'hash:ip,port', "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'"],
  ['KUBE-HEALTH-CHECK-NODE-PORT', 'bitmap:port', 'Kubernetes health check node port'],
  ['KUBE-IPVS-IPS', 'hash:ip', 'Addresses on the ipvs interface'],
]

// utilipset Entry.String(): "ip,proto:port", "ip,proto:port,ip2", "ip,proto:port,net", "port", "ip"
export const ipPort = (ip: string, proto: string, port: number) => `${ip},${proto}:${port}`

export function buildIpsets(servicePorts: ServicePortInfo[], node: ClusterNode, dummy: string[], vss: VirtualServer[]): Ipset[] {
  const entries = new Map<string, Set<string>>(IPSET_INFO.map(([name]) => [name, new Set<string>()]))
  const add = (set: string, e: string) => entries.get(set)!.add(e)
  for (const sp of servicePorts) {
    const p = sp.protocol
    // hairpin: every endpoint on this node, matched as dst ip:port with the same source ip
    for (const ep of sp.endpoints) if (ep.nodeName === node.name) add('KUBE-LOOP-BACK', `${ep.ip},${p}:${ep.port},${ep.ip}`)
    add('KUBE-CLUSTER-IP', ipPort(sp.clusterIP, p, sp.port.port))
    for (const ip of sp.externalIPs) add(sp.externalPolicyLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP', ipPort(ip, p, sp.port.port))
    for (const ip of sp.loadBalancerIPs) {
      add('KUBE-LOAD-BALANCER', ipPort(ip, p, sp.port.port))
      if (sp.externalPolicyLocal) add('KUBE-LOAD-BALANCER-LOCAL', ipPort(ip, p, sp.port.port))
      if (sp.loadBalancerSourceRanges.length > 0) {
        add('KUBE-LOAD-BALANCER-FW', ipPort(ip, p, sp.port.port))
        for (const cidr of sp.loadBalancerSourceRanges) add('KUBE-LOAD-BALANCER-SOURCE-CIDR', `${ipPort(ip, p, sp.port.port)},${cidr}`)
      }
    }
    if (sp.nodePort) {
      if (p === 'sctp') {
        for (const vs of vss) if (vs.kind === 'nodeport' && vs.servicePort === sp) {
          add('KUBE-NODE-PORT-SCTP-HASH', ipPort(vs.address, p, sp.nodePort))
          if (sp.externalPolicyLocal) add('KUBE-NODE-PORT-LOCAL-SCTP-HASH', ipPort(vs.address, p, sp.nodePort))
        }
      } else {
        const suffix = p.toUpperCase()
        add(`KUBE-NODE-PORT-${suffix}`, String(sp.nodePort))
        if (sp.externalPolicyLocal) add(`KUBE-NODE-PORT-LOCAL-${suffix}`, String(sp.nodePort))
      }
    }
    if (sp.healthCheckNodePort) add('KUBE-HEALTH-CHECK-NODE-PORT', String(sp.healthCheckNodePort))
  }
  for (const ip of dummy) add('KUBE-IPVS-IPS', ip)
  return IPSET_INFO.map(([name, type, comment]) => ({ name, type, comment, entries: [...entries.get(name)!] }))
}

export function ipsetByName(sets: Ipset[], name: string): Ipset | undefined {
  return sets.find((s) => s.name === name)
}
