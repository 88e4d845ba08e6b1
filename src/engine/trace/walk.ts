import type { Cluster, ClusterNode, Pod } from '../cluster/types'
import type { ObjectId } from '../core/ids'
import { addConntrack, findReply, TIMEOUT_MS, type ConntrackEntry } from '../dataplane/kubeproxy/conntrack'
import { saveRule } from '../dataplane/kubeproxy/iptables/render'
import type { Rule } from '../dataplane/kubeproxy/iptables/rule'
import { nodeRuleset, recentLists } from '../dataplane/kubeproxy/state'
import { bump, firstPacketBytes, ruleCounters } from '../dataplane/kubeproxy/counters'
import { healthCheckReply, healthCheckService } from '../dataplane/kubeproxy/healthcheck'
import type { Simulation } from '../sim/simulation'
import { outsideDelivery, reachedOverLan } from '../dataplane/metallb/hops'
import { answerAtController } from '../dataplane/ingress/walk-step'
import { isIngressControllerPod } from '../dataplane/ingress/controller'
import { httpReply, isBannerServer, listens, mysqlVersion, type HttpReply } from './apps'
import { runHook, packetView, type ChainRun, type NetfilterEnv, type WalkPacket } from './netfilter'
import {
  bridgeIP,
  ephemeralPort,
  externalEntryNode,
  isLocalAddress,
  nodeByName,
  ownerOf,
  routeOn,
  type Owner,
} from './network'
import { resolveName } from './resolve'
import { modeSimulated } from '../dataplane/kubeproxy/mode'
import { ipvsNodePass, type ModePass } from '../dataplane/kubeproxy/ipvs/walk'
import { nftNodePass } from '../dataplane/kubeproxy/nftables/walk'
import type { Hop, Outcome, RequestSpec, Trace } from './types'

/**
 * The packet walk: a request from a pod, a node or an outside client, through each node's netfilter hooks (the real
 * rules, interpreted rule by rule), the routes between nodes, the delivery to the listening pod, and the reply back
 * through conntrack's reverse translation. Pure given the Simulation (its seeded draws, its clock, its state).
 */

export interface WalkOptions {
  /** Send an ICMP echo request instead of opening a connection (ping). */
  icmp?: boolean
}

export interface WalkResult extends Trace {
  /** The HTTP reply, when the request was HTTP and a server answered. */
  httpReply?: HttpReply
  /** The pod that answered, for the commands' text. */
  answeredBy?: Pod
  /** The address the connection was opened to (after name resolution). */
  address?: string
}

type Source =
  | { kind: 'pod'; pod: Pod; node: ClusterNode }
  | { kind: 'node'; node: ClusterNode; pod?: Pod }
  | { kind: 'outside'; id: ObjectId; ip: string; name: string }

class HopLog {
  readonly hops: Hop[] = []
  rules = 0
  add(h: Omit<Hop, 'seq'>): void {
    this.hops.push({ seq: this.hops.length, ...h })
  }
}

const MAX_NODES = 6

