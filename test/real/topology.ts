import type { Cluster, ClusterNode, Pod } from '../../src/engine/cluster/types'
import { arpResolve, lanCidr, onLink } from '../../src/engine/dataplane/metallb/lan'
import { computeBGP } from '../../src/engine/dataplane/metallb/bgp'
import { bridgeIP, defaultGateway, externalEntryNode } from '../../src/engine/trace/network'
import { parseCidr } from '../../src/engine/util/ip'
import { ipBatch, must, run } from './sh'

/**
 * The lab as Linux network namespaces, the way a flannel host-gw cluster is wired (trace/network.ts is the engine's
 * picture of it): a LAN bridge in its own namespace; per node a namespace with eth0 on the LAN (the node's address and
 * MAC), a cni0 bridge holding the first address of its pod CIDR, routes to every other node's pod CIDR via that node,
 * and a default route to the gateway; per pod a namespace with eth0 on a veth into its node's cni0; the outside
 * clients and the router on the LAN. What MetalLB would do on the wire (answer ARP for an L2 address from the elected
 * speaker, the router's BGP ECMP routes) is written in from the engine's decisions: MetalLB itself does not run here.
 */

export const PREFIX = 'kh-'

export interface Machine {
  /** The canvas id (`Node/node1`, `Pod/default/x`, `Client/workstation`, `Router/edge`). */
  id: string
  ns: string
}

export interface Plan {
  lan: string
  nodes: (Machine & { node: ClusterNode })[]
  pods: (Machine & { pod: Pod; nodeNs: string; hostPort: string })[]
  outside: (Machine & { ip: string; mac: string; router: boolean })[]
  /** Commands for the root namespace's `ip -batch` (namespaces and veth pairs). */
  rootBatch: string[]
  /** Per namespace, its `ip -n NS -batch` commands. */
  nsBatch: Map<string, string[]>
  /** Per namespace, `bridge -n NS -batch` commands (hairpin on pod ports). */
  bridgeBatch: Map<string, string[]>
  /** Per node namespace, the sysctls kube-proxy and the CNI rely on. */
  sysctls: Map<string, string[]>
}

/** Which pods get a namespace: running pods with their own network; hostNetwork pods live in their node's. */
export function podsWithNamespace(cluster: Cluster, only?: Set<string>): Pod[] {
  return cluster.pods.filter((p) => !p.hostNetwork && p.phase === 'Running' && p.podIP && (!only || only.has(p.id)))
}

/**
 * The plan, a pure function of the cluster. `onlyPods` limits the pod namespaces (large scenarios are sampled);
 * every node is always built, so routes and rules are the cluster's own.
 */
