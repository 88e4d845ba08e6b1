import { objectId } from '../core/ids'
import type { ManifestObject } from '../manifest/types'
import { cidrContains, cidrsOverlap, intToIp, ipToInt, isIPv4, nthSubnet, parseCidr, type Cidr } from '../util/ip'
import { refOf, report, type BuildContext } from './context'
import { getArray, getBool, getNumber, getObject, getString, getStringList, getStringMap, getValue, isObject } from './read'
import type { ClusterConfig, ClusterNode, ObjectRef, OutsideClient, Router, Taint } from './types'

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local'
export const DEFAULT_POD_CIDR = '10.244.0.0/16'
export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12'
// kube-apiserver --service-node-port-range default
export const DEFAULT_NODE_PORT_RANGE = { min: 30000, max: 32767 }

/** The playground's default lab: the tutorial's three machines and one workstation outside the cluster. */
const DEFAULT_NODES: NodeSpec[] = [
  { name: 'master', ip: '192.168.100.20', controlPlane: true },
  { name: 'node1', ip: '192.168.100.21' },
  { name: 'node2', ip: '192.168.100.22' },
]
const DEFAULT_CLIENTS = [{ name: 'workstation', ip: '192.168.100.10', hosts: {} as Record<string, string> }]

// kubeadm marks control-plane nodes (cmd/kubeadm/app/constants: LabelNodeRoleControlPlane, ControlPlaneTaint).
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane'
export const EXCLUDE_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers'
export const CONTROL_PLANE_TAINT: Taint = { key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' }

/** One node as read from the Cluster document or a kind: Node object, before pod CIDRs are assigned. */
interface NodeSpec {
  name: string
  ip: string
  controlPlane?: boolean
  labels?: Record<string, string>
  /** undefined = the default for the role (kubeadm's taint on a control plane); [] = explicitly none. */
  taints?: Taint[]
  podCIDR?: string
  unschedulable?: boolean
  ready?: boolean
  source?: ObjectRef
  /** For findings on the podCIDR field. */
  obj?: ManifestObject
  podCIDRField?: string
}

export interface WorldConfig {
  config: ClusterConfig
  nodes: ClusterNode[]
  clients: OutsideClient[]
  router?: Router
}

/** Deterministic MAC from an IPv4 address: the QEMU/KVM OUI 52:54:00 and the address's last three octets. */
export function macFromIp(ip: string): string {
  if (!isIPv4(ip)) return '52:54:00:00:00:00'
  const n = ipToInt(ip)
  const hex = (x: number) => x.toString(16).padStart(2, '0')
  return `52:54:00:${hex((n >>> 16) & 255)}:${hex((n >>> 8) & 255)}:${hex(n & 255)}`
}

/** The Cluster document (first one wins), the Node objects and the defaults, made into the machines of the lab. */
export function readWorld(objects: ManifestObject[], ctx: BuildContext): WorldConfig {
  const clusterDocs = objects.filter((o) => o.kind === 'Cluster' && o.apiVersion === 'kube-hops.dev/v1alpha1')
  for (const extra of clusterDocs.slice(1)) report(ctx, 'cluster.config.duplicate', 'warning', { name: extra.name }, extra)
  const doc = clusterDocs[0]
  const spec = doc ? getObject(doc.body, 'spec') ?? {} : {}

  const config: ClusterConfig = {
    name: doc?.name ?? 'kube-hops',
    clusterDomain: DEFAULT_CLUSTER_DOMAIN,
    podCIDR: DEFAULT_POD_CIDR,
    serviceCIDR: DEFAULT_SERVICE_CIDR,
    nodePortRange: { ...DEFAULT_NODE_PORT_RANGE },
  }
  if (doc) {
    config.source = refOf(doc)
    const domain = getString(spec, 'clusterDomain')
    if (domain !== undefined) {
      const d = domain.replace(/\.$/, '').toLowerCase()
      if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(d)) config.clusterDomain = d
      else report(ctx, 'cluster.config.badDomain', 'error', { value: domain }, doc, 'spec.clusterDomain')
    }
    config.podCIDR = readCidr(spec, 'podCIDR', DEFAULT_POD_CIDR, doc, ctx)
    config.serviceCIDR = readCidr(spec, 'serviceCIDR', DEFAULT_SERVICE_CIDR, doc, ctx)
    const range = readPortRange(spec.nodePortRange)
    if (range === null) report(ctx, 'cluster.config.badPortRange', 'error', { value: String(spec.nodePortRange) }, doc, 'spec.nodePortRange')
    else if (range) config.nodePortRange = range
  }

  const specs: NodeSpec[] = []
  if (doc) getArray(spec, 'nodes').forEach((n, i) => {
    const s = readClusterNode(n, doc, `spec.nodes.${i}`, ctx)
    if (s) specs.push(s)
  })
  for (const obj of objects) {
    if (obj.kind !== 'Node' || obj.apiVersion !== 'v1') continue
    const s = readNodeObject(obj, ctx)
    const same = specs.findIndex((x) => x.name === s.name)
    // A Node object refines the Cluster document's entry of the same name (its status and labels win).
    if (same >= 0) specs[same] = mergeNode(specs[same], s)
    else specs.push(s)
  }
  const nodes = finishNodes(specs.length > 0 ? specs : DEFAULT_NODES, config, ctx)

  const clients: OutsideClient[] = []
  const clientList = doc && Array.isArray(spec.clients) ? spec.clients : undefined
  if (clientList && doc) {
    clientList.forEach((c, i) => {
      const field = `spec.clients.${i}`
      const name = getString(c, 'name')
      const ip = getString(c, 'ip')
      if (!name || !ip || !isIPv4(ip)) {
        report(ctx, 'cluster.config.badClient', 'error', { index: i }, doc, field)
        return
      }
      if (clients.some((x) => x.name === name)) {
        report(ctx, 'cluster.config.duplicateName', 'error', { name }, doc, `${field}.name`)
        return
      }
      const hosts = getStringMap(c, 'hosts') ?? {}
      for (const [host, addr] of Object.entries(hosts)) {
        if (!isIPv4(addr)) report(ctx, 'cluster.config.badHostsEntry', 'warning', { host, value: addr }, doc, `${field}.hosts.${host}`)
      }
      clients.push({ id: objectId('Client', name), name, ip, mac: macFromIp(ip), hosts, source: refOf(doc, field) })
    })
  } else {
    for (const c of DEFAULT_CLIENTS) clients.push({ id: objectId('Client', c.name), name: c.name, ip: c.ip, mac: macFromIp(c.ip), hosts: { ...c.hosts } })
  }

  let router: Router | undefined
  const r = doc ? getObject(spec, 'router') : undefined
  if (r && doc) {
    const name = getString(r, 'name') ?? 'router'
    const ip = getString(r, 'ip')
    if (!ip || !isIPv4(ip)) report(ctx, 'cluster.config.badRouter', 'error', {}, doc, 'spec.router')
    else {
      router = { id: objectId('Router', name), name, ip, mac: macFromIp(ip), source: refOf(doc, 'spec.router') }
      const asn = getNumber(r, 'asn')
      if (asn !== undefined) router.asn = asn
    }
  }
  return { config, nodes, clients, router }
}

