import { diagnostic, type Diagnostic } from '../../core/diagnostic'
import type { ObjectId } from '../../core/ids'
import { getArray, getBool, getNumber, getString, getStringList, isObject } from '../../cluster/read'
import { readLabelSelector, selectorMatches, type LabelSelector } from '../../cluster/selector'
import type { Cluster, ClusterNode, ObjectRef, PassThroughObject } from '../../cluster/types'
import type { Cidr } from '../../util/ip'
import { isIPv4 } from '../../util/ip'
import { cidrContainsInt, cidrsOverlap, isBuggyIP, parseAddressEntry } from './addresses'

/** MetalLB reads its custom resources only from the namespace it runs in (ConfigReconciler: client.InNamespace). */
export const METALLB_NAMESPACE = 'metallb-system'

/** The kinds MetalLB's ConfigReconciler lists. */
export const METALLB_KINDS = ['IPAddressPool', 'L2Advertisement', 'BGPAdvertisement', 'BGPPeer', 'Community'] as const

export interface ServiceAllocation {
  /** 0 = no priority: such pools come after every pool with a priority (allocator.sortPools). */
  priority: number
  /** `namespaces` plus the namespaces `namespaceSelectors` select (config addressPoolServiceAllocationsFromCR). */
  namespaces: string[]
  /** Empty = no service filter. An allocation with no namespace and no selector at all matches every service. */
  serviceSelectors: LabelSelector[]
  /** True when the allocation names no namespace and no selector: MetalLB stores labels.Everything(). */
  everything: boolean
}

export interface Pool {
  id: ObjectId
  name: string
  labels: Record<string, string>
  source: ObjectRef
  /** `spec.addresses` as written, for kubectl. */
  addresses: string[]
  /** Every address entry summarized into CIDRs, in the order written (IPv4 only). */
  cidrs: Cidr[]
  /** Per written entry, its CIDRs (BGP aggregation is validated per entry). */
  entries: { text: string; cidrs: Cidr[] }[]
  autoAssign: boolean
  avoidBuggyIPs: boolean
  serviceAllocation?: ServiceAllocation
}

export interface L2Advertisement {
  id: ObjectId
  name: string
  source: ObjectRef
  /** The pools it covers (ipAddressPools ∪ pools matched by ipAddressPoolSelectors; none of either = every pool). */
  pools: string[]
  /** Node names its nodeSelectors select (none = every node). */
  nodes: string[]
  /** Empty = every interface (L2Advertisement.AllInterfaces). */
  interfaces: string[]
  serviceSelectors: LabelSelector[]
  /** preferredNodeSelectors resolved to summed weights per eligible node (config.preferredNodeScores). */
  preferredNodes: Record<string, number>
}

export interface BGPAdvertisement {
  id: ObjectId
  name: string
  source: ObjectRef
  pools: string[]
  nodes: string[]
  aggregationLength: number
  /** 0 when unset; sent only on iBGP sessions. */
  localPref: number
  /** Community values (`65535:65282`, `large:1:2:3` as `1:2:3`), aliases resolved, sorted as MetalLB sorts them. */
  communities: string[]
  /** Peer names it is limited to; empty = every peer. */
  peers: string[]
  serviceSelectors: LabelSelector[]
}

export interface BGPPeer {
  id: ObjectId
  name: string
  source: ObjectRef
  myASN: number
  /** 0 when dynamicASN is used instead. */
  peerASN: number
  /** BGPPeer spec.dynamicASN: the peer's AS is learnt from its OPEN, iBGP (internal) or eBGP (external). */
  dynamicASN?: 'internal' | 'external'
  address: string
  port: number
  /** Node names its nodeSelectors select (none = every node). */
  nodes: string[]
}

/** What MetalLB has loaded, or why it loaded nothing. Pools are sorted by name. */
export interface MetalLBConfig {
  /** False when config.For failed: MetalLB then keeps no configuration and allocates nothing. */
  loaded: boolean
  loadError?: { code: string; params: Record<string, string>; object: ObjectId }
  pools: Pool[]
  l2: L2Advertisement[]
  bgp: BGPAdvertisement[]
  peers: BGPPeer[]
  /** True when any MetalLB object exists anywhere (installed or not, the user meant to use it). */
  present: boolean
  diagnostics: Diagnostic[]
}

