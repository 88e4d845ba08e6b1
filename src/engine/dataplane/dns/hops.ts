import type { ObjectId } from '../../core/ids'
import type { Pod } from '../../cluster/types'
import type { Hop, Packet } from '../../trace/types'
import type { Exchange } from './exchange'
import { recordText, type DnsMessage } from './message'
import type { ResolveTry } from './resolver'
import { resolvConfLine, type ResolvConf } from './resolvconf'

/**
 * Hops for the trace: the resolver sending one question (`dns.hop.query`, its rule the resolv.conf line that chose the
 * name and the server) and the server answering it (`dns.hop.*`, its rule the record as dig prints it). The packet
 * walk puts kube-proxy's DNAT of 10.96.0.10:53 to a CoreDNS pod, and the reply's reverse translation, between them.
 */

export interface DnsHopInput {
  /** seq of the first hop made; the next ones count up. */
  seq: number
  /** The asking machine's canvas id (`Pod/default/nginx-pod-1`, `Node/node1`, `Client/workstation`). */
  from: ObjectId
  /** The Kubernetes node the asker runs on, if any. */
  node?: string
  clientIP: string
  /** The resolver's ephemeral UDP port; by default one derived from the query id. */
  clientPort?: number
  exchange: Exchange
  /** The CoreDNS pod the query reached after kube-proxy's DNAT, when it went to the cluster DNS. */
  coredns?: Pod
  /** The try this query belongs to and the resolv.conf behind it, for the query hop's rule. */
  via?: ResolveTry['via']
  resolvConf?: ResolvConf
}

/** A name without its final dot, for sentences. */
const bare = (name: string) => (name.length > 1 ? name.replace(/\.$/, '') : name)

// Linux net.ipv4.ip_local_port_range default 32768..60999
export function ephemeralPort(id: number): number {
  return 32768 + (id % (60999 - 32768 + 1))
}

/** The record that best shows the answer: the first answer record, else the SOA that proves a denial. */
export function answerRule(m: DnsMessage): string | undefined {
  const rr = m.answer[0] ?? m.authority.find((r) => r.type === 'SOA')
  return rr ? recordText(rr) : undefined
}

/**
 * The note of an answer: why the server answered so, in its own terms (the kubernetes plugin's rule, the hosts
 * entry, the upstream's verdict), or that the answer came from CoreDNS's cache.
 */
function answerNote(ex: Exchange, params: Record<string, string>): { code: string; params: Record<string, string> } {
  const m = ex.response
  if (!m) return { code: ex.explain.code.startsWith('dns.') ? ex.explain.code : ex.role === 'upstream' || ex.role === 'unknown' ? 'dns.hop.noServer' : 'dns.hop.noReply', params }
  if (ex.coredns?.fromCache) return { code: 'dns.hop.cached', params }
  if (ex.coredns?.answeredBy === 'forward') return { code: m.rcode === 'NOERROR' ? 'dns.hop.forwarded' : ex.explain.code, params }
  if (ex.explain.code.startsWith('dns.')) return { code: ex.explain.code, params }
  if (m.rcode === 'NXDOMAIN') return { code: 'dns.hop.nxdomain', params }
  if (m.rcode === 'SERVFAIL') return { code: 'dns.hop.servfail', params }
  if (m.rcode === 'REFUSED') return { code: 'dns.hop.refused', params }
  if (m.answer.length === 0) return { code: 'dns.hop.nodata', params }
  return { code: 'dns.hop.answered', params }
}

/** The resolver's query leaving the asker. */
export function dnsQueryHop(input: DnsHopInput): Hop {
  const ex = input.exchange
  const id = ex.response?.id ?? 0
  const packet: Packet = {
    protocol: 'UDP',
    src: input.clientIP,
    srcPort: input.clientPort ?? ephemeralPort(id),
    dst: ex.server,
    dstPort: 53,
    dns: { id, question: ex.question.name, qtype: ex.question.type },
  }
  const rc = input.resolvConf
  const rule = rc && input.via?.kind === 'search' ? resolvConfLine(rc, 'search') : rc ? resolvConfLine(rc, 'nameserver') : undefined
  const via = input.via?.kind === 'search' ? input.via.domain : ''
  const hop: Hop = {
    seq: input.seq,
    stage: 'dns',
    at: input.from,
    before: packet,
    after: packet,
    verdict: 'forwarded',
    note: { code: via ? 'dns.hop.querySearch' : 'dns.hop.query', params: { name: bare(ex.question.name), type: ex.question.type, server: ex.server, domain: via } },
  }
  if (input.node) hop.node = input.node
  if (rule) hop.rule = rule
  if (rc) hop.ruleContext = '/etc/resolv.conf'
  return hop
}

