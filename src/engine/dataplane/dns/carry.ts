import type { Pod } from '../../cluster/types'
import type { ObjectId } from '../../core/ids'
import type { Location } from '../../shell/types'
import type { Simulation } from '../../sim/simulation'
import type { Hop, Trace } from '../../trace/types'
import { traceRequest, type WalkResult } from '../../trace/walk'
import { exchange, QUERY_TIMEOUT_MS, serverRole, type Exchange } from './exchange'
import type { QType } from './message'
import { fqdn } from './names'
import { dnsAnswerHop, dnsForwardHop, dnsQueryHop } from './hops'
import type { ResolveTry, Transport } from './resolver'
import type { ResolvConf } from './resolvconf'

/**
 * DNS queries as packets: a query to the cluster DNS address walks through the source's kernel like any UDP packet
 * (kube-proxy DNATs 10.96.0.10:53 to one CoreDNS pod, whose cache then answers), and the walk plus CoreDNS's answer
 * make one trace for the app to draw.
 */

export function locationId(where: Location): ObjectId {
  switch (where.kind) {
    case 'pod':
      return where.pod.id
    case 'node':
      return where.node.id
    case 'client':
      return where.client.id
    case 'router':
      return where.router.id
  }
}

function sourceIP(where: Location): string {
  return where.kind === 'pod' ? where.pod.podIP : where.kind === 'node' ? where.node.ip : where.kind === 'client' ? where.client.ip : where.router.ip
}

/** What the resolver knew when it asked: the resolv.conf, and the rule that chose each name (fixed or per query). */
export interface FlowContext {
  via?: ResolveTry['via'] | ((ex: Exchange) => ResolveTry['via'] | undefined)
  resolvConf?: ResolvConf
}

export interface Carrier {
  transport: Transport
  /** The walk that carried each flow, by flow key. */
  walks: Map<string, WalkResult>
  flowOf: (name: string) => string
}

/**
 * How queries leave `where`. `per-name`: one socket per name tried, its A and AAAA together (glibc getaddrinfo);
 * `one-flow`: every query from one socket (busybox nslookup binds once), so one conntrack entry and one CoreDNS pod.
 */
export function carrier(sim: Simulation, where: Location, mode: 'per-name' | 'one-flow'): Carrier {
  const walks = new Map<string, WalkResult>()
  const flowOf = (name: string) => (mode === 'one-flow' ? '*' : name.toLowerCase())
  const transport: Transport = (server, q) => {
    // only the cluster DNS address is a Service kube-proxy translates; the upstream and direct pod IPs need no walk
    if (serverRole(sim, server) !== 'cluster-dns' || (where.kind !== 'pod' && where.kind !== 'node')) return undefined
    const key = flowOf(q.name)
    let w = walks.get(key)
    if (!w) {
      w = traceRequest(sim, { from: locationId(where), protocol: 'UDP', host: server, port: 53 })
      walks.set(key, w)
    }
    const pod = w.answeredBy
    if (w.outcome.result !== 'ok' || !pod) return { lost: true, explain: w.outcome.reason ?? { code: 'dns.hop.noReply', params: { server } } }
    return { pod: pod.name }
  }
  return { transport, walks, flowOf }
}

const strip = (h: Hop): Omit<Hop, 'seq'> => {
  const { seq, ...rest } = h
  void seq
  return rest
}

/** Hops of one flow's queries: the resolver's questions, the walk to the server, the answers, the reply's way back. */
export function flowHops(where: Location, exchanges: Exchange[], walk: WalkResult | undefined, context: FlowContext = {}): Omit<Hop, 'seq'>[] {
  const from = locationId(where)
  const node = where.kind === 'pod' ? where.pod.nodeName : where.kind === 'node' ? where.node.name : undefined
  const cut = walk ? walk.hops.findIndex((h) => h.stage === 'pod' && h.verdict === 'delivered') : -1
  const toServer = walk ? (cut < 0 ? walk.hops : walk.hops.slice(0, cut + 1)) : []
  const back = walk && cut >= 0 ? walk.hops.slice(cut + 1) : []
  const coredns: Pod | undefined = walk?.answeredBy
  const clientPort = walk?.hops[0]?.before.srcPort
  const base = {
    seq: 0,
    from,
    clientIP: sourceIP(where),
    ...(context.resolvConf ? { resolvConf: context.resolvConf } : {}),
    ...(node ? { node } : {}),
    ...(clientPort !== undefined ? { clientPort } : {}),
  }
  const hops: Omit<Hop, 'seq'>[] = []
  const viaOf = (ex: Exchange) => (typeof context.via === 'function' ? context.via(ex) : context.via)
  for (const ex of exchanges) {
    const via = viaOf(ex)
    hops.push(strip(dnsQueryHop({ ...base, exchange: ex, ...(via ? { via } : {}) })))
  }
  for (const h of toServer) hops.push(strip(h))
  for (const ex of exchanges) {
    if (!ex.response && walk) continue
    const input = { ...base, exchange: ex, ...(coredns && ex.response ? { coredns } : {}) }
    const out = dnsForwardHop(input)
    if (out) hops.push(strip(out))
    hops.push(strip(dnsAnswerHop(input)))
  }
  for (const h of back) hops.push(strip(h))
  return hops
}

/** One flow as a trace of its own, for a DNS command's `traces`. */
export function flowTrace(sim: Simulation, where: Location, server: string, exchanges: Exchange[], walk: WalkResult | undefined, context: FlowContext = {}): Trace {
  const hops = flowHops(where, exchanges, walk, context).map((h, seq) => ({ seq, ...h }))
  const answered = exchanges.some((e) => e.response)
  return {
    request: { from: locationId(where), protocol: 'UDP', host: server, port: 53 },
    // the walk's outcome says which CoreDNS pod kube-proxy chose (exec --repeat counts them); no walk: a direct exchange
    outcome: walk && (walk.outcome.result !== 'ok' || answered) ? walk.outcome : answered ? { result: 'ok' } : { result: 'timeout', reason: exchanges[0]?.explain ?? { code: 'dns.hop.noReply', params: { server } } },
    rulesEvaluated: walk?.rulesEvaluated ?? 0,
    hops,
    seed: sim.seed,
  }
}

/** One query sent from `where`, carried by `carry` when given (a lost packet is a query without reply). */
export function carriedExchange(sim: Simulation, where: Location, server: string, question: { name: string; type: QType }, carry: Carrier | undefined, id: number): Exchange {
  const t = question.type === 'A' || question.type === 'AAAA' ? question.type : 'A'
  const c = carry?.transport(server, { name: question.name, type: t })
  if (c && 'lost' in c) return { question: { name: fqdn(question.name), type: question.type }, server, role: serverRole(sim, server), explain: c.explain, rttMs: QUERY_TIMEOUT_MS }
  return exchange(sim, where, server, question, { ...(c?.pod ? { pod: c.pod } : {}), id })
}
