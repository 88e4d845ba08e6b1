import { intToIp, ipToInt, isIPv4, isIPv6, maskOf, parseCidr, type Cidr } from '../../util/ip'

/**
 * One entry of an IPAddressPool's `spec.addresses`, read as MetalLB reads it (internal/config ParseCIDR): a CIDR, or
 * a `start-end` range summarized into the CIDRs that cover it exactly (mikioh/ipaddr Summarize). Allocation walks
 * these CIDRs in order, each from its first address upwards, so a CIDR's network address (.0) is a candidate.
 */
export type AddressEntry =
  | { ok: true; text: string; cidrs: Cidr[] }
  | { ok: false; text: string; problem: 'invalid' | 'reversed' | 'ipv6' }

export function parseAddressEntry(text: string): AddressEntry {
  const t = text.trim()
  if (!t.includes('-')) {
    if (isIPv6(t.split('/')[0] ?? '')) return { ok: false, text, problem: 'ipv6' }
    // net.ParseCIDR keeps the host bits out of the network: 192.168.1.7/24 means 192.168.1.0/24.
    const c = parseCidr(t)
    return c ? { ok: true, text, cidrs: [c] } : { ok: false, text, problem: 'invalid' }
  }
  const [a, b] = t.split('-', 2).map((s) => s.trim())
  if (isIPv6(a) || isIPv6(b)) return { ok: false, text, problem: 'ipv6' }
  if (!isIPv4(a) || !isIPv4(b)) return { ok: false, text, problem: 'invalid' }
  const start = ipToInt(a)
  const end = ipToInt(b)
  // config.ParseCIDR: "start IP %q is after the end IP %q".
  if (start > end) return { ok: false, text, problem: 'reversed' }
  return { ok: true, text, cidrs: summarizeRange(start, end) }
}

/** The fewest CIDRs covering exactly [start, end], ascending (what ipaddr.Summarize returns). */
export function summarizeRange(start: number, end: number): Cidr[] {
  const out: Cidr[] = []
  let cur = start
  while (cur <= end) {
    let prefix = 32
    // Grow the block while it stays aligned on `cur` and inside the range.
    while (prefix > 0) {
      const bigger = prefix - 1
      const size = 2 ** (32 - bigger)
      if (cur % size !== 0 || cur + size - 1 > end) break
      prefix = bigger
    }
    const base = (cur & maskOf(prefix)) >>> 0
    out.push({ base, prefix, text: `${intToIp(base)}/${prefix}` })
    cur = base + 2 ** (32 - prefix)
    if (cur > 0xffffffff) break
  }
  return out
}

/** allocator.ipConfusesBuggyFirmwares: an IPv4 address ending in .0 or .255 confuses smurf protection on cheap CPE. */
export function isBuggyIP(ip: number): boolean {
  const last = ip & 255
  return last === 0 || last === 255
}

/** config.cidrsOverlap: one CIDR contains the other. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix)
  return ((a.base & maskOf(p)) >>> 0) === ((b.base & maskOf(p)) >>> 0)
}

export function cidrContainsInt(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.prefix)) >>> 0) === c.base
}

/** How many addresses a list of CIDRs offers, minus the .0/.255 ones when avoidBuggyIPs is on (allocator.poolCount). */
export function addressCount(cidrs: Cidr[], avoidBuggyIPs: boolean): number {
  let n = 0
  for (const c of cidrs) {
    const size = 2 ** (32 - c.prefix)
    if (!avoidBuggyIPs) n += size
    else if (c.prefix <= 24) n += size - 2 ** (24 - c.prefix) * 2
    else n += size - (isBuggyIP(c.base) ? 1 : 0) - (isBuggyIP(c.base + size - 1) ? 1 : 0)
  }
  return n
}

/** The prefix an address belongs to under an aggregation length (BGP SetBalancer: lbIP.Mask(CIDRMask(len, 32))). */
export function aggregate(ip: string, length: number): string {
  const base = (ipToInt(ip) & maskOf(length)) >>> 0
  return `${intToIp(base)}/${length}`
}
