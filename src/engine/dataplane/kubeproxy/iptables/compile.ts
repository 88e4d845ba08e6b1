import type { Cluster, ClusterNode } from '../../../cluster/types'
import { cidrContains, parseCidr } from '../../../util/ip'
import { buildServicePorts, categorizeEndpoints, type EndpointInfo, type ServicePortInfo } from '../serviceports'
import { computeProbability } from './probability'
import {
  BUILTIN_CHAINS,
  TABLE_ORDER,
  type Arg,
  type Chain,
  type Rule,
  type RuleOrigin,
  type Table,
  type TableName,
  type Target,
} from './rule'

/**
 * kube-proxy's iptables mode, compiled for one node: the filter and nat data its syncProxyRules hands to
 * iptables-restore, plus the jump rules it ensures in the built-in chains and the canary chains it and the kubelet
 * create, i.e. everything `iptables-save` shows on the node. Follows k/k pkg/proxy/iptables/proxier.go.
 */

export interface IptablesOptions {
  /** --masquerade-all */
  masqueradeAll: boolean
  /** The local-traffic detector's CIDR (detectLocalMode ClusterCIDR); '' = no detector. */
  clusterCIDR: string
  /** iptables.localhostNodePorts, default true. */
  localhostNodePorts: boolean
  /** The nfacct counters exist (kube-proxy adds `-m nfacct` matches when they do). */
  nfacct: boolean
  /** iptables supports --random-fully (every iptables since 1.6.2). */
  randomFully: boolean
  /** iptables.masqueradeBit, default 14. */
  masqueradeBit: number
  /** nodePortAddresses; empty = every local address. */
  nodePortAddresses: string[]
}

export interface KubeProxyRestore {
  /** Chain lines in kube-proxy's restore input, per table. */
  chains: Record<'filter' | 'nat', string[]>
  /** Rules in kube-proxy's restore input, per table, in the order it writes them. */
  rules: Record<'filter' | 'nat', Rule[]>
}

export interface NodeRuleset {
  node: string
  nodeIP: string
  options: IptablesOptions
  /** Every table as the node's kernel holds it after the restore. */
  tables: Record<TableName, Table>
  restore: KubeProxyRestore
  largeClusterMode: boolean
  /** Number of rules across all tables. */
  ruleCount: number
  masqueradeMark: number
}

// k/k proxier.go: largeClusterEndpointsThreshold = 1000
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000

export function defaultIptablesOptions(cluster: Cluster): IptablesOptions {
  return {
    masqueradeAll: cluster.kubeProxy.masqueradeAll,
    clusterCIDR: cluster.kubeProxy.clusterCIDR,
    localhostNodePorts: true,
    nfacct: true,
    randomFully: true,
    masqueradeBit: 14,
    nodePortAddresses: cluster.kubeProxy.nodePortAddresses,
  }
}