/** The server's answer to that query. */
export function dnsAnswerHop(input: DnsHopInput): Hop {
  const ex = input.exchange
  const m = ex.response
  const id = m?.id ?? 0
  const serverIP = input.coredns?.podIP ?? ex.server
  const query: Packet = {
    protocol: 'UDP',
    src: input.clientIP,
    srcPort: input.clientPort ?? ephemeralPort(id),
    dst: serverIP,
    dstPort: 53,
    dns: { id, question: ex.question.name, qtype: ex.question.type },
  }
  const reply: Packet = m
    ? { protocol: 'UDP', src: serverIP, srcPort: 53, dst: input.clientIP, dstPort: query.srcPort, dns: { id, question: ex.question.name, qtype: ex.question.type, rcode: m.rcode, answers: m.answer.map(recordText) } }
    : query
  const explained = Object.fromEntries(Object.entries(ex.explain.params).map(([k, v]) => [k, k === 'name' || k === 'target' ? bare(v) : v]))
  const params: Record<string, string> = { count: String(m?.answer.length ?? 0), rcode: m?.rcode ?? 'TIMEOUT', server: ex.server, reason: ex.explain.code, ...explained, name: bare(ex.question.name), type: ex.question.type }
  if (ex.coredns?.forwardedTo) params.upstream = ex.coredns.forwardedTo
  if (ex.coredns?.fromCache) params.age = String(ex.coredns.fromCache.ageSeconds)
  const hop: Hop = {
    seq: input.seq,
    stage: 'dns',
    at: input.coredns?.id ?? input.from,
    verdict: m ? 'answered' : 'dropped',
    before: query,
    after: reply,
    note: answerNote(ex, params),
  }
  if (input.coredns) {
    hop.node = input.coredns.nodeName
    hop.from = input.coredns.id
    hop.to = input.from
    hop.ruleContext = ex.coredns?.answeredBy ? `CoreDNS ${ex.coredns.answeredBy}` : 'CoreDNS'
  } else if (input.node) hop.node = input.node
  const rule = m ? answerRule(m) : undefined
  if (rule) hop.rule = rule
  // the YAML behind the answer: the Service the record comes from, else the Corefile line (hosts)
  const source = ex.coredns?.explain.source ?? (ex.coredns?.answeredBy === 'hosts' ? ex.coredns.corefileSource : undefined)
  if (source) hop.source = source
  return hop
}

/**
 * CoreDNS sending the question on to its upstream (the forward plugin), from the CoreDNS pod: the rule is the
 * Corefile's forward line. Only for exchanges CoreDNS forwarded and did not answer from its cache.
 */
export function dnsForwardHop(input: DnsHopInput): Hop | undefined {
  const ex = input.exchange
  const c = ex.coredns
  if (!c || c.answeredBy !== 'forward' || c.fromCache || !input.coredns || !c.forwardedTo) return undefined
  const packet: Packet = {
    protocol: 'UDP',
    src: input.coredns.podIP,
    dst: c.forwardedTo,
    dstPort: 53,
    dns: { question: ex.question.name, qtype: ex.question.type },
  }
  const hop: Hop = {
    seq: input.seq,
    stage: 'dns',
    at: input.coredns.id,
    node: input.coredns.nodeName,
    before: packet,
    after: packet,
    verdict: 'forwarded',
    ruleContext: 'Corefile',
    note: { code: 'dns.hop.forwardOut', params: { name: bare(ex.question.name), type: ex.question.type, upstream: c.forwardedTo } },
  }
  if (c.forwardRule) hop.rule = c.forwardRule
  if (c.corefileSource) hop.source = c.corefileSource
  return hop
}

/** The two ends of one DNS exchange. */
export function dnsHops(input: DnsHopInput): Hop[] {
  return [dnsQueryHop(input), dnsAnswerHop({ ...input, seq: input.seq + 1 })]
}
