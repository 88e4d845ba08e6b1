import type { Cluster, Pod } from '../../cluster/types'
import type { ObjectId } from '../../core/ids'
import type { Location } from '../../shell/types'
import type { Simulation } from '../../sim/simulation'
import type { Resolution } from '../../trace/resolve'
import type { Hop } from '../../trace/types'
import { traceRequest, type WalkResult } from '../../trace/walk'
import { serverRole } from './exchange'
import { dnsAnswerHop, dnsQueryHop } from './hops'
import { lookupHostsFile } from './hostsfile'
import { resolve } from './resolver'

/**
 * Name resolution for the packet walk (the trace/resolve.ts seam): the source's resolver as getaddrinfo runs it,
 * each name it tries sent as a real UDP packet to the nameserver, so the trace shows the resolver's query, kube-proxy
 * DNATing 10.96.0.10:53 to a CoreDNS pod, CoreDNS's answer with the record it gave, and the reply's way back; then
 * the connection itself.
 */

function locationOf(cluster: Cluster, from: ObjectId): Location | undefined {
  const [kind] = from.split('/')
  if (kind === 'Pod') {
    const pod = cluster.pods.find((p) => p.id === from)
    return pod ? { kind: 'pod', pod } : undefined
  }
  if (kind === 'Node') {
    const node = cluster.nodes.find((n) => n.id === from)
    return node ? { kind: 'node', node } : undefined
  }
  if (kind === 'Client') {
    const client = cluster.clients.find((c) => c.id === from)
    return client ? { kind: 'client', client } : undefined
  }
  if (kind === 'Router' && cluster.router?.id === from) return { kind: 'router', router: cluster.router }
  return undefined
}

const strip = (h: Hop): Omit<Hop, 'seq'> => {
  const { seq, ...rest } = h
  void seq
  return rest
}

/** Where the walk delivered the query: the hops up to the delivery, and the reply's hops after it. */
function splitWalk(w: WalkResult): { toServer: Hop[]; back: Hop[] } {
  const i = w.hops.findIndex((h) => h.stage === 'pod' && h.verdict === 'delivered')
  if (i < 0) return { toServer: w.hops, back: [] }
  return { toServer: w.hops.slice(0, i + 1), back: w.hops.slice(i + 1) }
}

export function dnsResolver(sim: Simulation, from: ObjectId, name: string): Resolution {
  const cluster = sim.scenario.cluster
  const where = locationOf(cluster, from)
  if (!where) return { hops: [], failure: { code: 'trace.dns.fail', params: { name } } }
  const walks = new Map<string, WalkResult>()
  const result = resolve(sim, where, name, 'A+AAAA', {
    transport: (server, q) => {
      if (serverRole(sim, server) !== 'cluster-dns' || (where.kind !== 'pod' && where.kind !== 'node')) return undefined
      // getaddrinfo sends A and AAAA from one socket: one flow, one conntrack entry, one CoreDNS pod for both
      let w = walks.get(q.name)
      if (!w) {
        w = traceRequest(sim, { from, protocol: 'UDP', host: server, port: 53 })
        walks.set(q.name, w)
      }
      const pod = w.answeredBy
      if (w.outcome.result !== 'ok' || !pod) return { lost: true, explain: w.outcome.reason ?? { code: 'dns.hop.noReply', params: { server } } }
      return { pod: pod.name }
    },
  })

  const hops: Omit<Hop, 'seq'>[] = []
  const clientIP = where.kind === 'pod' ? where.pod.podIP : where.kind === 'node' ? where.node.ip : where.kind === 'client' ? where.client.ip : where.router.ip
  const node = where.kind === 'pod' ? where.pod.nodeName : where.kind === 'node' ? where.node.name : undefined
  if (result.answer?.source === 'files') {
    const line = lookupHostsFile(sim, where, name.replace(/\.$/, ''), 'A')[0]
    hops.push({
      stage: 'dns', at: from, ...(node ? { node } : {}),
      before: { protocol: 'UDP', src: clientIP, dst: clientIP }, after: { protocol: 'UDP', src: clientIP, dst: clientIP },
      rule: line ? `${line.address}\t${[line.canonicalName, ...line.aliases].join(' ')}` : undefined, ruleContext: '/etc/hosts',
      verdict: 'answered',
      note: { code: 'trace.dns.hosts', params: { name, address: result.answer.addresses[0] } },
    })
  }
  for (const t of result.tries) {
    const w = walks.get(t.name)
    const split = w ? splitWalk(w) : undefined
    const coredns: Pod | undefined = w?.answeredBy
    const clientPort = w?.hops[0]?.before.srcPort
    const base = { seq: 0, from, clientIP, via: t.via, resolvConf: result.resolvConf, ...(node ? { node } : {}), ...(clientPort !== undefined ? { clientPort } : {}) }
    for (const ex of t.exchanges) hops.push(strip(dnsQueryHop({ ...base, exchange: ex })))
    if (split) for (const h of split.toServer) hops.push(strip(h))
    for (const ex of t.exchanges) if (ex.response || !split) hops.push(strip(dnsAnswerHop({ ...base, exchange: ex, ...(coredns && ex.response ? { coredns } : {}) })))
    if (split) for (const h of split.back) hops.push(strip(h))
  }
  const address = result.answer?.addresses.find((a) => !a.includes(':')) ?? result.answer?.addresses[0]
  if (address) return { address, hops }
  return { hops, failure: { code: 'dns.resolve.failed', params: { name, reason: result.failure ?? 'not-found', tried: String(result.tries.length) } } }
}
