import type { Cluster } from '../cluster/types'
import type { ObjectId } from '../core/ids'
import { isIPv4 } from '../util/ip'
import type { Simulation } from '../sim/simulation'
import type { Hop } from './types'

/**
 * Name resolution for the walk. THE SEAM the DNS stage plugs into: `setResolver` replaces the stand-in below with
 * CoreDNS and the pod's resolver (search list, ndots, the UDP query through kube-proxy), whose hops then open the
 * trace. Until then a name is looked up directly as `<svc>.<ns>.svc.<zone>` (plus the source's /etc/hosts), and the
 * hop says so.
 */

export interface Resolution {
  /** The address the name resolved to; undefined when resolution failed. */
  address?: string
  /** Hops of the lookup (DNS queries and answers). */
  hops: Omit<Hop, 'seq'>[]
  /** Catalogue code explaining a failure. */
  failure?: { code: string; params: Record<string, string> }
}

export type Resolver = (sim: Simulation, from: ObjectId, name: string) => Resolution

let current: Resolver = directLookup

/** Install the DNS stage's resolver (called once by the DNS module when it registers). */
export function setResolver(resolver: Resolver): void {
  current = resolver
}

export function resolveName(sim: Simulation, from: ObjectId, name: string): Resolution {
  if (isIPv4(name)) return { address: name, hops: [] }
  return current(sim, from, name)
}

/**
 * The stand-in: the Service's cluster IP by name, as the pod's search list would find it (`svc`, `svc.ns`,
 * `svc.ns.svc`, `svc.ns.svc.<zone>`), or the client's /etc/hosts entry. Not a DNS implementation.
 */
export function directLookup(sim: Simulation, from: ObjectId, name: string): Resolution {
  const cluster = sim.scenario.cluster
  const host = name.replace(/\.$/, '').toLowerCase()
  const at = { kind: from.split('/')[0], ns: from.split('/').length > 2 ? from.split('/')[1] : 'default' }
  const client = cluster.clients.find((c) => c.id === from)
  if (client && client.hosts[host]) return found(from, host, client.hosts[host], 'hosts')
  const ip = serviceIP(cluster, host, at.kind === 'Pod' ? at.ns : 'default')
  if (ip && (at.kind === 'Pod' || at.kind === 'Node')) return found(from, host, ip, 'service')
  return {
    hops: [],
    failure: { code: 'trace.dns.fail', params: { name } },
  }
}

function serviceIP(cluster: Cluster, host: string, ns: string): string | undefined {
  const zone = cluster.config.clusterDomain.toLowerCase()
  const parts = host.split('.')
  let svcName = parts[0]
  let svcNs = ns
  if (parts.length >= 2) svcNs = parts[1]
  const rest = parts.slice(2).join('.')
  if (parts.length > 2 && rest !== 'svc' && rest !== `svc.${zone}`) return undefined
  const svc = cluster.services.find((s) => s.name === svcName && s.namespace === svcNs)
  svcName = svc?.name ?? svcName
  return svc && isIPv4(svc.clusterIP) ? svc.clusterIP : undefined
}

function found(from: ObjectId, name: string, address: string, how: 'hosts' | 'service'): Resolution {
  return {
    address,
    hops: [
      {
        stage: 'dns',
        at: from,
        before: { protocol: 'UDP', src: '', dst: '' },
        after: { protocol: 'UDP', src: '', dst: '' },
        verdict: 'answered',
        note: { code: how === 'hosts' ? 'trace.dns.hosts' : 'trace.dns.seam', params: { name, address } },
      },
    ],
  }
}
