import type { ObjectId } from '../../core/ids'
import type { Cluster, ClusterNode, OutsideClient, Router } from '../../cluster/types'
import type { Simulation } from '../../sim/simulation'
import type { Hop, Packet } from '../../trace/types'
import { arpResolve, lanCidr, onLink, type ArpResult } from './lan'
import { bgpRoute, type BGPRouteResult } from './bgp'
import { poolForIPs, readMetalLBConfig } from './config'
import { ipToInt, isIPv4 } from '../../util/ip'
import { applyGratuitousArp, learnNeighbor, neighborTable } from './neighbors'
import { LAN_INTERFACE } from './speakers'

/**
 * Hops for the part of a trace that happens on the LAN, outside any node's kernel: the ARP exchange that finds who
 * owns an address (tcpdump's words: `ARP, Request who-has … tell …, length 28`), the client's route to its gateway,
 * and the router's BGP/ECMP choice (FRR's words: `B>* 172.16.10.0/32 [20/0] via 192.168.100.21, eth0, weight 1`).
 */

/** A machine on the LAN as the hop builders need it. */
export interface LanMachine {
  id: ObjectId
  ip: string
  mac: string
  /** Set when the machine is a Kubernetes node. */
  node?: string
}

const ARP_LENGTH = 28 // an Ethernet/IPv4 ARP payload, as tcpdump reports it
const BROADCAST = 'ff:ff:ff:ff:ff:ff'

function arpPacket(src: string, dst: string): Packet {
  return { protocol: 'ARP', src, dst }
}

export function arpRequestRule(target: string, sender: string, targetMac?: string): string {
  // print-arp.c: a non-zero target hardware address is printed in parentheses after the target.
  return `ARP, Request who-has ${target}${targetMac ? ` (${targetMac})` : ''} tell ${sender}, length ${ARP_LENGTH}`
}

export function arpReplyRule(ip: string, mac: string): string {
  return `ARP, Reply ${ip} is-at ${mac}, length ${ARP_LENGTH}`
}

/** The broadcast request leaving the asker. */
export function arpRequestHop(seq: number, from: LanMachine, target: string): Hop {
  const hop: Hop = {
    seq,
    stage: 'arp',
    at: from.id,
    before: arpPacket(from.ip, target),
    after: arpPacket(from.ip, target),
    rule: arpRequestRule(target, from.ip),
    ruleContext: `tcpdump -n -i ${LAN_INTERFACE} arp`,
    verdict: 'forwarded',
    note: { code: 'metallb.arp.request', params: { ip: target, from: from.ip } },
  }
  if (from.node) hop.node = from.node
  return hop
}

/** The answer to it, or the silence after the kernel's retries. */
export function arpReplyHop(seq: number, from: LanMachine, result: ArpResult): Hop {
  if (!result.answered) {
    const hop: Hop = {
      seq,
      stage: 'arp',
      at: from.id,
      before: arpPacket(from.ip, result.ip),
      after: arpPacket(from.ip, result.ip),
      rule: arpRequestRule(result.ip, from.ip),
      ruleContext: `tcpdump -n -i ${LAN_INTERFACE} arp`,
      verdict: 'dropped',
      note: timeoutNote(result),
    }
    if (from.node) hop.node = from.node
    return hop
  }
  const hop: Hop = {
    seq,
    stage: 'arp',
    at: result.answeredBy,
    from: result.answeredBy,
    to: from.id,
    before: arpPacket(from.ip, result.ip),
    after: arpPacket(result.ip, from.ip),
    rule: arpReplyRule(result.ip, result.mac),
    ruleContext: `tcpdump -n -i ${LAN_INTERFACE} arp`,
    verdict: 'answered',
    note: { code: result.reason.code, params: { ...result.reason.params, mac: result.mac } },
  }
  if (result.node) hop.node = result.node.name
  if (result.election && result.service) hop.source = result.service.source
  return hop
}

/** Why an ARP went unanswered: a LoadBalancer address nobody announces, a powered-off node, or nobody at all. */
export function timeoutNote(result: ArpResult): { code: string; params: Record<string, string> } {
  const params = { ...result.reason.params, ip: result.ip, why: result.reason.code }
  if (result.service) return { code: 'metallb.arp.timeoutLoadBalancer', params: { ...params, service: `${result.service.namespace}/${result.service.name}` } }
  if (result.reason.code === 'metallb.arp.nodeDown') return { code: 'metallb.arp.nodeDown', params }
  return { code: 'metallb.arp.timeout', params }
}