function readCidr(spec: Record<string, unknown>, key: string, fallback: string, doc: ManifestObject, ctx: BuildContext): string {
  const v = getString(spec, key)
  if (v === undefined) return fallback
  const c = parseCidr(v)
  if (!c) {
    report(ctx, 'cluster.config.badCidr', 'error', { field: key, value: v }, doc, `spec.${key}`)
    return fallback
  }
  return c.text
}

/** `30000-32767` (the apiserver flag's form) or `{min, max}`; undefined when absent, null when malformed. */
function readPortRange(v: unknown): { min: number; max: number } | undefined | null {
  if (v === undefined) return undefined
  let min: number | undefined, max: number | undefined
  if (typeof v === 'string') {
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(v)
    if (m) { min = Number(m[1]); max = Number(m[2]) }
  } else if (isObject(v)) {
    min = getNumber(v, 'min'); max = getNumber(v, 'max')
  }
  if (min === undefined || max === undefined || min < 1 || max > 65535 || min > max) return null
  return { min, max }
}

const TAINT_EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])

function readTaints(v: unknown, obj: ManifestObject, field: string, ctx: BuildContext): Taint[] | undefined {
  if (!Array.isArray(v)) return undefined
  const out: Taint[] = []
  v.forEach((t, i) => {
    const key = getString(t, 'key')
    const effect = getString(t, 'effect')
    if (!key || !effect || !TAINT_EFFECTS.has(effect)) {
      report(ctx, 'cluster.node.badTaint', 'error', { index: i }, obj, `${field}.${i}`)
      return
    }
    const taint: Taint = { key, effect: effect as Taint['effect'] }
    const value = getString(t, 'value')
    if (value) taint.value = value
    out.push(taint)
  })
  return out
}