export function traceRequest(sim: Simulation, spec: RequestSpec, options: WalkOptions = {}): WalkResult {
  const cluster = sim.scenario.cluster
  const log = new HopLog()
  const result = (outcome: Outcome, extra: Partial<WalkResult> = {}): WalkResult => ({
    request: spec,
    outcome,
    rulesEvaluated: log.rules,
    hops: log.hops,
    seed: sim.seed,
    ...extra,
  })

  const source = sourceOf(cluster, spec.from)
  if (!source) return result({ result: 'error', reason: { code: 'trace.source.unknown', params: { from: spec.from } } })

  // Name resolution (the DNS seam).
  const res = resolveName(sim, spec.from, spec.host)
  for (const h of res.hops) log.add(h)
  if (!res.address) return result({ result: 'dns-failure', reason: res.failure ?? { code: 'trace.dns.fail', params: { name: spec.host } } })
  const address = res.address

  if (!modeSimulated(cluster)) {
    return result(
      { result: 'error', reason: { code: 'kubeproxy.mode.unsupported', params: { mode: cluster.kubeProxy.mode } } },
      { address },
    )
  }

  const protocol = options.icmp ? 'ICMP' : spec.protocol
  const srcPort = options.icmp ? undefined : ephemeralPort((n) => sim.rng.int(n))
  const pkt: WalkPacket = { protocol, src: '', dst: address, mark: 0 }
  if (srcPort !== undefined) pkt.srcPort = srcPort
  if (!options.icmp) pkt.dstPort = spec.port
  if (spec.http && !options.icmp) {
    pkt.http = { method: spec.http.method, host: spec.host, path: spec.http.path, scheme: spec.http.scheme, headers: spec.http.headers }
  }

  // Where the packet enters the first kernel, and through which hook.
  let node: ClusterNode | undefined
  let hook: 'PREROUTING' | 'OUTPUT'
  if (source.kind === 'pod') {
    pkt.src = source.pod.podIP
    node = source.node
    hook = 'PREROUTING'
    log.add({
      stage: 'route', at: source.pod.id, from: source.pod.id, to: node.id, node: node.name,
      before: packetView(pkt), after: packetView(pkt), verdict: 'forwarded',
      note: { code: 'trace.source.pod', params: { pod: name(source.pod), node: node.name, dst: endpointText(pkt) } },
    })
  } else if (source.kind === 'node') {
    node = source.node
    pkt.src = routeOn(cluster, node, address).prefSrc
    hook = 'OUTPUT'
    log.add({
      stage: 'route', at: source.pod?.id ?? node.id, node: node.name,
      before: packetView(pkt), after: packetView(pkt), verdict: 'forwarded',
      note: { code: 'trace.source.host', params: { who: source.pod ? name(source.pod) : node.name, src: pkt.src, dst: endpointText(pkt) } },
    })
  } else {
    pkt.src = source.ip
    hook = 'PREROUTING'
    const owner = ownerOf(cluster, address)
    // MetalLB's addresses and the router's routes: ARP on the LAN, or the router's BGP route (dataplane/metallb).
    const sender = cluster.clients.find((c) => c.id === source.id) ?? (cluster.router?.id === source.id ? cluster.router : undefined)
    const lan = sender && reachedOverLan(cluster, address, owner !== undefined) ? outsideDelivery(cluster, { seq: log.hops.length, client: sender, packet: packetView(pkt), seed: sim.seed, sim }) : undefined
    for (const h of lan?.hops ?? []) log.add(h)
    if (lan && !lan.ok) return result({ result: 'no-route', reason: lan.reason }, { address })
    node = lan?.ok ? lan.node : owner?.kind === 'node' ? owner.node : isExternalServiceIP(cluster, address) ? externalEntryNode(cluster, address) : undefined
    if (!node) {
      const reachable = owner && (owner.kind === 'client' || owner.kind === 'router')
      if (reachable) return deliverOutside(owner!, pkt, source, log, result, address, options)
      log.add({
        stage: 'route', at: source.id, node: undefined, before: packetView(pkt), after: packetView(pkt), verdict: 'dropped',
        note: { code: 'trace.route.noroute', params: { from: source.name, dst: address } },
      })
      return result({ result: 'timeout', reason: { code: 'trace.route.noroute', params: { from: source.name, dst: address } } }, { address })
    }
    if (!lan) log.add({
      stage: 'route', at: source.id, from: source.id, to: node.id, node: node.name,
      before: packetView(pkt), after: packetView(pkt), verdict: 'forwarded',
      note: { code: owner?.kind === 'node' ? 'trace.route.tonode' : 'trace.route.external', params: { from: source.name, dst: address, node: node.name } },
    })
  }

  const visited: { node: ClusterNode; entry: ConntrackEntry }[] = []
  let markedBy: Rule | undefined
  let masqueradedTo: string | undefined
  let service: string | undefined
  let endpoint: string | undefined
  let clientReasonOfMode: string | undefined

  for (let step = 0; step < MAX_NODES; step++) {
    const origin = { ...pkt }
    const r = passFor(sim, cluster, node, pkt, hook, log, step > 0)
    // IPVS and nftables modes name the Service, the endpoint and the masquerade reason themselves
    if (r.mode?.service) service = r.mode.service
    if (r.mode?.endpoint) endpoint = r.mode.endpoint
    if (r.mode?.clientReason) clientReasonOfMode ??= r.mode.clientReason
    if (r.dnatRule) {
      service = r.dnatRule.origin?.service ? r.dnatRule.origin.service.split('/').slice(1).join('/') : service
      endpoint = r.dnatRule.origin?.endpoint ?? endpoint
    }
    markedBy ??= r.markedBy
    if (r.masqueradedTo) masqueradedTo = r.masqueradedTo
    if (r.verdict !== 'ACCEPT') {
      const code = r.verdict === 'REJECT' ? 'rejected' : 'dropped'
      return result({ result: code, service, reason: r.hops.at(-1)?.note ?? { code: `trace.nf.${code}`, params: {} } }, { address })
    }
    const entry: ConntrackEntry = {
      protocol: pkt.protocol === 'UDP' ? 'udp' : 'tcp',
      orig: tuple(origin),
      reply: { src: pkt.dst, dst: pkt.src, sport: pkt.dstPort ?? 0, dport: pkt.srcPort ?? 0 },
      unreplied: true,
      assured: false,
      mark: 0,
      expiresAtMs: sim.clock.now() + TIMEOUT_MS.SYN_SENT,
    }
    if (!options.icmp) visited.push({ node, entry })

    // Local delivery: the node itself (a process, a hostNetwork pod) owns the address.
    if (isLocalAddress(node, pkt.dst)) {
      return finishAtNode(sim, cluster, node, pkt, log, visited, result, { service, endpoint, markedBy, masqueradedTo, clientReasonOfMode, address, spec, options, source })
    }
    const route = routeOn(cluster, node, pkt.dst)
    if (route.dev === 'cni0') {
      const owner = ownerOf(cluster, pkt.dst)
      log.add({
        stage: 'route', at: node.id, node: node.name, from: node.id, to: owner?.kind === 'pod' ? owner.pod.id : undefined,
        before: packetView(pkt), after: packetView(pkt), rule: route.text, verdict: 'forwarded',
        note: { code: 'trace.route.local', params: { node: node.name, dst: pkt.dst, route: route.text } },
      })
      return finishAtPod(sim, cluster, owner, pkt, log, visited, result, { service, endpoint, markedBy, masqueradedTo, clientReasonOfMode, address, spec, options, source })
    }
    if (route.via) {
      log.add({
        stage: 'route', at: node.id, node: node.name, from: node.id, to: route.via.id,
        before: packetView(pkt), after: packetView(pkt), rule: route.text, verdict: 'forwarded',
        note: { code: 'trace.route.remote', params: { node: node.name, dst: pkt.dst, via: route.via.name, route: route.text } },
      })
      node = route.via
      hook = 'PREROUTING'
      continue
    }
    // Out of the cluster (a client or the router), or nowhere.
    const owner = ownerOf(cluster, pkt.dst)
    // a cluster IP nothing translated (ICMP, or a port the Service does not have) belongs to no machine at all
    const vip = owner ? undefined : cluster.services.find((s) => s.clusterIP === pkt.dst)
    const lost: { code: string; params: Record<string, string> } = vip
      ? { code: 'trace.route.vip', params: { node: node.name, dst: pkt.dst, route: route.text, service: `${vip.namespace}/${vip.name}` } }
      : { code: 'trace.route.nohost', params: { node: node.name, dst: pkt.dst, route: route.text } }
    log.add({
      stage: 'route', at: node.id, node: node.name, before: packetView(pkt), after: packetView(pkt), rule: route.text,
      verdict: owner ? 'forwarded' : 'dropped',
      note: owner ? { code: 'trace.route.out', params: { node: node.name, dst: pkt.dst, route: route.text } } : lost,
    })
    if (owner && (owner.kind === 'client' || owner.kind === 'router')) return deliverOutside(owner, pkt, source, log, result, address, options)
    recordUnanswered(sim, visited, 'timeout')
    return result({ result: 'timeout', service, reason: lost }, { address })
  }
  return result({ result: 'loop', reason: { code: 'trace.loop', params: {} } }, { address })
}

