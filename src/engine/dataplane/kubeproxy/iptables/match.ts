import { cidrContains, parseCidr, type Cidr } from '../../../util/ip'
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

const cidrCache = new Map<string, Cidr | undefined>()
function cidr(text: string): Cidr | undefined {
  let c = cidrCache.get(text)
  if (c === undefined && !cidrCache.has(text)) {
    c = parseCidr(text.includes('/') ? text : `${text}/32`)
    cidrCache.set(text, c)
  }
  return c
}

export function inCidr(ip: string, text: string): boolean {
  const c = cidr(text)
  return !!c && cidrContains(c, ip)
}

export function matchArg(a: Arg, p: MatchPacket, env: MatchEnv, out: MatchResult): boolean {
  switch (a.kind) {
    case 'comment':
      return true
    case 'proto':
      return p.protocol === a.proto
    case 'src':
      return inCidr(p.src, a.cidr) !== !!a.not
    case 'dst':
      return inCidr(p.dst, a.cidr) !== !!a.not
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
