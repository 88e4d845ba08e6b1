import { diagnostic, type Diagnostic } from '../../core/diagnostic'
import { seedFrom } from '../../core/rng'
import { selectorMatches } from '../../cluster/selector'
import type { Cluster, ClusterNode, Service } from '../../cluster/types'
import { ipToInt, isIPv4, parseCidr } from '../../util/ip'
import { aggregate, cidrContainsInt } from './addresses'
import { poolForIPs, readMetalLBConfig, type BGPAdvertisement, type BGPPeer } from './config'
import { endpointCanServe, excludedFromLB, serviceEndpoints, speakerAlive } from './speakers'

/** FRR's default LOCAL_PREF, used by the router when a path carries none (eBGP) or MetalLB sets none. */
export const DEFAULT_LOCAL_PREF = 100
// FRR zebra installs BGP routes in the kernel with the administrative distance as metric: eBGP 20, iBGP 200.
export const EBGP_DISTANCE = 20
export const IBGP_DISTANCE = 200

export interface BGPSession {
  node: string
  nodeIP: string
  peer: string
  peerAddress: string
  myASN: number
  peerASN: number
  established: boolean
  /** Why the session is down (a catalogue code), when it is. */
  down?: string
}

/** One path the router received: a node advertising a prefix over one session. */
export interface BGPPath {
  prefix: string
  node: string
  nextHop: string
  peer: string
  ibgp: boolean
  /** LOCAL_PREF as received: set on iBGP sessions only (MetalLB's localPref, or FRR's default 100). */
  localPref?: number
  communities: string[]
  /** eBGP: the node's AS; iBGP: empty. */
  asPath: number[]
  /** The Services whose addresses produced the prefix (a /24 aggregate deduplicates many). */
  services: string[]
  advertisement: string
}

/** The router's view of one prefix: every path, the best one first, and the ECMP set it installs. */
export interface RouterRoute {
  prefix: string
  paths: BGPPath[]
  best: BGPPath
  multipath: BGPPath[]
  distance: number
}

/** Per Service and node, whether the node advertises, and why not (speaker/bgp_controller.go ShouldAnnounce reasons). */
export interface NodeAnnouncement {
  node: string
  advertises: boolean
  reason: string
  prefixes: string[]
}

export interface BGPState {
  sessions: BGPSession[]
  routes: RouterRoute[]
  announcements: Map<string, NodeAnnouncement[]>
  diagnostics: Diagnostic[]
}

const cache = new WeakMap<Cluster, BGPState>()

/**
 * MetalLB's BGP mode over the whole cluster: the sessions every speaker opens to the BGPPeers that select its node,
 * what each node advertises for each Service (every eligible node does; under eTP Local only nodes with a local
 * serving endpoint), and the router's table as it receives those updates: paths deduplicated per (prefix, node),
 * best path and the ECMP set. The router is the Cluster document's spec.router, configured to accept every node as
 * a neighbour with `maximum-paths 64` (a typical FRR setup for MetalLB).
 */
export function computeBGP(cluster: Cluster): BGPState {
  const hit = cache.get(cluster)
  if (hit) return hit
  const state = build(cluster)
  cache.set(cluster, state)
  return state
}

function build(cluster: Cluster): BGPState {
  const cfg = readMetalLBConfig(cluster)
  const router = cluster.router
  const { sessions, diagnostics } = bgpSessions(cluster)

  const announcements = new Map<string, NodeAnnouncement[]>()
  const paths = new Map<string, BGPPath>()
  for (const svc of cluster.services) {
    if (svc.type !== 'LoadBalancer') continue
    const ip = svc.loadBalancerIngress.find(isIPv4)
    if (!ip) continue
    const pool = poolForIPs(cfg, [ipToInt(ip)])
    if (!pool) continue
    const poolAds = cfg.bgp.filter((a) => a.pools.includes(pool.name))
    if (poolAds.length === 0) continue
    const list: NodeAnnouncement[] = []
    for (const n of cluster.nodes) {
      const decision = shouldAnnounce(cluster, svc, n, poolAds)
      const ads = decision.ads
      const prefixes = [...new Set(ads.map((a) => aggregate(ip, a.aggregationLength)))]
      list.push({ node: n.name, advertises: decision.reason === '', reason: decision.reason, prefixes: decision.reason === '' ? prefixes : [] })
      if (decision.reason !== '') continue
      for (const session of sessions.filter((s) => s.node === n.name && s.established)) {
        for (const ad of ads) {
          if (ad.peers.length > 0 && !ad.peers.includes(session.peer)) continue
          addPath(paths, session, ad, aggregate(ip, ad.aggregationLength), `${svc.namespace}/${svc.name}`, router?.asn)
        }
      }
    }
    announcements.set(svc.id, list)
  }
  const routes = routerRoutes([...paths.values()])
  return { sessions, routes, announcements, diagnostics }
}