const cache = new WeakMap<Cluster, MetalLBConfig>()

/**
 * The MetalLB configuration of a settled cluster, as the controller and the speakers would load it. Objects are
 * taken in the order written, and each goes through what MetalLB's validating webhooks check at `kubectl apply`
 * (config.For on the objects accepted so far plus this one, transient fields cleared): a refused object is never
 * stored, and says why. Then the whole set is loaded as ConfigReconciler loads it, where a transient error (a
 * community name with no Community alias) leaves MetalLB with no configuration at all.
 */
export function readMetalLBConfig(cluster: Cluster): MetalLBConfig {
  const hit = cache.get(cluster)
  if (hit) return hit
  const result = buildConfig(cluster)
  cache.set(cluster, result)
  return result
}

function buildConfig(cluster: Cluster): MetalLBConfig {
  const diagnostics: Diagnostic[] = []
  const all = cluster.others.filter((o) => (METALLB_KINDS as readonly string[]).includes(o.kind) && o.apiVersion.startsWith('metallb.io/'))
  const mine: PassThroughObject[] = []
  for (const o of all) {
    if (o.namespace !== METALLB_NAMESPACE) {
      diagnostics.push(diag('metallb.config.wrongNamespace', 'warning', o, { kind: o.kind, name: o.name, namespace: o.namespace, expected: METALLB_NAMESPACE }))
      continue
    }
    mine.push(o)
  }
  const nodes = cluster.nodes
  const nsLabels = namespaceLabels(cluster)

  const pools: Pool[] = []
  const communities = new Map<string, string>()
  for (const o of mine.filter((x) => x.kind === 'Community')) {
    for (const c of getArray(o.body, 'spec', 'communities')) {
      const name = getString(c, 'name') ?? ''
      const value = parseCommunity(getString(c, 'value') ?? '')
      if (!value) {
        diagnostics.push(diag('metallb.community.badValue', 'error', o, { name, value: getString(c, 'value') ?? '' }))
        continue
      }
      if (communities.has(name)) {
        diagnostics.push(diag('metallb.community.duplicate', 'error', o, { name }))
        continue
      }
      communities.set(name, value)
    }
  }

  for (const o of mine.filter((x) => x.kind === 'IPAddressPool')) {
    const pool = readPool(o, nsLabels, diagnostics)
    if (!pool) continue
    // config.poolsFor: "CIDR %q in pool %q overlaps with already defined CIDR %q".
    const clash = findOverlap(pool, pools)
    if (clash) {
      diagnostics.push(diag('metallb.pool.overlap', 'error', o, { name: pool.name, cidr: clash.cidr, other: clash.pool, otherCidr: clash.otherCidr }))
      continue
    }
    pools.push(pool)
  }
  pools.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

  const l2: L2Advertisement[] = []
  for (const o of mine.filter((x) => x.kind === 'L2Advertisement')) {
    const ad = readL2(o, pools, nodes, diagnostics)
    if (ad) l2.push(ad)
  }

  const bgp: BGPAdvertisement[] = []
  let loadError: MetalLBConfig['loadError']
  for (const o of mine.filter((x) => x.kind === 'BGPAdvertisement')) {
    const read = readBGP(o, pools, nodes, communities, diagnostics)
    if (!read) continue
    if (read.unresolved.length > 0 && !loadError) {
      // getCommunityValue: a value without ':' names a Community alias; none → TransientError → config not loaded.
      loadError = { code: 'metallb.config.unknownCommunity', params: { name: o.name, community: read.unresolved[0] }, object: o.id }
      diagnostics.push(diag('metallb.config.unknownCommunity', 'error', o, { name: o.name, community: read.unresolved[0] }))
    }
    const conflict = checkBGPAgainstPools(read.ad, pools, bgp)
    if (conflict) {
      diagnostics.push(diag(conflict.code, 'error', o, conflict.params))
      continue
    }
    bgp.push(read.ad)
  }

  const peers: BGPPeer[] = []
  for (const o of mine.filter((x) => x.kind === 'BGPPeer')) {
    const p = readPeer(o, nodes, diagnostics)
    if (!p) continue
    const same = peers.find((x) => x.address === p.address && x.myASN === p.myASN && x.peerASN === p.peerASN && x.port === p.port && sameList(x.nodes, p.nodes))
    if (same) {
      diagnostics.push(diag('metallb.peer.duplicate', 'error', o, { name: p.name, other: same.name }))
      continue
    }
    peers.push(p)
  }

  const cfg: MetalLBConfig = {
    loaded: !loadError,
    pools: loadError ? [] : pools,
    l2: loadError ? [] : l2,
    bgp: loadError ? [] : bgp,
    peers: loadError ? [] : peers,
    present: all.length > 0,
    diagnostics,
  }
  if (loadError) cfg.loadError = loadError
  return cfg
}

