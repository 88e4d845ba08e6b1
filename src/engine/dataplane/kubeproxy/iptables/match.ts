import { parseCidr, type Cidr } from '../../../util/ip'
import { kernelProbability } from './probability'
import type { Arg } from './rule'

/**
 * Whether one match of a rule holds for a packet: the kernel side of each extension (xt_addrtype, xt_mark,
 * xt_statistic, xt_recent, xt_conntrack, xt_tcpudp). Random draws and `recent` lists come from the caller, so the
 * interpreter stays pure and the draws are recorded.
 */

export interface MatchPacket {
  protocol: string
  src: string
  dst: string
  dstPort?: number
  /** src and dst as integers (ipv4Int), computed once per packet. */
  srcInt?: number
  dstInt?: number
  mark: number
  /** Conntrack state of the packet's connection as this node sees it. */
  ctstate: 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID'
  /** The connection was DNATed (the DNAT pseudo-state). */
  dnat?: boolean
}

export interface MatchEnv {
  /** `-m addrtype --src-type/--dst-type LOCAL`: the node's own addresses. */
  isLocal(ip: string): boolean
  /** xt_statistic random mode: a draw in [0, 2^31). */
  draw(): number
  /** xt_recent: seconds since the source address was last --set in the named list (undefined if never). */
  recentAge(name: string, src: string): number | undefined
}

export interface MatchResult {
  ok: boolean
  /** The statistic draw, when this match made one. */
  draw?: { value: number; threshold: number }
}

// rules are matched by the thousand per trace: addresses are compared as integers, CIDRs parsed once
const cidrCache = new Map<string, { base: number; mask: number } | null>()
function cidr(text: string): { base: number; mask: number } | null {
  let c = cidrCache.get(text)
  if (c === undefined) {
    const parsed: Cidr | undefined = parseCidr(text.includes('/') ? text : `${text}/32`)
    c = parsed ? { base: parsed.base, mask: parsed.prefix === 0 ? 0 : (0xffffffff << (32 - parsed.prefix)) >>> 0 } : null
    cidrCache.set(text, c)
  }
  return c
}

/** a.b.c.d to an unsigned integer; -1 for anything else. */
export function ipv4Int(ip: string): number {
  let n = 0
  let part = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < ip.length; i++) {
    const ch = ip.charCodeAt(i)
    if (ch === 46) {
      if (digits === 0 || part > 255) return -1
      n = n * 256 + part
      part = 0
      digits = 0
      dots++
    } else if (ch >= 48 && ch <= 57) {
      part = part * 10 + (ch - 48)
      digits++
    } else return -1
  }
  if (dots !== 3 || digits === 0 || part > 255) return -1
  return n * 256 + part
}

function intIn(n: number, text: string): boolean {
  const c = cidr(text)
  return !!c && n >= 0 && ((n & c.mask) >>> 0) === c.base
}

export function inCidr(ip: string, text: string): boolean {
  return intIn(ipv4Int(ip), text)
}

export function matchArg(a: Arg, p: MatchPacket, env: MatchEnv, out: MatchResult): boolean {
  switch (a.kind) {
    case 'comment':
      return true
    case 'proto':
      return p.protocol === a.proto
    case 'src':
      return intIn(p.srcInt ??= ipv4Int(p.src), a.cidr) !== !!a.not
    case 'dst':
      return intIn(p.dstInt ??= ipv4Int(p.dst), a.cidr) !== !!a.not
    case 'dport':
      return p.dstPort === a.port
    case 'addrtype':
      return env.isLocal(a.side === 'src' ? p.src : p.dst)
    case 'mark':
      return (((p.mark & a.mask) >>> 0) === (a.value >>> 0)) !== !!a.not
    case 'statistic': {
      // xt_statistic: (get_random_u32() & 0x7FFFFFFF) < info->u.random.probability
      const threshold = kernelProbability(a.probability)
      const value = env.draw()
      out.draw = { value, threshold }
      return value < threshold
    }
    case 'recent': {
      if (a.op === 'set') return true
      // xt_recent --rcheck --seconds S: the source was seen within the last S seconds
      const age = env.recentAge(a.name, p.src)
      return age !== undefined && age <= a.seconds
    }
    case 'conntrack': {
      const states = new Set<string>([p.ctstate])
      if (p.dnat) states.add('DNAT')
      return a.states.some((s) => states.has(s)) !== !!a.not
    }
    case 'nfacct':
      return true
  }
}

/** All matches of a rule, in order, stopping at the first that fails (as the kernel does). */
export function matchRule(args: Arg[], p: MatchPacket, env: MatchEnv, out: MatchResult): boolean {
  for (const a of args) {
    if (!matchArg(a, p, env, out)) return false
  }
  return true
}
