import { objectId } from '../core/ids'
import { cidrContains, isIPv4, parseCidr } from '../util/ip'
import { PodIpPool } from './allocate'
import { report, refOf, type BuildContext } from './context'
import { isHostNetwork, readContainers, readDnsConfig, readDnsPolicy, type PodDraft } from './podspec'
import { getArray, getString } from './read'
import { createScheduler, describeUnfit, hostPortsOf, nodeByName, readNodeName } from './schedule'
import type { ClusterNode, Container, Pod } from './types'
import { previousIpsOf, releasedIpsOf } from './history'

/** The playground's short form for an unready pod: `metadata.annotations: {kube-hops.dev/ready: "false"}`. */
export const READY_ANNOTATION = 'kube-hops.dev/ready'

const PHASES = new Set(['Pending', 'Running', 'Succeeded', 'Failed'])

/**
 * Schedules every pod draft, in order, and gives it an address: the kubelet and the CNI after the scheduler.
 * Explicit status.podIP values are reserved before anything is handed out.
 */
export function settlePods(drafts: PodDraft[], nodes: ClusterNode[], ctx: BuildContext): Pod[] {
  const pools = new Map<string, PodIpPool>()
  for (const n of nodes) {
    const c = parseCidr(n.podCIDR)
    if (c) pools.set(n.name, new PodIpPool(c))
  }
  const poolFor = (ip: string) => {
    for (const n of nodes) {
      const c = parseCidr(n.podCIDR)
      if (c && cidrContains(c, ip)) return pools.get(n.name)
    }
    return undefined
  }

  // Written pod addresses first (kubectl get -o yaml imports); a second pod claiming one is an error.
  const explicitIp = new Map<PodDraft, string>()
  const claimed = new Set<string>()
  for (const d of drafts) {
    const ip = getString(d.status, 'podIP')
    if (ip === undefined || ip === '') continue
    if (!isIPv4(ip)) {
      report(ctx, 'cluster.pod.badPodIp', 'error', { pod: d.name, ip }, d.obj, 'status.podIP')
      continue
    }
    if (claimed.has(ip)) {
      report(ctx, 'cluster.pod.podIpConflict', 'error', { pod: d.name, ip }, d.obj, 'status.podIP')
      continue
    }
    claimed.add(ip)
    explicitIp.set(d, ip)
    poolFor(ip)?.reserve(ip)
  }

  // Addresses the scenario's history released (history.ts): host-local does not hand them out again.
  const released = new Set<object>()
  for (const d of drafts) {
    if (released.has(d.obj)) continue
    released.add(d.obj)
    for (const ip of releasedIpsOf(d.obj)) if (!claimed.has(ip)) poolFor(ip)?.reserve(ip)
  }
  // Replacements and re-applied pods are the newest: addressed after every other pod, from what is left.
  const later: { pod: Pod; d: PodDraft; node: ClusterNode }[] = []

  const pickNode = createScheduler(nodes)
  const containerCache = new WeakMap<object, Container[]>()
  const hostPortCache = new WeakMap<object, string[]>()
  const hostPorts = (d: PodDraft) => {
    let ports = hostPortCache.get(d.spec)
    if (!ports) { ports = hostPortsOf(d); hostPortCache.set(d.spec, ports) }
    return ports
  }
  const usedHostPorts = new Map<string, Set<string>>()
  const userCount = new Int32Array(nodes.length)
  const systemCount = new Int32Array(nodes.length)
  const nodeIndex = new Map(nodes.map((n, i) => [n, i]))
  const reported = new Set<string>()
  const once = (key: string, f: () => void) => {
    if (!reported.has(key)) { reported.add(key); f() }
  }
  const pods: Pod[] = []

  for (const d of drafts) {
    const written = explicitIp.get(d)
    let node: ClusterNode | undefined
    const nodeName = d.boundNode ?? readNodeName(d)
    const hostIP = getString(d.status, 'hostIP')
    if (nodeName) {
      // spec.nodeName bypasses the scheduler; the kubelet of that node runs it.
      node = nodeByName(nodes, nodeName)
      if (!node) once(`${d.obj.id}/unknownNode`, () => report(ctx, 'cluster.pod.unknownNode', 'warning', { pod: d.name, node: nodeName }, d.obj, `${d.field}.nodeName`))
    } else if (hostIP) {
      node = nodes.find((n) => n.ip === hostIP)
    } else if (written) {
      node = nodes.find((n) => {
        const c = parseCidr(n.podCIDR)
        return c ? cidrContains(c, written) : false
      })
    }
    if (!node && !nodeName) {
      const picked = pickNode(d, d.system ? systemCount : userCount, usedHostPorts)
      if ('node' in picked) node = picked.node
      else once(`${d.obj.id}/unschedulable`, () => report(ctx, 'cluster.pod.unschedulable', 'warning',
        { pod: d.name, reason: describeUnfit(picked.unfit, nodes.length) }, d.obj, d.field))
    }
    if (node) {
      const counts = d.system ? systemCount : userCount
      counts[nodeIndex.get(node)!]++
      let ports = usedHostPorts.get(node.name)
      if (!ports) { ports = new Set(); usedHostPorts.set(node.name, ports) }
      for (const p of hostPorts(d)) ports.add(p)
    }

    const hostNetwork = isHostNetwork(d)
    let podIP = ''
    if (node) {
      if (hostNetwork) podIP = node.ip // hostNetwork pods share the node's network namespace
      else if (written) podIP = written
      else if (d.recreated || (d.owner === undefined && previousIpsOf(d.annotations).length > 0)) podIP = 'later'
      else {
        const pool = pools.get(node.name)
        podIP = (d.system ? pool?.allocateDown() : pool?.allocateUp()) ?? ''
        if (!podIP) once(`${node.name}/exhausted`, () => report(ctx, 'cluster.pod.noAddress', 'error', { pod: d.name, node: node!.name, cidr: node!.podCIDR }, d.obj, d.field))
      }
    } else if (written) {
      podIP = written
    }

    const writtenPhase = getString(d.status, 'phase')
    const phase: Pod['phase'] = writtenPhase && PHASES.has(writtenPhase)
      ? (writtenPhase as Pod['phase'])
      : node && podIP ? 'Running' : 'Pending'

    const pod: Pod = {
      id: objectId('Pod', d.name, d.namespace),
      namespace: d.namespace,
      name: d.name,
      labels: d.labels,
      annotations: d.annotations,
      nodeName: node?.name ?? nodeName ?? '',
      podIP: phase === 'Pending' && !written ? '' : podIP,
      hostIP: node?.ip ?? hostIP ?? '',
      hostNetwork,
      // A node powered off (ready: false, the what-if switch) keeps its pods where they were, but the node
      // lifecycle controller marks them not ready (MarkPodsNotReady), so they stop serving.
      ready: isReady(d, phase) && (node?.ready ?? true),
      terminating: d.deletionTimestamp !== undefined,
      phase,
      containers: readContainers(d, ctx, containerCache),
      dnsPolicy: readDnsPolicy(d, ctx),
      source: refOf(d.obj),
      createdAtMs: d.createdAtMs,
    }
    const hostname = getString(d.spec, 'hostname')
    if (hostname) pod.hostname = hostname
    const subdomain = getString(d.spec, 'subdomain')
    if (subdomain) pod.subdomain = subdomain
    const dnsConfig = readDnsConfig(d.spec)
    if (dnsConfig) pod.dnsConfig = dnsConfig
    if (d.owner) pod.owner = d.owner
    if (d.system) pod.system = true
    if (podIP === 'later' && node) {
      pod.podIP = ''
      later.push({ pod, d, node })
    }
    pods.push(pod)
  }
  for (const { pod, d, node } of later) {
    pod.podIP = pools.get(node.name)?.allocateUp() ?? ''
    if (!pod.podIP) {
      pod.phase = 'Pending'
      pod.ready = false
      once(`${node.name}/exhausted`, () => report(ctx, 'cluster.pod.noAddress', 'error', { pod: d.name, node: node.name, cidr: node.podCIDR }, d.obj, d.field))
    }
  }
  return pods
}

/**
 * The PodReady condition: a running pod is ready unless its status says `Ready: "False"` (an import) or the playground
 * annotation `kube-hops.dev/ready: "false"` marks it (what a failing readiness probe would do).
 */
function isReady(d: PodDraft, phase: Pod['phase']): boolean {
  if (phase !== 'Running') return false
  if (d.unready || (d.annotations[READY_ANNOTATION] ?? '').toLowerCase() === 'false') return false
  for (const c of getArray(d.status, 'conditions')) {
    if (getString(c, 'type') === 'Ready') return getString(c, 'status') === 'True'
  }
  return true
}