function diag(code: string, severity: 'error' | 'warning' | 'info', o: PassThroughObject, params: Record<string, string | number>): Diagnostic {
  return diagnostic(code, severity, params, o.source.range, o.id)
}

/** Namespace labels for namespaceSelectors: every namespace carries kubernetes.io/metadata.name; Namespace objects add theirs. */
function namespaceLabels(cluster: Cluster): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>()
  for (const ns of cluster.namespaces) out.set(ns, { 'kubernetes.io/metadata.name': ns })
  for (const o of cluster.others) {
    if (o.kind !== 'Namespace') continue
    out.set(o.name, { ...o.labels, 'kubernetes.io/metadata.name': o.name })
  }
  return out
}

function readPool(o: PassThroughObject, nsLabels: Map<string, Record<string, string>>, diagnostics: Diagnostic[]): Pool | undefined {
  const addresses = getStringList(o.body, 'spec', 'addresses')
  // addressPoolFromCR: "pool has no prefixes defined".
  if (addresses.length === 0) {
    diagnostics.push(diag('metallb.pool.noAddresses', 'error', o, { name: o.name }))
    return undefined
  }
  const entries: Pool['entries'] = []
  for (const text of addresses) {
    const e = parseAddressEntry(text)
    if (!e.ok) {
      if (e.problem === 'ipv6') {
        diagnostics.push(diag('metallb.pool.ipv6Ignored', 'warning', o, { name: o.name, value: text }))
        continue
      }
      diagnostics.push(diag(e.problem === 'reversed' ? 'metallb.pool.reversedRange' : 'metallb.pool.badAddress', 'error', o, { name: o.name, value: text }))
      return undefined
    }
    entries.push({ text, cidrs: e.cidrs })
  }
  const pool: Pool = {
    id: o.id,
    name: o.name,
    labels: o.labels,
    source: o.source,
    addresses,
    cidrs: entries.flatMap((e) => e.cidrs),
    entries,
    // CRD default: autoAssign true, avoidBuggyIPs false.
    autoAssign: getBool(o.body, 'spec', 'autoAssign') ?? true,
    avoidBuggyIPs: getBool(o.body, 'spec', 'avoidBuggyIPs') ?? false,
  }
  const alloc = isObject(o.body.spec) ? o.body.spec.serviceAllocation : undefined
  if (isObject(alloc)) {
    const namespaces = new Set(getStringList(alloc, 'namespaces'))
    const nsSelectors = getArray(alloc, 'namespaceSelectors').map(readLabelSelector).filter((s): s is LabelSelector => !!s)
    const svcSelectors = getArray(alloc, 'serviceSelectors').map(readLabelSelector).filter((s): s is LabelSelector => !!s)
    for (const sel of nsSelectors) {
      for (const [ns, labels] of nsLabels) if (selectorMatches(sel, labels)) namespaces.add(ns)
    }
    const everything = getStringList(alloc, 'namespaces').length === 0 && nsSelectors.length === 0 && svcSelectors.length === 0
    pool.serviceAllocation = {
      priority: getNumber(alloc, 'priority') ?? 0,
      namespaces: [...namespaces].sort(),
      serviceSelectors: svcSelectors,
      everything,
    }
  }
  return pool
}

