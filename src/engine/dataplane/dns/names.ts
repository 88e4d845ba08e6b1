import { isIPv4, isIPv6 } from '../../util/ip'

/**
 * Domain-name helpers. DNS compares names case-insensitively (RFC 4343); the engine keeps the case the asker used
 * in the question and compares lower-cased absolute forms.
 */

/** The absolute form: `a.b` → `a.b.`; the root stays `.`. */
export function fqdn(name: string): string {
  if (name === '' || name === '.') return '.'
  return name.endsWith('.') ? name : `${name}.`
}

/** Lower-cased absolute form, for comparisons. */
export function canonical(name: string): string {
  return fqdn(name).toLowerCase()
}

/** Labels of a name, without the root: `a.b.c.` → [a, b, c]. */
export function labels(name: string): string[] {
  const f = fqdn(name)
  if (f === '.') return []
  return f.slice(0, -1).split('.')
}

/** True when `name` equals `zone` or lies below it (both compared case-insensitively). */
export function isSubdomain(name: string, zone: string): boolean {
  const n = canonical(name)
  const z = canonical(zone)
  if (z === '.') return true
  return n === z || n.endsWith(`.${z}`)
}

/** The longest of `zones` that contains `name` (CoreDNS plugin.Zones.Matches), or undefined. */
export function matchZone(name: string, zones: readonly string[]): string | undefined {
  let best: string | undefined
  for (const z of zones) {
    if (!isSubdomain(name, z)) continue
    if (best === undefined || canonical(z).length > canonical(best).length) best = z
  }
  return best
}

/** What is left of `name` once the zone is cut off (`a.b.cluster.local.`, `cluster.local.` → `a.b`). */
export function trimZone(name: string, zone: string): string {
  const n = fqdn(name)
  const z = canonical(zone)
  if (z === '.') return n === '.' ? '' : n.slice(0, -1)
  if (n.toLowerCase() === z) return ''
  return n.slice(0, n.length - z.length - 1)
}

/** Number of dots in a name as the user typed it (a trailing dot counts, as glibc counts it). */
export function countDots(name: string): number {
  let n = 0
  for (const c of name) if (c === '.') n++
  return n
}

// coredns plugin/kubernetes endpointHostname: dots become dashes (v4); colons become dashes and a trailing dash gets 0 (v6)
export function dashedIp(ip: string): string {
  if (ip.includes('.')) return ip.split('.').join('-')
  const d = ip.split(':').join('-')
  return d.endsWith('-') ? `${d}0` : d
}

// busybox make_ptr / dnsutil.ExtractAddressFromReverse: 10.96.0.10 ↔ 10.0.96.10.in-addr.arpa.
export function reverseName(ip: string): string | undefined {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`
  return undefined
}

/** The IPv4 address a reverse name stands for, or undefined when it is not a full in-addr.arpa name. */
export function addressFromReverse(name: string): string | undefined {
  const ls = labels(name)
  if (ls.length !== 6) return undefined
  if (ls[4].toLowerCase() !== 'in-addr' || ls[5].toLowerCase() !== 'arpa') return undefined
  const ip = ls.slice(0, 4).reverse().join('.')
  return isIPv4(ip) ? ip : undefined
}

export function isAddress(text: string): boolean {
  return isIPv4(text) || isIPv6(text)
}

/** Joins a relative name and a domain into an absolute name (`web`, `default.svc.cluster.local` → `web.default...local.`). */
export function joinName(name: string, domain: string): string {
  const d = domain.replace(/\.$/, '')
  if (d === '') return fqdn(name)
  return fqdn(`${name.replace(/\.$/, '')}.${d}`)
}
