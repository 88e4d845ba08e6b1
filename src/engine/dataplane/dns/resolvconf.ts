import type { Cluster, Pod } from '../../cluster/types'
import type { Location } from '../../shell/types'
import { nodeUpstream } from './coredns'
import { clusterDnsIP } from './world'

/**
 * /etc/resolv.conf of every machine: what kubelet writes for a pod's dnsPolicy (k/k pkg/kubelet/network/dns/dns.go
 * GetPodDNS), and the plain upstream of nodes and outside clients. Rendered as containerd writes it
 * (pkg/cri parseDNSOptions: `search`, then `nameserver` lines, then `options`).
 */

export interface ResolvConf {
  nameservers: string[]
  search: string[]
  /** Options as written, `ndots:5`, `timeout:2`. */
  options: string[]
  /** Which rule of kubelet produced it, for notes: ClusterFirst, Default (host), None, or a machine's own. */
  policy: 'cluster' | 'host' | 'none' | 'machine'
}

// k8s.io/kubernetes/pkg/apis/core/validation: MaxDNSNameservers, MaxDNSSearchPathsExpanded, MaxDNSSearchListCharsExpanded
const MAX_NAMESERVERS = 3
const MAX_SEARCH_PATHS = 32
const MAX_SEARCH_CHARS = 2048
// utilvalidation.DNS1123SubdomainMaxLength
const MAX_SEARCH_PATH_LENGTH = 253

function omitDuplicates(items: string[]): string[] {
  return [...new Set(items)]
}

/** The node's own resolv.conf: its network's gateway, no search domains. */
export function nodeResolvConf(nodeIP: string): ResolvConf {
  return { nameservers: [nodeUpstream(nodeIP)], search: [], options: [], policy: 'machine' }
}

function nodeOf(cluster: Cluster, pod: Pod) {
  return cluster.nodes.find((n) => n.name === pod.nodeName)
}

// dns.go mergeDNSOptions: later values overwrite (kubelet iterates a Go map, so its order is unspecified; the
// playground keeps first-seen order so the file is the same on every run)
function mergeOptions(existing: string[], extra: { name: string; value?: string }[]): string[] {
  const map = new Map<string, string>()
  for (const op of existing) {
    const i = op.indexOf(':')
    if (i >= 0) map.set(op.slice(0, i), op.slice(i + 1))
    else map.set(op, '')
  }
  for (const op of extra) map.set(op.name, op.value ?? '')
  return [...map].map(([k, v]) => (v !== '' ? `${k}:${v}` : k))
}

// dns.go formDNSSearchFitsLimits
function fitSearch(search: string[]): string[] {
  let s = search.slice(0, MAX_SEARCH_PATHS).filter((d) => d.length <= MAX_SEARCH_PATH_LENGTH)
  while (s.length > 0 && s.join(' ').length > MAX_SEARCH_CHARS) s = s.slice(0, -1)
  return s
}

/** What kubelet writes into the pod's /etc/resolv.conf. */
export function podResolvConf(cluster: Cluster, pod: Pod): ResolvConf {
  const node = nodeOf(cluster, pod)
  const host = nodeResolvConf(node?.ip ?? pod.hostIP ?? '192.168.100.1')
  // dns.go getPodDNSType: ClusterFirst on hostNetwork falls back to Default
  const type = pod.dnsPolicy === 'None' ? 'none' : pod.dnsPolicy === 'ClusterFirstWithHostNet' ? 'cluster' : pod.dnsPolicy === 'ClusterFirst' ? (pod.hostNetwork ? 'host' : 'cluster') : 'host'
  let rc: ResolvConf
  if (type === 'none') rc = { nameservers: [], search: [], options: [], policy: 'none' }
  else if (type === 'cluster') {
    const domain = cluster.config.clusterDomain
    rc = {
      nameservers: [clusterDnsIP(cluster)],
      // generateSearchesForDNSClusterFirst: <ns>.svc.<domain> svc.<domain> <domain>, then the host's, deduplicated
      search: omitDuplicates([`${pod.namespace}.svc.${domain}`, `svc.${domain}`, domain, ...host.search]),
      // defaultDNSOptions
      options: ['ndots:5'],
      policy: 'cluster',
    }
  } else rc = { ...host, policy: 'host' }
  const dc = pod.dnsConfig
  if (dc) {
    // appendDNSConfig
    rc = {
      ...rc,
      nameservers: omitDuplicates([...rc.nameservers, ...(dc.nameservers ?? [])]),
      search: omitDuplicates([...rc.search, ...(dc.searches ?? [])]),
      options: mergeOptions(rc.options, dc.options ?? []),
    }
  }
  return { ...rc, nameservers: rc.nameservers.slice(0, MAX_NAMESERVERS), search: fitSearch(rc.search) }
}

/** The resolv.conf of wherever a command runs. */
export function resolvConfAt(cluster: Cluster, where: Location): ResolvConf {
  switch (where.kind) {
    case 'pod':
      return podResolvConf(cluster, where.pod)
    case 'node':
      return nodeResolvConf(where.node.ip)
    case 'client':
      return nodeResolvConf(where.client.ip)
    case 'router':
      return nodeResolvConf(where.router.ip)
  }
}

export function renderResolvConf(rc: ResolvConf): string {
  let out = ''
  if (rc.search.length > 0) out += `search ${rc.search.join(' ')}\n`
  for (const ns of rc.nameservers) out += `nameserver ${ns}\n`
  if (rc.options.length > 0) out += `options ${rc.options.join(' ')}\n`
  return out
}

// resolv.conf(5): ndots defaults to 1 and is capped at 15
export function ndotsOf(rc: ResolvConf): number {
  let n = 1
  for (const op of rc.options) {
    const m = /^ndots:(\d+)$/.exec(op)
    if (m) n = Math.min(15, Number(m[1]))
  }
  return n
}

/** The resolv.conf line that made a decision, as the hop's rule. */
export function resolvConfLine(rc: ResolvConf, kind: 'search' | 'nameserver' | 'options'): string {
  if (kind === 'search') return `search ${rc.search.join(' ')}`
  if (kind === 'options') return `options ${rc.options.join(' ')}`
  return `nameserver ${rc.nameservers[0] ?? ''}`
}
