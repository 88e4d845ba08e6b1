import { diagnostic, type Diagnostic } from '../../core/diagnostic'
import type { ObjectId } from '../../core/ids'
import { formatSelector, selectorMatches } from '../../cluster/selector'
import type { Cluster, Service } from '../../cluster/types'
import { intToIp, ipToInt, isIPv4, isIPv6 } from '../../util/ip'
import { cidrContainsInt, isBuggyIP } from './addresses'
import { bgpSessions } from './bgp'
import { poolForIPs, readMetalLBConfig, type MetalLBConfig, type Pool } from './config'

// controller/service.go annotation names, current and deprecated.
export const ANNOTATION_LB_IPS = 'metallb.io/loadBalancerIPs'
export const ANNOTATION_POOL = 'metallb.io/address-pool'
export const ANNOTATION_SHARED = 'metallb.io/allow-shared-ip'
export const ANNOTATION_ALLOCATED_FROM = 'metallb.io/ip-allocated-from-pool'
const DEPRECATED_PREFIX = 'metallb.universe.tf/'

/** A Kubernetes Event MetalLB records on the Service (what `kubectl describe svc` lists). */
export interface ServiceEvent {
  type: 'Normal' | 'Warning'
  reason: string
  /** The event source: MetalLB records as `metallb-controller` and `metallb-speaker` (ProcessName). */
  from: string
  message: string
}

export type AssignmentState = 'allocated' | 'status' | 'pending' | 'ignored'

export interface LoadBalancerAssignment {
  service: ObjectId
  /** `namespace/name`, MetalLB's service key. */
  key: string
  ips: string[]
  pool?: string
  /** allocated: MetalLB gave the address now; status: kept from the input's status; pending; ignored: another loadBalancerClass. */
  state: AssignmentState
  /** Why the Service is pending (or ignored): a catalogue code. */
  reason?: { code: string; params: Record<string, string> }
  /** Other pools of the same rank that had a free address too: MetalLB's order among them is unspecified. */
  poolTies?: string[]
  events: ServiceEvent[]
}

export interface AllocationResult {
  assignments: LoadBalancerAssignment[]
  diagnostics: Diagnostic[]
}

/** An allocation failure in MetalLB's own words (for the event) and as a catalogue code (for the diagnostic). */
interface AllocError {
  message: string
  code: string
  params: Record<string, string>
}

interface SharingKey {
  sharing: string
  backend: string
}

interface Alloc extends SharingKey {
  pool: string
  ips: number[]
  ports: string[]
}

/** The allocator's bookkeeping (internal/allocator Allocator): who holds which address, with which key and ports. */
interface AllocatorState {
  allocated: Map<string, Alloc>
  sharingKeyForIP: Map<number, SharingKey>
  portsInUse: Map<number, Map<string, string>>
  servicesOnIP: Map<number, Set<string>>
}

/**
 * The MetalLB controller run once over the settled cluster: every LoadBalancer Service, oldest first, gets an
 * address the way controller/service.go allocateIPs gives one (requested IPs → the address-pool annotation → pools
 * pinned by serviceAllocation by priority → auto-assign pools), or stays `<pending>` with a diagnostic that says why.
 * Services whose input status already carries an address keep it and hold it in the allocator first.
 */