export function compileIptables(
  cluster: Cluster,
  node: ClusterNode,
  options: IptablesOptions = defaultIptablesOptions(cluster),
  servicePorts: ServicePortInfo[] = buildServicePorts(cluster),
): NodeRuleset {
  const w = new Writer()
  const mark = 1 << options.masqueradeBit
  const detector = parseCidr(options.clusterCIDR)?.text ?? ''
  const matchAllNodePorts = options.nodePortAddresses.length === 0
  // k/k NewProxier: localhost NodePorts only when nodePortAddresses include IPv4 loopback
  const localhostNodePorts =
    options.localhostNodePorts &&
    (matchAllNodePorts || options.nodePortAddresses.some((c) => { const p = parseCidr(c); return !!p && cidrContains(p, '127.0.0.1') }))

  for (const c of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) w.chain('filter', c)
  for (const c of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']) w.chain('nat', c)

  // KUBE-POSTROUTING: only packets carrying the masquerade mark are SNATed; the mark is cleared first
  w.rule('nat', 'KUBE-POSTROUTING', [{ kind: 'mark', value: mark, mask: mark, not: true }], { kind: 'RETURN' })
  w.rule('nat', 'KUBE-POSTROUTING', [], { kind: 'MARK', op: 'xor', value: mark })
  w.rule('nat', 'KUBE-POSTROUTING', [comment('kubernetes service traffic requiring SNAT')], {
    kind: 'MASQUERADE',
    randomFully: options.randomFully,
  })
  w.rule('nat', 'KUBE-MARK-MASQ', [], { kind: 'MARK', op: 'or', value: mark })

  if (localhostNodePorts) {
    // k/k proxier.go: the anti-martian rule that makes route_localnet safe (https://issue.k8s.io/90259)
    w.chain('filter', 'KUBE-FIREWALL')
    w.rule(
      'filter',
      'KUBE-FIREWALL',
      [
        comment('block incoming localnet connections'),
        { kind: 'dst', cidr: '127.0.0.0/8' },
        { kind: 'src', cidr: '127.0.0.0/8', not: true },
        { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED', 'DNAT'], not: true },
      ],
      { kind: 'DROP' },
    )
  }

  let totalEndpoints = 0
  for (const sp of servicePorts) totalEndpoints += sp.endpoints.length
  const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD

  for (const sp of servicePorts) w.append(servicePortRules(sp, node, options, detector, localhostNodePorts, largeClusterMode))

  // Finally the tail-call to KUBE-NODEPORTS, which must be the last rule of KUBE-SERVICES.
  const nodePortsComment = comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain')
  if (matchAllNodePorts) {
    const args: Arg[] = [nodePortsComment, { kind: 'addrtype', side: 'dst', type: 'LOCAL' }]
    if (!localhostNodePorts) args.push({ kind: 'dst', cidr: '127.0.0.0/8', not: true })
    w.rule('nat', 'KUBE-SERVICES', args, jump('KUBE-NODEPORTS'))
  } else {
    for (const ip of nodeIPsMatching(node, options.nodePortAddresses, localhostNodePorts)) {
      w.rule('nat', 'KUBE-SERVICES', [nodePortsComment, { kind: 'dst', cidr: ip }], jump('KUBE-NODEPORTS'))
    }
  }

  // KUBE-FORWARD: drop INVALID (nf_conntrack_tcp_be_liberal unset), accept marked traffic and established flows.
  const invalid: Arg[] = [{ kind: 'conntrack', states: ['INVALID'] }]
  // k/k metrics.IPTablesCTStateInvalidDroppedNFAcctCounter
  if (options.nfacct) invalid.push({ kind: 'nfacct', name: 'ct_state_invalid_dropped_pkts' })
  w.rule('filter', 'KUBE-FORWARD', invalid, { kind: 'DROP' })
  w.rule('filter', 'KUBE-FORWARD', [comment('kubernetes forwarding rules'), { kind: 'mark', value: mark, mask: mark }], { kind: 'ACCEPT' })
  w.rule(
    'filter',
    'KUBE-FORWARD',
    [comment('kubernetes forwarding conntrack rule'), { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED'] }],
    { kind: 'ACCEPT' },
  )

  return assemble(node, options, w, largeClusterMode, mark)
}

/** The rules of one service port; node-independent ones are shared between nodes (kube-proxy writes the same text). */
const fragmentCache = new WeakMap<ServicePortInfo, Map<string, Fragment>>()

function servicePortRules(
  sp: ServicePortInfo,
  node: ClusterNode,
  options: IptablesOptions,
  detector: string,
  localhostNodePorts: boolean,
  largeClusterMode: boolean,
): Fragment {
  // only Local traffic policies and the FW chain's node-IP check depend on the node
  const nodeFree = !sp.internalPolicyLocal && !sp.externalPolicyLocal
  const fwNode = sp.loadBalancerSourceRanges.some((c) => { const p = parseCidr(c); return !!p && cidrContains(p, node.ip) })
  const key = [nodeFree ? '' : node.name, fwNode, detector, largeClusterMode, localhostNodePorts, options.nfacct, options.masqueradeAll].join('|')
  let byKey = fragmentCache.get(sp)
  if (!byKey) fragmentCache.set(sp, (byKey = new Map()))
  const cached = byKey.get(key)
  if (cached) return cached
  const w = new Writer()
  // appendServiceCommentLocked: large clusters drop the per-endpoint comments
  const svcComment = (text: string): Arg[] => (largeClusterMode ? [] : [comment(text)])
  const origin: RuleOrigin = { servicePort: sp.name, service: sp.service.id, ref: sp.service.source }
  const proto = sp.protocol
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } = categorizeEndpoints(
    sp,
    node.name,
  )
  const clusterPolicyChain = sp.svcChain
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && (!sp.internalPolicyLocal || (sp.externallyAccessible && !sp.externalPolicyLocal))
  const localPolicyChain = sp.svlChain
  const usesLocalPolicyChain = localEndpoints.length > 0 && (sp.internalPolicyLocal || (sp.externallyAccessible && sp.externalPolicyLocal))

  let internalPolicyChain = clusterPolicyChain
  let hasInternalEndpoints = hasEndpoints
  if (sp.internalPolicyLocal) {
    internalPolicyChain = localPolicyChain
    if (localEndpoints.length === 0) hasInternalEndpoints = false
  }
  const internalTrafficChain = internalPolicyChain

  let externalPolicyChain = clusterPolicyChain
  let hasExternalEndpoints = hasEndpoints
  if (sp.externalPolicyLocal) {
    externalPolicyChain = localPolicyChain
    if (localEndpoints.length === 0) hasExternalEndpoints = false
  }
  const externalTrafficChain = sp.extChain
  const usesExternalTrafficChain = hasEndpoints && sp.externallyAccessible

  let loadBalancerTrafficChain = externalTrafficChain
  const fwChain = sp.fwChain
  const usesFWChain = hasEndpoints && sp.loadBalancerIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0
  if (usesFWChain) loadBalancerTrafficChain = fwChain

  let internalFilterTarget: Target | undefined
  let internalFilterComment = ''
  let externalFilterTarget: Target | undefined
  let externalFilterComment = ''
  if (!hasEndpoints) {
    internalFilterTarget = { kind: 'REJECT' }
    internalFilterComment = `${sp.name} has no endpoints`
    externalFilterTarget = { kind: 'REJECT' }
    externalFilterComment = internalFilterComment
  } else {
    if (!hasInternalEndpoints) {
      internalFilterTarget = { kind: 'DROP' }
      internalFilterComment = `${sp.name} has no local endpoints`
    }
    if (!hasExternalEndpoints) {
      externalFilterTarget = { kind: 'DROP' }
      externalFilterComment = `${sp.name} has no local endpoints`
    }
  }

  const vip = (ip: string, port: number): Arg[] => [{ kind: 'proto', proto }, { kind: 'dst', cidr: ip }, { kind: 'dport', port }]

  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    w.rule('nat', 'KUBE-SERVICES', [comment(`${sp.name} cluster IP`), ...vip(sp.clusterIP, sp.port.port)], jump(internalTrafficChain), origin)
  } else {
    w.rule('filter', 'KUBE-SERVICES', [comment(internalFilterComment), ...vip(sp.clusterIP, sp.port.port)], internalFilterTarget, origin)
  }

  // Capture externalIPs.
  for (const ip of sp.externalIPs) {
    if (hasEndpoints) {
      w.rule('nat', 'KUBE-SERVICES', [comment(`${sp.name} external IP`), ...vip(ip, sp.port.port)], jump(externalTrafficChain), origin)
    }
    if (!hasExternalEndpoints) {
      w.rule('filter', 'KUBE-EXTERNAL-SERVICES', [comment(externalFilterComment), ...vip(ip, sp.port.port)], externalFilterTarget, origin)
    }
  }

  // Capture load-balancer ingress.
  for (const ip of sp.loadBalancerIPs) {
    if (hasEndpoints) {
      w.rule('nat', 'KUBE-SERVICES', [comment(`${sp.name} loadbalancer IP`), ...vip(ip, sp.port.port)], jump(loadBalancerTrafficChain), origin)
    }
    if (usesFWChain) {
      w.rule(
        'filter',
        'KUBE-PROXY-FIREWALL',
        [comment(`${sp.name} traffic not accepted by ${sp.fwChain}`), ...vip(ip, sp.port.port)],
        { kind: 'DROP' },
        origin,
      )
    }
  }
  if (!hasExternalEndpoints) {
    for (const ip of sp.loadBalancerIPs) {
      w.rule('filter', 'KUBE-EXTERNAL-SERVICES', [comment(externalFilterComment), ...vip(ip, sp.port.port)], externalFilterTarget, origin)
    }
  }

  // Capture nodeports (not subject to loadBalancerSourceRanges).
  if (sp.nodePort !== 0) {
    if (hasEndpoints) {
      if (localhostNodePorts && options.nfacct) {
        w.rule(
          'nat',
          'KUBE-NODEPORTS',
          [
            comment(sp.name),
            { kind: 'proto', proto },
            { kind: 'dst', cidr: '127.0.0.0/8' },
            { kind: 'dport', port: sp.nodePort },
            // k/k metrics.LocalhostNodePortAcceptedNFAcctCounter
            { kind: 'nfacct', name: 'localhost_nps_accepted_pkts' },
          ],
          jump(externalTrafficChain),
          origin,
        )
      }
      w.rule('nat', 'KUBE-NODEPORTS', [comment(sp.name), { kind: 'proto', proto }, { kind: 'dport', port: sp.nodePort }], jump(externalTrafficChain), origin)
    }
    if (!hasExternalEndpoints) {
      w.rule(
        'filter',
        'KUBE-EXTERNAL-SERVICES',
        [
          comment(externalFilterComment),
          { kind: 'addrtype', side: 'dst', type: 'LOCAL' },
          { kind: 'proto', proto },
          { kind: 'dport', port: sp.nodePort },
        ],
        externalFilterTarget,
        origin,
      )
    }
  }

  // Capture healthCheckNodePorts: accepted whether or not this node has local endpoints.
  if (sp.healthCheckNodePort !== 0) {
    w.rule(
      'filter',
      'KUBE-NODEPORTS',
      [comment(`${sp.name} health check node port`), { kind: 'proto', proto: 'tcp' }, { kind: 'dport', port: sp.healthCheckNodePort }],
      { kind: 'ACCEPT' },
      origin,
    )
  }

  // Internal traffic: masquerade off-cluster sources (or everything with --masquerade-all).
  if (hasInternalEndpoints) {
    const args: Arg[] = [comment(`${sp.name} cluster IP`), ...vip(sp.clusterIP, sp.port.port)]
    if (options.masqueradeAll) {
      w.rule('nat', internalTrafficChain, args, jump('KUBE-MARK-MASQ'), origin)
    } else if (detector) {
      // the ClusterCIDR local-traffic detector's IfNotLocal(): "! -s <clusterCIDR>"
      w.rule('nat', internalTrafficChain, [...args, { kind: 'src', cidr: detector, not: true }], jump('KUBE-MARK-MASQ'), origin)
    }
  }

  // External traffic handling.
  if (usesExternalTrafficChain) {
    w.chain('nat', externalTrafficChain)
    if (!sp.externalPolicyLocal) {
      w.rule('nat', externalTrafficChain, [comment(`masquerade traffic for ${sp.name} external destinations`)], jump('KUBE-MARK-MASQ'), origin)
    } else {
      if (detector) {
        w.rule(
          'nat',
          externalTrafficChain,
          [comment(`pod traffic for ${sp.name} external destinations`), { kind: 'src', cidr: detector }],
          jump(clusterPolicyChain),
          origin,
        )
      }
      w.rule(
        'nat',
        externalTrafficChain,
        [comment(`masquerade LOCAL traffic for ${sp.name} external destinations`), { kind: 'addrtype', side: 'src', type: 'LOCAL' }],
        jump('KUBE-MARK-MASQ'),
        origin,
      )
      w.rule(
        'nat',
        externalTrafficChain,
        [comment(`route LOCAL traffic for ${sp.name} external destinations`), { kind: 'addrtype', side: 'src', type: 'LOCAL' }],
        jump(clusterPolicyChain),
        origin,
      )
    }
    if (hasExternalEndpoints) w.rule('nat', externalTrafficChain, [], jump(externalPolicyChain), origin)
  }

  // Firewall chain for loadBalancerSourceRanges.
  if (usesFWChain) {
    w.chain('nat', fwChain)
    const head = comment(`${sp.name} loadbalancer IP`)
    let allowFromNode = false
    for (const cidr of sp.loadBalancerSourceRanges) {
      w.rule('nat', fwChain, [head, { kind: 'src', cidr }], jump(externalTrafficChain), origin)
      const parsed = parseCidr(cidr)
      if (parsed && cidrContains(parsed, node.ip)) allowFromNode = true
    }
    if (allowFromNode) {
      for (const ip of sp.loadBalancerIPs) w.rule('nat', fwChain, [head, { kind: 'src', cidr: ip }], jump(externalTrafficChain), origin)
    }
    w.rule('nat', fwChain, [comment(`other traffic to ${sp.name} will be dropped by KUBE-PROXY-FIREWALL`)], undefined, origin)
  }

  if (usesClusterPolicyChain) {
    w.chain('nat', clusterPolicyChain)
    writeServiceToEndpointRules(w, sp, clusterPolicyChain, clusterEndpoints, largeClusterMode, origin)
  }
  if (usesLocalPolicyChain) {
    w.chain('nat', localPolicyChain)
    writeServiceToEndpointRules(w, sp, localPolicyChain, localEndpoints, largeClusterMode, origin)
  }

  // The per-endpoint chains.
  for (const ep of allReachableEndpoints) {
    const epOrigin = endpointOrigin(origin, ep)
    w.chain('nat', ep.chain)
    const head = svcComment(sp.name)
    // traffic that loops back to its originator (hairpin) must be SNATed
    w.rule('nat', ep.chain, [...head, { kind: 'src', cidr: ep.ip }], MARK_MASQ, epOrigin)
    const args: Arg[] = [...head]
    if (sp.sessionAffinity) args.push({ kind: 'recent', name: ep.chain, op: 'set' })
    args.push(PROTO[proto])
    w.rule('nat', ep.chain, args, { kind: 'DNAT', to: ep.hostPort }, epOrigin)
  }
  const fragment = { chains: w.chains, rules: w.rules }
  byKey.set(key, fragment)
  return fragment
}

function writeServiceToEndpointRules(
  w: Writer,
  sp: ServicePortInfo,
  chain: string,
  endpoints: EndpointInfo[],
  largeClusterMode: boolean,
  origin: RuleOrigin,
): void {
  const head = (ep: EndpointInfo): Arg[] => (largeClusterMode ? [] : [comment(`${sp.name} -> ${ep.hostPort}`)])
  // Session affinity first: a recent client goes back to the endpoint it used before.
  if (sp.sessionAffinity) {
    for (const ep of endpoints) {
      w.rule(
        'nat',
        chain,
        [...head(ep), { kind: 'recent', name: ep.chain, op: 'rcheck', seconds: sp.stickyMaxAgeSeconds, reap: true }],
        jump(ep.chain),
        endpointOrigin(origin, ep),
      )
    }
  }
  const n = endpoints.length
  endpoints.forEach((ep, i) => {
    const args = head(ep)
    // each rule but the last is a probabilistic match of 1/(n-i)
    if (i < n - 1) args.push({ kind: 'statistic', probability: computeProbability(n - i) })
    w.rule('nat', chain, args, jump(ep.chain), endpointOrigin(origin, ep))
  })
}

function nodeIPsMatching(node: ClusterNode, cidrs: string[], localhost: boolean): string[] {
  const out: string[] = []
  for (const text of cidrs) {
    const c = parseCidr(text)
    if (!c) continue
    if (cidrContains(c, node.ip) && !out.includes(node.ip)) out.push(node.ip)
    if (localhost && cidrContains(c, '127.0.0.1') && !out.includes('127.0.0.1')) out.push('127.0.0.1')
  }
  return out
}

// immutable pieces shared by every rule that uses them (tens of thousands at scale)
const PROTO: Record<string, Arg> = { tcp: { kind: 'proto', proto: 'tcp' }, udp: { kind: 'proto', proto: 'udp' }, sctp: { kind: 'proto', proto: 'sctp' } }
const MARK_MASQ: Target = { kind: 'jump', chain: 'KUBE-MARK-MASQ' }

/** One origin object per endpoint and service port, shared by its KUBE-SVC and KUBE-SEP rules. */
const endpointOrigins = new WeakMap<EndpointInfo, Map<RuleOrigin, RuleOrigin>>()
function endpointOrigin(origin: RuleOrigin, ep: EndpointInfo): RuleOrigin {
  let m = endpointOrigins.get(ep)
  if (!m) endpointOrigins.set(ep, (m = new Map()))
  let o = m.get(origin)
  if (!o) m.set(origin, (o = { ...origin, endpoint: ep.hostPort, pod: ep.pod }))
  return o
}

function comment(text: string): Arg {
  return { kind: 'comment', text }
}

function jump(chain: string): Target {
  return { kind: 'jump', chain }
}

interface Fragment {
  chains: Record<'filter' | 'nat', string[]>
  rules: Record<'filter' | 'nat', Rule[]>
}

/** Collects kube-proxy's chain lines and rules per table, in its writing order. */
class Writer {
  append(f: Fragment): void {
    for (const t of ['filter', 'nat'] as const) {
      for (const c of f.chains[t]) this.chains[t].push(c)
      for (const r of f.rules[t]) this.rules[t].push(r)
    }
  }

  readonly chains: Record<'filter' | 'nat', string[]> = { filter: [], nat: [] }
  readonly rules: Record<'filter' | 'nat', Rule[]> = { filter: [], nat: [] }

  chain(table: 'filter' | 'nat', name: string): void {
    this.chains[table].push(name)
  }

  rule(table: 'filter' | 'nat', chain: string, args: Arg[], target?: Target, origin?: RuleOrigin): void {
    const r: Rule = { table, chain, args, target }
    if (origin) r.origin = origin
    this.rules[table].push(r)
  }
}

// k/k proxier.go iptablesJumpChains (+ iptablesKubeletJumpChains), each ensured with EnsureRule(Prepend, ...)
const JUMPS: { table: 'filter' | 'nat'; dst: string; src: string; comment: string; newOnly: boolean }[] = [
  { table: 'filter', dst: 'KUBE-EXTERNAL-SERVICES', src: 'INPUT', comment: 'kubernetes externally-visible service portals', newOnly: true },
  { table: 'filter', dst: 'KUBE-EXTERNAL-SERVICES', src: 'FORWARD', comment: 'kubernetes externally-visible service portals', newOnly: true },
  { table: 'filter', dst: 'KUBE-NODEPORTS', src: 'INPUT', comment: 'kubernetes health check service ports', newOnly: false },
  { table: 'filter', dst: 'KUBE-SERVICES', src: 'FORWARD', comment: 'kubernetes service portals', newOnly: true },
  { table: 'filter', dst: 'KUBE-SERVICES', src: 'OUTPUT', comment: 'kubernetes service portals', newOnly: true },
  { table: 'filter', dst: 'KUBE-FORWARD', src: 'FORWARD', comment: 'kubernetes forwarding rules', newOnly: false },
  { table: 'filter', dst: 'KUBE-PROXY-FIREWALL', src: 'INPUT', comment: 'kubernetes load balancer firewall', newOnly: true },
  { table: 'filter', dst: 'KUBE-PROXY-FIREWALL', src: 'OUTPUT', comment: 'kubernetes load balancer firewall', newOnly: true },
  { table: 'filter', dst: 'KUBE-PROXY-FIREWALL', src: 'FORWARD', comment: 'kubernetes load balancer firewall', newOnly: true },
  { table: 'nat', dst: 'KUBE-SERVICES', src: 'OUTPUT', comment: 'kubernetes service portals', newOnly: false },
  { table: 'nat', dst: 'KUBE-SERVICES', src: 'PREROUTING', comment: 'kubernetes service portals', newOnly: false },
  { table: 'nat', dst: 'KUBE-POSTROUTING', src: 'POSTROUTING', comment: 'kubernetes postrouting rules', newOnly: false },
  { table: 'filter', dst: 'KUBE-FIREWALL', src: 'INPUT', comment: '', newOnly: false },
  { table: 'filter', dst: 'KUBE-FIREWALL', src: 'OUTPUT', comment: '', newOnly: false },
]

/**
 * Canary chains: kube-proxy's iptables Monitor creates KUBE-PROXY-CANARY in mangle, nat and filter; the kubelet creates
 * KUBE-KUBELET-CANARY in the same tables and KUBE-IPTABLES-HINT in mangle (k/k pkg/kubelet/kubelet_network_linux.go).
 */
const CANARIES: Record<TableName, string[]> = {
  mangle: ['KUBE-IPTABLES-HINT', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'],
  filter: ['KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'],
  nat: ['KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'],
}

function assemble(node: ClusterNode, options: IptablesOptions, w: Writer, largeClusterMode: boolean, mark: number): NodeRuleset {
  const tables = {} as Record<TableName, Table>
  let ruleCount = 0
  for (const name of TABLE_ORDER) {
    const builtins: Chain[] = BUILTIN_CHAINS[name].map((c) => ({ name: c, policy: 'ACCEPT', rules: [] }))
    const user = new Map<string, Chain>()
    for (const c of CANARIES[name]) user.set(c, { name: c, rules: [] })
    // EnsureChain for every jump target, KUBE-FIREWALL included even when kube-proxy writes no rule into it
    for (const j of JUMPS) if (j.table === name && !user.has(j.dst)) user.set(j.dst, { name: j.dst, rules: [] })
    if (name !== 'mangle') for (const c of w.chains[name]) if (!user.has(c)) user.set(c, { name: c, rules: [] })
    const byName = new Map<string, Chain>()
    for (const c of builtins) byName.set(c.name, c)
    // chain names are ASCII: the default sort's UTF-16 order is strcmp's order, and native
    const sortedUser = [...user.keys()].sort().map((name) => user.get(name)!)
    for (const c of sortedUser) byName.set(c.name, c)
    if (name !== 'mangle') {
      // EnsureRule(Prepend): each later jump lands above the earlier ones
      for (const j of JUMPS) {
        if (j.table !== name) continue
        const args: Arg[] = []
        if (j.newOnly) args.push({ kind: 'conntrack', states: ['NEW'] })
        if (j.comment) args.push({ kind: 'comment', text: j.comment })
        byName.get(j.src)!.rules.unshift({ table: name, chain: j.src, args, target: { kind: 'jump', chain: j.dst } })
      }
      for (const r of w.rules[name]) byName.get(r.chain)!.rules.push(r)
    }
    const chains = [...builtins, ...sortedUser]
    for (const c of chains) ruleCount += c.rules.length
    tables[name] = { name, chains, byName }
  }
  return {
    node: node.name,
    nodeIP: node.ip,
    options,
    tables,
    restore: { chains: w.chains, rules: w.rules },
    largeClusterMode,
    ruleCount,
    masqueradeMark: mark,
  }
}
