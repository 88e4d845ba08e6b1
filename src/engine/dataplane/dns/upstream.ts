import type { Cluster } from '../../cluster/types'
import { cidrContains, parseCidr } from '../../util/ip'
import type { Explanation } from './kubernetes'
import { replyTo, type DnsMessage, type DnsQuestion } from './message'
import { addressFromReverse, canonical, fqdn } from './names'

/**
 * The world outside the cluster, as the node's upstream resolver (the lab's gateway, `.1` of the node network) sees
 * it. The playground has no Internet, and says so plainly:
 * - names the scenario defines outside the cluster (its clients, by name; `localhost`) are answered;
 * - reverse lookups of private, loopback and link-local addresses get NXDOMAIN from the resolver's own empty zones
 *   (RFC 6303; BIND's automatic empty zones, whose SOA is `<zone> . 0 28800 7200 604800 86400`);
 * - every other name gets SERVFAIL, as a forwarder with no route to the Internet answers: the playground cannot
 *   know whether www.example.com exists, so it does not pretend it does not.
 */

// The TTL the lab resolver gives names it serves from its own table (dnsmasq/hosts-style data).
const KNOWN_TTL = 3600
// BIND server.c add_soa: empty zones' SOA, TTL 86400
const EMPTY_ZONE_SOA = { refresh: 28800, retry: 7200, expire: 604800, minimum: 86400, ttl: 86400 }

// RFC 6303 section 4 zones (IPv4), with the zone name their NXDOMAIN's SOA carries.
const EMPTY_ZONES: { cidr: string; zone: (ip: string) => string }[] = [
  { cidr: '10.0.0.0/8', zone: () => '10.in-addr.arpa.' },
  { cidr: '172.16.0.0/12', zone: (ip) => `${ip.split('.')[1]}.172.in-addr.arpa.` },
  { cidr: '192.168.0.0/16', zone: () => '168.192.in-addr.arpa.' },
  { cidr: '127.0.0.0/8', zone: () => '127.in-addr.arpa.' },
  { cidr: '169.254.0.0/16', zone: () => '254.169.in-addr.arpa.' },
  { cidr: '100.64.0.0/10', zone: (ip) => `${ip.split('.')[1]}.100.in-addr.arpa.` },
]

/** The names the outside world knows: the scenario's clients and the router, by name, and localhost. */
export function outsideNames(cluster: Cluster): Map<string, string> {
  const known = new Map<string, string>()
  known.set('localhost.', '127.0.0.1')
  for (const c of cluster.clients) known.set(canonical(c.name), c.ip)
  if (cluster.router) known.set(canonical(cluster.router.name), cluster.router.ip)
  return known
}

export interface UpstreamAnswer {
  message: DnsMessage
  explain: Explanation
}

/** What the upstream resolver answers for one question. */
export function upstreamAnswer(cluster: Cluster, question: DnsQuestion, server: string): UpstreamAnswer {
  const known = outsideNames(cluster)
  const name = canonical(question.name)
  const m = replyTo(question, 'NOERROR', false)
  m.ra = true
  const address = known.get(name)
  if (address !== undefined) {
    if (question.type === 'A') m.answer = [{ name: fqdn(question.name), type: 'A', ttl: KNOWN_TTL, address }]
    return { message: m, explain: { code: m.answer.length > 0 ? 'dns.upstream.known' : 'dns.upstream.knownNodata', params: { name: fqdn(question.name), server, type: question.type } } }
  }
  if (question.type === 'PTR') {
    const ip = addressFromReverse(question.name)
    if (ip) {
      for (const [n, a] of known) {
        if (a === ip) {
          m.answer = [{ name: fqdn(question.name), type: 'PTR', ttl: KNOWN_TTL, target: n }]
          return { message: m, explain: { code: 'dns.upstream.known', params: { name: fqdn(question.name), server, type: 'PTR' } } }
        }
      }
      const empty = EMPTY_ZONES.find((z) => cidrContains(parseCidr(z.cidr)!, ip))
      if (empty) {
        const zone = empty.zone(ip)
        m.rcode = 'NXDOMAIN'
        m.authority = [{
          name: zone,
          type: 'SOA',
          ttl: EMPTY_ZONE_SOA.ttl,
          soa: { mname: zone, rname: '.', serial: 0, refresh: EMPTY_ZONE_SOA.refresh, retry: EMPTY_ZONE_SOA.retry, expire: EMPTY_ZONE_SOA.expire, minimum: EMPTY_ZONE_SOA.minimum },
        }]
        return { message: m, explain: { code: 'dns.upstream.emptyZone', params: { name: fqdn(question.name), zone, server } } }
      }
    }
  }
  m.rcode = 'SERVFAIL'
  return { message: m, explain: { code: 'dns.upstream.noInternet', params: { name: fqdn(question.name), server } } }
}
