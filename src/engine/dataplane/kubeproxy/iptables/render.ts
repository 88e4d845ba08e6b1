import type { ObjectRef } from '../../../cluster/types'
import type { Counters } from '../counters'
import { printedProbability } from './probability'
import { TABLE_ORDER, isBuiltinChain, type Arg, type Chain, type Rule, type Table, type TableName, type Target } from './rule'
import type { NodeRuleset } from './compile'

/**
 * Text renderings of the rule model:
 * - restoreRule / renderRestoreInput: what kube-proxy hands to iptables-restore (the form of its golden tests);
 * - saveRule / renderIptablesSave / renderIptablesS: what iptables-save and `iptables -S` print back from the kernel
 *   (iptables 1.8.9, nf_tables): ip-header matches first (-s, -d, -p), addresses with their prefix, the match
 *   modules in the order given, options in each extension's own save order.
 */

// ---------- kube-proxy's restore input ----------

/** kube-proxy's masqueradeMark, fmt.Sprintf("%#08x", 1<<bit): Go pads the digits to 8 after the 0x ("0x00004000"). */
export function goHexMark(value: number): string {
  return '0x' + value.toString(16).padStart(8, '0')
}

function restoreComment(text: string): string {
  // kube-proxy wraps every comment that has a space in literal quotes (fmt.Sprintf(`"%s cluster IP"`)); the bare
  // ServicePortName comments are written unquoted
  return text.includes(' ') ? `"${text}"` : text
}

function restoreArg(a: Arg, parts: string[]): void {
  switch (a.kind) {
    case 'comment': parts.push('-m', 'comment', '--comment', restoreComment(a.text)); break
    case 'proto': parts.push('-m', a.proto, '-p', a.proto); break
    case 'src': if (a.not) parts.push('!'); parts.push('-s', a.cidr); break
    case 'dst': if (a.not) parts.push('!'); parts.push('-d', a.cidr); break
    case 'dport': parts.push('--dport', String(a.port)); break
    case 'addrtype': parts.push('-m', 'addrtype', a.side === 'src' ? '--src-type' : '--dst-type', a.type); break
    case 'mark':
      parts.push('-m', 'mark')
      if (a.not) parts.push('!')
      parts.push('--mark', `${goHexMark(a.value)}/${goHexMark(a.mask)}`)
      break
    case 'statistic': parts.push('-m', 'statistic', '--mode', 'random', '--probability', a.probability); break
    case 'recent':
      parts.push('-m', 'recent', '--name', a.name)
      if (a.op === 'set') parts.push('--set')
      else { parts.push('--rcheck', '--seconds', String(a.seconds)); if (a.reap) parts.push('--reap') }
      break
    case 'conntrack': parts.push('-m', 'conntrack'); if (a.not) parts.push('!'); parts.push('--ctstate', a.states.join(',')); break
    case 'nfacct': parts.push('-m', 'nfacct', '--nfacct-name', a.name); break
  }
}

function restoreTarget(t: Target | undefined, parts: string[]): void {
  if (!t) return
  switch (t.kind) {
    case 'jump': parts.push('-j', t.chain); break
    case 'DNAT': parts.push('-j', 'DNAT', '--to-destination', t.to); break
    case 'MARK': parts.push('-j', 'MARK', t.op === 'or' ? '--or-mark' : '--xor-mark', goHexMark(t.value)); break
    case 'MASQUERADE': parts.push('-j', 'MASQUERADE'); if (t.randomFully) parts.push('--random-fully'); break
    default: parts.push('-j', t.kind)
  }
}

export function restoreRule(r: Rule): string {
  const parts = ['-A', r.chain]
  for (const a of r.args) restoreArg(a, parts)
  restoreTarget(r.target, parts)
  return parts.join(' ')
}

/**
 * kube-proxy's iptables-restore input for the node, in the shape of its golden tests (proxier_test.go
 * sortIPTablesRules): per table, KUBE-NODEPORTS and KUBE-SERVICES first, the other chains sorted, and each chain's
 * rules grouped in the order kube-proxy wrote them.
 */
export function renderRestoreInput(rs: NodeRuleset): string {
  const lines: string[] = []
  for (const table of ['filter', 'nat'] as const) {
    lines.push(`*${table}`)
    const chains = goldenChainOrder(rs.restore.chains[table])
    for (const c of chains) lines.push(`:${c} - [0:0]`)
    const byChain = new Map<string, Rule[]>()
    for (const r of rs.restore.rules[table]) {
      const list = byChain.get(r.chain)
      if (list) list.push(r)
      else byChain.set(r.chain, [r])
    }
    for (const c of chains) for (const r of byChain.get(c) ?? []) lines.push(restoreRule(r))
    lines.push('COMMIT')
  }
  return lines.join('\n') + '\n'
}

