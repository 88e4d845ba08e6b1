import { cidrContains, parseCidr } from '../../../util/ip'
import type { IpvsNodeState } from './compile'
import { ipsetByName, type Ipset } from './ipsets'

/**
 * The iptables rules kube-proxy still writes in IPVS mode (k/k pkg/proxy/ipvs/proxier.go writeIptablesRules,
 * createAndLinkKubeChain, acceptIPVSTraffic, ipsetWithIptablesChain), as data: each rule keeps its arguments in
 * kube-proxy's writing order (the restore input) and renders them in iptables-save's order, and the walk evaluates
 * them against a packet, ipsets included.
 */

export type IpvsArg =
  | { k: 'src'; cidr: string; not?: boolean }
  | { k: 'proto'; proto: string }
  | { k: 'comment'; text: string }
  | { k: 'set'; name: string; flags: string }
  | { k: 'addrtype'; side: 'src' | 'dst'; not?: boolean }
  | { k: 'physdev-not-in' }
  | { k: 'mark'; value: number; not?: boolean }
  | { k: 'ctstate'; states: string[] }

export type IpvsTarget =
  | { kind: 'jump'; chain: string }
  | { kind: 'ACCEPT' | 'RETURN' | 'DROP' | 'REJECT' }
  | { kind: 'MARK'; op: 'or' | 'xor'; value: number }
  | { kind: 'MASQUERADE'; randomFully: boolean }

export interface IpvsRule {
  table: 'nat' | 'filter'
  chain: string
  args: IpvsArg[]
  target: IpvsTarget
}

/** What a rule can look at. */
export interface RulePacket {
  proto: string
  src: string
  dst: string
  dport?: number
  mark: number
  ctNew: boolean
  srcLocal: boolean
  dstLocal: boolean
  /** Arrived through a bridge port (a pod on this node): `-m physdev --physdev-is-in`. */
  fromBridge: boolean
}

export const BUILTIN: Record<'nat' | 'filter', string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
}

const hex = (n: number) => '0x' + n.toString(16)