interface NodePass {
  verdict: ChainRun['verdict']
  /** What an IPVS or nftables pass decided (those modes have no iptables DNAT rule to point at). */
  mode?: ModePass
  hops: Omit<Hop, 'seq'>[]
  dnatRule?: Rule
  markedBy?: Rule
  masqueradedTo?: string
}

/** One node's kernel in the scenario's kube-proxy mode: the iptables rules, IPVS or nftables (dataplane/kubeproxy/ipvs, nftables). */
function passFor(sim: Simulation, cluster: Cluster, node: ClusterNode, pkt: WalkPacket, hook: 'PREROUTING' | 'OUTPUT', log: HopLog, forwardedIn: boolean): NodePass {
  if (cluster.kubeProxy.mode === 'iptables') return passNode(sim, cluster, node, pkt, hook, log, forwardedIn)
  const first = log.hops.length
  const mode = (cluster.kubeProxy.mode === 'nftables' ? nftNodePass : ipvsNodePass)(sim, cluster, node, pkt, hook, log)
  return { verdict: mode.verdict, hops: log.hops.slice(first), masqueradedTo: mode.masqueradedTo, mode }
}

/** One node's kernel: nat then filter for the entry hook, the routing decision, filter FORWARD/INPUT, nat POSTROUTING. */
function passNode(sim: Simulation, cluster: Cluster, node: ClusterNode, pkt: WalkPacket, hook: 'PREROUTING' | 'OUTPUT', log: HopLog, forwardedIn: boolean): NodePass {
  const rs = nodeRuleset(sim, node)
  const lists = recentLists(sim, node.name)
  const now = sim.clock.now()
  const env: NetfilterEnv = {
    node,
    rs,
    hook,
    ctstate: 'NEW',
    dnatDone: false,
    isLocal: (ip) => isLocalAddress(node, ip),
    draw: () => sim.rng.int(0x80000000),
    // nat sees the first packet of each connection: its counters are the connections each rule matched
    count: (table, what) => {
      if (table !== 'nat') return
      const counters = ruleCounters(sim, node.name)
      bump(typeof what === 'string' ? counters.policies : counters.rules, what, firstPacketBytes(pkt.protocol))
    },
    recentAge: (listName, src) => {
      const t = lists.get(listName)?.get(src)
      return t === undefined ? undefined : Math.floor((now - t) / 1000)
    },
  }
  const pass: NodePass = { verdict: 'ACCEPT', hops: [] }
  const take = (run: ChainRun, table: string, h: string) => {
    log.rules += run.rulesEvaluated
    for (const hop of run.hops) log.add(hop)
    pass.hops.push(...run.hops)
    if (run.hops.length === 0 && table === 'nat' && (h === 'PREROUTING' || h === 'OUTPUT')) {
      log.add({
        stage: 'kube-proxy', at: node.id, node: node.name, before: packetView(pkt), after: packetView(pkt),
        ruleContext: `nat ${h}`, rulesEvaluated: run.rulesEvaluated, verdict: 'forwarded',
        note: { code: 'trace.nf.nomatch', params: { hook: h, rules: String(run.rulesEvaluated), node: node.name } },
      })
    } else if (run.hops.length > 0 && run.trailing > 0) {
      const last = log.hops[log.hops.length - 1]
      last.rulesEvaluated = (last.rulesEvaluated ?? 0) + run.trailing
    }
  }
  void forwardedIn

  // nat PREROUTING / OUTPUT (only the first packet of a connection is NATed; the rest follow conntrack)
  const nat = runHook('nat', hook, pkt, env)
  take(nat, 'nat', hook)
  if (nat.dnat) {
    pass.dnatRule = nat.dnat.rule
    env.dnatDone = true
    if (nat.recentSet) {
      let list = lists.get(nat.recentSet)
      if (!list) lists.set(nat.recentSet, (list = new Map()))
      list.set(pkt.src, now)
    }
  }
  pass.markedBy = nat.markedBy

  // filter: INPUT for local destinations, FORWARD for routed ones, OUTPUT for local senders
  const local = isLocalAddress(node, pkt.dst)
  const filterHooks = hook === 'OUTPUT' ? ['OUTPUT', ...(local ? ['INPUT'] : [])] : [local ? 'INPUT' : 'FORWARD']
  for (const fh of filterHooks) {
    const f = runHook('filter', fh, pkt, env)
    take(f, 'filter', fh)
    if (f.verdict !== 'ACCEPT') {
      pass.verdict = f.verdict
      return pass
    }
  }
  if (local && hook === 'PREROUTING') return pass

  // nat POSTROUTING: KUBE-POSTROUTING masquerades marked packets to the outgoing interface's address
  const post = runHook('nat', 'POSTROUTING', pkt, env)
  if (post.masquerade) {
    const route = routeOn(cluster, node, pkt.dst)
    const before = { ...pkt }
    pkt.src = route.prefSrc
    // --random-fully: nf_nat_l4proto_unique_tuple draws the new source port from the whole unprivileged range
    // 1024-65535 (seen on a real kernel: sport=1778 after MASQUERADE --random-fully)
    if (pkt.srcPort !== undefined && post.masquerade.target?.kind === 'MASQUERADE' && post.masquerade.target.randomFully) {
      pkt.srcPort = 1024 + sim.rng.int(65536 - 1024)
    }
    post.hops.push({
      stage: 'kube-proxy', at: node.id, node: node.name, before: packetView(before), after: packetView(pkt),
      rule: saveRule(post.masquerade), ruleContext: `nat ${post.masquerade.chain}`, rulesEvaluated: post.trailing,
      verdict: 'translated',
      note: { code: 'trace.nf.masquerade', params: { from: before.src, to: pkt.src, dev: route.dev, node: node.name } },
    })
    post.trailing = 0
    pass.masqueradedTo = pkt.src
  }
  take(post, 'nat', 'POSTROUTING')
  return pass
}