/** A resolved address taken from the asker's ARP cache: no packet goes on the wire. */
export function arpCachedHop(seq: number, from: LanMachine, ip: string, mac: string, state: string): Hop {
  const hop: Hop = {
    seq,
    stage: 'arp',
    at: from.id,
    before: arpPacket(from.ip, ip),
    after: arpPacket(from.ip, ip),
    rule: `${ip} dev ${LAN_INTERFACE} lladdr ${mac} ${state}`,
    ruleContext: 'ip neigh',
    verdict: 'forwarded',
    note: { code: 'metallb.arp.cached', params: { ip, mac } },
  }
  if (from.node) hop.node = from.node
  return hop
}

/** The new owner's gratuitous ARP after a failover (layer2 arpResponder.Gratuitous: sender = target = the address). */
export function gratuitousArpHop(seq: number, node: ClusterNode, ip: string, from: string): Hop {
  return {
    seq,
    stage: 'arp',
    at: node.id,
    node: node.name,
    before: arpPacket(ip, ip),
    after: arpPacket(ip, ip),
    rule: arpRequestRule(ip, ip, BROADCAST),
    ruleContext: `tcpdump -n -i ${LAN_INTERFACE} arp`,
    verdict: 'forwarded',
    note: { code: 'metallb.arp.gratuitous', params: { ip, node: node.name, mac: node.mac, from } },
  }
}

/** The router's forwarding choice, in FRR's `show ip route` words for the next hop taken. */
export function bgpHop(seq: number, router: Router, packet: Packet, r: BGPRouteResult, nextNode: ClusterNode): Hop {
  const distance = r.route.distance
  const others = r.ecmp.filter((h) => h.ip !== r.nextHop.ip).map((h) => `${h.node} (${h.ip})`)
  return {
    seq,
    stage: 'bgp',
    at: router.id,
    from: router.id,
    to: nextNode.id,
    before: packet,
    after: packet,
    rule: `B>* ${r.route.prefix} [${distance}/0] via ${r.nextHop.ip}, ${LAN_INTERFACE}, weight 1`,
    ruleContext: 'vtysh -c "show ip route"',
    draw: { value: r.draw.value, description: r.draw.description },
    verdict: 'forwarded',
    note: {
      code: r.ecmp.length > 1 ? 'metallb.bgp.ecmp' : 'metallb.bgp.single',
      params: { prefix: r.route.prefix, node: nextNode.name, nextHop: r.nextHop.ip, count: String(r.ecmp.length), others: others.join(', ') },
    },
  }
}

export type Delivery =
  | { ok: true; hops: Hop[]; node?: ClusterNode; answeredBy: ObjectId; via: 'l2' | 'host' | 'bgp' }
  | { ok: false; hops: Hop[]; reason: { code: string; params: Record<string, string> } }

export interface DeliveryInput {
  seq: number
  /** The sender: an outside client, or the router itself. */
  client: OutsideClient | Router
  /** The packet the client is sending (its dst decides the way). */
  packet: Packet
  seed?: number
  /** When given, ARP caches are learnt into it (for `ip neigh`). */
  sim?: Simulation
}

/**
 * How a packet from an outside client reaches a machine: on the LAN, straight after ARP (a node's own address, or a
 * LoadBalancer address answered by the elected speaker); off the LAN, to the router (its ARP), which forwards on its
 * BGP route (one ECMP next hop by hash) after ARPing for that node. Failures are what Linux reports: an unanswered ARP
 * is "No route to host", no route at all is "Network is unreachable".
 */
