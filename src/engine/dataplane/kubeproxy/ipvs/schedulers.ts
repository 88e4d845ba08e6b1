import { ipToInt } from '../../../util/ip'

/**
 * The IPVS schedulers as the kernel implements them (net/netfilter/ipvs/ip_vs_{rr,wrr,lc,wlc,sed,nq,sh,dh}.c), over
 * a virtual server's destination list in the kernel's list order. Each returns the chosen destination's index and
 * the reason in the scheduler's own terms (rr position, connection counts, hash bucket), or undefined when the
 * kernel finds no destination (every weight 0: ip_vs_scheduler_err, the packet is refused).
 */

export interface DestView {
  /** `ip:port` */
  key: string
  ip: string
  weight: number
  activeConns: number
  inactConns: number
}

/** What a scheduler keeps between calls (svc->sched_data): rr's last pick, wrr's mark. */
export interface SchedulerMemory {
  rrLast?: number
  wrr?: { cl: number; cw: number; mw: number; di: number }
}

export interface Choice {
  index: number
  reason: { code: string; params: Record<string, string> }
}

export const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'sed', 'nq', 'sh', 'dh'] as const
export type SchedulerName = (typeof SCHEDULERS)[number]

export function isScheduler(name: string): name is SchedulerName {
  return (SCHEDULERS as readonly string[]).includes(name)
}

export function schedule(
  name: string,
  dests: DestView[],
  mem: SchedulerMemory,
  packet: { src: string; dst: string },
): Choice | undefined {
  switch (name) {
    case 'wrr': return wrr(dests, mem)
    case 'lc': return leastConnection(dests)
    case 'wlc': return weightedLeast(dests, 'wlc')
    case 'sed': return weightedLeast(dests, 'sed')
    case 'nq': return neverQueue(dests)
    case 'sh': return hashed(dests, shBucket(packet.src), 'sh', packet.src)
    case 'dh': return hashed(dests, dhBucket(packet.dst), 'dh', packet.dst)
    default: return roundRobin(dests, mem)
  }
}

const counts = (d: DestView) => ({ active: String(d.activeConns), inactive: String(d.inactConns) })

// ip_vs_rr_schedule: continue from the last chosen entry; skip overloaded and weight-0 destinations
function roundRobin(dests: DestView[], mem: SchedulerMemory): Choice | undefined {
  const n = dests.length
  const last = mem.rrLast ?? -1
  for (let step = 1; step <= n; step++) {
    const i = (last + step) % n
    if (dests[i].weight > 0) {
      mem.rrLast = i
      return { index: i, reason: { code: 'ipvs.sched.rr', params: { position: String(i + 1), of: String(n) } } }
    }
  }
  return undefined
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

// ip_vs_wrr_schedule: walk the list keeping the current weight cw; each full pass lowers cw by the weights' gcd,
// and a destination is chosen when its weight is at least cw (mw = max weight - (gcd - 1))
function wrr(dests: DestView[], mem: SchedulerMemory): Choice | undefined {
  const weights = dests.map((d) => d.weight).filter((w) => w > 0)
  if (weights.length === 0) return undefined
  const di = weights.reduce(gcd)
  const mw = Math.max(...weights) - (di - 1)
  // ip_vs_wrr_dest_changed resets the mark when the weights change
  if (!mem.wrr || mem.wrr.mw !== mw || mem.wrr.di !== di) mem.wrr = { cl: -1, cw: mw, mw, di }
  const mark = mem.wrr
  for (let guard = 0; guard < (dests.length + 1) * (mw + 1); guard++) {
    const next = mark.cl + 1
    if (next >= dests.length) {
      // back at the list head: one pass done
      mark.cl = -1
      mark.cw -= mark.di
      if (mark.cw <= 0) mark.cw = mark.mw
      continue
    }
    mark.cl = next
    if (dests[next].weight >= mark.cw) {
      return { index: next, reason: { code: 'ipvs.sched.wrr', params: { weight: String(dests[next].weight), cw: String(mark.cw) } } }
    }
  }
  return undefined
}

// ip_vs_dest_conn_overhead: activeconns * 256 + inactconns
function overhead(d: DestView): number {
  return d.activeConns * 256 + d.inactConns
}

// ip_vs_lc_schedule: the least overhead; ties keep the first in list order
function leastConnection(dests: DestView[]): Choice | undefined {
  let least = -1
  for (let i = 0; i < dests.length; i++) {
    if (dests[i].weight === 0) continue
    if (least < 0 || overhead(dests[i]) < overhead(dests[least])) least = i
  }
  if (least < 0) return undefined
  const d = dests[least]
  return { index: least, reason: { code: 'ipvs.sched.lc', params: { ...counts(d), overhead: String(overhead(d)) } } }
}

// ip_vs_wlc_schedule (overhead/weight) and ip_vs_sed_schedule ((activeconns + 1)/weight), compared by
// cross-multiplying as the kernel does: loh * weight(dest) > doh * weight(least)
function weightedLeast(dests: DestView[], kind: 'wlc' | 'sed'): Choice | undefined {
  const oh = (d: DestView) => (kind === 'wlc' ? overhead(d) : d.activeConns + 1)
  let least = -1
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]
    if (d.weight <= 0) continue
    if (least < 0 || oh(dests[least]) * d.weight > oh(d) * dests[least].weight) least = i
  }
  if (least < 0) return undefined
  const d = dests[least]
  return { index: least, reason: { code: `ipvs.sched.${kind}`, params: { ...counts(d), overhead: String(oh(d)), weight: String(d.weight) } } }
}

