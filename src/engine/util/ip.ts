import ipaddr from 'ipaddr.js'

/**
 * IPv4 address math on 32-bit integers (the simulator is IPv4-only for now; IPv6 input is read and warned about).
 * Parsing and validation go through ipaddr.js; arithmetic is plain integers because allocation loops over it.
 */
export interface Cidr {
  /** The network address as an unsigned 32-bit integer. */
  base: number
  prefix: number
  /** The canonical text, `10.244.1.0/24`. */
  text: string
}

export function isIPv4(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text)
}

export function isIPv6(text: string): boolean {
  return ipaddr.IPv6.isValid(text) && text.includes(':')
}

export function ipToInt(ip: string): number {
  const b = ipaddr.IPv4.parse(ip).octets
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0
}

export function intToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`
}

/** Parses `a.b.c.d/p`; undefined when it is not a valid IPv4 CIDR. The host bits are cleared. */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== 'string') return undefined
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text.trim())
  if (!m || !isIPv4(m[1])) return undefined
  const prefix = Number(m[2])
  if (prefix > 32) return undefined
  const base = (ipToInt(m[1]) & maskOf(prefix)) >>> 0
  return { base, prefix, text: `${intToIp(base)}/${prefix}` }
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
}

export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.prefix)
}

export function cidrContains(c: Cidr, ip: string | number): boolean {
  const n = typeof ip === 'number' ? ip : isIPv4(ip) ? ipToInt(ip) : -1
  if (n < 0) return false
  return ((n & maskOf(c.prefix)) >>> 0) === c.base
}

/** The i-th address of the block (0 = the network address). */
export function nthAddress(c: Cidr, i: number): string {
  return intToIp((c.base + i) >>> 0)
}

/** The i-th subnet of size `prefix` inside `c` (`10.244.0.0/16`, 24, 2 → `10.244.2.0/24`). */
export function nthSubnet(c: Cidr, prefix: number, i: number): Cidr | undefined {
  if (prefix < c.prefix) return undefined
  const count = 2 ** (prefix - c.prefix)
  if (i < 0 || i >= count) return undefined
  const base = (c.base + i * 2 ** (32 - prefix)) >>> 0
  return { base, prefix, text: `${intToIp(base)}/${prefix}` }
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix)
  return ((a.base & maskOf(p)) >>> 0) === ((b.base & maskOf(p)) >>> 0)
}
