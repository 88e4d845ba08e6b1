import type { Simulation } from '../../sim/simulation'
import type { Location } from '../../shell/types'
import { isIPv4, isIPv6 } from '../../util/ip'
import { exchange, QUERY_TIMEOUT_MS, serverRole, type Exchange, type ExchangeOptions } from './exchange'
import { lookupHostsFile } from './hostsfile'
import { responseKind, type QType } from './message'
import { canonical, countDots, fqdn, joinName } from './names'
import { ndotsOf, resolvConfAt, type ResolvConf } from './resolvconf'

/**
 * The stub resolver of glibc, as getaddrinfo() uses it: /etc/hosts first, then DNS through resolv.conf's search list
 * (glibc resolv/res_query.c __res_context_search). Every name tried is a step of the result, so the trace can show why
 * `mysql-service` is answered at the first try and `www.example.com` only after four names.
 */

/** 'A+AAAA' is getaddrinfo with AF_UNSPEC: both questions for each name, sent together. */
export type ResolveType = 'A' | 'AAAA' | 'A+AAAA'

export interface ResolveTry {
  /** The absolute name asked. */
  name: string
  /** Which rule put it in the list: a search domain, or the name as typed. */
  via: { kind: 'search'; domain: string; index: number } | { kind: 'as-is' }
  exchanges: Exchange[]
  /** Whether this name answered (a NOERROR with records for one of its questions). */
  positive: boolean
}

export interface ResolveAnswer {
  /** Where it came from: the hosts file or DNS. */
  source: 'files' | 'dns' | 'literal'
  /** The name the addresses belong to, after any CNAME. */
  canonicalName: string
  aliases: string[]
  addresses: string[]
}

export interface ResolveResult {
  query: string
  resolvConf: ResolvConf
  ndots: number
  tries: ResolveTry[]
  answer?: ResolveAnswer
  /** Why there is no answer: every name missed (NXDOMAIN/NODATA), a server failed, or none replied. */
  failure?: 'not-found' | 'servfail' | 'timeout'
}

/** The names glibc asks, in order (res_query.c __res_context_search). */
export function searchOrder(name: string, rc: ResolvConf): { name: string; via: ResolveTry['via'] }[] {
  const ndots = ndotsOf(rc)
  const trailingDot = name.endsWith('.')
  const dots = countDots(name)
  const out: { name: string; via: ResolveTry['via'] }[] = []
  const asIs = { name: fqdn(name), via: { kind: 'as-is' as const } }
  // "If there are enough dots (or a trailing dot), try the name as is first"
  if (trailingDot) return [asIs]
  const triedAsIs = dots >= ndots
  if (triedAsIs) out.push(asIs)
  // RES_DEFNAMES for dotless names, RES_DNSRCH otherwise (both on by default)
  rc.search.forEach((domain, index) => {
    if (domain === '.' || domain === '') return
    out.push({ name: joinName(name, domain), via: { kind: 'search', domain, index } })
  })
  if (!triedAsIs) out.push(asIs)
  return out
}

function addressesOf(ex: Exchange[], type: 'A' | 'AAAA'): string[] {
  return ex.filter((e) => e.question.type === type && e.response).flatMap((e) => e.response!.answer.filter((r) => r.type === type).map((r) => (r as { address: string }).address))
}

function canonicalOf(ex: Exchange[], asked: string): { canonicalName: string; aliases: string[] } {
  const aliases: string[] = []
  let current = canonical(asked)
  const answer = ex.flatMap((e) => e.response?.answer ?? [])
  for (let i = 0; i < 10; i++) {
    const c = answer.find((r) => r.type === 'CNAME' && canonical(r.name) === current)
    if (!c || c.type !== 'CNAME') break
    aliases.push(current.slice(0, -1))
    current = canonical(c.target)
  }
  const owner = answer.find((r) => (r.type === 'A' || r.type === 'AAAA') && canonical(r.name) === current)
  const name = owner ? owner.name : current
  return { canonicalName: name.replace(/\.$/, ''), aliases }
}

