import type { Cluster, Pod } from '../../cluster/types'
import type { Simulation } from '../../sim/simulation'
import type { Location } from '../types'
import { podHostname } from '../commands/hostname'

// kubelet pkg/kubelet/kubelet_pods.go: managedHostsHeader and managedHostsHeaderWithHostNetwork.
const MANAGED_HEADER = '# Kubernetes-managed hosts file.\n'
const MANAGED_HEADER_HOST_NETWORK = '# Kubernetes-managed hosts file (host network).\n'

interface HostAlias {
  ip: string
  hostnames: string[]
}

/** The pod's spec.hostAliases, read from the spec the user wrote (the cluster model does not carry them). */
function hostAliases(sim: Simulation, pod: Pod): HostAlias[] {
  const obj = sim.scenario.objects.find((o) => o.id === pod.source.object)
  const spec = obj?.kind === 'Pod' ? obj.body.spec : (obj?.body.spec as Record<string, unknown> | undefined)?.template
  const podSpec = obj?.kind === 'Pod' ? spec : (spec as Record<string, unknown> | undefined)?.spec
  const list = (podSpec as Record<string, unknown> | undefined)?.hostAliases
  if (!Array.isArray(list)) return []
  return list.filter((a) => a && typeof a === 'object').map((a) => ({
    ip: String((a as Record<string, unknown>).ip ?? ''),
    hostnames: Array.isArray((a as Record<string, unknown>).hostnames) ? ((a as Record<string, unknown>).hostnames as unknown[]).map(String) : [],
  }))
}

// hostsEntriesFromHostAliases: a blank line, a comment, then one line per alias with its names tab-separated.
function aliasLines(aliases: HostAlias[]): string {
  if (aliases.length === 0) return ''
  return '\n# Entries added by HostAliases.\n' + aliases.map((a) => `${a.ip}\t${a.hostnames.join('\t')}\n`).join('')
}

/**
 * A lab machine's own /etc/hosts: Debian's default (netbase and the installer's 127.0.1.1 line for the hostname),
 * then the lab's machines, as the tutorial's setup writes them so nodes reach each other by name.
 */
function machineHosts(cluster: Cluster, hostname: string): string {
  let s = `127.0.0.1\tlocalhost\n127.0.1.1\t${hostname}\n\n`
  s += '# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n'
  if (cluster.nodes.length) s += '\n' + cluster.nodes.map((n) => `${n.ip}\t${n.name}\n`).join('')
  return s
}

/** A client's /etc/hosts: the machine's defaults plus the `hosts` the Cluster kind gives it, one line per address. */
function clientHosts(name: string, hosts: Record<string, string>): string {
  let s = `127.0.0.1\tlocalhost\n127.0.1.1\t${name}\n\n`
  s += '# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n'
  const byAddress = new Map<string, string[]>()
  for (const [host, address] of Object.entries(hosts)) byAddress.set(address, [...(byAddress.get(address) ?? []), host])
  // The tutorial's `echo "192.168.100.21 nginx.example.com httpd.example.com" >> /etc/hosts`.
  if (byAddress.size) s += [...byAddress].map(([address, names]) => `${address} ${names.join(' ')}\n`).join('')
  return s
}

/** /etc/hosts wherever the command runs: the kubelet-managed file in a pod, the machine's own file elsewhere. */
export function etcHosts(sim: Simulation, where: Location): string {
  const cluster = sim.scenario.cluster
  switch (where.kind) {
    case 'pod': {
      const pod = where.pod
      const aliases = hostAliases(sim, pod)
      if (pod.hostNetwork) {
        // nodeHostsFileContent: the node's own file under its own header, then the aliases.
        const node = cluster.nodes.find((n) => n.name === pod.nodeName)
        return MANAGED_HEADER_HOST_NETWORK + machineHosts(cluster, node?.name ?? pod.nodeName) + aliasLines(aliases)
      }
      const { hostname, domain } = podHostname(pod, cluster.config.clusterDomain)
      let s = MANAGED_HEADER
      s += '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n'
      if (pod.podIP) s += domain ? `${pod.podIP}\t${hostname}.${domain}\t${hostname}\n` : `${pod.podIP}\t${hostname}\n`
      return s + aliasLines(aliases)
    }
    case 'node': return machineHosts(cluster, where.node.name)
    case 'client': return clientHosts(where.client.name, where.client.hosts)
    case 'router': return machineHosts(cluster, where.router.name)
  }
}