export function allocateLoadBalancers(cluster: Cluster): AllocationResult {
  const cfg = readMetalLBConfig(cluster)
  const diagnostics: Diagnostic[] = [...cfg.diagnostics]
  const state: AllocatorState = { allocated: new Map(), sharingKeyForIP: new Map(), portsInUse: new Map(), servicesOnIP: new Map() }
  const services = cluster.services
    .filter((s) => s.type === 'LoadBalancer')
    .sort((a, b) => a.createdAtMs - b.createdAtMs || keyOf(a).localeCompare(keyOf(b)))

  const results = new Map<ObjectId, LoadBalancerAssignment>()
  // Addresses already in status are the end state of an earlier convergence: they hold their IPs first.
  for (const svc of services) {
    if (svc.loadBalancerIngress.length === 0) continue
    const a: LoadBalancerAssignment = { service: svc.id, key: keyOf(svc), ips: [...svc.loadBalancerIngress], state: 'status', events: [] }
    const ips = svc.loadBalancerIngress.filter(isIPv4).map(ipToInt)
    const pool = cfg.loaded ? poolForIPs(cfg, ips) : undefined
    if (pool && ips.length > 0) {
      a.pool = pool.name
      if (!checkAll(state, a.key, ips, portsOf(svc), sharingKeyOf(svc))) assign(state, a.key, { pool: pool.name, ips, ports: portsOf(svc), ...sharingKeyOf(svc) })
    } else if (cfg.loaded && cfg.pools.length > 0 && !isForeignClass(svc)) {
      diagnostics.push(svcDiag(svc, 'metallb.svc.statusNotInPool', 'info', { service: a.key, ip: svc.loadBalancerIngress.join(', ') }))
    }
    results.set(svc.id, a)
  }

  for (const svc of services) {
    if (results.has(svc.id)) continue
    const a = allocateOne(svc, cfg, state)
    results.set(svc.id, a)
    if (a.reason) diagnostics.push(svcDiag(svc, a.reason.code, a.state === 'ignored' ? 'info' : 'warning', a.reason.params))
    if (a.state === 'allocated') diagnostics.push(...announcementWarnings(svc, a, cfg), ...machineClash(cluster, svc, a))
  }
  for (const svc of services) {
    const a = results.get(svc.id)!
    // controller/main.go: after a convergence that changed the Service, one Errorf(svc, "deprecatedAnnotation",
    // "Service uses deprecated annotation %s", key) per metallb.universe.tf/ annotation.
    if (a.state !== 'allocated') continue
    for (const key of Object.keys(svc.annotations).sort()) {
      if (key.startsWith(DEPRECATED_PREFIX)) a.events.push({ type: 'Warning', reason: 'deprecatedAnnotation', from: 'metallb-controller', message: `Service uses deprecated annotation ${key}` })
    }
  }
  diagnostics.push(...bgpSessions(cluster).diagnostics)
  return { assignments: services.map((s) => results.get(s.id)!), diagnostics }
}

/** The Services with their assigned addresses written into status, and MetalLB's ip-allocated-from-pool annotation. */
export function applyAssignments(cluster: Cluster, result: AllocationResult): Cluster {
  const byId = new Map(result.assignments.map((a) => [a.service, a]))
  const services = cluster.services.map((svc) => {
    const a = byId.get(svc.id)
    if (!a || a.state !== 'allocated') return svc
    return {
      ...svc,
      loadBalancerIngress: [...a.ips],
      annotations: { ...svc.annotations, [ANNOTATION_ALLOCATED_FROM]: a.pool ?? '' },
    }
  })
  return { ...cluster, services }
}

function keyOf(svc: Service): string {
  return `${svc.namespace}/${svc.name}`
}

/** MetalLB without --lb-class handles only Services with no loadBalancerClass (filterByLoadBalancerClass). */
function isForeignClass(svc: Service): boolean {
  return svc.loadBalancerClass !== undefined && svc.loadBalancerClass !== ''
}

function annotation(svc: Service, name: string): string | undefined {
  // valueForAnnotation: the metallb.io name first, then the deprecated metallb.universe.tf one.
  if (name in svc.annotations) return svc.annotations[name]
  const old = DEPRECATED_PREFIX + name.slice('metallb.io/'.length)
  return old in svc.annotations ? svc.annotations[old] : undefined
}

/** k8salloc.Ports: one `PROTO/port` per Service port. */
function portsOf(svc: Service): string[] {
  return svc.ports.map((p) => `${p.protocol}/${p.port}`)
}

/** SharingKey + k8salloc.BackendKey: under eTP Local only Services with the same selector may share an address. */
function sharingKeyOf(svc: Service): SharingKey {
  return {
    sharing: annotation(svc, ANNOTATION_SHARED) ?? '',
    backend: svc.externalTrafficPolicy === 'Local' ? formatSelector(svc.selector ?? {}) : '',
  }
}

