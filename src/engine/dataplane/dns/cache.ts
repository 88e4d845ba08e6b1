import type { CachePlugin } from './corefile/config'
import type { Explanation } from './kubernetes'
import { withTtl, type DnsMessage } from './message'
import { canonical, matchZone } from './names'

/**
 * CoreDNS's cache plugin (coredns plugin/cache/cache.go, item.go): a response is kept for
 * min(max(its lowest TTL, MINTTL), TTL cap), and every record it carries is rewritten to that TTL, on the way out
 * and on every later hit (where it counts down with the clock). Denials (NXDOMAIN, NODATA) have their own cap;
 * SERVFAIL is kept for `servfail` (5s). Each CoreDNS pod has its own cache.
 */

export interface CacheItem {
  message: DnsMessage
  explain: Explanation
  storedAtMs: number
  ttl: number
}

export type CacheStore = Map<string, CacheItem>

type ResponseType = 'noerror' | 'nodata' | 'nxdomain' | 'servfail' | 'other'

const hasSoa = (m: DnsMessage) => m.authority.some((r) => r.type === 'SOA')

// coredns plugin/pkg/response Typify (the parts a stub query can reach)
function typify(m: DnsMessage): ResponseType {
  if (m.rcode === 'NXDOMAIN') return 'nxdomain'
  if (m.rcode === 'SERVFAIL') return 'servfail'
  if (m.rcode !== 'NOERROR') return 'other'
  if (m.answer.length === 0 && hasSoa(m)) return 'nodata'
  return 'noerror'
}

// dnsutil.MinimalTTLWithMaximum: the lowest TTL of every section, 5s when the message holds no record
function minimalTtl(m: DnsMessage, max: number): number {
  const all = [...m.answer, ...m.authority, ...m.additional]
  if (all.length === 0) return 5
  return Math.min(max, ...all.map((r) => r.ttl))
}

// cache.go answersQuestion: the CNAME chain from the question's name ends at a record of the asked type
function answersQuestion(m: DnsMessage): boolean {
  if (m.question.type === 'CNAME' || m.question.type === 'ANY') return m.answer.length > 0
  let name = canonical(m.question.name)
  for (let i = 0; i <= m.answer.length; i++) {
    if (m.answer.some((r) => r.type === m.question.type && canonical(r.name) === name)) return true
    const next = m.answer.find((r) => r.type === 'CNAME' && canonical(r.name) === name)
    if (!next || next.type !== 'CNAME') return false
    name = canonical(next.target)
  }
  return false
}

/**
 * How long the cache would keep a response (cache.go WriteMsg: its TTLs are rewritten to this either way), and
 * whether it keeps it at all (key(): not an error other than SERVFAIL, an NXDOMAIN needs an SOA, and a non-empty
 * answer that does not answer the question without an SOA, a dangling CNAME, is not stored).
 */
export function cacheDuration(c: CachePlugin, m: DnsMessage): { seconds: number; store: boolean } {
  const t = typify(m)
  if (t === 'other') return { seconds: 5, store: false }
  if (t === 'servfail') return { seconds: c.servfail, store: true }
  if (t === 'nxdomain' || t === 'nodata') {
    return { seconds: Math.min(Math.max(minimalTtl(m, c.denialMax), c.denialMin), c.denialMax), store: t === 'nodata' || hasSoa(m) }
  }
  const store = !(m.answer.length > 0 && !hasSoa(m) && !answersQuestion(m))
  return { seconds: Math.min(Math.max(minimalTtl(m, c.successMax), c.successMin), c.successMax), store }
}

/** Every record's TTL set to `ttl` (cache.go filterRRSlice). */
export function capTtls(m: DnsMessage, ttl: number): DnsMessage {
  return { ...m, answer: m.answer.map((r) => withTtl(r, ttl)), authority: m.authority.map((r) => withTtl(r, ttl)), additional: m.additional.map((r) => withTtl(r, ttl)) }
}

export function cacheKey(name: string, type: string): string {
  return `${canonical(name)}|${type}`
}

export function cacheApplies(c: CachePlugin, name: string): boolean {
  return matchZone(name, c.zones) !== undefined
}

/** A live item and its remaining TTL (item.ttl: whole seconds left), or undefined when absent or expired. */
export function cacheLookup(store: CacheStore, key: string, nowMs: number): { item: CacheItem; ttl: number; ageSeconds: number } | undefined {
  const item = store.get(key)
  if (!item) return undefined
  const age = Math.floor((nowMs - item.storedAtMs) / 1000)
  const ttl = item.ttl - age
  if (ttl <= 0) {
    store.delete(key)
    return undefined
  }
  return { item, ttl, ageSeconds: age }
}