/**
 * An iptables-restore file that recreates the node's whole state (kube-proxy's restore data, the jump rules it
 * ensures in the built-in chains, the canary chains): what a real kernel needs to be loaded with so that its
 * iptables-save can be compared with renderIptablesSave. The nfacct counters must exist first
 * (`nfacct add localhost_nps_accepted_pkts`, `nfacct add ct_state_invalid_dropped_pkts`).
 */
export function renderNodeRestore(rs: NodeRuleset): string {
  let out = ''
  for (const name of TABLE_ORDER) {
    const table = rs.tables[name]
    out += `*${name}\n`
    for (const c of table.chains) out += `:${c.name} ${c.policy ?? '-'} [0:0]\n`
    for (const c of table.chains) for (const r of c.rules) out += restoreRule(r) + '\n'
    out += 'COMMIT\n'
  }
  return out
}

function goldenChainOrder(chains: string[]): string[] {
  const first = ['KUBE-NODEPORTS', 'KUBE-SERVICES'].filter((c) => chains.includes(c))
  const rest = [...new Set(chains.filter((c) => !first.includes(c)))].sort()
  return [...first, ...rest]
}

// ---------- what the kernel gives back (iptables-save, iptables -S) ----------

// libxtables xtables_save_string: bare when only [A-Za-z0-9_-], else double-quoted with \ " ' escaped
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value
  return `"${value.replace(/["\\']/g, (c) => '\\' + c)}"`
}

/** An address as the kernel stores it: with its prefix length (`10.96.0.1/32`). */
export function withPrefix(cidr: string): string {
  return cidr.includes('/') ? cidr : `${cidr}/32`
}

// libxt_conntrack print_state order
const CTSTATE_ORDER = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT']

export function canonicalStates(states: string[]): string {
  return CTSTATE_ORDER.filter((s) => states.includes(s)).join(',')
}

function hex(n: number): string {
  return '0x' + (n >>> 0).toString(16)
}

function saveTarget(t: Target | undefined): string {
  if (!t) return ''
  switch (t.kind) {
    case 'jump': return ` -j ${t.chain}`
    case 'DNAT': return ` -j DNAT --to-destination ${t.to}`
    // libxt_MARK mark_tg_save: --or-mark V is stored as --set-xmark V/V, --xor-mark V as --set-xmark V/0x0
    case 'MARK': return ` -j MARK --set-xmark ${hex(t.value)}/${t.op === 'or' ? hex(t.value) : '0x0'}`
    case 'MASQUERADE': return ' -j MASQUERADE' + (t.randomFully ? ' --random-fully' : '')
    // libipt_REJECT save always names the ICMP type (default icmp-port-unreachable)
    case 'REJECT': return ' -j REJECT --reject-with icmp-port-unreachable'
    default: return ` -j ${t.kind}`
  }
}

/** One rule as iptables-save prints it (without the trailing newline). */
export function saveRule(r: Rule): string {
  let head = `-A ${r.chain}`
  let src: Extract<Arg, { kind: 'src' }> | undefined
  let dst: Extract<Arg, { kind: 'dst' }> | undefined
  let proto: Extract<Arg, { kind: 'proto' }> | undefined
  let dport: Extract<Arg, { kind: 'dport' }> | undefined
  for (const a of r.args) {
    if (a.kind === 'src') src = a
    else if (a.kind === 'dst') dst = a
    else if (a.kind === 'proto') proto = a
    else if (a.kind === 'dport') dport = a
  }
  if (src) head += `${src.not ? ' !' : ''} -s ${withPrefix(src.cidr)}`
  if (dst) head += `${dst.not ? ' !' : ''} -d ${withPrefix(dst.cidr)}`
  if (proto) head += ` -p ${proto.proto}`
  let body = ''
  for (const a of r.args) {
    switch (a.kind) {
      case 'comment': body += ` -m comment --comment ${saveString(a.text)}`; break
      case 'proto': body += ` -m ${a.proto}` + (dport ? ` --dport ${dport.port}` : ''); break
      case 'addrtype': body += ` -m addrtype ${a.side === 'src' ? '--src-type' : '--dst-type'} ${a.type}`; break
      case 'mark': body += ` -m mark${a.not ? ' !' : ''} --mark ${hex(a.value)}${a.mask === 0xffffffff ? '' : '/' + hex(a.mask)}`; break
      case 'statistic': body += ` -m statistic --mode random --probability ${printedProbability(a.probability)}`; break
      // libxt_recent recent_save: op, --seconds, --reap, --name, --mask, side
      case 'recent':
        body += ' -m recent ' + (a.op === 'set' ? '--set' : `--rcheck --seconds ${a.seconds}${a.reap ? ' --reap' : ''}`)
        body += ` --name ${a.name} --mask 255.255.255.255 --rsource`
        break
      case 'conntrack': body += ` -m conntrack${a.not ? ' !' : ''} --ctstate ${canonicalStates(a.states)}`; break
      // libxt_nfacct save prints the option with two spaces before the name
      case 'nfacct': body += ` -m nfacct --nfacct-name  ${a.name}`; break
      default: break
    }
  }
  return head + body + saveTarget(r.target)
}