function readClusterNode(n: unknown, doc: ManifestObject, field: string, ctx: BuildContext): NodeSpec | undefined {
  const name = getString(n, 'name')
  const ip = getString(n, 'ip')
  if (!name || !ip || !isIPv4(ip)) {
    report(ctx, 'cluster.node.badEntry', 'error', { field }, doc, field)
    return undefined
  }
  const spec: NodeSpec = { name, ip, source: refOf(doc, field), obj: doc, podCIDRField: `${field}.podCIDR` }
  const cp = getBool(n, 'controlPlane')
  if (cp !== undefined) spec.controlPlane = cp
  const labels = getStringMap(n, 'labels')
  if (labels) spec.labels = labels
  const taints = readTaints(isObject(n) ? n.taints : undefined, doc, `${field}.taints`, ctx)
  if (taints) spec.taints = taints
  const podCIDR = getString(n, 'podCIDR')
  if (podCIDR !== undefined) spec.podCIDR = podCIDR
  const unschedulable = getBool(n, 'unschedulable')
  if (unschedulable !== undefined) spec.unschedulable = unschedulable
  const ready = getBool(n, 'ready')
  if (ready !== undefined) spec.ready = ready
  return spec
}

/** A kind: Node object, as `kubectl get node -o yaml` prints it. */
function readNodeObject(obj: ManifestObject, ctx: BuildContext): NodeSpec {
  const addresses = getArray(obj.body, 'status', 'addresses')
  let ip = ''
  for (const a of addresses) if (getString(a, 'type') === 'InternalIP' && isIPv4(getString(a, 'address') ?? '')) { ip = getString(a, 'address')!; break }
  if (!ip) report(ctx, 'cluster.node.noAddress', 'warning', { name: obj.name }, obj, 'status.addresses')
  const labels = { ...obj.labels }
  const spec: NodeSpec = { name: obj.name, ip, labels, source: refOf(obj), obj, podCIDRField: 'spec.podCIDR' }
  if (CONTROL_PLANE_LABEL in labels || 'node-role.kubernetes.io/master' in labels) spec.controlPlane = true
  // A written Node carries exactly the taints it lists (an import shows kubeadm's taint when there is one).
  spec.taints = readTaints(getValue(obj.body, 'spec', 'taints'), obj, 'spec.taints', ctx) ?? []
  // spec.podCIDRs (dual-stack) repeats podCIDR first; an import may carry only the list.
  const podCIDR = getString(obj.body, 'spec', 'podCIDR') ?? getStringList(obj.body, 'spec', 'podCIDRs').find((c) => parseCidr(c))
  if (podCIDR !== undefined) spec.podCIDR = podCIDR
  if (getBool(obj.body, 'spec', 'unschedulable')) spec.unschedulable = true
  for (const c of getArray(obj.body, 'status', 'conditions')) {
    if (getString(c, 'type') === 'Ready') spec.ready = getString(c, 'status') === 'True'
  }
  return spec
}

function mergeNode(a: NodeSpec, b: NodeSpec): NodeSpec {
  return {
    ...a,
    ...Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined && v !== '')),
    labels: { ...(a.labels ?? {}), ...(b.labels ?? {}) },
    controlPlane: a.controlPlane || b.controlPlane,
  }
}