export function outsideDelivery(cluster: Cluster, input: DeliveryInput): Delivery {
  const { client, packet, sim } = input
  let seq = input.seq
  const hops: Hop[] = []
  const me: LanMachine = { id: client.id, ip: client.ip, mac: client.mac }
  const dst = packet.dst

  if (onLink(cluster, dst)) {
    const result = arpResolve(cluster, dst)
    exchange(hops, () => seq++, me, result, sim)
    if (!result.answered) return { ok: false, hops, reason: timeoutNote(result) }
    return { ok: true, hops, answeredBy: result.answeredBy, ...(result.node ? { node: result.node } : {}), via: result.election ? 'l2' : 'host' }
  }

  const router = cluster.router
  const lan = lanCidr(cluster)
  const fromRouter = router !== undefined && client.id === router.id
  if (!router) {
    const reason = { code: 'metallb.route.noGateway', params: { ip: dst, lan: lan.text } }
    hops.push({
      seq: seq++, stage: 'route', at: client.id, before: packet, after: packet, verdict: 'dropped',
      rule: `${lan.text} dev ${LAN_INTERFACE} proto kernel scope link src ${client.ip}`, ruleContext: 'ip route', note: reason,
    })
    return { ok: false, hops, reason }
  }
  // The router itself looks its own table up; anyone else first hands the packet to it, the default gateway.
  if (!fromRouter) {
    hops.push({
      seq: seq++, stage: 'route', at: client.id, from: client.id, to: router.id, before: packet, after: packet, verdict: 'forwarded',
      rule: `default via ${router.ip} dev ${LAN_INTERFACE}`, ruleContext: 'ip route',
      note: { code: 'metallb.route.viaGateway', params: { ip: dst, gateway: router.ip, router: router.name } },
    })
    exchange(hops, () => seq++, me, arpResolve(cluster, router.ip), sim)
  }
  const r = bgpRoute(cluster, dst, { src: packet.src, dst, protocol: packet.protocol, srcPort: packet.srcPort, dstPort: packet.dstPort }, input.seed ?? 1)
  if (!r) {
    const reason = { code: 'metallb.bgp.noRoute', params: { ip: dst, router: router.name } }
    hops.push({ seq: seq++, stage: 'bgp', at: router.id, before: packet, after: packet, verdict: 'dropped', ruleContext: 'vtysh -c "show ip route"', note: reason })
    return { ok: false, hops, reason }
  }
  const nextNode = cluster.nodes.find((n) => n.name === r.nextHop.node)!
  hops.push(bgpHop(seq++, router, packet, r, nextNode))
  const routerMachine: LanMachine = { id: router.id, ip: router.ip, mac: router.mac }
  const toNode = arpResolve(cluster, nextNode.ip)
  exchange(hops, () => seq++, routerMachine, toNode, sim)
  if (!toNode.answered) return { ok: false, hops, reason: timeoutNote(toNode) }
  return { ok: true, hops, node: nextNode, answeredBy: nextNode.id, via: 'bgp' }
}

/**
 * Whether an outside machine reaches `ip` through the LAN model here rather than straight at a node: an address off
 * the LAN when there is a router to route it, a LoadBalancer address MetalLB manages, and an address nobody owns (whose
 * ARP goes unanswered). A machine's own address, and an external address MetalLB does not manage (a status imported
 * from a cloud load balancer, spec.externalIPs), are left to the walk.
 */
export function reachedOverLan(cluster: Cluster, ip: string, owned: boolean): boolean {
  if (owned || !isIPv4(ip)) return false
  if (!onLink(cluster, ip)) return cluster.router !== undefined
  if (poolForIPs(readMetalLBConfig(cluster), [ipToInt(ip)])) return true
  return !cluster.services.some((s) => s.externalIPs.includes(ip) || (s.type === 'LoadBalancer' && s.loadBalancerIngress.includes(ip)))
}

/** One ARP exchange: the failover's gratuitous ARP if there was one, the request, then the reply or the timeout. */
function exchange(hops: Hop[], next: () => number, me: LanMachine, result: ArpResult, sim?: Simulation): void {
  // A cached neighbour with the same address is used as is: Linux sends no request while the entry is valid.
  const cached = sim ? neighborTable(sim, me.id).find((n) => n.ip === result.ip) : undefined
  if (cached && cached.mac && result.answered && cached.mac === result.mac) {
    hops.push(arpCachedHop(next(), me, result.ip, cached.mac, cached.state))
    return
  }
  const takeover = result.answered && result.election?.failover && result.node ? result.node : undefined
  if (takeover && result.election?.failover) {
    hops.push(gratuitousArpHop(next(), takeover, result.ip, result.election.failover.from))
    if (sim) applyGratuitousArp(sim, result.ip, takeover.mac, takeover.id)
  }
  hops.push(arpRequestHop(next(), me, result.ip))
  hops.push(arpReplyHop(next(), me, result))
  if (!sim) return
  if (result.answered) {
    learnNeighbor(sim, me.id, { ip: result.ip, mac: result.mac, state: 'REACHABLE' })
    // The answerer learns the asker from the request (neigh_event_ns: a STALE entry).
    learnNeighbor(sim, result.answeredBy, { ip: me.ip, mac: me.mac, state: 'STALE' })
  } else learnNeighbor(sim, me.id, { ip: result.ip, state: 'FAILED' })
}
