import ipaddr from 'ipaddr.js'
import { isIPv4, isIPv6 } from '../util/ip'
import type { At, ValueCheck } from './fields'
import { goValue } from './fields'
import {
  isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue, isValidPortName, isValidPortNum,
  isWildcardDNS1123Subdomain,
} from './names'

/** Reports each message as the API server's `field.Invalid`: `<path>: Invalid value: "<v>": <message>`. */
export function invalid(at: At, value: unknown, messages: string[], dotted = at.dotted): void {
  for (const detail of messages) at.report('manifest.invalidValue', 'error', { path: at.path, value: goValue(value), detail }, dotted)
}

/** A ValueCheck from an apimachinery-style validator returning messages. */
export const format = (validate: (s: string) => string[]): ValueCheck => (v, at) => invalid(at, v, validate(String(v)))

export const dns1123Label = format(isDNS1123Label)
export const dns1123Subdomain = format(isDNS1123Subdomain)
export const dns1035Label = format(isDNS1035Label)
export const portName = format(isValidPortName)
export const labelKey = format(isLabelKey)
export const labelValue = format(isLabelValue)
export const portNumber: ValueCheck = (v, at) => invalid(at, v, isValidPortNum(Number(v)))

// core validation ValidatePortNumOrName: an int must be 1-65535, a string must be an IANA_SVC_NAME
// (so `targetPort: "80"` is refused: "must contain at least one letter (a-z)")
export const portNumOrName: ValueCheck = (v, at) => (typeof v === 'number' ? portNumber(v, at) : portName(v, at))

/** nodePort: 0 means "allocate one"; otherwise a port number (the range check is the allocator's, in cluster/). */
export const optionalPortNumber: ValueCheck = (v, at) => { if (v !== 0) portNumber(v, at) }

// core validation validateIngressRuleValue / ValidateIngressSpec: a host is a DNS-1123 subdomain or a wildcard,
// and "must be a DNS name, not an IP address"
export const ingressHost: ValueCheck = (v, at) => {
  const host = String(v)
  if (ipaddr.isValid(host)) return invalid(at, v, ['must be a DNS name, not an IP address'])
  invalid(at, v, host.startsWith('*.') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host))
}

// validation.IsValidIP: "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"; IPv6 is read but not simulated
export const ipAddress: ValueCheck = (v, at) => {
  const s = String(v)
  if (isIPv4(s)) return
  if (isIPv6(s)) return notSimulatedIPv6(at, s)
  invalid(at, v, ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'])
}

/** Service clusterIP: an IP, `None` (headless) or empty (allocate). */
export const clusterIP: ValueCheck = (v, at) => { if (v !== 'None' && v !== '') ipAddress(v, at) }

// validation.IsValidCIDR: "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"
export const cidr: ValueCheck = (v, at) => {
  const s = String(v)
  const slash = s.indexOf('/')
  const addr = slash > 0 ? s.slice(0, slash) : ''
  const prefix = slash > 0 ? s.slice(slash + 1) : ''
  const n = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1
  if (isIPv4(addr) && n >= 0 && n <= 32) return
  if (isIPv6(addr) && n >= 0 && n <= 128) return notSimulatedIPv6(at, s)
  invalid(at, v, ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'])
}

// MetalLB IPAddressPool spec.addresses: a CIDR or a range `a.b.c.d-e.f.g.h` of one family, low to high
// (metallb internal/config parseCIDR / "invalid IP range")
export const poolAddress: ValueCheck = (v, at) => {
  const s = String(v).trim()
  if (!s.includes('-')) return cidr(s, at)
  const [lo, hi, extra] = s.split('-').map((x) => x.trim())
  if (extra === undefined && isIPv4(lo) && isIPv4(hi)) {
    if (ipToNumber(lo) <= ipToNumber(hi)) return
    return invalid(at, v, [`invalid IP range "${s}": start ${lo} is after end ${hi}`])
  }
  if (extra === undefined && isIPv6(lo) && isIPv6(hi)) return notSimulatedIPv6(at, s)
  invalid(at, v, [`invalid IP range "${s}": must be a CIDR (192.168.10.0/24) or a range (192.168.10.0-192.168.10.255) of one address family`])
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)
}

export function notSimulatedIPv6(at: At, value: string): void {
  at.report('manifest.notSimulated.ipv6', 'warning', { path: at.path, value }, at.dotted)
}

/** ValueCheck that runs several checks. */
export const all = (...checks: ValueCheck[]): ValueCheck => (v, at) => { for (const c of checks) c(v, at) }