interface Ctx {
  service?: string
  endpoint?: string
  markedBy?: Rule
  masqueradedTo?: string
  /** The masquerade reason an IPVS or nftables pass gave. */
  clientReasonOfMode?: string
  address: string
  spec: RequestSpec
  options: WalkOptions
  source: Source
}

type Finish = (outcome: Outcome, extra?: Partial<WalkResult>) => WalkResult

function finishAtNode(sim: Simulation, cluster: Cluster, node: ClusterNode, pkt: WalkPacket, log: HopLog, visited: { node: ClusterNode; entry: ConntrackEntry }[], result: Finish, c: Ctx): WalkResult {
  if (c.options.icmp) {
    log.add({ stage: 'reply', at: node.id, node: node.name, before: packetView(pkt), after: packetView(pkt), verdict: 'answered', note: { code: 'trace.icmp.reply', params: { who: node.name, dst: pkt.dst } } })
    return result({ result: 'ok' }, { address: c.address })
  }
  const hostPod = cluster.pods.find((p) => p.hostNetwork && p.nodeName === node.name && listens(p, pkt.dstPort ?? 0, c.spec.protocol))
  const port = pkt.dstPort ?? 0
  const nodeServices = node.controlPlane ? [22, 6443, 10250, 2379, 2380] : [22, 10250]
  // kube-proxy itself listens on every eTP=Local LoadBalancer Service's healthCheckNodePort
  const health = c.spec.protocol === 'TCP' && healthCheckService(sim, port) ? healthCheckReply(sim, node, port, httpDate(sim.clock.now())) : undefined
  if (!hostPod && !nodeServices.includes(port) && !health) {
    log.add({ stage: 'pod', at: node.id, node: node.name, before: packetView(pkt), after: packetView(pkt), verdict: 'rejected', note: { code: 'trace.node.refused', params: { node: node.name, port: String(port), proto: c.spec.protocol.toLowerCase() } } })
    recordUnanswered(sim, visited, 'reset')
    return result({ result: 'refused', service: c.service, reason: { code: 'trace.node.refused', params: { node: node.name, port: String(port), proto: c.spec.protocol.toLowerCase() } } }, { address: c.address })
  }
  log.add({ stage: 'pod', at: hostPod?.id ?? node.id, node: node.name, before: packetView(pkt), after: packetView(pkt), verdict: 'delivered', note: { code: 'trace.node.deliver', params: { node: node.name, port: String(port) } } })
  if (hostPod && c.spec.http && isIngressControllerPod(hostPod)) return viaController(sim, cluster, hostPod, pkt, log, visited, result, c, { result: 'ok', clientIP: pkt.src, clientIPReason: clientReason(c) })
  // the node's own process answers: the reply goes back through the conntrack entries of the way in
  replyPath(sim, cluster, pkt, log, visited, c)
  if (health && c.spec.http) {
    return result({ result: 'ok', service: c.service, clientIP: pkt.src, clientIPReason: clientReason(c), httpStatus: health.status }, { address: c.address, httpReply: health })
  }
  return result({ result: 'ok', service: c.service, clientIP: pkt.src, clientIPReason: clientReason(c) }, { address: c.address })
}