function allocateOne(svc: Service, cfg: MetalLBConfig, state: AllocatorState): LoadBalancerAssignment {
  const key = keyOf(svc)
  const base: LoadBalancerAssignment = { service: svc.id, key, ips: [], state: 'pending', events: [] }
  const pending = (code: string, params: Record<string, string>, err?: AllocError): LoadBalancerAssignment => {
    const a: LoadBalancerAssignment = { ...base, reason: { code, params: { service: key, ...params } } }
    if (err) a.events.push({ type: 'Warning', reason: 'AllocationFailed', from: 'metallb-controller', message: `Failed to allocate IP for "${key}": ${err.message}` })
    return a
  }
  if (isForeignClass(svc)) return { ...pending('metallb.svc.foreignClass', { lbClass: svc.loadBalancerClass ?? '' }), state: 'ignored' }
  const nodePort = String(svc.ports.find((p) => p.nodePort)?.nodePort ?? '')
  if (!cfg.present) return pending('metallb.svc.noMetalLB', { nodePort })
  if (!cfg.loaded) return pending('metallb.svc.configNotLoaded', { ...(cfg.loadError?.params ?? {}) })
  // convergeBalancer: "pools are empty" → clearServiceState, nothing allocated, no event.
  if (cfg.pools.length === 0) return pending('metallb.svc.noPools', {})

  const ports = portsOf(svc)
  const sk = sharingKeyOf(svc)
  const desired = desiredIPs(svc)
  if ('error' in desired) return pending(desired.error.code, desired.error.params, desired.error)
  const desiredPool = annotation(svc, ANNOTATION_POOL) ?? ''

  let result: { pool: Pool; ips: number[]; tieWith?: string[] } | AllocError
  if (desired.ips.length > 0) {
    result = assignRequested(state, cfg, svc, key, desired.ips, ports, sk)
    if (!('code' in result) && desiredPool !== '' && result.pool.name !== desiredPool) {
      unassign(state, key)
      const ipList = goQuotedList(desired.ips)
      result = {
        message: `requested loadBalancer IP(s) ${ipList} is not compatible with requested address pool ${desiredPool}`,
        code: 'metallb.svc.requestedPoolMismatch',
        params: { ip: desired.ips.map(intToIp).join(', '), pool: desiredPool, actualPool: result.pool.name },
      }
    }
  } else if (desiredPool !== '') {
    result = allocateFromPool(state, cfg, svc, key, desiredPool, ports, sk)
  } else {
    result = allocateAny(state, cfg, svc, key, ports, sk)
  }
  if ('code' in result) return pending(result.code, result.params, result)

  const ips = result.ips.map(intToIp)
  const a: LoadBalancerAssignment = { ...base, ips, pool: result.pool.name, state: 'allocated' }
  // service.go: c.client.Infof(svc, "IPAllocated", "Assigned IP %q", lbIPs) — %q of []net.IP quotes each address.
  a.events.push({ type: 'Normal', reason: 'IPAllocated', from: 'metallb-controller', message: `Assigned IP ${goQuotedList(result.ips)}` })
  if (result.tieWith && result.tieWith.length > 0) a.poolTies = result.tieWith
  return a
}

/** `["192.168.100.100"]`, Go's %q of a []net.IP. */
function goQuotedList(ips: number[]): string {
  return `[${ips.map((ip) => `"${intToIp(ip)}"`).join(' ')}]`
}

