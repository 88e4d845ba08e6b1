import type { Cluster, ClusterNode, OutsideClient, Pod, Router } from '../cluster/types'
import { sha256Bytes } from '../util/hash'
import { cidrContains, intToIp, parseCidr } from '../util/ip'

/**
 * The lab's L3 network: which machine owns an address, each node's own addresses (what `-m addrtype LOCAL` sees),
 * and each node's routing table as a flannel host-gw style CNI programs it (its pod /24 on the cni0 bridge, every
 * other node's pod /24 via that node's IP on eth0, everything else via the default gateway).
 */

export type Owner =
  | { kind: 'pod'; pod: Pod; node: ClusterNode }
  | { kind: 'node'; node: ClusterNode }
  | { kind: 'client'; client: OutsideClient }
  | { kind: 'router'; router: Router }

/** The cni0 bridge address of a node: the first host address of its pod CIDR (10.244.1.1). */
export function bridgeIP(node: ClusterNode): string {
  const c = parseCidr(node.podCIDR)
  return c ? intToIp(c.base + 1) : ''
}

export function nodeByName(cluster: Cluster, name: string): ClusterNode | undefined {
  return cluster.nodes.find((n) => n.name === name)
}

/** The node whose kernel owns the address as a local address (its IP, its cni0 address, or loopback is handled by isLocal). */
export function nodeOwning(cluster: Cluster, ip: string): ClusterNode | undefined {
  return cluster.nodes.find((n) => n.ip === ip || bridgeIP(n) === ip)
}

/** The node whose pod CIDR holds the address. */
export function nodeForPodIP(cluster: Cluster, ip: string): ClusterNode | undefined {
  return cluster.nodes.find((n) => {
    const c = parseCidr(n.podCIDR)
    return !!c && cidrContains(c, ip)
  })
}

export function isLocalAddress(node: ClusterNode, ip: string): boolean {
  if (ip.startsWith('127.')) return true
  return ip === node.ip || ip === bridgeIP(node)
}

export function ownerOf(cluster: Cluster, ip: string): Owner | undefined {
  const node = nodeOwning(cluster, ip)
  if (node) return { kind: 'node', node }
  const pod = cluster.pods.find((p) => !p.hostNetwork && p.podIP === ip && p.phase === 'Running')
  if (pod) {
    const n = nodeByName(cluster, pod.nodeName)
    if (n) return { kind: 'pod', pod, node: n }
  }
  const client = cluster.clients.find((c) => c.ip === ip)
  if (client) return { kind: 'client', client }
  if (cluster.router && cluster.router.ip === ip) return { kind: 'router', router: cluster.router }
  return undefined
}

export interface Route {
  /** The route as `ip route` prints it. */
  text: string
  dev: 'cni0' | 'eth0' | 'lo'
  /** The next hop's node, when the packet leaves for another node. */
  via?: ClusterNode
  /** The source address the kernel picks for this route (what MASQUERADE uses). */
  prefSrc: string
}

export function defaultGateway(cluster: Cluster): string {
  return cluster.router?.ip ?? '192.168.100.1'
}

/** The node's routing table, in `ip route` order. */
export function nodeRoutes(cluster: Cluster, node: ClusterNode): string[] {
  const subnet = nodeSubnet(cluster)
  const lines = [`default via ${defaultGateway(cluster)} dev eth0 proto static`]
  for (const other of cluster.nodes) {
    if (other.name === node.name) lines.push(`${node.podCIDR} dev cni0 proto kernel scope link src ${bridgeIP(node)}`)
    else lines.push(`${other.podCIDR} via ${other.ip} dev eth0`)
  }
  lines.push(`${subnet} dev eth0 proto kernel scope link src ${node.ip}`)
  return lines.sort((a, b) => (a.startsWith('default') ? -1 : b.startsWith('default') ? 1 : compareRoutes(a, b)))
}

function compareRoutes(a: string, b: string): number {
  const ka = parseCidr(a.split(' ')[0])
  const kb = parseCidr(b.split(' ')[0])
  return (ka?.base ?? 0) - (kb?.base ?? 0)
}

/** The /24 the nodes sit on (from the first node's address). */
export function nodeSubnet(cluster: Cluster): string {
  const first = cluster.nodes[0]?.ip ?? '192.168.100.20'
  return parseCidr(`${first}/24`)?.text ?? '192.168.100.0/24'
}

/** The kernel's route lookup on a node for a destination. */
export function routeOn(cluster: Cluster, node: ClusterNode, dst: string): Route {
  if (isLocalAddress(node, dst)) return { text: `local ${dst} dev lo table local`, dev: 'lo', prefSrc: dst }
  const own = parseCidr(node.podCIDR)
  if (own && cidrContains(own, dst)) {
    return { text: `${node.podCIDR} dev cni0 proto kernel scope link src ${bridgeIP(node)}`, dev: 'cni0', prefSrc: bridgeIP(node) }
  }
  const other = nodeForPodIP(cluster, dst)
  if (other) return { text: `${other.podCIDR} via ${other.ip} dev eth0`, dev: 'eth0', via: other, prefSrc: node.ip }
  const sub = parseCidr(nodeSubnet(cluster))
  if (sub && cidrContains(sub, dst)) {
    // another node on the lab network: delivered to it directly (it owns the address)
    const peer = cluster.nodes.find((n) => n.ip === dst && n.name !== node.name)
    const r: Route = { text: `${sub.text} dev eth0 proto kernel scope link src ${node.ip}`, dev: 'eth0', prefSrc: node.ip }
    if (peer) r.via = peer
    return r
  }
  return { text: `default via ${defaultGateway(cluster)} dev eth0 proto static`, dev: 'eth0', prefSrc: node.ip }
}

/**
 * Which node receives traffic for an external IP or a LoadBalancer IP from outside. THE SEAM for MetalLB: until the
 * MetalLB stage answers ARP itself, this follows MetalLB's L2 election (metallb speaker/layer2_controller.go: nodes
 * sorted by sha256(nodeName + "#" + ip), the first answers ARP), among ready nodes not excluded from load balancers.
 */
export function externalEntryNode(cluster: Cluster, ip: string): ClusterNode | undefined {
  const candidates = cluster.nodes.filter(
    (n) => n.ready && !('node.kubernetes.io/exclude-from-external-load-balancers' in n.labels) && !n.controlPlane,
  )
  const pool = candidates.length > 0 ? candidates : cluster.nodes.filter((n) => n.ready)
  let best: ClusterNode | undefined
  let bestHash: Uint8Array | undefined
  for (const n of pool) {
    const h = sha256Bytes(`${n.name}#${ip}`)
    if (!bestHash || compareBytes(h, bestHash) < 0) {
      best = n
      bestHash = h
    }
  }
  return best
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

// Linux net.ipv4.ip_local_port_range default: 32768 60999
export function ephemeralPort(draw: (n: number) => number): number {
  return 32768 + draw(60999 - 32768 + 1)
}