function finishAtPod(sim: Simulation, cluster: Cluster, owner: Owner | undefined, pkt: WalkPacket, log: HopLog, visited: { node: ClusterNode; entry: ConntrackEntry }[], result: Finish, c: Ctx): WalkResult {
  if (!owner || owner.kind !== 'pod') {
    log.add({ stage: 'route', at: visited.at(-1)?.node.id ?? '', before: packetView(pkt), after: packetView(pkt), verdict: 'dropped', note: { code: 'trace.route.nohost', params: { node: visited.at(-1)?.node.name ?? '', dst: pkt.dst, route: '' } } })
    recordUnanswered(sim, visited, 'timeout')
    return result({ result: 'timeout', service: c.service, reason: { code: 'trace.route.nohost', params: { node: visited.at(-1)?.node.name ?? '', dst: pkt.dst, route: '' } } }, { address: c.address })
  }
  const pod = owner.pod
  const podRef = name(pod)
  if (c.options.icmp) {
    log.add({ stage: 'pod', at: pod.id, node: owner.node.name, before: packetView(pkt), after: packetView(pkt), verdict: 'answered', note: { code: 'trace.icmp.reply', params: { who: podRef, dst: pkt.dst } } })
    return result({ result: 'ok', pod: podRef }, { address: c.address, answeredBy: pod })
  }
  const port = pkt.dstPort ?? 0
  if (!listens(pod, port, c.spec.protocol)) {
    const params = { pod: podRef, port: String(port), proto: c.spec.protocol.toLowerCase(), ip: pod.podIP }
    log.add({ stage: 'pod', at: pod.id, node: owner.node.name, before: packetView(pkt), after: packetView(pkt), verdict: 'rejected', note: { code: 'trace.pod.refused', params } })
    recordUnanswered(sim, visited, 'reset')
    return result({ result: 'refused', service: c.service, pod: podRef, endpoint: c.endpoint, reason: { code: 'trace.pod.refused', params } }, { address: c.address, answeredBy: pod })
  }
  log.add({
    stage: 'pod', at: pod.id, node: owner.node.name, from: owner.node.id, to: pod.id, before: packetView(pkt), after: packetView(pkt), verdict: 'delivered',
    note: { code: 'trace.pod.deliver', params: { pod: podRef, ip: pod.podIP, port: String(port), proto: c.spec.protocol.toLowerCase(), src: pkt.src } },
  })
  const outcome: Outcome = { result: 'ok', service: c.service, pod: podRef, endpoint: c.endpoint ?? `${pkt.dst}:${port}`, clientIP: pkt.src, clientIPReason: clientReason(c) }
  if (c.spec.http && isIngressControllerPod(pod)) return viaController(sim, cluster, pod, pkt, log, visited, result, c, outcome)
  let reply: HttpReply | undefined
  if (c.spec.http && !isBannerServer(pod)) {
    reply = httpReply(pod, port, { method: c.spec.http.method, host: c.spec.host, path: c.spec.http.path, headers: c.spec.http.headers }, {
      pod,
      date: httpDate(sim.clock.now()),
      connect: (host, p) => connectFrom(sim, pod, host, p),
    })
    if (reply) {
      outcome.httpStatus = reply.status
      log.add({ stage: 'pod', at: pod.id, node: owner.node.name, before: packetView(pkt), after: packetView(pkt), verdict: 'answered', note: { code: 'trace.http.answer', params: { pod: podRef, status: String(reply.status), reason: reply.reason } } })
    }
  }
  replyPath(sim, cluster, pkt, log, visited, c)
  return result(outcome, { address: c.address, answeredBy: pod, httpReply: reply })
}