/** getDesiredLbIPs: the loadBalancerIPs annotation or spec.loadBalancerIP, never both. */
function desiredIPs(svc: Service): { ips: number[] } | { error: AllocError } {
  const fromAnnotation = annotation(svc, ANNOTATION_LB_IPS) ?? ''
  const fromSpec = svc.loadBalancerIP ?? ''
  if (fromAnnotation === '' && fromSpec === '') return { ips: [] }
  if (fromAnnotation !== '' && fromSpec !== '') {
    return { error: { message: `service can not have both ${ANNOTATION_LB_IPS} and svc.Spec.LoadBalancerIP`, code: 'metallb.svc.requestBoth', params: {} } }
  }
  const texts = fromAnnotation !== '' ? fromAnnotation.split(',').map((s) => s.trim()) : [fromSpec.trim()]
  const ips: number[] = []
  for (const t of texts) {
    if (isIPv6(t)) return { error: { message: `requested loadBalancer IP(s) "${t}" does not match the ipFamily of the service`, code: 'metallb.svc.requestIPv6', params: { ip: t } } }
    if (!isIPv4(t)) {
      const message = fromAnnotation !== '' ? `invalid ${ANNOTATION_LB_IPS}: "${fromAnnotation}"` : `invalid spec.loadBalancerIP "${fromSpec}"`
      return { error: { message, code: 'metallb.svc.requestInvalid', params: { value: t } } }
    }
    ips.push(ipToInt(t))
  }
  // Allocator.Assign: at most one address per family ("%q %q has the same family").
  if (ips.length > 1) {
    return { error: { message: `"${intToIp(ips[0])}" "${intToIp(ips[1])}" has the same family`, code: 'metallb.svc.requestTwoIPv4', params: { value: texts.join(',') } } }
  }
  return { ips }
}

/** Allocator.isPoolCompatibleWithService: the pool's serviceAllocation namespaces and serviceSelectors. */
function compatible(pool: Pool, svc: Service): boolean {
  const sa = pool.serviceAllocation
  if (!sa) return true
  if (sa.namespaces.length > 0 && !sa.namespaces.includes(svc.namespace)) return false
  if (sa.serviceSelectors.length > 0) return sa.serviceSelectors.some((s) => selectorMatches(s, svc.labels))
  return true
}

/** Allocator.Assign for requested addresses. */
function assignRequested(
  state: AllocatorState,
  cfg: MetalLBConfig,
  svc: Service,
  key: string,
  ips: number[],
  ports: string[],
  sk: SharingKey,
): { pool: Pool; ips: number[] } | AllocError {
  const pool = poolForIPs(cfg, ips)
  const ipText = ips.map(intToIp).join(', ')
  if (!pool) return { message: `${goQuotedList(ips)} is not allowed in config`, code: 'metallb.svc.requestedNotInPool', params: { ip: ipText } }
  if (!compatible(pool, svc)) {
    return { message: `pool ${pool.name} not compatible for ip assignment`, code: 'metallb.svc.poolIncompatible', params: { pool: pool.name } }
  }
  const err = checkAll(state, key, ips, ports, sk)
  if (err) return err
  assign(state, key, { pool: pool.name, ips, ports, ...sk })
  return { pool, ips }
}

/** Allocator.AllocateFromPool: the annotation's pool, even when it does not auto-assign. */
function allocateFromPool(
  state: AllocatorState,
  cfg: MetalLBConfig,
  svc: Service,
  key: string,
  poolName: string,
  ports: string[],
  sk: SharingKey,
): { pool: Pool; ips: number[] } | AllocError {
  const pool = cfg.pools.find((p) => p.name === poolName)
  if (!pool) return { message: `unknown pool "${poolName}"`, code: 'metallb.svc.unknownPool', params: { pool: poolName } }
  const ip = freeIP(state, pool, key, ports, sk)
  if (ip === undefined) {
    return { message: `no available IPs in pool ${pool.name}`, code: 'metallb.svc.poolExhausted', params: { pool: pool.name, ...usage(state, pool) } }
  }
  if (!compatible(pool, svc)) {
    return { message: `pool ${pool.name} not compatible for ip assignment`, code: 'metallb.svc.poolIncompatible', params: { pool: pool.name } }
  }
  assign(state, key, { pool: pool.name, ips: [ip], ports, ...sk })
  return { pool, ips: [ip] }
}

/**
 * Allocator.Allocate: first the pools pinned to the Service by serviceAllocation (auto-assign ones that match it),
 * sorted by priority (lower first, 0 last); then every auto-assign pool without a serviceAllocation. The first pool
 * with a free address wins. MetalLB reads both lists from Go maps, so the order of pools of equal rank is
 * unspecified; the simulator takes them by name and reports the tie when more than one could have served.
 */
