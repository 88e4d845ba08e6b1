import type { Cluster, ClusterNode } from '../../../cluster/types'
import { bridgeIP } from '../../../trace/network'
import { cidrContains, parseCidr } from '../../../util/ip'
import { categorizeEndpoints, type EndpointInfo, type ServicePortInfo } from '../serviceports'
import { endpointChainBase, serviceChainBase } from './names'

/**
 * kube-proxy's nftables mode compiled for one node: the `kube-proxy` table (family ip) with its base chains, sets,
 * verdict maps and per-service chains, as k/k pkg/proxy/nftables/proxier.go syncProxyRules builds it. Rules are data
 * the walk evaluates; each renders in `nft list` form.
 */

export type NftRule =
  | { k: 'ctNewJump'; chain: string }
  | { k: 'jump'; chain: string }
  | { k: 'goto'; chain: string; comment?: string }
  | { k: 'vmapDaddrProtoPort'; map: string }
  | { k: 'vmapNodePort'; map: string }
  | { k: 'markOr'; value: number }
  | { k: 'markAndZeroReturn'; value: number }
  | { k: 'markXor'; value: number }
  | { k: 'masquerade' }
  | { k: 'rejectClusterIP' }
  | { k: 'dropServiceCIDR'; cidrs: string[] }
  | { k: 'reject' }
  | { k: 'svcMasq'; ip: string; proto: string; port: number; notSrc?: string }
  | { k: 'affinityCheck'; set: string; chain: string }
  | { k: 'numgen'; chains: string[] }
  | { k: 'hairpin'; ip: string }
  | { k: 'affinityUpdate'; set: string }
  | { k: 'dnat'; proto: string; to: string }
  | { k: 'srcGoto'; cidr: string; chain: string }
  | { k: 'fibLocalMark' }
  | { k: 'fibLocalGoto'; chain: string }
  | { k: 'srcNotInDrop'; cidrs: string[] }

export interface NftChain {
  name: string
  /** Base chains: `type filter hook prerouting priority -110`. */
  base?: { type: 'filter' | 'nat'; hook: string; priority: number }
  comment?: string
  rules: NftRule[]
  /** What made the chain (for a hop's source). */
  service?: ServicePortInfo
  endpoint?: EndpointInfo
}

export interface NftElement {
  key: string
  verdict?: string
  comment?: string
}

export interface NftSet {
  kind: 'set' | 'map'
  name: string
  type: string
  flags?: string
  timeout?: number
  comment?: string
  elements: NftElement[]
}

export interface NftTable {
  node: string
  sets: NftSet[]
  chains: NftChain[]
  byChain: Map<string, NftChain>
  bySet: Map<string, NftSet>
}

const MASQ_MARK = 0x4000

/** nodePortAddresses unset: every local address accepts NodePorts (nodeport-ips holds the node's addresses). */
function nodePortIPs(node: ClusterNode, nodePortAddresses: string[]): string[] {
  const all = [node.ip, bridgeIP(node)]
  if (nodePortAddresses.length === 0) return all
  const cidrs = nodePortAddresses.map((c) => parseCidr(c)).filter((c) => c !== undefined)
  return all.filter((ip) => cidrs.some((c) => cidrContains(c, ip)))
}