/**
 * The request reached an ingress-nginx controller pod: the controller routes it and proxies to the endpoint on a
 * connection of its own (dataplane/ingress/walk-step.ts); its reply then travels back like any other.
 */
function viaController(sim: Simulation, cluster: Cluster, pod: Pod, pkt: WalkPacket, log: HopLog, visited: { node: ClusterNode; entry: ConntrackEntry }[], result: Finish, c: Ctx, outcome: Outcome): WalkResult {
  const http = c.spec.http!
  const defaultPort = http.scheme === 'https' ? 443 : 80
  const ans = answerAtController(sim, pod, {
    method: http.method, scheme: http.scheme,
    host: headerOf(http.headers, 'host') ?? (c.spec.port === defaultPort ? c.spec.host : `${c.spec.host}:${c.spec.port}`),
    path: http.path, headers: http.headers, clientIP: pkt.src, serverPort: pkt.dstPort ?? defaultPort,
    ...(http.insecure ? { insecure: true } : {}),
    ...(c.spec.inFlight ? { openConnections: c.spec.inFlight } : {}),
  }, httpDate(sim.clock.now()), (spec) => traceRequest(sim, spec))
  for (const h of ans.hops) log.add(h)
  log.rules += ans.rulesEvaluated
  const podRef = name(pod)
  if (ans.tlsFailure) {
    return result({ ...outcome, result: 'tls-error', pod: podRef, reason: { code: ans.tlsFailure.code, params: ans.tlsFailure.params } }, { address: c.address, answeredBy: pod })
  }
  const backend = ans.backendPod
  const done: Outcome = { ...outcome, pod: backend ? name(backend) : podRef, httpStatus: ans.reply?.status }
  // the backend Service the Ingress chose (the controller reads its EndpointSlices; its ClusterIP is not on the path)
  if (ans.route.upstream) done.service = `${ans.route.upstream.namespace}/${ans.route.upstream.service}`
  if (ans.backendPath !== undefined) done.path = ans.backendPath
  replyPath(sim, cluster, pkt, log, visited, c)
  return result(done, { address: c.address, answeredBy: backend ?? pod, httpReply: ans.reply })
}

function headerOf(headers: Record<string, string>, key: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === key) return v
  return undefined
}

/**
 * Conntrack entries of a connection that got no answer (SYN_SENT, UNREPLIED, 120 s) or a reset (CLOSE, 10 s): the
 * kernel confirms the entry once the first packet leaves the node, whatever happens next.
 */