export function planTopology(cluster: Cluster, onlyPods?: Set<string>): Plan {
  const lanNet = lanCidr(cluster)
  const lanPrefix = lanNet.text.split('/')[1]
  const lan = `${PREFIX}lan`
  const plan: Plan = { lan, nodes: [], pods: [], outside: [], rootBatch: [`netns add ${lan}`], nsBatch: new Map(), bridgeBatch: new Map(), sysctls: new Map() }
  const add = (ns: string, line: string) => {
    let list = plan.nsBatch.get(ns)
    if (!list) plan.nsBatch.set(ns, (list = ['link set lo up']))
    list.push(line)
  }
  add(lan, 'link add lan0 type bridge')
  add(lan, 'link set lan0 up')
  const gateway = defaultGateway(cluster)

  cluster.nodes.forEach((node, i) => {
    const ns = `${PREFIX}n${i}`
    plan.nodes.push({ id: node.id, ns, node })
    plan.rootBatch.push(`netns add ${ns}`, `link add eth0 netns ${ns} type veth peer name n${i} netns ${lan}`)
    add(lan, `link set n${i} master lan0`)
    add(lan, `link set n${i} up`)
    add(ns, `link set eth0 address ${node.mac}`)
    add(ns, `addr add ${node.ip}/${lanPrefix} dev eth0`)
    add(ns, 'link set eth0 up')
    const pod = parseCidr(node.podCIDR)
    add(ns, 'link add cni0 type bridge')
    add(ns, `addr add ${bridgeIP(node)}/${pod?.prefix ?? 24} dev cni0`)
    add(ns, 'link set cni0 up')
    for (const other of cluster.nodes) if (other !== node) add(ns, `route add ${other.podCIDR} via ${other.ip} dev eth0`)
    if (onLink(cluster, gateway)) add(ns, `route add default via ${gateway} dev eth0`)
    // ip_forward: a node routes for its pods; bridge-nf-call-iptables (br_netfilter, per namespace since Linux 5.3):
    // pod-to-pod replies across cni0 pass the nat table, as kube-proxy requires; route_localnet: kube-proxy sets it
    // for NodePorts on 127.0.0.1 (proxier.go); rp_filter off, as the engine models no reverse-path check;
    // icmp_ratelimit 0: a node sends at most one ICMP error a second per host after a burst of six (the default 1000
    // ms), which the engine does not model and which the harness's quick repeated probes of a REJECT would hit
    plan.sysctls.set(ns, [
      'net.ipv4.ip_forward=1', 'net.bridge.bridge-nf-call-iptables=1', 'net.ipv4.conf.all.route_localnet=1',
      'net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0', 'net.ipv4.icmp_ratelimit=0',
    ])
  })

  const nodeNs = new Map(plan.nodes.map((n) => [n.node.name, n.ns]))
  podsWithNamespace(cluster, onlyPods).forEach((pod, i) => {
    const host = nodeNs.get(pod.nodeName)
    const node = cluster.nodes.find((n) => n.name === pod.nodeName)
    if (!host || !node) return
    const ns = `${PREFIX}p${i}`
    const hostPort = `p${i}`
    plan.pods.push({ id: pod.id, ns, pod, nodeNs: host, hostPort })
    plan.rootBatch.push(`netns add ${ns}`, `link add eth0 netns ${ns} type veth peer name ${hostPort} netns ${host}`)
    add(host, `link set ${hostPort} master cni0`)
    add(host, `link set ${hostPort} up`)
    // CNI bridge plugin hairpinMode: a pod reaching itself through its own Service comes back out of the same port
    let b = plan.bridgeBatch.get(host)
    if (!b) plan.bridgeBatch.set(host, (b = []))
    b.push(`link set dev ${hostPort} hairpin on`)
    add(ns, `addr add ${pod.podIP}/${parseCidr(node.podCIDR)?.prefix ?? 24} dev eth0`)
    add(ns, 'link set eth0 up')
    add(ns, `route add default via ${bridgeIP(node)} dev eth0`)
  })

  const outside = [
    ...cluster.clients.map((c) => ({ id: c.id, ip: c.ip, mac: c.mac, router: false })),
    ...(cluster.router ? [{ id: cluster.router.id, ip: cluster.router.ip, mac: cluster.router.mac, router: true }] : []),
  ]
  const bgp = cluster.router ? computeBGP(cluster) : undefined
  outside.forEach((m, i) => {
    const ns = `${PREFIX}c${i}`
    plan.outside.push({ ...m, ns })
    plan.rootBatch.push(`netns add ${ns}`, `link add eth0 netns ${ns} type veth peer name c${i} netns ${lan}`)
    add(lan, `link set c${i} master lan0`)
    add(lan, `link set c${i} up`)
    add(ns, `link set eth0 address ${m.mac}`)
    add(ns, `addr add ${m.ip}/${lanPrefix} dev eth0`)
    add(ns, 'link set eth0 up')
    if (m.router) {
      plan.sysctls.set(ns, ['net.ipv4.ip_forward=1'])
      // the router's BGP table as the engine computed it: one route per prefix over its ECMP set
      for (const r of bgp?.routes ?? []) {
        const hops = r.multipath.map((p) => `nexthop via ${p.nextHop} dev eth0`).join(' ')
        add(ns, `route add ${r.prefix} ${r.multipath.length > 1 ? hops : `via ${r.best.nextHop} dev eth0`}`)
      }
    } else if (cluster.router) {
      add(ns, `route add default via ${cluster.router.ip} dev eth0`)
    }
    // MetalLB L2 (and any on-link address a node answers for): the elected speaker's ARP reply, as a neighbour entry
    for (const svc of cluster.services) {
      for (const ip of [...svc.loadBalancerIngress, ...svc.externalIPs]) {
        if (onLink(cluster, ip)) {
          const arp = arpResolve(cluster, ip)
          if (arp.answered && arp.node) add(ns, `neigh replace ${ip} lladdr ${arp.mac} dev eth0 nud permanent`)
        } else if (!cluster.router) {
          // no router: the engine hands an external address to externalEntryNode (network.ts)
          const entry = externalEntryNode(cluster, ip)
          if (entry) add(ns, `route replace ${ip}/32 via ${entry.ip} dev eth0`)
        }
      }
    }
  })
  void lanNet
  return plan
}

/** Build the plan's namespaces. Throws on the first failing command (the caller tears down either way). */
export function buildTopology(plan: Plan): void {
  ipBatch(plan.rootBatch)
  for (const [ns, lines] of plan.nsBatch) ipBatch(lines, ns)
  for (const [ns, lines] of plan.bridgeBatch) must(['bridge', '-n', ns, '-batch', '-'], lines.join('\n') + '\n')
  for (const [ns, values] of plan.sysctls) must(['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', ...values])
}

/** Our namespaces, by name (kh-*), including stale ones from a run that was killed. */
export function ourNamespaces(): string[] {
  const r = run(['ip', 'netns', 'list'])
  return r.stdout.split('\n').map((l) => l.split(' ')[0]).filter((n) => n.startsWith(PREFIX))
}

/**
 * Remove our namespaces and whatever still runs in them (our listeners, left by a run that was killed): every pid
 * `ip netns pids` lists in a kh-* namespace is one this harness started there.
 */
export function teardownAll(): void {
  const names = ourNamespaces()
  for (const ns of names) {
    for (const pid of run(['ip', 'netns', 'pids', ns]).stdout.split('\n').filter(Boolean)) {
      try { process.kill(Number(pid), 'SIGKILL') } catch { /* already gone */ }
    }
  }
  if (names.length > 0) run(['ip', '-batch', '-'], names.map((n) => `netns del ${n}`).join('\n') + '\n')
}