/** ctime(3) as iptables-save prints it: `Thu Jan  1 00:00:00 2026`. */
export function ctime(ms: number): string {
  const d = new Date(ms)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`
}

export const IPTABLES_VERSION = 'v1.8.9 (nf_tables)'

/**
 * `iptables-save [-c] [-t TABLE]` on the node: every table (mangle, filter, nat) or one. The built-in chains' counters
 * are always printed; `-c` adds each rule's `[packets:bytes]`.
 */
export function renderIptablesSave(rs: NodeRuleset, nowMs: number, only?: TableName, counters?: Counters, withRuleCounters = false): string {
  const stamp = ctime(nowMs)
  let out = ''
  for (const name of TABLE_ORDER) {
    if (only && name !== only) continue
    const table = rs.tables[name]
    out += `# Generated by iptables-save ${IPTABLES_VERSION} on ${stamp}\n*${name}\n`
    for (const c of table.chains) {
      const [p, b] = c.policy ? counters?.policies.get(`${name}:${c.name}`) ?? [0, 0] : [0, 0]
      out += `:${c.name} ${c.policy ?? '-'} [${p}:${b}]\n`
    }
    for (const c of table.chains) {
      for (const r of c.rules) {
        if (withRuleCounters) {
          const [p, b] = counters?.rules.get(r) ?? [0, 0]
          out += `[${p}:${b}] `
        }
        out += saveRule(r) + '\n'
      }
    }
    out += `COMMIT\n# Completed on ${stamp}\n`
  }
  return out
}

/** `iptables -t TABLE -S [CHAIN]`: policies, chain creations, then rules, in iptables-save's rule syntax. */
export function renderIptablesS(table: Table, chain?: string): string | undefined {
  const chains: Chain[] = chain ? [table.byName.get(chain)].filter((c): c is Chain => !!c) : table.chains
  if (chain && chains.length === 0) return undefined
  let out = ''
  for (const c of chains) out += isBuiltinChain(table.name, c.name) ? `-P ${c.name} ${c.policy ?? 'ACCEPT'}\n` : `-N ${c.name}\n`
  for (const c of chains) for (const r of c.rules) out += saveRule(r) + '\n'
  return out
}

/**
 * How many rules of the table jump to each chain (the "(N references)" of `iptables -L`), counted in one pass and
 * memoised per table: a 1000-Service table has thousands of chains, and counting per chain was quadratic.
 */
const referenceCache = new WeakMap<Table, Map<string, number>>()

export function references(table: Table, chain: string): number {
  let counts = referenceCache.get(table)
  if (!counts) {
    counts = new Map()
    for (const c of table.chains) {
      for (const r of c.rules) if (r.target?.kind === 'jump') counts.set(r.target.chain, (counts.get(r.target.chain) ?? 0) + 1)
    }
    referenceCache.set(table, counts)
  }
  return counts.get(chain) ?? 0
}

/** The node's rules as plain data for the inspector and `--json`: tables, chains, each rule in both forms. */
export interface RulesetView {
  node: string
  largeClusterMode: boolean
  ruleCount: number
  tables: {
    name: TableName
    chains: {
      name: string
      policy?: string
      references: number
      rules: { save: string; restore: string; servicePort?: string; endpoint?: string; source?: ObjectRef }[]
    }[]
  }[]
}

export function rulesetView(rs: NodeRuleset, only?: TableName): RulesetView {
  return {
    node: rs.node,
    largeClusterMode: rs.largeClusterMode,
    ruleCount: rs.ruleCount,
    tables: TABLE_ORDER.filter((t) => !only || t === only).map((name) => {
      const table = rs.tables[name]
      return {
        name,
        chains: table.chains.map((c) => {
          const chain: RulesetView['tables'][number]['chains'][number] = {
            name: c.name,
            references: isBuiltinChain(name, c.name) ? 0 : references(table, c.name),
            rules: c.rules.map((r) => {
              const v: RulesetView['tables'][number]['chains'][number]['rules'][number] = { save: saveRule(r), restore: restoreRule(r) }
              if (r.origin?.servicePort) v.servicePort = r.origin.servicePort
              if (r.origin?.endpoint) v.endpoint = r.origin.endpoint
              if (r.origin?.ref) v.source = r.origin.ref
              return v
            }),
          }
          if (c.policy) chain.policy = c.policy
          return chain
        }),
      }
    }),
  }
}

