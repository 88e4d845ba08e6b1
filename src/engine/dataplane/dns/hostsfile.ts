import type { Cluster, Pod } from '../../cluster/types'
import type { Location } from '../../shell/types'
import { canonical } from './names'

/**
 * /etc/hosts of every machine, which the resolver reads before DNS (nsswitch `hosts: files dns`). For a pod it is
 * kubelet's managed file (k/k pkg/kubelet/kubelet_pods.go managedHostsFileContent); a hostNetwork pod sees its
 * node's. Outside clients have the entries the scenario gives them.
 */

export interface HostsLine {
  address: string
  names: string[]
}

// kubelet managedHostsHeader and its fixed localhost lines
const MANAGED_HEADER = '# Kubernetes-managed hosts file.'
const LOCAL_LINES: HostsLine[] = [
  { address: '127.0.0.1', names: ['localhost'] },
  { address: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'] },
  { address: 'fe00::0', names: ['ip6-localnet'] },
  { address: 'fe00::0', names: ['ip6-mcastprefix'] },
  { address: 'fe00::1', names: ['ip6-allnodes'] },
  { address: 'fe00::2', names: ['ip6-allrouters'] },
]

function podLines(cluster: Cluster, pod: Pod): HostsLine[] {
  // kubelet GeneratePodHostNameAndDomain: spec.hostname or the pod name; domain <subdomain>.<ns>.svc.<cluster domain>
  const hostName = (pod.hostname || pod.name).slice(0, 63)
  const domain = pod.subdomain ? `${pod.subdomain}.${pod.namespace}.svc.${cluster.config.clusterDomain}` : ''
  const own: HostsLine = domain ? { address: pod.podIP, names: [`${hostName}.${domain}`, hostName] } : { address: pod.podIP, names: [hostName] }
  return [...LOCAL_LINES, own]
}

function machineLines(name: string, ip: string, extra: Record<string, string> = {}): HostsLine[] {
  return [
    { address: '127.0.0.1', names: ['localhost'] },
    { address: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'] },
    { address: ip, names: [name] },
    ...Object.entries(extra).map(([n, a]) => ({ address: a, names: [n] })),
  ]
}

export function hostsLinesAt(cluster: Cluster, where: Location): { lines: HostsLine[]; managed: boolean } {
  switch (where.kind) {
    case 'pod': {
      if (where.pod.hostNetwork) {
        const node = cluster.nodes.find((n) => n.name === where.pod.nodeName)
        return { lines: machineLines(where.pod.nodeName, node?.ip ?? where.pod.hostIP), managed: false }
      }
      return { lines: podLines(cluster, where.pod), managed: true }
    }
    case 'node':
      return { lines: machineLines(where.node.name, where.node.ip), managed: false }
    case 'client':
      return { lines: machineLines(where.client.name, where.client.ip, where.client.hosts), managed: false }
    case 'router':
      return { lines: machineLines(where.router.name, where.router.ip), managed: false }
  }
}

export function renderHosts(cluster: Cluster, where: Location): string {
  const { lines, managed } = hostsLinesAt(cluster, where)
  const body = lines.map((l) => `${l.address}\t${l.names.join(managed ? '\t' : ' ')}`).join('\n')
  return `${managed ? `${MANAGED_HEADER}\n` : ''}${body}\n`
}

/** glibc files backend: the first line naming `name` (case-insensitive) with an address of the family asked. */
export function lookupHostsFile(cluster: Cluster, where: Location, name: string, family: 'A' | 'AAAA'): { address: string; canonicalName: string; aliases: string[] }[] {
  const q = canonical(name)
  const out: { address: string; canonicalName: string; aliases: string[] }[] = []
  for (const l of hostsLinesAt(cluster, where).lines) {
    if (!l.names.some((n) => canonical(n) === q)) continue
    const v6 = l.address.includes(':')
    if ((family === 'AAAA') !== v6) continue
    out.push({ address: l.address, canonicalName: l.names[0], aliases: l.names.slice(1) })
  }
  return out
}