/**
 * The BGP sessions of every speaker (bgp_controller syncPeers: one per node the peer's nodeSelectors select) and
 * whether each comes up against the lab's router, with a diagnostic for each peer that cannot.
 */
export function bgpSessions(cluster: Cluster): { sessions: BGPSession[]; diagnostics: Diagnostic[] } {
  const cfg = readMetalLBConfig(cluster)
  const diagnostics: Diagnostic[] = []
  const router = cluster.router
  const sessions: BGPSession[] = []
  for (const peer of cfg.peers) {
    let down: string | undefined
    if (!router || router.ip !== peer.address) down = 'metallb.peer.noRouter'
    else if (router.asn === undefined) down = 'metallb.peer.routerNoASN'
    else if (peer.dynamicASN) {
      // dynamicASN: the OPEN decides; internal expects the router in the speaker's own AS, external in another.
      if ((peer.dynamicASN === 'internal') !== (router.asn === peer.myASN)) down = 'metallb.peer.dynamicMismatch'
    } else if (router.asn !== peer.peerASN) down = 'metallb.peer.asnMismatch'
    if (down) {
      const params = { name: peer.name, address: peer.address, asn: peer.peerASN || router?.asn || peer.myASN, peerASN: peer.peerASN, router: router?.name ?? '', routerASN: router?.asn ?? '', mode: peer.dynamicASN ?? '', myASN: peer.myASN }
      diagnostics.push(diagnostic(down, 'warning', params, peer.source.range, peer.id))
    }
    for (const n of cluster.nodes) {
      if (!peer.nodes.includes(n.name) || !speakerAlive(n)) continue
      const s: BGPSession = { node: n.name, nodeIP: n.ip, peer: peer.name, peerAddress: peer.address, myASN: peer.myASN, peerASN: peer.peerASN || (router?.asn ?? 0), established: !down }
      if (down) s.down = down
      sessions.push(s)
    }
  }
  for (const ad of cfg.bgp) {
    if (cfg.peers.length === 0) diagnostics.push(diagnostic('metallb.bgpadv.noPeers', 'warning', { name: ad.name }, ad.source.range, ad.id))
  }
  return { sessions, diagnostics }
}

/** ShouldAnnounce for one node: '' when it advertises, else MetalLB's reason string. */
function shouldAnnounce(cluster: Cluster, svc: Service, node: ClusterNode, poolAds: BGPAdvertisement[]): { reason: string; ads: BGPAdvertisement[] } {
  if (!speakerAlive(node)) return { reason: 'speakerDown', ads: [] }
  if (!poolAds.some((a) => a.nodes.includes(node.name))) return { reason: 'notOwner', ads: [] }
  const ads = poolAds.filter((a) => a.nodes.includes(node.name) && (a.serviceSelectors.length === 0 || a.serviceSelectors.some((s) => selectorMatches(s, svc.labels))))
  if (ads.length === 0) return { reason: 'noMatchingAdvertisement', ads: [] }
  if (excludedFromLB(node)) return { reason: 'nodeLabeledExcludeBalancers', ads: [] }
  const serving = serviceEndpoints(cluster, svc).filter((e) => e.addresses.length > 0 && endpointCanServe(e.conditions))
  if (svc.externalTrafficPolicy === 'Local' && !serving.some((e) => e.nodeName === node.name)) return { reason: 'noLocalEndpoints', ads: [] }
  if (serving.length === 0) return { reason: 'noEndpoints', ads: [] }
  return { reason: '', ads }
}

function addPath(paths: Map<string, BGPPath>, session: BGPSession, ad: BGPAdvertisement, prefix: string, service: string, routerASN?: number): void {
  const key = `${prefix}|${session.node}|${session.peer}`
  const existing = paths.get(key)
  // The session compacts duplicate advertisements: one path per prefix per session, whatever Services share it.
  if (existing) {
    if (!existing.services.includes(service)) existing.services.push(service)
    return
  }
  const ibgp = routerASN !== undefined && session.myASN === routerASN
  const path: BGPPath = {
    prefix,
    node: session.node,
    nextHop: session.nodeIP,
    peer: session.peer,
    ibgp,
    communities: [...ad.communities],
    asPath: ibgp ? [] : [session.myASN],
    services: [service],
    advertisement: ad.name,
  }
  // MetalLB sets LOCAL_PREF only on iBGP sessions; FRR sends its default 100 when none is set.
  if (ibgp) path.localPref = ad.localPref || DEFAULT_LOCAL_PREF
  paths.set(key, path)
}

/**
 * The router's decision per prefix (FRR bgp_path_info_cmp, the steps that differ here): higher LOCAL_PREF, shorter
 * AS_PATH, eBGP over iBGP, then the lower neighbour address. Paths equal to the best up to that last step, from the
 * same neighbouring AS, form the multipath (ECMP) set.
 */