export function buildIpvsRules(s: IpvsNodeState): IpvsRule[] {
  const rules: IpvsRule[] = []
  const mark = s.masqueradeMark
  const add = (table: IpvsRule['table'], chain: string, args: IpvsArg[], target: IpvsTarget) => rules.push({ table, chain, args, target })
  const jump = (chain: string): IpvsTarget => ({ kind: 'jump', chain })
  const has = (name: string) => (ipsetByName(s.ipsets, name)?.entries.length ?? 0) > 0
  const setArgs = (name: string, flags: string): IpvsArg[] => [{ k: 'comment', text: ipsetByName(s.ipsets, name)!.comment }, { k: 'set', name, flags }]

  // createAndLinkKubeChain: iptablesJumpChain rules, each prepended (EnsureRule Prepend), so the last listed is first
  add('nat', 'PREROUTING', [{ k: 'comment', text: 'kubernetes service portals' }], jump('KUBE-SERVICES'))
  add('nat', 'OUTPUT', [{ k: 'comment', text: 'kubernetes service portals' }], jump('KUBE-SERVICES'))
  add('nat', 'POSTROUTING', [{ k: 'comment', text: 'kubernetes postrouting rules' }], jump('KUBE-POSTROUTING'))
  add('filter', 'INPUT', [{ k: 'comment', text: 'kubernetes ipvs access filter' }], jump('KUBE-IPVS-FILTER'))
  add('filter', 'INPUT', [{ k: 'comment', text: 'kube-proxy firewall rules' }], jump('KUBE-PROXY-FIREWALL'))
  add('filter', 'INPUT', [{ k: 'comment', text: 'kubernetes health check rules' }], jump('KUBE-NODE-PORT'))
  add('filter', 'FORWARD', [{ k: 'comment', text: 'kube-proxy firewall rules' }], jump('KUBE-PROXY-FIREWALL'))
  add('filter', 'FORWARD', [{ k: 'comment', text: 'kubernetes forwarding rules' }], jump('KUBE-FORWARD'))
  add('filter', 'OUTPUT', [{ k: 'comment', text: 'kubernetes ipvs access filter' }], jump('KUBE-IPVS-OUT-FILTER'))

  // writeIptablesRules: connections from localhost leave the service chain at once
  add('nat', 'KUBE-SERVICES', [{ k: 'src', cidr: '127.0.0.0/8' }], { kind: 'RETURN' })
  // ipsetWithIptablesChain, in its order, for the sets that have entries
  const table: [string, 'nat' | 'filter', string, string, string, string][] = [
    ['KUBE-LOOP-BACK', 'nat', 'KUBE-POSTROUTING', 'MASQUERADE', 'dst,dst,src', ''],
    ['KUBE-LOAD-BALANCER', 'nat', 'KUBE-SERVICES', 'KUBE-LOAD-BALANCER', 'dst,dst', ''],
    ['KUBE-LOAD-BALANCER-LOCAL', 'nat', 'KUBE-LOAD-BALANCER', 'RETURN', 'dst,dst', ''],
    ['KUBE-NODE-PORT-LOCAL-TCP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'tcp'],
    ['KUBE-NODE-PORT-TCP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'tcp'],
    ['KUBE-NODE-PORT-LOCAL-UDP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'udp'],
    ['KUBE-NODE-PORT-UDP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'udp'],
    ['KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst,dst', 'sctp'],
    ['KUBE-NODE-PORT-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst,dst', 'sctp'],
    ['KUBE-LOAD-BALANCER-FW', 'filter', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'dst,dst', ''],
    ['KUBE-LOAD-BALANCER-SOURCE-CIDR', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
    ['KUBE-LOAD-BALANCER-SOURCE-IP', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
  ]
  for (const [name, t, from, to, flags, proto] of table) {
    if (!has(name)) continue
    const args: IpvsArg[] = proto ? [{ k: 'proto', proto }] : []
    args.push(...setArgs(name, flags))
    const target: IpvsTarget = to === 'MASQUERADE' ? { kind: 'MASQUERADE', randomFully: false } : to === 'RETURN' ? { kind: 'RETURN' } : jump(to)
    add(t, from, args, target)
  }
  if (has('KUBE-CLUSTER-IP')) {
    // masqueradeAll marks everything; with a local-traffic detector only off-cluster sources (IfNotLocal)
    if (s.masqueradeAll) add('nat', 'KUBE-SERVICES', setArgs('KUBE-CLUSTER-IP', 'dst,dst'), jump('KUBE-MARK-MASQ'))
    else if (s.clusterCIDR) add('nat', 'KUBE-SERVICES', [...setArgs('KUBE-CLUSTER-IP', 'dst,dst'), { k: 'src', cidr: s.clusterCIDR, not: true }], jump('KUBE-MARK-MASQ'))
    else add('nat', 'KUBE-SERVICES', setArgs('KUBE-CLUSTER-IP', 'src,dst'), jump('KUBE-MARK-MASQ'))
  }
  const externalIPRules = (base: IpvsArg[]) => {
    // traffic from off the machine (not from a bridge port, not from a local address), then to local addresses
    add('nat', 'KUBE-SERVICES', [...base, { k: 'physdev-not-in' }, { k: 'addrtype', side: 'src', not: true }], { kind: 'ACCEPT' })
    add('nat', 'KUBE-SERVICES', [...base, { k: 'addrtype', side: 'dst' }], { kind: 'ACCEPT' })
  }
  if (has('KUBE-EXTERNAL-IP')) {
    add('nat', 'KUBE-SERVICES', setArgs('KUBE-EXTERNAL-IP', 'dst,dst'), jump('KUBE-MARK-MASQ'))
    externalIPRules(setArgs('KUBE-EXTERNAL-IP', 'dst,dst'))
  }
  if (has('KUBE-EXTERNAL-IP-LOCAL')) externalIPRules(setArgs('KUBE-EXTERNAL-IP-LOCAL', 'dst,dst'))
  add('nat', 'KUBE-SERVICES', [{ k: 'addrtype', side: 'dst' }], jump('KUBE-NODE-PORT'))
  add('nat', 'KUBE-LOAD-BALANCER', [], jump('KUBE-MARK-MASQ'))
  add('filter', 'KUBE-SOURCE-RANGES-FIREWALL', [], { kind: 'DROP' })
  // acceptIPVSTraffic: the last rules of KUBE-SERVICES
  for (const name of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER']) if (has(name)) add('nat', 'KUBE-SERVICES', [{ k: 'set', name, flags: 'dst,dst' }], { kind: 'ACCEPT' })
  add('filter', 'KUBE-FORWARD', [{ k: 'comment', text: 'kubernetes forwarding rules' }, { k: 'mark', value: mark }], { kind: 'ACCEPT' })
  add('filter', 'KUBE-FORWARD', [{ k: 'comment', text: 'kubernetes forwarding conntrack rule' }, { k: 'ctstate', states: ['RELATED', 'ESTABLISHED'] }], { kind: 'ACCEPT' })
  add('filter', 'KUBE-NODE-PORT', [...setArgs('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], { kind: 'ACCEPT' })
  // KUBE-IPVS-FILTER (k/k#72236): new connections to a kube-ipvs0 address that no virtual server owns are refused
  for (const [name, flags] of [['KUBE-LOAD-BALANCER', 'dst,dst'], ['KUBE-CLUSTER-IP', 'dst,dst'], ['KUBE-EXTERNAL-IP', 'dst,dst'], ['KUBE-EXTERNAL-IP-LOCAL', 'dst,dst'], ['KUBE-HEALTH-CHECK-NODE-PORT', 'dst']]) {
    add('filter', 'KUBE-IPVS-FILTER', [{ k: 'set', name, flags }], { kind: 'RETURN' })
  }
  add('filter', 'KUBE-IPVS-FILTER', [{ k: 'ctstate', states: ['NEW'] }, { k: 'set', name: 'KUBE-IPVS-IPS', flags: 'dst' }], { kind: 'REJECT' })
  add('nat', 'KUBE-POSTROUTING', [{ k: 'mark', value: mark, not: true }], { kind: 'RETURN' })
  add('nat', 'KUBE-POSTROUTING', [], { kind: 'MARK', op: 'xor', value: mark })
  add('nat', 'KUBE-POSTROUTING', [{ k: 'comment', text: 'kubernetes service traffic requiring SNAT' }], { kind: 'MASQUERADE', randomFully: true })
  add('nat', 'KUBE-MARK-MASQ', [], { kind: 'MARK', op: 'or', value: mark })
  return rules
}

/** Chains kube-proxy declares in IPVS mode, per table (iptablesChains, sorted as iptables-save lists user chains). */
export const IPVS_CHAINS: Record<'nat' | 'filter', string[]> = {
  nat: ['KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ', 'KUBE-NODE-PORT', 'KUBE-POSTROUTING', 'KUBE-SERVICES'],
  filter: ['KUBE-FORWARD', 'KUBE-IPVS-FILTER', 'KUBE-IPVS-OUT-FILTER', 'KUBE-NODE-PORT', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL'],
}

function argText(a: IpvsArg): string {
  switch (a.k) {
    case 'src': return `${a.not ? '! ' : ''}-s ${a.cidr}`
    case 'proto': return `-p ${a.proto}`
    case 'comment': return `-m comment --comment "${a.text}"`
    case 'set': return `-m set --match-set ${a.name} ${a.flags}`
    case 'addrtype': return `-m addrtype ${a.not ? '! ' : ''}--${a.side}-type LOCAL`
    case 'physdev-not-in': return '-m physdev ! --physdev-is-in'
    case 'mark': return `-m mark ${a.not ? '! ' : ''}--mark ${hex(a.value)}/${hex(a.value)}`
    case 'ctstate': return `-m conntrack --ctstate ${a.states.join(',')}`
  }
}

function targetText(t: IpvsTarget, saved: boolean): string {
  switch (t.kind) {
    case 'jump': return `-j ${t.chain}`
    case 'MARK':
      // the kernel hands MARK back as --set-xmark: --or-mark V is V/V, --xor-mark V is V/0x0
      if (saved) return `-j MARK --set-xmark ${hex(t.value)}/${t.op === 'or' ? hex(t.value) : '0x0'}`
      return `-j MARK --${t.op}-mark ${hex(t.value)}`
    case 'MASQUERADE': return `-j MASQUERADE${t.randomFully ? ' --random-fully' : ''}`
    case 'REJECT': return saved ? '-j REJECT --reject-with icmp-port-unreachable' : '-j REJECT'
    default: return `-j ${t.kind}`
  }
}

/** The rule as kube-proxy writes it to iptables-restore. */
export function restoreLine(r: IpvsRule): string {
  return [`-A ${r.chain}`, ...r.args.map(argText), targetText(r.target, false)].join(' ')
}

/** The rule as iptables-save prints it back: -s and -p first, then the matches in their order, /32 never added to a CIDR. */
export function saveLine(r: IpvsRule): string {
  const first = r.args.filter((a) => a.k === 'src' || a.k === 'proto')
  const rest = r.args.filter((a) => a.k !== 'src' && a.k !== 'proto')
  return [`-A ${r.chain}`, ...first.map(argText), ...rest.map(argText), targetText(r.target, true)].join(' ')
}

// the kernel hashes set members; a Set per ipset keeps lookups O(1) at 1000 Services too
const memberSets = new WeakMap<Ipset, Set<string>>()
function members(set: Ipset): Set<string> {
  let m = memberSets.get(set)
  if (!m) memberSets.set(set, (m = new Set(set.entries)))
  return m
}

function setMatches(set: Ipset | undefined, flags: string, p: RulePacket): boolean {
  if (!set) return false
  const has = (e: string) => members(set).has(e)
  const [a, , c] = flags.split(',')
  const ipOf = (side: string) => (side === 'src' ? p.src : p.dst)
  const proto = p.proto.toLowerCase()
  switch (set.type) {
    case 'hash:ip': return has(ipOf(a))
    case 'bitmap:port': return p.dport !== undefined && (proto === 'tcp' || proto === 'udp' || proto === 'sctp') && has(String(p.dport))
    case 'hash:ip,port': return p.dport !== undefined && has(`${ipOf(a)},${proto}:${p.dport}`)
    case 'hash:ip,port,ip': return p.dport !== undefined && has(`${ipOf(a)},${proto}:${p.dport},${ipOf(c)}`)
    case 'hash:ip,port,net': return p.dport !== undefined && set.entries.some((e) => {
      const [ip, pp, net] = e.split(',')
      const cidr = parseCidr(net)
      return ip === ipOf(a) && pp === `${proto}:${p.dport}` && !!cidr && cidrContains(cidr, ipOf(c))
    })
  }
}

export function ruleMatches(r: IpvsRule, p: RulePacket, sets: Ipset[]): boolean {
  for (const a of r.args) {
    let ok = true
    switch (a.k) {
      case 'src': { const c = parseCidr(a.cidr); ok = !!c && cidrContains(c, p.src) !== !!a.not; break }
      case 'proto': ok = p.proto.toLowerCase() === a.proto; break
      case 'comment': break
      case 'set': ok = setMatches(ipsetByName(sets, a.name), a.flags, p); break
      case 'addrtype': ok = (a.side === 'src' ? p.srcLocal : p.dstLocal) !== !!a.not; break
      case 'physdev-not-in': ok = !p.fromBridge; break
      case 'mark': ok = ((p.mark & a.value) === a.value) !== !!a.not; break
      case 'ctstate': ok = a.states.includes(p.ctNew ? 'NEW' : 'ESTABLISHED'); break
    }
    if (!ok) return false
  }
  return true
}