function findOverlap(pool: Pool, pools: Pool[]): { cidr: string; pool: string; otherCidr: string } | undefined {
  for (const c of pool.cidrs) {
    for (const p of pools) for (const m of p.cidrs) if (cidrsOverlap(c, m)) return { cidr: c.text, pool: p.name, otherCidr: m.text }
  }
  return undefined
}

/** Which pools an advertisement covers (setL2AdvertisementsToPools / setBGPAdvertisementsToPools). */
function poolsFor(o: PassThroughObject, pools: Pool[], diagnostics: Diagnostic[]): string[] {
  const named = getStringList(o.body, 'spec', 'ipAddressPools')
  const selectors = getArray(o.body, 'spec', 'ipAddressPoolSelectors').map(readLabelSelector).filter((s): s is LabelSelector => !!s)
  if (named.length === 0 && selectors.length === 0) return pools.map((p) => p.name)
  const out = new Set<string>()
  for (const name of named) {
    if (pools.some((p) => p.name === name)) out.add(name)
    else diagnostics.push(diag('metallb.ad.unknownPool', 'warning', o, { kind: o.kind, name: o.name, pool: name }))
  }
  for (const p of pools) if (selectors.some((s) => selectorMatches(s, p.labels))) out.add(p.name)
  if (selectors.length > 0 && named.length === 0 && out.size === 0) diagnostics.push(diag('metallb.ad.selectorMatchesNoPool', 'warning', o, { kind: o.kind, name: o.name }))
  return [...out].sort()
}

/** config.selectedNodes: no selector = every node; otherwise the nodes any selector matches. */
function selectNodes(o: PassThroughObject, nodes: ClusterNode[], field: string): string[] {
  const selectors = getArray(o.body, 'spec', field).map(readLabelSelector).filter((s): s is LabelSelector => !!s)
  if (selectors.length === 0) return nodes.map((n) => n.name)
  return nodes.filter((n) => selectors.some((s) => selectorMatches(s, n.labels))).map((n) => n.name)
}

function readL2(o: PassThroughObject, pools: Pool[], nodes: ClusterNode[], diagnostics: Diagnostic[]): L2Advertisement | undefined {
  const named = getStringList(o.body, 'spec', 'ipAddressPools')
  // l2AdvertisementFromCR → validateDuplicate: "duplicate definition of ipAddressPools".
  if (new Set(named).size !== named.length) {
    diagnostics.push(diag('metallb.ad.duplicatePool', 'error', o, { kind: o.kind, name: o.name }))
    return undefined
  }
  const selected = selectNodes(o, nodes, 'nodeSelectors')
  return {
    id: o.id,
    name: o.name,
    source: o.source,
    pools: poolsFor(o, pools, diagnostics),
    nodes: selected,
    preferredNodes: preferredScores(o, nodes, selected),
    interfaces: getStringList(o.body, 'spec', 'interfaces'),
    serviceSelectors: getArray(o.body, 'spec', 'serviceSelectors').map(readLabelSelector).filter((s): s is LabelSelector => !!s),
  }
}

/** config.preferredNodeScores: each eligible node sums the weights of the preferences its labels match. */
function preferredScores(o: PassThroughObject, nodes: ClusterNode[], eligible: string[]): Record<string, number> {
  const prefs = getArray(o.body, 'spec', 'preferredNodeSelectors')
    .filter(isObject)
    .map((p) => ({ weight: getNumber(p, 'weight') ?? 0, selector: readLabelSelector(p.preference) ?? { matchLabels: {}, matchExpressions: [] } }))
  const scores: Record<string, number> = {}
  for (const n of nodes) {
    if (!eligible.includes(n.name)) continue
    const total = prefs.filter((p) => selectorMatches(p.selector, n.labels)).reduce((a, p) => a + p.weight, 0)
    if (total > 0) scores[n.name] = total
  }
  return scores
}