function routerRoutes(paths: BGPPath[]): RouterRoute[] {
  const byPrefix = new Map<string, BGPPath[]>()
  for (const p of paths) {
    if (!byPrefix.has(p.prefix)) byPrefix.set(p.prefix, [])
    byPrefix.get(p.prefix)!.push(p)
  }
  const routes: RouterRoute[] = []
  for (const [prefix, list] of byPrefix) {
    const sorted = [...list].sort(comparePaths)
    const best = sorted[0]
    const multipath = sorted.filter((p) => comparePaths(p, best, true) === 0 && (p.asPath[0] ?? 0) === (best.asPath[0] ?? 0))
    routes.push({ prefix, paths: sorted, best, multipath, distance: best.ibgp ? IBGP_DISTANCE : EBGP_DISTANCE })
  }
  return routes.sort((a, b) => comparePrefix(a.prefix, b.prefix))
}

function comparePaths(a: BGPPath, b: BGPPath, ignoreTieBreak = false): number {
  const lpA = a.localPref ?? DEFAULT_LOCAL_PREF, lpB = b.localPref ?? DEFAULT_LOCAL_PREF
  if (lpA !== lpB) return lpB - lpA
  if (a.asPath.length !== b.asPath.length) return a.asPath.length - b.asPath.length
  if (a.ibgp !== b.ibgp) return a.ibgp ? 1 : -1
  if (ignoreTieBreak) return 0
  return ipToInt(a.nextHop) - ipToInt(b.nextHop)
}

/** Network order, as `show ip bgp` lists prefixes: by address, then shorter prefix first. */
export function comparePrefix(a: string, b: string): number {
  const [ia, la] = a.split('/'), [ib, lb] = b.split('/')
  return ipToInt(ia) - ipToInt(ib) || Number(la) - Number(lb)
}

/** The flow a router hashes to pick among equal-cost next hops. */
export interface Flow {
  src: string
  dst: string
  protocol: string
  srcPort?: number
  dstPort?: number
}

export interface BGPRouteResult {
  route: RouterRoute
  /** The next hop the flow takes. */
  nextHop: { node: string; ip: string }
  /** Every equal-cost next hop, in the kernel's order. */
  ecmp: { node: string; ip: string }[]
  /** The hash draw that chose the next hop, as a fraction of the hash space. */
  draw: { value: number; description: string }
}

/**
 * The router's forwarding decision for a packet to `dstIP`: the longest BGP prefix that covers it, then the next hop
 * the kernel's multipath hash picks (hash-threshold, RFC 2992: each of n next hops owns 1/n of the hash space).
 * Linux's default net.ipv4.fib_multipath_hash_policy=0 hashes the source and destination addresses only, so one
 * client always lands on the same node; policy 1 adds the protocol and ports (5-tuple). The hash is seeded, so a
 * scenario and a seed always pick the same node.
 */
export function bgpRoute(cluster: Cluster, dstIP: string, flow: Flow, seed = 1, hashPolicy: 0 | 1 = 0): BGPRouteResult | undefined {
  if (!isIPv4(dstIP)) return undefined
  const ip = ipToInt(dstIP)
  const candidates = computeBGP(cluster).routes.filter((r) => {
    const c = parseCidr(r.prefix)
    return c !== undefined && cidrContainsInt(c, ip)
  })
  if (candidates.length === 0) return undefined
  const route = candidates.sort((a, b) => Number(b.prefix.split('/')[1]) - Number(a.prefix.split('/')[1]))[0]
  const ecmp = [...route.multipath].sort((a, b) => ipToInt(a.nextHop) - ipToInt(b.nextHop)).map((p) => ({ node: p.node, ip: p.nextHop }))
  const key = hashPolicy === 0 ? `${flow.src}|${flow.dst}` : `${flow.src}|${flow.dst}|${flow.protocol}|${flow.srcPort ?? 0}|${flow.dstPort ?? 0}`
  const hash = (seedFrom(`${seed}|${key}`) >>> 1) / 2 ** 31
  const index = Math.min(ecmp.length - 1, Math.floor(hash * ecmp.length))
  const description = hashPolicy === 0 ? `fib_multipath_hash_policy=0: hash(${flow.src}, ${flow.dst})` : `fib_multipath_hash_policy=1: hash(${key.split('|').join(', ')})`
  return { route, nextHop: ecmp[index], ecmp, draw: { value: hash, description } }
}

/** The nodes advertising a Service's address (BGP mode), with the reason for every node that does not. */
export function bgpAnnouncements(cluster: Cluster, svc: Service): NodeAnnouncement[] {
  return computeBGP(cluster).announcements.get(svc.id) ?? []
}

/** The BGP peers a node's speaker has, for describe-like output. */
export function sessionsOf(cluster: Cluster, node: string): BGPSession[] {
  return computeBGP(cluster).sessions.filter((s) => s.node === node)
}

export type { BGPPeer }