/** How a query travels before CoreDNS sees it: the packet walk's verdict (which pod, or lost on the way). */
export type Transport = (server: string, question: { name: string; type: 'A' | 'AAAA' }) =>
  | { pod?: string }
  | { lost: true; explain: { code: string; params: Record<string, string> } }
  | undefined

export interface ResolveOptions extends ExchangeOptions {
  /** Carries each query to its server (the packet walk through kube-proxy); without it, queries arrive. */
  transport?: Transport
  /** Skip /etc/hosts (a tool that speaks DNS only). */
  noHostsFile?: boolean
  /** Picks the CoreDNS pod for each query (the packet walk runs kube-proxy to decide). */
  pickPod?: (name: string, type: QType) => string | undefined
  /** Advance the virtual clock by each round trip (default true). */
  advanceClock?: boolean
}

/** Resolves `name` from `where` as getaddrinfo does. */
export function resolve(sim: Simulation, where: Location, name: string, type: ResolveType = 'A+AAAA', options: ResolveOptions = {}): ResolveResult {
  const cluster = sim.scenario.cluster
  const rc = resolvConfAt(cluster, where)
  const result: ResolveResult = { query: name, resolvConf: rc, ndots: ndotsOf(rc), tries: [] }
  const types: ('A' | 'AAAA')[] = type === 'A+AAAA' ? ['A', 'AAAA'] : [type]
  if (isIPv4(name) || isIPv6(name)) {
    result.answer = { source: 'literal', canonicalName: name, aliases: [], addresses: [name] }
    return result
  }
  if (!options.noHostsFile) {
    for (const t of types) {
      const found = lookupHostsFile(sim, where, name.replace(/\.$/, ''), t)
      if (found.length > 0) {
        result.answer = { source: 'files', canonicalName: found[0].canonicalName, aliases: found[0].aliases, addresses: found.map((f) => f.address) }
        return result
      }
    }
  }
  // resolv.conf(5): with no nameserver line the resolver asks the local machine
  const servers = rc.nameservers.length > 0 ? rc.nameservers : ['127.0.0.1']
  let sawServfail = false
  for (const candidate of searchOrder(name, rc)) {
    const exchanges: Exchange[] = []
    let rtt = 0
    for (const t of types) {
      // resolv.conf(5): nameservers in order, the next one only when the previous did not answer
      let ex: Exchange | undefined
      for (const server of servers) {
        const carried = options.transport?.(server, { name: candidate.name, type: t })
        if (carried && 'lost' in carried) {
          ex = { question: { name: candidate.name, type: t }, server, role: serverRole(sim, server), explain: carried.explain, rttMs: QUERY_TIMEOUT_MS }
          continue
        }
        const pod = carried?.pod ?? options.pickPod?.(candidate.name, t) ?? options.pod
        ex = exchange(sim, where, server, { name: candidate.name, type: t }, { pod, id: options.id ?? sim.rng.int(65536) })
        if (ex.response) break
      }
      if (!ex) continue
      exchanges.push(ex)
      rtt = Math.max(rtt, ex.rttMs)
    }
    // getaddrinfo sends A and AAAA together and waits for both
    if (options.advanceClock !== false) sim.clock.advance(rtt)
    const positive = exchanges.some((e) => e.response && responseKind(e.response) === 'answer')
    result.tries.push({ name: candidate.name, via: candidate.via, exchanges, positive })
    if (positive) {
      const addresses = types.flatMap((t) => addressesOf(exchanges, t))
      const names = canonicalOf(exchanges, candidate.name)
      if (addresses.length > 0) result.answer = { source: 'dns', ...names, addresses }
      else result.failure = 'not-found'
      return result
    }
    if (exchanges.every((e) => !e.response)) {
      // res_query.c: a timeout (TRY_AGAIN without SERVFAIL) ends the search
      result.failure = 'timeout'
      return result
    }
    if (exchanges.some((e) => e.response?.rcode === 'SERVFAIL')) sawServfail = true
  }
  result.failure = sawServfail ? 'servfail' : 'not-found'
  return result
}
