import type { Cluster } from '../../cluster/types'
import type { ObjectId } from '../../core/ids'
import type { Location } from '../../shell/types'
import type { Simulation } from '../../sim/simulation'
import type { Resolution } from '../../trace/resolve'
import type { Hop } from '../../trace/types'
import { carrier, flowHops } from './carry'
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

export function dnsResolver(sim: Simulation, from: ObjectId, name: string): Resolution {
  const cluster = sim.scenario.cluster
  const where = locationOf(cluster, from)
  if (!where) return { hops: [], failure: { code: 'trace.dns.fail', params: { name } } }
  // getaddrinfo sends A and AAAA from one socket per name: one flow, one conntrack entry, one CoreDNS pod for both
  const carry = carrier(sim, where, 'per-name')
  const result = resolve(sim, where, name, 'A+AAAA', { transport: carry.transport })

  const hops: Omit<Hop, 'seq'>[] = []
  if (result.answer?.source === 'files') {
    const clientIP = where.kind === 'pod' ? where.pod.podIP : where.kind === 'node' ? where.node.ip : where.kind === 'client' ? where.client.ip : where.router.ip
    const node = where.kind === 'pod' ? where.pod.nodeName : where.kind === 'node' ? where.node.name : undefined
    const line = lookupHostsFile(sim, where, name.replace(/\.$/, ''), 'A')[0]
    const hop: Omit<Hop, 'seq'> = {
      stage: 'dns', at: from,
      before: { protocol: 'UDP', src: clientIP, dst: clientIP }, after: { protocol: 'UDP', src: clientIP, dst: clientIP },
      ruleContext: '/etc/hosts', verdict: 'answered',
      note: { code: 'trace.dns.hosts', params: { name, address: result.answer.addresses[0] } },
    }
    if (node) hop.node = node
    if (line) hop.rule = `${line.address}\t${[line.canonicalName, ...line.aliases].join(' ')}`
    hops.push(hop)
  }
  for (const t of result.tries) hops.push(...flowHops(where, t.exchanges, carry.walks.get(carry.flowOf(t.name)), { via: t.via, resolvConf: result.resolvConf }))
  const address = result.answer?.addresses.find((a) => !a.includes(':')) ?? result.answer?.addresses[0]
  if (address) return { address, hops }
  return { hops, failure: { code: 'dns.resolve.failed', params: { name, reason: result.failure ?? 'not-found', tried: String(result.tries.length) } } }
}
