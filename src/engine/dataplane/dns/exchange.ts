import type { Simulation } from '../../sim/simulation'
import type { Location } from '../../shell/types'
import { answerQuery, type QueryResult } from './coredns'
import type { DnsMessage, DnsQuestion } from './message'
import { fqdn } from './names'
import { upstreamAnswer } from './upstream'
import { clusterDnsIP, corednsPods } from './world'
import { nodeResolvConf } from './resolvconf'

/**
 * One query sent to one server and what came back: the unit every resolver (glibc, busybox nslookup, dig) is built
 * from, and what the trace draws as a DNS hop.
 */

export type ServerRole = 'cluster-dns' | 'coredns-pod' | 'upstream' | 'unknown'

export interface Exchange {
  question: DnsQuestion
  /** The address the query was sent to (the resolv.conf nameserver, or dig's @server). */
  server: string
  role: ServerRole
  /** The reply; undefined when none came (the query timed out). */
  response?: DnsMessage
  /** What CoreDNS did, when CoreDNS answered. */
  coredns?: QueryResult
  explain: { code: string; params: Record<string, string> }
  /** The round trip on the virtual clock. */
  rttMs: number
}

// Round trips on the virtual clock (a model, not a measurement): a CoreDNS answer inside the cluster, and the extra
// leg to the lab's upstream resolver when CoreDNS forwards.
export const CLUSTER_RTT_MS = 1
export const UPSTREAM_RTT_MS = 2
// glibc resolv.conf(5) timeout default (5s); busybox nslookup and dig wait as long before giving up
export const QUERY_TIMEOUT_MS = 5000

export interface ExchangeOptions {
  /** The CoreDNS pod kube-proxy sent the query to (its cache is used); chosen by the packet walk. */
  pod?: string
  id?: number
}

/** The upstream every node and outside machine uses. */
function upstreamAddresses(sim: Simulation): Set<string> {
  const set = new Set<string>()
  for (const n of sim.scenario.cluster.nodes) set.add(nodeResolvConf(n.ip).nameservers[0])
  for (const c of sim.scenario.cluster.clients) set.add(nodeResolvConf(c.ip).nameservers[0])
  return set
}

export function serverRole(sim: Simulation, server: string): ServerRole {
  const cluster = sim.scenario.cluster
  if (server === clusterDnsIP(cluster)) return 'cluster-dns'
  if (corednsPods(cluster).some((p) => p.podIP === server)) return 'coredns-pod'
  if (upstreamAddresses(sim).has(server)) return 'upstream'
  return 'unknown'
}

function sourceIP(where: Location): string {
  switch (where.kind) {
    case 'pod':
      return where.pod.podIP
    case 'node':
      return where.node.ip
    case 'client':
      return where.client.ip
    case 'router':
      return where.router.ip
  }
}

/** Sends one question from `where` to `server` and returns what came back. Advances nothing: callers own the clock. */
export function exchange(sim: Simulation, where: Location, server: string, question: DnsQuestion, options: ExchangeOptions = {}): Exchange {
  const q: DnsQuestion = { name: fqdn(question.name), type: question.type }
  const role = serverRole(sim, server)
  const client = sourceIP(where)
  if (role === 'cluster-dns' || role === 'coredns-pod') {
    // a Service IP is only reachable from machines that run kube-proxy's rules: pods and nodes
    if (role === 'cluster-dns' && (where.kind === 'client' || where.kind === 'router')) {
      return { question: q, server, role, explain: { code: 'dns.exchange.unreachable', params: { server } }, rttMs: QUERY_TIMEOUT_MS }
    }
    const pod = role === 'coredns-pod' ? corednsPods(sim.scenario.cluster).find((p) => p.podIP === server)?.name : options.pod
    const result = answerQuery(sim, q, client, pod !== undefined ? { pod, id: options.id } : { id: options.id })
    if (!result.message) return { question: q, server, role, coredns: result, explain: result.explain, rttMs: QUERY_TIMEOUT_MS }
    const rtt = CLUSTER_RTT_MS + (result.answeredBy === 'forward' ? UPSTREAM_RTT_MS : 0)
    return { question: q, server, role, response: result.message, coredns: result, explain: result.explain, rttMs: rtt }
  }
  if (role === 'upstream') {
    const up = upstreamAnswer(sim.scenario.cluster, q, server)
    const message = options.id !== undefined ? { ...up.message, id: options.id } : up.message
    return { question: q, server, role, response: message, explain: up.explain, rttMs: UPSTREAM_RTT_MS }
  }
  return { question: q, server, role, explain: { code: 'dns.exchange.noServer', params: { server } }, rttMs: QUERY_TIMEOUT_MS }
}