function readBGP(
  o: PassThroughObject,
  pools: Pool[],
  nodes: ClusterNode[],
  aliases: Map<string, string>,
  diagnostics: Diagnostic[],
): { ad: BGPAdvertisement; unresolved: string[] } | undefined {
  const named = getStringList(o.body, 'spec', 'ipAddressPools')
  if (new Set(named).size !== named.length) {
    diagnostics.push(diag('metallb.ad.duplicatePool', 'error', o, { kind: o.kind, name: o.name }))
    return undefined
  }
  const serviceSelectors = getArray(o.body, 'spec', 'serviceSelectors').map(readLabelSelector).filter((s): s is LabelSelector => !!s)
  const aggregationLength = getNumber(o.body, 'spec', 'aggregationLength') ?? 32
  // bgpAdvertisementFromCR: "invalid aggregation length %q for IPv4".
  if (!Number.isInteger(aggregationLength) || aggregationLength < 0 || aggregationLength > 32) {
    diagnostics.push(diag('metallb.bgpadv.badAggregationLength', 'error', o, { name: o.name, value: aggregationLength }))
    return undefined
  }
  // "serviceSelectors and aggregationLength are mutually exclusive".
  if (serviceSelectors.length > 0 && aggregationLength !== 32) {
    diagnostics.push(diag('metallb.bgpadv.selectorsWithAggregation', 'error', o, { name: o.name }))
    return undefined
  }
  const communities: string[] = []
  const unresolved: string[] = []
  for (const c of getStringList(o.body, 'spec', 'communities')) {
    const alias = aliases.get(c)
    if (alias) {
      communities.push(alias)
      continue
    }
    const parsed = parseCommunity(c)
    if (parsed) communities.push(parsed)
    // community.New: a ':'-form that does not parse is ErrInvalidCommunityValue, which the webhook refuses.
    else if (c.includes(':')) {
      diagnostics.push(diag('metallb.bgpadv.badCommunity', 'error', o, { name: o.name, community: c }))
      return undefined
    } else unresolved.push(c)
  }
  const ad: BGPAdvertisement = {
    id: o.id,
    name: o.name,
    source: o.source,
    pools: poolsFor(o, pools, diagnostics),
    nodes: selectNodes(o, nodes, 'nodeSelectors'),
    aggregationLength,
    localPref: getNumber(o.body, 'spec', 'localPref') ?? 0,
    communities: sortCommunities([...new Set(communities)]),
    peers: getStringList(o.body, 'spec', 'peers'),
    serviceSelectors,
  }
  return { ad, unresolved }
}

/**
 * config.validateBGPAdvPerPool: the aggregation length may not be shorter than the widest CIDR an address entry
 * summarizes to, and two advertisements of a pool that reach the same nodes and peers with the same aggregation must
 * agree on LOCAL_PREF (BGPAdvertisementsHaveCompatibleLocalPref).
 */
function checkBGPAgainstPools(
  ad: BGPAdvertisement,
  pools: Pool[],
  accepted: BGPAdvertisement[],
): { code: string; params: Record<string, string | number> } | undefined {
  for (const name of ad.pools) {
    const pool = pools.find((p) => p.name === name)
    if (!pool) continue
    for (const e of pool.entries) {
      const lowest = Math.min(...e.cidrs.map((c) => c.prefix))
      if (ad.aggregationLength < lowest) {
        return { code: 'metallb.bgpadv.aggregationTooShort', params: { name: ad.name, length: ad.aggregationLength, prefix: lowest, addresses: e.text, pool: pool.name } }
      }
    }
    if (ad.serviceSelectors.length > 0) continue
    for (const other of accepted) {
      if (!other.pools.includes(name) || other.serviceSelectors.length > 0) continue
      if (other.localPref === ad.localPref || other.aggregationLength !== ad.aggregationLength) continue
      if (ad.peers.length > 0 && other.peers.length > 0 && !ad.peers.some((p) => other.peers.includes(p))) continue
      if (!ad.nodes.some((n) => other.nodes.includes(n))) continue
      return { code: 'metallb.bgpadv.localPrefConflict', params: { name: ad.name, localPref: ad.localPref, other: other.name, otherLocalPref: other.localPref } }
    }
  }
  return undefined
}

