import type { HostsPlugin } from './corefile/config'
import type { PluginResult } from './kubernetes'
import { replyTo, type DnsQuestion, type DnsRecord } from './message'
import { addressFromReverse, canonical, fqdn, labels, matchZone } from './names'
import { isIPv4 } from '../../util/ip'

/**
 * CoreDNS's hosts plugin (coredns plugin/hosts/hosts.go): A/AAAA/PTR from inline entries and the hosts file. The file
 * of a CoreDNS container is kubelet's managed /etc/hosts; only its localhost lines matter to a query, so those stand
 * for it.
 */

// kubelet managedHostsHeader + localhost lines (pkg/kubelet/kubelet_pods.go ensureHostsFile)
const KUBELET_LOCALHOST: { address: string; names: string[] }[] = [
  { address: '127.0.0.1', names: ['localhost.'] },
  { address: '::1', names: ['localhost.', 'ip6-localhost.', 'ip6-loopback.'] },
]

function entries(h: HostsPlugin): { address: string; names: string[] }[] {
  // inline entries override the file's for the same name (hosts README "INLINE")
  return [...h.entries, ...KUBELET_LOCALHOST]
}

// hosts/wildcard.go: `*.example.com` matches exactly one more label, never the apex
function nameMatches(pattern: string, qname: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === qname
  const base = pattern.slice(2)
  return qname.endsWith(`.${base}`) && labels(qname).length === labels(base).length + 1
}

function lookupAddresses(h: HostsPlugin, qname: string, v4: boolean): string[] {
  const q = canonical(qname)
  const exact = entries(h).filter((e) => e.names.some((n) => n === q))
  const pool = exact.length > 0 ? exact : entries(h).filter((e) => e.names.some((n) => nameMatches(n, q)))
  return pool.filter((e) => isIPv4(e.address) === v4).map((e) => e.address)
}

export function hostsPlugin(h: HostsPlugin, question: DnsQuestion): PluginResult {
  const zone = matchZone(question.name, h.zones)
  // "PTR zones don't need to be specified in Origins"
  if (!zone && question.type !== 'PTR') return { kind: 'next' }
  const source = { code: 'dns.hosts.answer', params: { name: fqdn(question.name), line: String(h.line) } }
  let answer: DnsRecord[] = []
  if (question.type === 'PTR') {
    const ip = addressFromReverse(question.name)
    const names = ip && !h.noReverse ? entries(h).filter((e) => e.address === ip).flatMap((e) => e.names.filter((n) => !n.startsWith('*.'))) : []
    if (names.length === 0) return { kind: 'next' }
    answer = names.map((n) => ({ name: fqdn(question.name), type: 'PTR' as const, ttl: h.ttl, target: n }))
  } else if (question.type === 'A' || question.type === 'AAAA') {
    const v4 = question.type === 'A'
    answer = lookupAddresses(h, question.name, v4).map((address) => ({ name: fqdn(question.name), type: question.type as 'A' | 'AAAA', ttl: h.ttl, address }))
  }
  const exists = lookupAddresses(h, question.name, true).length + lookupAddresses(h, question.name, false).length > 0
  // "Only on NXDOMAIN we will fallthrough"
  if (answer.length === 0 && !exists) {
    if (h.fallthrough && matchZone(question.name, h.fallthrough)) return { kind: 'next' }
    // no SOA to send an NXDOMAIN with, so the plugin answers SERVFAIL
    return { kind: 'reply', message: replyTo(question, 'SERVFAIL', false), explain: { code: 'dns.hosts.servfail', params: { name: fqdn(question.name) } } }
  }
  const m = replyTo(question, 'NOERROR', true)
  m.answer = answer
  return { kind: 'reply', message: m, explain: answer.length > 0 ? source : { code: 'dns.hosts.nodata', params: { name: fqdn(question.name), type: question.type } } }
}