/** Validates names and addresses, fills kubelet's and kubeadm's labels and taints, and hands out pod CIDRs. */
function finishNodes(specs: NodeSpec[], config: ClusterConfig, ctx: BuildContext): ClusterNode[] {
  const clusterCidr = parseCidr(config.podCIDR)!
  const seenNames = new Set<string>()
  const seenIps = new Set<string>()
  const accepted: NodeSpec[] = []
  for (const s of specs) {
    if (seenNames.has(s.name)) {
      if (s.obj) report(ctx, 'cluster.config.duplicateName', 'error', { name: s.name }, s.obj, s.podCIDRField?.replace(/\.podCIDR$/, ''))
      continue
    }
    seenNames.add(s.name)
    if (s.ip && seenIps.has(s.ip)) {
      if (s.obj) report(ctx, 'cluster.node.duplicateIp', 'error', { name: s.name, ip: s.ip }, s.obj, s.podCIDRField?.replace(/\.podCIDR$/, ''))
      continue
    }
    if (s.ip) seenIps.add(s.ip)
    accepted.push(s)
  }
  // A Node without an InternalIP gets the next free address after the highest node address (a lab must route).
  for (const s of accepted) {
    if (s.ip) continue
    const highest = Math.max(ipToInt('192.168.100.20'), ...accepted.filter((x) => x.ip).map((x) => ipToInt(x.ip)))
    let n = highest + 1
    while (seenIps.has(intToIp(n))) n++
    s.ip = intToIp(n)
    seenIps.add(s.ip)
  }

  // Pod CIDRs: written ones first, then the lowest free /24 of the cluster CIDR in node order
  // (kube-controller-manager's range allocator, as kubeadm + flannel set it up: master 10.244.0.0/24, node1 .1.0/24, ...).
  const taken: Cidr[] = []
  const podCidrs = new Map<string, string>()
  for (const s of accepted) {
    if (s.podCIDR === undefined) continue
    const c = parseCidr(s.podCIDR)
    if (!c) {
      if (s.obj) report(ctx, 'cluster.config.badCidr', 'error', { field: 'podCIDR', value: s.podCIDR }, s.obj, s.podCIDRField)
      continue
    }
    if (taken.some((t) => cidrsOverlap(t, c))) {
      if (s.obj) report(ctx, 'cluster.node.podCidrOverlap', 'error', { name: s.name, cidr: c.text }, s.obj, s.podCIDRField)
      continue
    }
    if (!cidrsOverlap(clusterCidr, c) || c.prefix < clusterCidr.prefix) {
      if (s.obj) report(ctx, 'cluster.node.podCidrOutside', 'warning', { name: s.name, cidr: c.text, clusterCidr: clusterCidr.text }, s.obj, s.podCIDRField)
    }
    taken.push(c)
    podCidrs.set(s.name, c.text)
  }
  const nodeMask = Math.max(24, clusterCidr.prefix)
  // Subnets below the last one handed out overlapped something taken, and still do (taken only grows): each node's
  // search starts after the previous node's subnet, not at the first (cubic in nodes otherwise: 500 at 5000 × 10).
  let from = 0
  for (const s of accepted) {
    if (podCidrs.has(s.name)) continue
    for (let i = from; ; i++) {
      const c = nthSubnet(clusterCidr, nodeMask, i)
      if (!c) {
        if (s.obj) report(ctx, 'cluster.node.podCidrExhausted', 'error', { name: s.name, clusterCidr: clusterCidr.text }, s.obj)
        break
      }
      if (taken.some((t) => cidrsOverlap(t, c))) continue
      taken.push(c)
      podCidrs.set(s.name, c.text)
      from = i + 1
      break
    }
  }

  return accepted.map((s) => {
    const controlPlane = s.controlPlane ?? false
    // kubelet's own labels (pkg/kubelet/kubelet_node_status.go initialNode), then kubeadm's control-plane labels.
    const labels: Record<string, string> = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': s.name,
      'kubernetes.io/os': 'linux',
    }
    if (controlPlane) {
      labels[CONTROL_PLANE_LABEL] = ''
      labels[EXCLUDE_LB_LABEL] = ''
    }
    Object.assign(labels, s.labels ?? {})
    const taints = s.taints ?? (controlPlane ? [{ ...CONTROL_PLANE_TAINT }] : [])
    const node: ClusterNode = {
      id: objectId('Node', s.name),
      name: s.name,
      ip: s.ip,
      mac: macFromIp(s.ip),
      podCIDR: podCidrs.get(s.name) ?? '',
      labels: sortKeys(labels),
      taints,
      controlPlane,
      ready: s.ready ?? true,
      unschedulable: s.unschedulable ?? false,
    }
    if (s.source) node.source = s.source
    return node
  })
}

export function sortKeys(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of Object.keys(m).sort()) out[k] = m[k]
  return out
}

/** Whether an address lies in the node's pod range, for placing imported pods by their IP. */
export function nodeOwningPodIp(nodes: ClusterNode[], ip: string): ClusterNode | undefined {
  return nodes.find((n) => {
    const c = parseCidr(n.podCIDR)
    return c ? cidrContains(c, ip) : false
  })
}