function readPeer(o: PassThroughObject, nodes: ClusterNode[], diagnostics: Diagnostic[]): BGPPeer | undefined {
  const myASN = getNumber(o.body, 'spec', 'myASN') ?? 0
  const peerASN = getNumber(o.body, 'spec', 'peerASN') ?? 0
  const address = getString(o.body, 'spec', 'peerAddress') ?? ''
  // peerFromCR, in its order: "missing local ASN", "missing peer ASN and dynamicASN", "peer has no Address or Interface specified".
  if (myASN === 0) {
    diagnostics.push(diag('metallb.peer.missingMyASN', 'error', o, { name: o.name }))
    return undefined
  }
  const dynamicASN = getString(o.body, 'spec', 'dynamicASN') ?? ''
  if (peerASN === 0 && dynamicASN === '') {
    diagnostics.push(diag('metallb.peer.missingPeerASN', 'error', o, { name: o.name }))
    return undefined
  }
  // "both peer ASN and dynamicASN specified", "invalid dynamicASN %s".
  if (peerASN !== 0 && dynamicASN !== '') {
    diagnostics.push(diag('metallb.peer.bothASN', 'error', o, { name: o.name }))
    return undefined
  }
  if (dynamicASN !== '' && dynamicASN !== 'internal' && dynamicASN !== 'external') {
    diagnostics.push(diag('metallb.peer.badDynamicASN', 'error', o, { name: o.name, value: dynamicASN }))
    return undefined
  }
  if (!address) {
    diagnostics.push(diag('metallb.peer.missingAddress', 'error', o, { name: o.name }))
    return undefined
  }
  if (!isIPv4(address)) {
    diagnostics.push(diag('metallb.peer.badAddress', 'error', o, { name: o.name, value: address }))
    return undefined
  }
  const peer: BGPPeer = {
    id: o.id,
    name: o.name,
    source: o.source,
    myASN,
    peerASN,
    address,
    port: getNumber(o.body, 'spec', 'peerPort') ?? 179,
    nodes: selectNodes(o, nodes, 'nodeSelectors'),
  }
  if (dynamicASN === 'internal' || dynamicASN === 'external') peer.dynamicASN = dynamicASN
  return peer
}

/** community.New for the legacy `AS:value` (two uint16) and `large:a:b:c` (three uint32) forms; undefined if neither. */
export function parseCommunity(text: string): string | undefined {
  const fs = text.split(':')
  const isUint = (s: string, max: number) => /^\d+$/.test(s) && Number(s) <= max
  if (fs.length === 2 && fs.every((f) => isUint(f, 0xffff))) return `${Number(fs[0])}:${Number(fs[1])}`
  if (fs.length === 4 && fs[0] === 'large' && fs.slice(1).every((f) => isUint(f, 0xffffffff))) {
    return `large:${Number(fs[1])}:${Number(fs[2])}:${Number(fs[3])}`
  }
  return undefined
}

/** community lessThan: legacy communities compare as the large community `<uint32>:0:0`. */
function sortCommunities(values: string[]): string[] {
  const key = (v: string): [number, number, number] => {
    const f = v.split(':')
    if (f[0] === 'large') return [Number(f[1]), Number(f[2]), Number(f[3])]
    return [Number(f[0]) * 65536 + Number(f[1]), 0, 0]
  }
  return values.sort((a, b) => {
    const ka = key(a), kb = key(b)
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i]
    return 0
  })
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** allocator.poolFor: the pool whose CIDRs hold every address (a buggy address does not count when the pool avoids them). */
export function poolForIPs(cfg: MetalLBConfig, ips: number[]): Pool | undefined {
  return cfg.pools.find((p) => ips.every((ip) => !(p.avoidBuggyIPs && isBuggyIP(ip)) && p.cidrs.some((c) => cidrContainsInt(c, ip))))
}
