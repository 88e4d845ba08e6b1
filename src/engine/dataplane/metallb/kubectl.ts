import { creationTimeMs, type ApiObject } from '../../shell/commands/kubectl/api/meta'
import type { KubeEvent } from '../../shell/commands/kubectl/events'
import type { ResourceType } from '../../shell/commands/kubectl/resources'
import type { TableDef } from '../../shell/commands/kubectl/tables'
import type { Simulation } from '../../sim/simulation'
import { ipToInt, isIPv4 } from '../../util/ip'
import { addressCount, cidrContainsInt } from './addresses'
import { bgpAnnouncements } from './bgp'
import { readMetalLBConfig } from './config'
import { electL2Speaker } from './l2'

/**
 * MetalLB's custom resources as kubectl sees them: their discovery names, the CRDs' additionalPrinterColumns
 * (config/crd/bases/metallb.io_*.yaml), the defaults the API server stores, and the events MetalLB records on
 * Services (controller: IPAllocated, AllocationFailed; speakers: nodeAssigned, announceFailed).
 */

export const METALLB_RESOURCE_TYPES: ResourceType[] = [
  { resource: 'ipaddresspools', singular: 'ipaddresspool', shortNames: [], kind: 'IPAddressPool', group: 'metallb.io', version: 'v1beta1', namespaced: true },
  { resource: 'l2advertisements', singular: 'l2advertisement', shortNames: [], kind: 'L2Advertisement', group: 'metallb.io', version: 'v1beta1', namespaced: true },
  { resource: 'bgpadvertisements', singular: 'bgpadvertisement', shortNames: [], kind: 'BGPAdvertisement', group: 'metallb.io', version: 'v1beta1', namespaced: true },
  // v1beta2 is BGPPeer's storage and preferred version (v1beta1 is deprecated).
  { resource: 'bgppeers', singular: 'bgppeer', shortNames: [], kind: 'BGPPeer', group: 'metallb.io', version: 'v1beta2', namespaced: true },
  { resource: 'communities', singular: 'community', shortNames: [], kind: 'Community', group: 'metallb.io', version: 'v1beta1', namespaced: true },
]

const spec = (o: ApiObject): Record<string, unknown> => (isObj(o.spec) ? o.spec : {})

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * One cell of a CRD printer column (apiextensions tableconvertor): a missing value prints nothing; a `string` column
 * holding a list or map prints jsonpath's json.Marshal (`["first-pool"]`, map keys sorted); scalars print as text.
 */
export function crdCell(v: unknown): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'object') return goJson(v)
  return String(v)
}

function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`
  if (isObj(v)) return `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${goJson(v[k])}`).join(',')}}`
  return JSON.stringify(v)
}

export const metallbTables: Record<string, TableDef> = {
  IPAddressPool: {
    columns: [{ name: 'NAME' }, { name: 'AUTO ASSIGN' }, { name: 'AVOID BUGGY IPS' }, { name: 'ADDRESSES' }],
    row: (o) => [o.metadata.name, crdCell(spec(o).autoAssign), crdCell(spec(o).avoidBuggyIPs), crdCell(spec(o).addresses)],
  },
  L2Advertisement: {
    columns: [{ name: 'NAME' }, { name: 'IPADDRESSPOOLS' }, { name: 'IPADDRESSPOOL SELECTORS' }, { name: 'INTERFACES' }, { name: 'NODE SELECTORS', wide: true }],
    row: (o) => [o.metadata.name, crdCell(spec(o).ipAddressPools), crdCell(spec(o).ipAddressPoolSelectors), crdCell(spec(o).interfaces), crdCell(spec(o).nodeSelectors)],
  },
  BGPAdvertisement: {
    columns: [{ name: 'NAME' }, { name: 'IPADDRESSPOOLS' }, { name: 'IPADDRESSPOOL SELECTORS' }, { name: 'PEERS' }, { name: 'NODE SELECTORS', wide: true }],
    row: (o) => [o.metadata.name, crdCell(spec(o).ipAddressPools), crdCell(spec(o).ipAddressPoolSelectors), crdCell(spec(o).peers), crdCell(spec(o).nodeSelectors)],
  },
  BGPPeer: {
    columns: [{ name: 'NAME' }, { name: 'ADDRESS' }, { name: 'ASN' }, { name: 'BFD PROFILE' }, { name: 'MULTI HOPS' }],
    row: (o) => [o.metadata.name, crdCell(spec(o).peerAddress), crdCell(spec(o).peerASN), crdCell(spec(o).bfdProfile), crdCell(spec(o).ebgpMultiHop)],
  },
}