export function compileNftables(cluster: Cluster, node: ClusterNode, servicePorts: ServicePortInfo[]): NftTable {
  const sets: NftSet[] = []
  const chains: NftChain[] = []
  const chain = (name: string, rules: NftRule[] = [], extra: Partial<NftChain> = {}) => {
    const c: NftChain = { name, rules, ...extra }
    chains.push(c)
    return c
  }
  const set = (s: NftSet) => (sets.push(s), s)
  const podCIDR = parseCidr(cluster.kubeProxy.clusterCIDR)?.text ?? ''
  const masqueradeAll = cluster.kubeProxy.masqueradeAll

  // setupNFTables: the base chains and helpers, in kube-proxy's order
  chain('mark-for-masquerade', [{ k: 'markOr', value: MASQ_MARK }])
  chain('masquerading', [{ k: 'markAndZeroReturn', value: MASQ_MARK }, { k: 'markXor', value: MASQ_MARK }, { k: 'masquerade' }])
  chain('services', [{ k: 'vmapDaddrProtoPort', map: 'service-ips' }, { k: 'vmapNodePort', map: 'service-nodeports' }])
  chain('service-endpoints-check', [{ k: 'vmapDaddrProtoPort', map: 'no-endpoint-services' }])
  chain('filter-prerouting', [{ k: 'ctNewJump', chain: 'firewall-check' }], { base: { type: 'filter', hook: 'prerouting', priority: -110 } })
  chain('filter-forward', [{ k: 'ctNewJump', chain: 'service-endpoints-check' }, { k: 'ctNewJump', chain: 'cluster-ips-check' }], { base: { type: 'filter', hook: 'forward', priority: -110 } })
  chain('filter-input', [{ k: 'ctNewJump', chain: 'nodeport-endpoints-check' }, { k: 'ctNewJump', chain: 'service-endpoints-check' }], { base: { type: 'filter', hook: 'input', priority: -110 } })
  chain('filter-output', [{ k: 'ctNewJump', chain: 'service-endpoints-check' }, { k: 'ctNewJump', chain: 'firewall-check' }], { base: { type: 'filter', hook: 'output', priority: -110 } })
  chain('filter-output-post-dnat', [{ k: 'ctNewJump', chain: 'cluster-ips-check' }], { base: { type: 'filter', hook: 'output', priority: -90 } })
  chain('nat-output', [{ k: 'jump', chain: 'services' }], { base: { type: 'nat', hook: 'output', priority: -100 } })
  chain('nat-postrouting', [{ k: 'jump', chain: 'masquerading' }], { base: { type: 'nat', hook: 'postrouting', priority: 100 } })
  chain('nat-prerouting', [{ k: 'jump', chain: 'services' }], { base: { type: 'nat', hook: 'prerouting', priority: -100 } })
  chain('nodeport-endpoints-check', [{ k: 'vmapNodePort', map: 'no-endpoint-nodeports' }])
  const clusterIPs = set({ kind: 'set', name: 'cluster-ips', type: 'ipv4_addr', comment: 'Active ClusterIPs', elements: [] })
  const nodePortSet = set({ kind: 'set', name: 'nodeport-ips', type: 'ipv4_addr', comment: 'IPs that accept NodePort traffic', elements: [] })
  chain('cluster-ips-check', [{ k: 'rejectClusterIP' }, { k: 'dropServiceCIDR', cidrs: [cluster.config.serviceCIDR] }])
  const firewallIPs = set({ kind: 'map', name: 'firewall-ips', type: 'ipv4_addr . inet_proto . inet_service : verdict', comment: 'destinations that are subject to LoadBalancerSourceRanges', elements: [] })
  chain('firewall-check', [{ k: 'vmapDaddrProtoPort', map: 'firewall-ips' }])
  chain('reject-chain', [{ k: 'reject' }], { comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports' })
  const noEpServices = set({ kind: 'map', name: 'no-endpoint-services', type: 'ipv4_addr . inet_proto . inet_service : verdict', comment: 'vmap to drop or reject packets to services with no endpoints', elements: [] })
  const noEpNodePorts = set({ kind: 'map', name: 'no-endpoint-nodeports', type: 'inet_proto . inet_service : verdict', comment: 'vmap to drop or reject packets to service nodeports with no endpoints', elements: [] })
  const serviceIPs = set({ kind: 'map', name: 'service-ips', type: 'ipv4_addr . inet_proto . inet_service : verdict', comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic', elements: [] })
  const serviceNodePorts = set({ kind: 'map', name: 'service-nodeports', type: 'inet_proto . inet_service : verdict', comment: 'NodePort traffic', elements: [] })
  for (const ip of nodePortIPs(node, cluster.kubeProxy.nodePortAddresses)) nodePortSet.elements.push({ key: ip })

  for (const sp of servicePorts) {
    const base = serviceChainBase(sp)
    const proto = sp.protocol
    const clusterChain = `service-${base}`
    const localChain = `local-${base}`
    const externalChain = `external-${base}`
    const firewallChain = `firewall-${base}`
    const cat = categorizeEndpoints(sp, node.name)
    const hasEndpoints = cat.hasAnyEndpoints
    const hasInternal = hasEndpoints && (!sp.internalPolicyLocal || cat.localEndpoints.length > 0)
    const hasExternal = hasEndpoints && (!sp.externalPolicyLocal || cat.localEndpoints.length > 0)
    const internalChain = sp.internalPolicyLocal ? localChain : clusterChain
    // the external chain exists whenever the service is reachable from outside and has endpoints somewhere
    const usesExternal = hasEndpoints && sp.externallyAccessible
    const internalVerdict = !hasEndpoints ? 'goto reject-chain' : !hasInternal ? 'drop' : ''
    const externalVerdict = !hasEndpoints ? 'goto reject-chain' : !hasExternal ? 'drop' : ''
    const comment = sp.name

    if (!clusterIPs.elements.some((e) => e.key === sp.clusterIP)) clusterIPs.elements.push({ key: sp.clusterIP })
    if (hasInternal) serviceIPs.elements.push({ key: `${sp.clusterIP} . ${proto} . ${sp.port.port}`, verdict: `goto ${internalChain}` })
    else if (internalVerdict) noEpServices.elements.push({ key: `${sp.clusterIP} . ${proto} . ${sp.port.port}`, verdict: internalVerdict, comment })
    const externalTarget = sp.loadBalancerSourceRanges.length > 0 ? firewallChain : externalChain
    for (const ip of [...sp.externalIPs, ...sp.loadBalancerIPs]) {
      if (usesExternal) serviceIPs.elements.push({ key: `${ip} . ${proto} . ${sp.port.port}`, verdict: `goto ${sp.loadBalancerIPs.includes(ip) ? externalTarget : externalChain}` })
      if (externalVerdict) noEpServices.elements.push({ key: `${ip} . ${proto} . ${sp.port.port}`, verdict: externalVerdict, comment })
    }
    if (sp.nodePort) {
      if (usesExternal) serviceNodePorts.elements.push({ key: `${proto} . ${sp.nodePort}`, verdict: `goto ${externalChain}` })
      if (externalVerdict) noEpNodePorts.elements.push({ key: `${proto} . ${sp.nodePort}`, verdict: externalVerdict, comment })
    }
    if (sp.loadBalancerSourceRanges.length > 0 && usesExternal) {
      for (const ip of sp.loadBalancerIPs) firewallIPs.elements.push({ key: `${ip} . ${proto} . ${sp.port.port}`, verdict: `goto ${firewallChain}`, comment })
      chain(firewallChain, [{ k: 'srcNotInDrop', cidrs: sp.loadBalancerSourceRanges }], { service: sp })
    }

    const usesCluster = hasEndpoints && (!sp.internalPolicyLocal || (sp.externallyAccessible && !sp.externalPolicyLocal))
    const usesLocal = hasEndpoints && (sp.internalPolicyLocal || (sp.externallyAccessible && sp.externalPolicyLocal))
    if (usesExternal) {
      const rules: NftRule[] = []
      if (!sp.externalPolicyLocal) {
        // Cluster policy: masquerade everything from outside, then the cluster chain
        rules.push({ k: 'jump', chain: 'mark-for-masquerade' }, { k: 'goto', chain: clusterChain })
      } else {
        if (podCIDR) rules.push({ k: 'srcGoto', cidr: podCIDR, chain: clusterChain })
        rules.push({ k: 'fibLocalMark' }, { k: 'fibLocalGoto', chain: clusterChain }, { k: 'goto', chain: localChain })
      }
      chain(externalChain, rules, { service: sp })
    }
    const affinity = sp.sessionAffinity
    const toEndpoints = (eps: EndpointInfo[]): NftRule[] => {
      const rules: NftRule[] = []
      if (affinity) for (const ep of eps) rules.push({ k: 'affinityCheck', set: `affinity-${endpointChainBase(sp, ep)}`, chain: `endpoint-${endpointChainBase(sp, ep)}` })
      if (eps.length > 0) rules.push({ k: 'numgen', chains: eps.map((ep) => `endpoint-${endpointChainBase(sp, ep)}`) })
      return rules
    }
    if (usesCluster) {
      const rules: NftRule[] = []
      if (masqueradeAll) rules.push({ k: 'svcMasq', ip: sp.clusterIP, proto, port: sp.port.port })
      else if (podCIDR) rules.push({ k: 'svcMasq', ip: sp.clusterIP, proto, port: sp.port.port, notSrc: podCIDR })
      chain(clusterChain, [...rules, ...toEndpoints(cat.clusterEndpoints)], { service: sp })
    }
    if (usesLocal) chain(localChain, toEndpoints(cat.localEndpoints), { service: sp })
    for (const ep of cat.allReachableEndpoints) {
      const epBase = endpointChainBase(sp, ep)
      if (affinity) set({ kind: 'set', name: `affinity-${epBase}`, type: 'ipv4_addr', flags: 'dynamic,timeout', timeout: sp.stickyMaxAgeSeconds, elements: [] })
      const rules: NftRule[] = [{ k: 'hairpin', ip: ep.ip }]
      if (affinity) rules.push({ k: 'affinityUpdate', set: `affinity-${epBase}` })
      rules.push({ k: 'dnat', proto, to: `${ep.ip}:${ep.port}` })
      chain(`endpoint-${epBase}`, rules, { service: sp, endpoint: ep })
    }
  }
  return {
    node: node.name,
    sets,
    chains,
    byChain: new Map(chains.map((c) => [c.name, c])),
    bySet: new Map(sets.map((s) => [s.name, s])),
  }
}

export { MASQ_MARK }