function allocateAny(
  state: AllocatorState,
  cfg: MetalLBConfig,
  svc: Service,
  key: string,
  ports: string[],
  sk: SharingKey,
): { pool: Pool; ips: number[]; tieWith?: string[] } | AllocError {
  const rank = (p: Pool) => (p.serviceAllocation && p.serviceAllocation.priority > 0 ? p.serviceAllocation.priority : Number.POSITIVE_INFINITY)
  const pinned = cfg.pools
    .filter((p) => p.serviceAllocation && p.autoAssign && compatible(p, svc) && isPinned(p, svc))
    .sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : 1))
  const open = cfg.pools.filter((p) => p.autoAssign && !p.serviceAllocation)
  for (const tier of [pinned, open]) {
    const candidates = tier.map((pool) => ({ pool, ip: freeIP(state, pool, key, ports, sk) })).filter((c) => c.ip !== undefined)
    if (candidates.length === 0) continue
    const first = candidates[0]
    const ties = candidates.slice(1).filter((c) => tier !== pinned || rank(c.pool) === rank(first.pool)).map((c) => c.pool.name)
    assign(state, key, { pool: first.pool.name, ips: [first.ip!], ports, ...sk })
    return { pool: first.pool, ips: [first.ip!], tieWith: ties }
  }
  if (pinned.length === 0 && open.length === 0) {
    return { message: 'no available IPs', code: 'metallb.svc.noAutoAssignPool', params: { pools: cfg.pools.map((p) => p.name).join(', ') } }
  }
  const names = [...pinned, ...open].map((p) => p.name)
  return { message: 'no available IPs', code: 'metallb.svc.allPoolsExhausted', params: { pools: [...new Set(names)].join(', ') } }
}

/** Pools.ByNamespace / Pools.ByServiceSelector membership: a namespace list naming the Service's, or any service selector. */
function isPinned(pool: Pool, svc: Service): boolean {
  const sa = pool.serviceAllocation!
  return sa.namespaces.includes(svc.namespace) || sa.serviceSelectors.length > 0 || sa.everything
}

/** Allocator.getIPFromCIDR over the pool's CIDRs in order: the first address whose sharing check passes. */
function freeIP(state: AllocatorState, pool: Pool, key: string, ports: string[], sk: SharingKey): number | undefined {
  for (const c of pool.cidrs) {
    const size = 2 ** (32 - c.prefix)
    for (let i = 0; i < size; i++) {
      const ip = c.base + i
      if (pool.avoidBuggyIPs && isBuggyIP(ip)) continue
      if (checkSharing(state, key, ip, ports, sk)) continue
      return ip
    }
  }
  return undefined
}

function usage(state: AllocatorState, pool: Pool): Record<string, string> {
  let used = 0
  for (const ip of state.servicesOnIP.keys()) if ((state.servicesOnIP.get(ip)?.size ?? 0) > 0 && pool.cidrs.some((c) => cidrContainsInt(c, ip))) used++
  return { used: String(used) }
}

function checkAll(state: AllocatorState, key: string, ips: number[], ports: string[], sk: SharingKey): AllocError | undefined {
  for (const ip of ips) {
    const err = checkSharing(state, key, ip, ports, sk)
    if (err) return err
  }
  return undefined
}

/** Allocator.checkSharing: an address in use may be shared only with the same sharing and backend keys, on other ports. */
function checkSharing(state: AllocatorState, key: string, ip: number, ports: string[], sk: SharingKey): AllocError | undefined {
  const existing = state.sharingKeyForIP.get(ip)
  if (!existing) return undefined
  const others = [...(state.servicesOnIP.get(ip) ?? [])].filter((s) => s !== key)
  const ipText = intToIp(ip)
  if (sharingProblem(existing, sk) && others.length > 0) {
    return {
      message: `can't change sharing key for "${key}", address also in use by ${others.join(',')}`,
      code: 'metallb.svc.requestedInUse',
      params: { ip: ipText, other: others.join(', '), why: sharingProblem(existing, sk)! },
    }
  }
  for (const port of ports) {
    const holder = state.portsInUse.get(ip)?.get(port)
    if (holder !== undefined && holder !== key) {
      return { message: `port ${port} is already in use on "${ipText}"`, code: 'metallb.svc.portInUse', params: { ip: ipText, port, other: holder } }
    }
  }
  return undefined
}