// ip_vs_nq_schedule: an idle destination (no active connection) at once, else the sed choice
function neverQueue(dests: DestView[]): Choice | undefined {
  let least = -1
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]
    if (d.weight <= 0) continue
    if (d.activeConns === 0) return { index: i, reason: { code: 'ipvs.sched.nq.idle', params: counts(d) } }
    if (least < 0 || (dests[least].activeConns + 1) * d.weight > (d.activeConns + 1) * dests[least].weight) least = i
  }
  if (least < 0) return undefined
  const d = dests[least]
  return { index: least, reason: { code: 'ipvs.sched.nq', params: { ...counts(d), overhead: String(d.activeConns + 1), weight: String(d.weight) } } }
}

const TAB_BITS = 8
const TAB_SIZE = 1 << TAB_BITS

// ip_vs_sh_hashkey: hash_32(ntohs(port) + ntohl(addr), IP_VS_SH_TAB_BITS), port 0 without the sh-port flag;
// hash_32 multiplies by GOLDEN_RATIO_32 (0x61C88647) and keeps the top bits
export function shBucket(ip: string): number {
  return Math.imul(ipToInt(ip) >>> 0, 0x61c88647) >>> (32 - TAB_BITS)
}

// ip_vs_dh_hashkey: (ntohl(addr) * 2654435761UL) & IP_VS_DH_TAB_MASK
export function dhBucket(ip: string): number {
  return Math.imul(ipToInt(ip) >>> 0, 2654435761 | 0) & (TAB_SIZE - 1)
}

/**
 * The 256-bucket table sh and dh fill when the destinations change (ip_vs_sh_reassign: each destination takes
 * `weight` consecutive buckets, at least one; ip_vs_dh_reassign: one bucket each, round the list).
 */
export function bucketTable(dests: DestView[], kind: 'sh' | 'dh'): number[] {
  const table: number[] = []
  if (dests.length === 0) return table
  let p = 0
  let count = 0
  for (let i = 0; i < TAB_SIZE; i++) {
    table.push(p)
    if (kind === 'dh' || ++count >= dests[p].weight) {
      p = (p + 1) % dests.length
      count = 0
    }
  }
  return table
}

// ip_vs_sh_get / ip_vs_dh_get: the bucket's destination, unless it is unavailable (weight 0): then no destination
function hashed(dests: DestView[], bucket: number, kind: 'sh' | 'dh', addr: string): Choice | undefined {
  const table = bucketTable(dests, kind)
  if (table.length === 0) return undefined
  const index = table[bucket]
  if (dests[index].weight <= 0) return undefined
  return { index, reason: { code: `ipvs.sched.${kind}`, params: { addr, bucket: String(bucket) } } }
}
