import type { ObjectId } from '../../core/ids'
import { selectorMatches } from '../../cluster/selector'
import type { Cluster, Service } from '../../cluster/types'
import { sha256Bytes } from '../../util/hash'
import { ipToInt, isIPv4 } from '../../util/ip'
import { ANNOTATION_SHARED } from './allocate'
import { poolForIPs, readMetalLBConfig, type L2Advertisement } from './config'
import { endpointCanServe, excludedFromLB, LAN_INTERFACE, runsSpeaker, serviceEndpoints } from './speakers'

export interface L2Candidate {
  node: string
  /** sha256(node + "#" + ip), hex: the election's sort key after the preference score. */
  hash: string
  /** Summed preferredNodeSelectors weight (0 when none). */
  score: number
}

export interface L2Election {
  service: ObjectId
  /** The address elected for (the Service's first LoadBalancer IP). */
  ip?: string
  /** The node whose speaker answers ARP for the address, if one does. */
  node?: string
  /** Every eligible node, in election order: the first one wins. */
  candidates: L2Candidate[]
  /** A catalogue code saying who won and why, or why nobody announces. */
  reason: { code: string; params: Record<string, string> }
  /** False when nobody answers ARP for the address (no winner, or the winner lacks the advertised interface). */
  announced: boolean
  /** The node that would win with every node up, when it is down and another one took over (with a gratuitous ARP). */
  failover?: { from: string; to?: string }
  /** The L2Advertisements that apply to the Service. */
  advertisements: string[]
}

/**
 * Which speaker answers ARP for a Service's address, computed as every speaker computes it
 * (speaker/layer2_controller.go ShouldAnnounce): the Service needs a serving endpoint; candidates are nodes with a
 * live speaker that an L2Advertisement for the pool selects and that are not excluded from load balancers; under
 * externalTrafficPolicy Local only candidates hosting a serving endpoint; sorted by preference score, then
 * sha256(node + "#" + ip) ascending. The first one answers. The election is stateless, so a node that was not the
 * winner can come or go without moving the address.
 */
export function electL2Speaker(cluster: Cluster, service: Service): L2Election {
  const now = elect(cluster, service, false)
  if (!now.ip) return now
  const allUp = elect(cluster, service, true)
  const formerWinner = allUp.node
  if (formerWinner && formerWinner !== now.node && !cluster.nodes.find((n) => n.name === formerWinner)?.ready) {
    now.failover = { from: formerWinner, ...(now.node ? { to: now.node } : {}) }
    if (now.node) now.reason = { code: 'metallb.l2.failover', params: { ...now.reason.params, from: formerWinner } }
  }
  return now
}

function elect(cluster: Cluster, service: Service, assumeAllUp: boolean): L2Election {
  const base = { service: service.id, candidates: [] as L2Candidate[], announced: false, advertisements: [] as string[] }
  const svcKey = `${service.namespace}/${service.name}`
  const ip = service.loadBalancerIngress.find(isIPv4)
  if (!ip) return { ...base, reason: { code: 'metallb.l2.noIP', params: { service: svcKey } } }
  const cfg = readMetalLBConfig(cluster)
  const pool = poolForIPs(cfg, [ipToInt(ip)])
  if (!pool) return { ...base, ip, reason: { code: 'metallb.l2.ipNotAllowed', params: { service: svcKey, ip } } }

  const down = new Set(cluster.nodes.filter((n) => !n.ready).map((n) => n.name))
  const endpoints = serviceEndpoints(cluster, service).filter((e) => endpointCanServe(e.conditions) || (assumeAllUp && e.nodeName !== undefined && down.has(e.nodeName)))
  // activeEndpointExists: without a serving endpoint nobody announces.
  if (endpoints.length === 0) return { ...base, ip, reason: { code: 'metallb.l2.noEndpoints', params: { service: svcKey, ip } } }

  const ads = cfg.l2.filter((ad) => ad.pools.includes(pool.name) && (ad.serviceSelectors.length === 0 || ad.serviceSelectors.some((s) => selectorMatches(s, service.labels))))
  const advertisements = ads.map((a) => a.name)
  if (ads.length === 0) return { ...base, ip, advertisements, reason: { code: 'metallb.l2.noAdvertisement', params: { service: svcKey, ip, pool: pool.name } } }
  // "allow-shared-ip is incompatible with serviceSelectors on L2 advertisements".
  const shared = ANNOTATION_SHARED in service.annotations || 'metallb.universe.tf/allow-shared-ip' in service.annotations
  if (shared && ads.some((a) => a.serviceSelectors.length > 0)) {
    return { ...base, ip, advertisements, reason: { code: 'metallb.l2.sharedWithSelectors', params: { service: svcKey, ip } } }
  }

  // speakersForAds: live speakers, not excluded, on a node some advertisement selects.
  let nodes = cluster.nodes
    .filter((n) => (assumeAllUp || n.ready) && runsSpeaker(n))
    .filter((n) => !excludedFromLB(n) && ads.some((a) => a.nodes.includes(n.name)))
    .map((n) => n.name)
  // nodesWithEndpoint under eTP Local: only speakers hosting a serving endpoint.
  if (service.externalTrafficPolicy === 'Local') {
    const hosting = new Set(endpoints.map((e) => e.nodeName).filter((n): n is string => !!n))
    nodes = nodes.filter((n) => hosting.has(n))
  }
  const scores = preferredScores(ads)
  const candidates = nodes
    .map((node) => ({ node, hash: toHex(sha256Bytes(`${node}#${ip}`)), score: scores[node] ?? 0 }))
    .sort((a, b) => b.score - a.score || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
  if (candidates.length === 0) {
    const code = service.externalTrafficPolicy === 'Local' ? 'metallb.l2.noLocalCandidates' : 'metallb.l2.noCandidates'
    return { ...base, ip, advertisements, reason: { code, params: { service: svcKey, ip } } }
  }
  const winner = candidates[0].node
  const params = { service: svcKey, ip, node: winner, count: String(candidates.length), hash: candidates[0].hash.slice(0, 16) }
  // ipAdvertisementFor + MatchInterfaces: the winner announces only on interfaces its advertisements allow.
  const mine = ads.filter((a) => a.nodes.includes(winner))
  if (!interfacesAllow(mine)) {
    return { ...base, ip, node: winner, candidates, advertisements, reason: { code: 'metallb.l2.interfaceMissing', params: { ...params, interfaces: mine.flatMap((a) => a.interfaces).join(', '), lan: LAN_INTERFACE } } }
  }
  const code = scores[winner] ? 'metallb.l2.electedPreferred' : 'metallb.l2.elected'
  return { ...base, ip, node: winner, candidates, advertisements, announced: true, reason: { code, params } }
}

function interfacesAllow(ads: L2Advertisement[]): boolean {
  return ads.some((a) => a.interfaces.length === 0 || a.interfaces.includes(LAN_INTERFACE))
}

/** preferredScoresFor: per-advertisement weights summed across the advertisements of the Service. */
function preferredScores(ads: L2Advertisement[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const ad of ads) for (const [node, w] of Object.entries(ad.preferredNodes)) out[node] = (out[node] ?? 0) + w
  return out
}

function toHex(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}
