import type { ObjectId } from '../../core/ids'
import type { Cluster, ClusterNode, Service } from '../../cluster/types'
import { intToIp, ipToInt, isIPv4, maskOf, type Cidr } from '../../util/ip'
import { cidrContainsInt } from './addresses'
import { electL2Speaker, type L2Election } from './l2'

/**
 * The lab's one L2 segment: the nodes, the outside clients and the router share it. The Cluster kind does not name
 * the segment, so it is the smallest block of at least /24 around the first node that holds every machine's address.
 */
export function lanCidr(cluster: Cluster): Cidr {
  const ips = [...cluster.nodes.map((n) => n.ip), ...cluster.clients.map((c) => c.ip), ...(cluster.router ? [cluster.router.ip] : [])].filter(isIPv4).map(ipToInt)
  const first = ips[0] ?? ipToInt('192.168.100.0')
  let prefix = 24
  while (prefix > 0 && !ips.every((ip) => ((ip & maskOf(prefix)) >>> 0) === ((first & maskOf(prefix)) >>> 0))) prefix--
  const base = (first & maskOf(prefix)) >>> 0
  return { base, prefix, text: `${intToIp(base)}/${prefix}` }
}

/** Whether an address is on the LAN (reached by ARP directly rather than through a gateway). */
export function onLink(cluster: Cluster, ip: string): boolean {
  return isIPv4(ip) && cidrContainsInt(lanCidr(cluster), ipToInt(ip))
}

export type ArpResult =
  | {
      answered: true
      ip: string
      /** The canvas id of the machine that answers. */
      answeredBy: ObjectId
      /** The Kubernetes node that answers, when it is one. */
      node?: ClusterNode
      mac: string
      reason: { code: string; params: Record<string, string> }
      /** For a LoadBalancer address: the L2 election that chose the answering speaker. */
      election?: L2Election
      service?: Service
    }
  | {
      answered: false
      ip: string
      reason: { code: string; params: Record<string, string> }
      election?: L2Election
      service?: Service
    }

/**
 * Who answers "who-has <ip>" on the LAN: a machine owning the address (a node that is up, a client, the router), or
 * the speaker MetalLB elected for a LoadBalancer address in L2 mode. Anything else is never answered: Linux retries
 * (mcast_solicit 3, one second apart), marks the neighbour FAILED, and connect() fails with EHOSTUNREACH,
 * "No route to host".
 */
export function arpResolve(cluster: Cluster, ip: string): ArpResult {
  const node = cluster.nodes.find((n) => n.ip === ip)
  if (node) {
    if (node.ready) return { answered: true, ip, answeredBy: node.id, node, mac: node.mac, reason: { code: 'metallb.arp.owner', params: { ip, machine: node.name, mac: node.mac } } }
    return { answered: false, ip, reason: { code: 'metallb.arp.nodeDown', params: { ip, machine: node.name } } }
  }
  const client = cluster.clients.find((c) => c.ip === ip)
  if (client) return { answered: true, ip, answeredBy: client.id, mac: client.mac, reason: { code: 'metallb.arp.owner', params: { ip, machine: client.name, mac: client.mac } } }
  const router = cluster.router
  if (router && router.ip === ip) return { answered: true, ip, answeredBy: router.id, mac: router.mac, reason: { code: 'metallb.arp.owner', params: { ip, machine: router.name, mac: router.mac } } }

  // A LoadBalancer address: the elected speaker answers with its node's MAC (the first Service that announces it).
  const services = cluster.services.filter((s) => s.type === 'LoadBalancer' && s.loadBalancerIngress.includes(ip)).sort((a, b) => a.createdAtMs - b.createdAtMs)
  let firstSilent: { election: L2Election; service: Service } | undefined
  for (const service of services) {
    const election = electL2Speaker(cluster, service)
    const winner = election.announced ? cluster.nodes.find((n) => n.name === election.node) : undefined
    if (winner) {
      const params = { ...election.reason.params, mac: winner.mac }
      return { answered: true, ip, answeredBy: winner.id, node: winner, mac: winner.mac, reason: { code: election.reason.code, params }, election, service }
    }
    firstSilent ??= { election, service }
  }
  if (firstSilent) return { answered: false, ip, reason: firstSilent.election.reason, election: firstSilent.election, service: firstSilent.service }
  return { answered: false, ip, reason: { code: 'metallb.arp.unanswered', params: { ip } } }
}