function recordUnanswered(sim: Simulation, visited: { node: ClusterNode; entry: ConntrackEntry }[], how: 'timeout' | 'reset'): void {
  const now = sim.clock.now()
  for (const { node, entry } of visited) {
    if (entry.protocol === 'tcp') {
      // nf_conntrack_proto_tcp timeouts: SYN_SENT 120 s; an RST answering the SYN moves the entry to CLOSE, 10 s
      entry.state = how === 'timeout' ? 'SYN_SENT' : 'CLOSE'
      entry.unreplied = how === 'timeout'
      entry.expiresAtMs = now + (how === 'timeout' ? TIMEOUT_MS.SYN_SENT : 10_000)
    } else {
      entry.expiresAtMs = now + TIMEOUT_MS.udp
    }
    addConntrack(sim, node.name, entry)
  }
}

/** The reply, back through every node the request crossed, each undoing what its conntrack entry did. */
function replyPath(sim: Simulation, cluster: Cluster, request: WalkPacket, log: HopLog, visited: { node: ClusterNode; entry: ConntrackEntry }[], c: Ctx): void {
  const now = sim.clock.now()
  const reply: WalkPacket = { protocol: request.protocol, src: request.dst, srcPort: request.dstPort, dst: request.src, dstPort: request.srcPort, mark: 0 }
  const target = ownerOf(cluster, request.dst)
  log.add({
    stage: 'reply', at: target?.kind === 'pod' ? target.pod.id : visited.at(-1)?.node.id ?? '', before: packetView(reply), after: packetView(reply), verdict: 'forwarded',
    note: { code: 'trace.reply.send', params: { src: endpointText({ ...reply, dst: reply.src, dstPort: reply.srcPort }), dst: endpointText(reply) } },
  })
  for (let i = visited.length - 1; i >= 0; i--) {
    const { node, entry } = visited[i]
    // the entry is confirmed and, once the exchange is over, in TIME_WAIT (curl and nc close their connections)
    entry.unreplied = false
    // nf_conntrack_proto_tcp: ASSURED once the handshake completes; udp_packet: ASSURED only for a stream still
    // active after 2 s, never for one query and its answer
    entry.assured = entry.protocol === 'tcp'
    entry.state = entry.protocol === 'tcp' ? 'TIME_WAIT' : undefined
    entry.expiresAtMs = now + (entry.protocol === 'tcp' ? TIMEOUT_MS.TIME_WAIT : TIMEOUT_MS.udp)
    addConntrack(sim, node.name, entry)
    const found = findReply(sim, node.name, entry.protocol, { src: reply.src, dst: reply.dst, sport: reply.srcPort ?? 0, dport: reply.dstPort ?? 0 })
    const before = { ...reply }
    if (found) {
      reply.src = found.orig.dst
      reply.srcPort = found.orig.dport
      reply.dst = found.orig.src
      reply.dstPort = found.orig.sport
    }
    const changed = before.src !== reply.src || before.dst !== reply.dst || before.srcPort !== reply.srcPort || before.dstPort !== reply.dstPort
    const undnat = before.src !== reply.src || before.srcPort !== reply.srcPort
    const unsnat = before.dst !== reply.dst || before.dstPort !== reply.dstPort
    log.add({
      stage: 'conntrack', at: node.id, node: node.name, before: packetView(before), after: packetView(reply),
      rule: found ? conntrackText(found) : undefined, ruleContext: 'conntrack', verdict: changed ? 'translated' : 'forwarded',
      note: {
        code: !changed ? 'trace.reply.forward' : undnat && unsnat ? 'trace.reply.unboth' : undnat ? 'trace.reply.undnat' : 'trace.reply.unsnat',
        params: { node: node.name, from: endpointText(before, 'src'), to: endpointText(reply, 'src'), dstFrom: endpointText(before), dstTo: endpointText(reply) },
      },
    })
  }
  const who = c.source.kind === 'pod' ? name(c.source.pod) : c.source.kind === 'node' ? c.source.pod ? name(c.source.pod) : c.source.node.name : c.source.name
  const at = c.source.kind === 'pod' ? c.source.pod.id : c.source.kind === 'node' ? c.source.pod?.id ?? c.source.node.id : c.source.id
  log.add({
    stage: 'reply', at, before: packetView(reply), after: packetView(reply), verdict: 'delivered',
    note: { code: 'trace.reply.deliver', params: { who, from: endpointText(reply, 'src') } },
  })
}

function conntrackText(e: ConntrackEntry): string {
  return `${e.protocol} src=${e.orig.src} dst=${e.orig.dst} sport=${e.orig.sport} dport=${e.orig.dport} src=${e.reply.src} dst=${e.reply.dst} sport=${e.reply.sport} dport=${e.reply.dport}`
}

