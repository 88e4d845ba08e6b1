import { printedProbability } from './probability'
import { canonicalStates, references } from './render'
import type { Counters } from '../counters'
import { isBuiltinChain, type Arg, type Chain, type Rule, type Table, type Target } from './rule'

/**
 * `iptables -t TABLE -L [CHAIN] [-n] [-v] [--line-numbers]` in iptables 1.8.9's list format (xshared.c
 * print_header / print_rule_details, each extension's print function). Counters are zero: the simulation does not
 * count packets per rule.
 */

export interface ListFormat {
  numeric: boolean
  verbose: boolean
  lineNumbers: boolean
  /** -x: exact counters instead of K/M/G units. */
  exact?: boolean
  /** Packet and byte counters (zero when absent). */
  counters?: Counters
}

// xtables_print_num: exact with -x, else up to 99999 then K, M, G, T rounded to the nearest unit
function num(n: number, f: ListFormat, table: boolean): string {
  if (f.exact) return table ? padLeft(String(n), 8) + ' ' : `${n} `
  let x = n
  if (x <= 99999) return table ? padLeft(String(x), 5) + ' ' : `${x} `
  for (const unit of ['K', 'M', 'G', 'T']) {
    x = Math.floor((x + 500) / 1000)
    if (x <= 9999 || unit === 'T') return table ? padLeft(String(x), 4) + unit + ' ' : `${x}${unit} `
  }
  return `${x} `
}

const PROTO_NUMBERS: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 }
// /etc/services names iptables prints for ports without -n
const PORT_NAMES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 8080: 'http-alt' }

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length))
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s)

function header(table: Table, chain: Chain, f: ListFormat): string {
  let out = `Chain ${chain.name}`
  if (isBuiltinChain(table.name, chain.name)) {
    const [p, b] = f.counters?.policies.get(`${table.name}:${chain.name}`) ?? [0, 0]
    out += ` (policy ${chain.policy ?? 'ACCEPT'}${f.verbose ? ` ${num(p, f, false)}packets, ${num(b, f, false)}bytes` : ''})\n`
  } else {
    out += ` (${references(table, chain.name)} references)\n`
  }
  if (f.lineNumbers) out += pad('num', 4) + ' '
  if (f.verbose) out += f.exact ? padLeft('pkts', 8) + ' ' + padLeft('bytes', 10) + ' ' : padLeft('pkts', 5) + ' ' + padLeft('bytes', 5) + ' '
  out += pad('target', 9) + ' '
  out += ' prot '
  out += 'opt'
  if (f.verbose) out += ' ' + pad('in', 6) + ' ' + pad('out', 6) + ' '
  out += ' ' + pad('source', 19) + ' '
  out += ' ' + pad('destination', 19) + ' '
  return out + '\n'
}

// /etc/networks on Debian: the names xtables_ipaddr_to_anyname finds with getnetbyaddr
const NETWORK_NAMES: Record<string, string> = { '127.0.0.0': 'loopback', '169.254.0.0': 'link-local' }

function address(cidr: string | undefined, numeric: boolean): string {
  if (!cidr) return numeric ? '0.0.0.0/0' : 'anywhere'
  const [ip, prefix] = cidr.split('/')
  // without -n an address is named when the resolver knows it (no reverse DNS for cluster addresses here)
  const shown = numeric ? ip : NETWORK_NAMES[ip] ?? ip
  return prefix === '32' ? shown : `${shown}/${prefix}`
}

function port(n: number, numeric: boolean): string {
  return numeric ? String(n) : PORT_NAMES[n] ?? String(n)
}

function matchText(a: Arg, dport: number | undefined, numeric: boolean): string {
  switch (a.kind) {
    case 'comment': return ` /* ${a.text} */`
    case 'proto': return ` ${a.proto}` + (dport !== undefined ? ` dpt:${port(dport, numeric)}` : '')
    case 'addrtype': return ` ADDRTYPE match ${a.side}-type ${a.type}`
    case 'mark': return ` mark match ${a.not ? '! ' : ''}0x${a.value.toString(16)}/0x${a.mask.toString(16)}`
    case 'statistic': return ` statistic mode random probability ${printedProbability(a.probability)}`
    case 'recent':
      return a.op === 'set'
        ? ` recent: SET name: ${a.name} side: source mask: 255.255.255.255`
        : ` recent: CHECK seconds: ${a.seconds}${a.reap ? ' reap' : ''} name: ${a.name} side: source mask: 255.255.255.255`
    case 'conntrack': return ` ${a.not ? '! ' : ''}ctstate ${canonicalStates(a.states)}`
    case 'nfacct': return ` nfacct-name  ${a.name}`
    default: return ''
  }
}

function targetName(t: Target | undefined): string {
  if (!t) return ''
  return t.kind === 'jump' ? t.chain : t.kind
}

function targetText(t: Target | undefined): string {
  if (!t) return ''
  switch (t.kind) {
    case 'MARK': return ` MARK ${t.op} 0x${t.value.toString(16)}`
    case 'MASQUERADE': return t.randomFully ? ' random-fully' : ''
    case 'DNAT': return ` to:${t.to}`
    case 'REJECT': return ' reject-with icmp-port-unreachable'
    default: return ''
  }
}

export function listRule(r: Rule, index: number, f: ListFormat): string {
  let src: Extract<Arg, { kind: 'src' }> | undefined
  let dst: Extract<Arg, { kind: 'dst' }> | undefined
  let proto: Extract<Arg, { kind: 'proto' }> | undefined
  let dport: number | undefined
  for (const a of r.args) {
    if (a.kind === 'src') src = a
    else if (a.kind === 'dst') dst = a
    else if (a.kind === 'proto') proto = a
    else if (a.kind === 'dport') dport = a.port
  }
  let out = ''
  if (f.lineNumbers) out += pad(String(index + 1), 4) + ' '
  if (f.verbose) {
    const [p, b] = f.counters?.rules.get(r) ?? [0, 0]
    // xtables_print_num pads both to 8 with -x, while the header gives bytes 10 columns
    out += num(p, f, true) + num(b, f, true)
  }
  out += pad(targetName(r.target), 9) + ' '
  out += ' '
  // iptables 1.8.9 prints the protocol number with -n and its name without
  out += pad(f.numeric ? String(proto ? PROTO_NUMBERS[proto.proto] : 0) : proto ? proto.proto : 'all', 5)
  out += '-- '
  // no interface match: "*" with -n, "any" without
  const anyIface = f.numeric ? '*' : 'any'
  if (f.verbose) out += ' ' + pad(anyIface, 6) + ' ' + pad(anyIface, 6) + ' '
  out += (src?.not ? '!' : ' ') + pad(address(src && withSlash(src.cidr), f.numeric), 19) + ' '
  out += (dst?.not ? '!' : ' ') + pad(address(dst && withSlash(dst.cidr), f.numeric), 19) + ' '
  for (const a of r.args) out += matchText(a, dport, f.numeric)
  out += targetText(r.target)
  return out + '\n'
}

function withSlash(cidr: string): string {
  return cidr.includes('/') ? cidr : `${cidr}/32`
}

/** The whole table (chains separated by blank lines) or one chain; undefined when the chain does not exist. */
export function renderIptablesList(table: Table, f: ListFormat, chain?: string): string | undefined {
  const chains = chain ? [table.byName.get(chain)].filter((c): c is Chain => !!c) : table.chains
  if (chain && chains.length === 0) return undefined
  return chains
    .map((c) => header(table, c, f) + c.rules.map((r, i) => listRule(r, i, f)).join(''))
    .join('\n')
}