/** allocator.sharingOK, as a short reason code. */
function sharingProblem(existing: SharingKey, sk: SharingKey): string | undefined {
  if (existing.sharing === '') return 'existingNoSharing'
  if (sk.sharing === '') return 'newNoSharing'
  if (existing.sharing !== sk.sharing) return 'keyMismatch'
  if (existing.backend !== sk.backend) return 'backendMismatch'
  return undefined
}

function assign(state: AllocatorState, key: string, alloc: Alloc): void {
  unassign(state, key)
  state.allocated.set(key, alloc)
  for (const ip of alloc.ips) {
    state.sharingKeyForIP.set(ip, { sharing: alloc.sharing, backend: alloc.backend })
    if (!state.portsInUse.has(ip)) state.portsInUse.set(ip, new Map())
    for (const p of alloc.ports) state.portsInUse.get(ip)!.set(p, key)
    if (!state.servicesOnIP.has(ip)) state.servicesOnIP.set(ip, new Set())
    state.servicesOnIP.get(ip)!.add(key)
  }
}

function unassign(state: AllocatorState, key: string): void {
  const al = state.allocated.get(key)
  if (!al) return
  state.allocated.delete(key)
  for (const ip of al.ips) {
    for (const p of al.ports) state.portsInUse.get(ip)?.delete(p)
    state.servicesOnIP.get(ip)?.delete(key)
    if ((state.portsInUse.get(ip)?.size ?? 0) === 0) {
      state.portsInUse.delete(ip)
      state.sharingKeyForIP.delete(ip)
    }
  }
}

function svcDiag(svc: Service, code: string, severity: 'warning' | 'info' | 'error', params: Record<string, string>): Diagnostic {
  return diagnostic(code, severity, params, svc.source.range, svc.id)
}

/**
 * MetalLB does not know the LAN: a pool that includes a node's, a client's or the router's own address hands it out,
 * and two machines then answer ARP for it.
 */
function machineClash(cluster: Cluster, svc: Service, a: LoadBalancerAssignment): Diagnostic[] {
  const machines = [...cluster.nodes, ...cluster.clients, ...(cluster.router ? [cluster.router] : [])]
  const owner = machines.find((m) => a.ips.includes(m.ip))
  return owner ? [svcDiag(svc, 'metallb.svc.ipOfMachine', 'warning', { service: a.key, ip: owner.ip, machine: owner.name, pool: a.pool ?? '' })] : []
}

/** An address nobody announces: the pool has no L2Advertisement and no BGPAdvertisement (or none for this Service). */
function announcementWarnings(svc: Service, a: LoadBalancerAssignment, cfg: MetalLBConfig): Diagnostic[] {
  const out: Diagnostic[] = []
  const pool = a.pool ?? ''
  const l2 = cfg.l2.filter((ad) => ad.pools.includes(pool) && (ad.serviceSelectors.length === 0 || ad.serviceSelectors.some((s) => selectorMatches(s, svc.labels))))
  const bgp = cfg.bgp.filter((ad) => ad.pools.includes(pool) && (ad.serviceSelectors.length === 0 || ad.serviceSelectors.some((s) => selectorMatches(s, svc.labels))))
  if (l2.length === 0 && bgp.length === 0) {
    out.push(svcDiag(svc, 'metallb.svc.notAnnounced', 'warning', { service: a.key, ip: a.ips.join(', '), pool }))
  }
  if (a.poolTies && a.poolTies.length > 0) {
    out.push(svcDiag(svc, 'metallb.svc.poolOrderUnspecified', 'warning', { service: a.key, pool, others: a.poolTies.join(', ') }))
  }
  return out
}