function deliverOutside(owner: Owner, pkt: WalkPacket, source: Source, log: HopLog, result: Finish, address: string, options: WalkOptions): WalkResult {
  const id = owner.kind === 'client' ? owner.client.id : owner.kind === 'router' ? owner.router.id : ''
  const who = owner.kind === 'client' ? owner.client.name : owner.kind === 'router' ? owner.router.name : ''
  void source
  if (options.icmp) {
    log.add({ stage: 'reply', at: id, before: packetView(pkt), after: packetView(pkt), verdict: 'answered', note: { code: 'trace.icmp.reply', params: { who, dst: pkt.dst } } })
    return result({ result: 'ok' }, { address })
  }
  const params = { who, port: String(pkt.dstPort ?? 0) }
  log.add({ stage: 'pod', at: id, before: packetView(pkt), after: packetView(pkt), verdict: 'rejected', note: { code: 'trace.outside.refused', params } })
  return result({ result: 'refused', reason: { code: 'trace.outside.refused', params } }, { address })
}

function clientReason(c: Ctx): string {
  if (!c.masqueradedTo) return 'outcome.clientip.preserved'
  if (c.clientReasonOfMode) return c.clientReasonOfMode
  const r = c.markedBy
  if (!r) return 'outcome.clientip.masq'
  if (r.chain.startsWith('KUBE-SEP-')) return 'outcome.clientip.masq.hairpin'
  if (r.chain.startsWith('KUBE-EXT-')) return r.args.some((a) => a.kind === 'addrtype') ? 'outcome.clientip.masq.local' : 'outcome.clientip.masq.external'
  if (r.args.some((a) => a.kind === 'src' && a.not)) return 'outcome.clientip.masq.offcluster'
  return 'outcome.clientip.masq.all'
}

/** A second connection made by an app inside a pod (the nginx-php page connecting to MySQL), walked for real. */
function connectFrom(sim: Simulation, pod: Pod, host: string, port: number): { ok: boolean; detail: string } {
  const t = traceRequest(sim, { from: pod.id, protocol: 'TCP', host, port })
  if (t.outcome.result === 'ok' && t.answeredBy) return { ok: true, detail: mysqlVersion(t.answeredBy) }
  if (t.outcome.result === 'dns-failure') return { ok: false, detail: `php_network_getaddresses: getaddrinfo for ${host} failed: Name or service not known` }
  if (t.outcome.result === 'refused' || t.outcome.result === 'rejected') return { ok: false, detail: 'Connection refused' }
  return { ok: false, detail: 'Connection timed out' }
}

function sourceOf(cluster: Cluster, from: ObjectId): Source | undefined {
  const [kind] = from.split('/')
  if (kind === 'Pod') {
    const pod = cluster.pods.find((p) => p.id === from)
    if (!pod) return undefined
    const node = nodeByName(cluster, pod.nodeName)
    if (!node) return undefined
    return pod.hostNetwork ? { kind: 'node', node, pod } : { kind: 'pod', pod, node }
  }
  if (kind === 'Node') {
    const node = cluster.nodes.find((n) => n.id === from)
    return node ? { kind: 'node', node } : undefined
  }
  if (kind === 'Client') {
    const c = cluster.clients.find((x) => x.id === from)
    return c ? { kind: 'outside', id: c.id, ip: c.ip, name: c.name } : undefined
  }
  if (kind === 'Router' && cluster.router?.id === from) return { kind: 'outside', id: cluster.router.id, ip: cluster.router.ip, name: cluster.router.name }
  return undefined
}

function isExternalServiceIP(cluster: Cluster, ip: string): boolean {
  return cluster.services.some((s) => s.externalIPs.includes(ip) || (s.type === 'LoadBalancer' && s.loadBalancerIngress.includes(ip)))
}

function tuple(p: WalkPacket) {
  return { src: p.src, dst: p.dst, sport: p.srcPort ?? 0, dport: p.dstPort ?? 0 }
}

function name(pod: Pod): string {
  return `${pod.namespace}/${pod.name}`
}

function endpointText(p: { src?: string; srcPort?: number; dst: string; dstPort?: number }, side: 'src' | 'dst' = 'dst'): string {
  const ip = side === 'src' ? p.src ?? '' : p.dst
  const port = side === 'src' ? p.srcPort : p.dstPort
  return port === undefined ? ip : `${ip}:${port}`
}

/** RFC 7231 IMF-fixdate from the virtual clock. */
export function httpDate(ms: number): string {
  const d = new Date(ms)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`
}

export { bridgeIP }