// The CRDs' schema defaults, which the API server stores with the object.
const DEFAULTS: Record<string, Record<string, unknown>> = {
  IPAddressPool: { autoAssign: true, avoidBuggyIPs: false },
  BGPAdvertisement: { aggregationLength: 32, aggregationLengthV6: 128 },
  BGPPeer: { peerPort: 179, disableMP: false, dualStackAddressFamily: false },
}

/**
 * The API object as MetalLB's CRDs store it: schema defaults filled in, and an IPAddressPool's status counting its
 * assigned and available addresses (the controller's PoolCounters).
 */
export function patchMetalLBObject(sim: Simulation, obj: ApiObject): void {
  if (!obj.apiVersion.startsWith('metallb.io/')) return
  const defaults = DEFAULTS[obj.kind]
  if (defaults) {
    const s = isObj(obj.spec) ? obj.spec : (obj.spec = {} as Record<string, unknown>)
    for (const [k, v] of Object.entries(defaults)) if (s[k] === undefined) s[k] = v
  }
  if (obj.kind !== 'IPAddressPool') return
  const cluster = sim.scenario.cluster
  const pool = readMetalLBConfig(cluster).pools.find((p) => p.name === obj.metadata.name && obj.metadata.namespace === 'metallb-system')
  if (!pool) return
  const used = new Set<number>()
  for (const svc of cluster.services) {
    for (const ip of svc.loadBalancerIngress) if (isIPv4(ip) && pool.cidrs.some((c) => cidrContainsInt(c, ipToInt(ip)))) used.add(ipToInt(ip))
  }
  const total = addressCount(pool.cidrs, pool.avoidBuggyIPs)
  obj.status = { assignedIPv4: used.size, assignedIPv6: 0, availableIPv4: total - used.size, availableIPv6: 0 }
}

/** The events MetalLB recorded on a Service: the controller's allocation, then each announcing speaker's. */
export function metallbServiceEvents(sim: Simulation, obj: ApiObject): KubeEvent[] {
  if (obj.kind !== 'Service') return []
  const cluster = sim.scenario.cluster
  const svc = cluster.services.find((s) => s.name === obj.metadata.name && s.namespace === obj.metadata.namespace)
  if (!svc || svc.type !== 'LoadBalancer') return []
  const at = creationTimeMs(svc.createdAtMs)
  const events: KubeEvent[] = []
  const assignment = sim.scenario.loadBalancers?.find((a) => a.service === svc.id)
  for (const e of assignment?.events ?? []) events.push({ ...e, firstMs: at })
  const ip = svc.loadBalancerIngress.find(isIPv4)
  if (!ip || !readMetalLBConfig(cluster).loaded) return events

  const election = electL2Speaker(cluster, svc)
  // speaker/main.go handleService: Infof(svc, "nodeAssigned", "announcing from node %q with protocol %q", ...).
  const announcing = (node: string, protocol: string): KubeEvent => ({
    type: 'Normal', reason: 'nodeAssigned', from: 'metallb-speaker', message: `announcing from node "${node}" with protocol "${protocol}"`, firstMs: at,
  })
  if (election.failover) events.push(announcing(election.failover.from, 'layer2'))
  if (election.node && election.announced) events.push(announcing(election.node, 'layer2'))
  else if (election.node && election.reason.code === 'metallb.l2.interfaceMissing') {
    // layer2_controller SetBalancer: Errorf(svc, "announceFailed", "the interfaces specified by LB IP %q doesn't exist in assigned node %q with protocol %q", ...).
    events.push({
      type: 'Warning', reason: 'announceFailed', from: 'metallb-speaker', firstMs: at,
      message: `the interfaces specified by LB IP "${ip}" doesn't exist in assigned node "${election.node}" with protocol "layer2"`,
    })
  }
  for (const a of bgpAnnouncements(cluster, svc)) if (a.advertises) events.push(announcing(a.node, 'bgp'))
  return events
}
