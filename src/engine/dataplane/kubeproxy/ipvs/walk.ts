import type { Cluster, ClusterNode } from '../../../cluster/types'
import type { Simulation } from '../../../sim/simulation'
import { isLocalAddress, routeOn } from '../../../trace/network'
import type { Hop, Packet } from '../../../trace/types'
import { cidrContains, parseCidr } from '../../../util/ip'
import type { IpvsNodeState, RealServer, VirtualServer } from './compile'
import { vsKey } from './compile'
import { addConnection, destList, findTemplate, ipvsRuntime, touchTemplate } from './connections'
import { destLine, serviceLine } from './render'
import { ruleMatches, saveLine, type IpvsRule, type RulePacket } from './rules'
import { schedule } from './schedulers'
import { ipvsState } from './state'

/**
 * One node's kernel in IPVS mode, as a packet crosses it: nat PREROUTING/OUTPUT (the few kube-proxy rules, ipsets
 * included), the route to the local address on kube-ipvs0, filter INPUT (KUBE-IPVS-FILTER), IPVS at LOCAL_IN (one
 * hash lookup of the virtual server, the scheduler's choice, Masq forwarding = DNAT), then nat POSTROUTING.
 * Follows the packet path drawn in k/k pkg/proxy/ipvs/README.md.
 */

export interface WalkPacketLike extends Packet {
  mark: number
}

export interface HopSink {
  add(h: Omit<Hop, 'seq'>): void
  rules: number
}

export interface ModePass {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT'
  /** `namespace/name` of the Service whose virtual server or map entry took the packet. */
  service?: string
  /** `ip:port` the packet was DNATed to. */
  endpoint?: string
  /** Why the source was masqueraded (an outcome.clientip.* code), when it was. */
  clientReason?: string
  masqueradedTo?: string
}

interface Run {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT' | 'MASQUERADE'
  rules: number
  marked?: IpvsRule
  decided?: IpvsRule
}

const view = (p: WalkPacketLike): Packet => {
  const out: Packet = { protocol: p.protocol, src: p.src, dst: p.dst }
  if (p.srcPort !== undefined) out.srcPort = p.srcPort
  if (p.dstPort !== undefined) out.dstPort = p.dstPort
  if (p.http) out.http = p.http
  return out
}

/** Runs one built-in chain of the IPVS-mode rules, following jumps and returns (ipt_do_table). */
export function runIpvsChain(s: IpvsNodeState, table: 'nat' | 'filter', hook: string, rp: RulePacket): Run {
  const run: Run = { verdict: 'ACCEPT', rules: 0 }
  const chains = new Map<string, IpvsRule[]>()
  for (const r of s.rules) if (r.table === table) (chains.get(r.chain) ?? chains.set(r.chain, []).get(r.chain)!).push(r)
  const stack: { chain: string; i: number }[] = []
  let frame = { chain: hook, i: 0 }
  for (let guard = 0; guard < 10_000; guard++) {
    const list = chains.get(frame.chain) ?? []
    if (frame.i >= list.length) {
      if (stack.length === 0) return run
      frame = stack.pop()!
      continue
    }
    const r = list[frame.i++]
    run.rules++
    if (!ruleMatches(r, rp, s.ipsets)) continue
    const t = r.target
    if (t.kind === 'jump') {
      if (t.chain === 'KUBE-MARK-MASQ') run.marked ??= r
      stack.push(frame)
      frame = { chain: t.chain, i: 0 }
      continue
    }
    if (t.kind === 'MARK') {
      rp.mark = t.op === 'or' ? rp.mark | t.value : rp.mark ^ t.value
      continue
    }
    if (t.kind === 'RETURN') {
      if (stack.length === 0) return run
      frame = stack.pop()!
      continue
    }
    run.decided = r
    run.verdict = t.kind
    return run
  }
  return run
}

export function ipvsNodePass(sim: Simulation, cluster: Cluster, node: ClusterNode, pkt: WalkPacketLike, hook: 'PREROUTING' | 'OUTPUT', log: HopSink): ModePass {
  const s = ipvsState(sim, node)
  const now = sim.clock.now()
  const pass: ModePass = { verdict: 'ACCEPT' }
  const local = (ip: string) => isLocalAddress(node, ip) || s.dummyAddresses.includes(ip)
  const podNet = parseCidr(node.podCIDR)
  const rp = (): RulePacket => ({
    proto: pkt.protocol, src: pkt.src, dst: pkt.dst, dport: pkt.dstPort, mark: pkt.mark, ctNew: true,
    srcLocal: local(pkt.src), dstLocal: local(pkt.dst),
    fromBridge: hook === 'PREROUTING' && !!podNet && cidrContains(podNet, pkt.src),
  })
  const hop = (h: Omit<Hop, 'seq' | 'stage' | 'at' | 'node'>) => log.add({ stage: 'kube-proxy', at: node.id, node: node.name, ...h })

  // nat PREROUTING / OUTPUT
  const natIn = rp()
  const nat = runIpvsChain(s, 'nat', hook, natIn)
  log.rules += nat.rules
  pkt.mark = natIn.mark
  if (nat.marked) {
    hop({ before: view(pkt), after: view(pkt), rule: saveLine(nat.marked), ruleContext: `nat ${nat.marked.chain}`, rulesEvaluated: nat.rules, verdict: 'forwarded', note: markNote(nat.marked, pkt, s) })
    pass.clientReason = markReason(nat.marked)
  } else if (nat.decided?.target.kind === 'ACCEPT') {
    const set = nat.decided.args.find((a) => a.k === 'set')
    hop({ before: view(pkt), after: view(pkt), rule: saveLine(nat.decided), ruleContext: `nat ${nat.decided.chain}`, rulesEvaluated: nat.rules, verdict: 'forwarded', note: { code: 'ipvs.nf.accept', params: { dst: pkt.dst, port: String(pkt.dstPort ?? ''), set: set && set.k === 'set' ? set.name : '', hook, node: node.name } } })
  } else {
    hop({ before: view(pkt), after: view(pkt), ruleContext: `nat ${hook}`, rulesEvaluated: nat.rules, verdict: 'forwarded', note: { code: 'trace.nf.nomatch', params: { hook, rules: String(nat.rules), node: node.name } } })
  }

  const toLocal = local(pkt.dst)
  // filter: OUTPUT for a local sender, then INPUT for a local destination, FORWARD for a routed one
  const filterHooks = [...(hook === 'OUTPUT' ? ['OUTPUT'] : []), ...(toLocal ? ['INPUT'] : hook === 'PREROUTING' ? ['FORWARD'] : [])]
  for (const fh of filterHooks) {
    const f = runIpvsChain(s, 'filter', fh, rp())
    log.rules += f.rules
    if (f.verdict === 'REJECT' || f.verdict === 'DROP') {
      const r = f.decided!
      const note: { code: string; params: Record<string, string> } = r.chain === 'KUBE-IPVS-FILTER'
        ? { code: 'ipvs.nf.reject', params: { proto: String(pkt.protocol), dst: pkt.dst, port: pkt.dstPort === undefined ? '' : `:${pkt.dstPort}` } }
        : { code: 'ipvs.nf.drop', params: { src: pkt.src, dst: pkt.dst } }
      hop({ before: view(pkt), after: view(pkt), rule: saveLine(r), ruleContext: `filter ${r.chain}`, rulesEvaluated: f.rules, verdict: f.verdict === 'REJECT' ? 'rejected' : 'dropped', note })
      pass.verdict = f.verdict
      return pass
    }
  }

  if (toLocal) {
    // IPVS at LOCAL_IN: one hash lookup of (protocol, address, port) in the service table (ip_vs_service_find)
    const vs = pkt.dstPort === undefined ? undefined : s.byKey.get(vsKey(pkt.protocol, pkt.dst, pkt.dstPort))
    if (!vs) return pass // not a virtual server: the node's own socket (or nothing) answers
    const serviceName = `${vs.servicePort.service.namespace}/${vs.servicePort.service.name}`
    pass.service = serviceName
    log.rules += 1
    hop({
      before: view(pkt), after: view(pkt), rule: serviceLine(vs), ruleContext: 'ipvs', rulesEvaluated: 1, verdict: 'forwarded',
      source: vs.servicePort.service.source ?? { object: vs.servicePort.service.id },
      note: { code: 'ipvs.lookup', params: { node: node.name, proto: vs.protocol, vip: `${vs.address}:${vs.port}`, service: vs.servicePort.name, scheduler: vs.scheduler, servers: String(vs.realServers.length) } },
    })
    const rt = ipvsRuntime(sim, node.name)
    const dests = destList(rt, vs, now)
    let chosen: RealServer | undefined
    let reason: { code: string; params: Record<string, string> } | undefined
    // ip_vs_sched_persist: a live template sends the client back to the same real server (if its weight is not 0:
    // kube-proxy sets expire_quiescent_template=1)
    const template = vs.persistent ? findTemplate(rt, vs, pkt.src) : undefined
    if (template) {
      const d = dests.find((x) => x.rs.ip === template.daddr && x.rs.port === template.dport && x.view.weight > 0)
      if (d) {
        chosen = d.rs
        reason = { code: 'ipvs.persist', params: { src: pkt.src, seconds: String(Math.ceil((template.expiresAtMs - now) / 1000)), timeout: String(vs.persistent) } }
      }
    }
    if (!chosen) {
      const mem = rt.sched.get(vs.key) ?? rt.sched.set(vs.key, {}).get(vs.key)!
      const c = schedule(vs.scheduler, dests.map((d) => d.view), mem, { src: pkt.src, dst: pkt.dst })
      if (c) {
        chosen = dests[c.index].rs
        reason = c.reason
      }
    }
    if (!chosen || !reason) {
      // ip_vs_leave: no destination; ICMP port unreachable, whatever the protocol
      hop({ before: view(pkt), after: view(pkt), rule: serviceLine(vs), ruleContext: 'ipvs', rulesEvaluated: 0, verdict: 'rejected', note: { code: 'ipvs.nodest', params: { vip: `${vs.address}:${vs.port}`, service: vs.servicePort.name } } })
      pass.verdict = 'REJECT'
      return pass
    }
    const d = dests.find((x) => x.rs === chosen)!
    const before = view(pkt)
    pkt.dst = chosen.ip
    pkt.dstPort = chosen.port
    pass.endpoint = chosen.key
    const pod = chosen.endpoint.pod ? chosen.endpoint.pod.split('/').slice(1).join('/') : chosen.key
    hop({
      before, after: view(pkt), rule: `${serviceLine(vs)}\n${destLine(chosen, d.view.weight, d.view.activeConns, d.view.inactConns)}`, ruleContext: 'ipvs', rulesEvaluated: 0, verdict: 'translated',
      note: { code: reason.code, params: { ...reason.params, endpoint: chosen.key, pod, from: `${before.dst}:${before.dstPort}`, scheduler: vs.scheduler } },
    })
    if (vs.persistent) touchTemplate(rt, vs, chosen, before.src, now)
    addConnection(rt, vs, chosen, before.src, before.srcPort ?? 0, now)
    // ip_vs_nat_xmit sends the packet on through LOCAL_OUT: filter OUTPUT (KUBE-IPVS-OUT-FILTER)
    const out = runIpvsChain(s, 'filter', 'OUTPUT', rp())
    log.rules += out.rules
  }

  // nat POSTROUTING: KUBE-LOOP-BACK (hairpin) and the marked traffic are masqueraded
  const postIn = rp()
  const post = runIpvsChain(s, 'nat', 'POSTROUTING', postIn)
  log.rules += post.rules
  if (post.verdict === 'MASQUERADE' && post.decided) {
    const route = routeOn(cluster, node, pkt.dst)
    const before = view(pkt)
    pkt.src = route.prefSrc
    const t = post.decided.target
    // --random-fully: nf_nat_l4proto_unique_tuple draws the new source port from 1024-65535 (as trace/walk.ts)
    if (t.kind === 'MASQUERADE' && t.randomFully && pkt.srcPort !== undefined) pkt.srcPort = 1024 + sim.rng.int(65536 - 1024)
    const hairpin = post.decided.args.some((a) => a.k === 'set' && a.name === 'KUBE-LOOP-BACK')
    if (hairpin) pass.clientReason = 'outcome.clientip.masq.hairpin'
    hop({ before, after: view(pkt), rule: saveLine(post.decided), ruleContext: `nat ${post.decided.chain}`, rulesEvaluated: post.rules, verdict: 'translated', note: { code: hairpin ? 'ipvs.masq.loopback' : 'trace.nf.masquerade', params: { from: before.src, to: pkt.src, dev: route.dev, node: node.name } } })
    pass.masqueradedTo = pkt.src
  }
  pkt.mark = 0
  return pass
}

function markNote(r: IpvsRule, pkt: WalkPacketLike, s: IpvsNodeState): { code: string; params: Record<string, string> } {
  const set = r.args.find((a) => a.k === 'set')
  const setName = set && set.k === 'set' ? set.name : ''
  const notSrc = r.args.find((a) => a.k === 'src' && a.not)
  if (notSrc && notSrc.k === 'src') return { code: 'ipvs.nf.mark.offcluster', params: { src: pkt.src, cidr: notSrc.cidr, dst: `${pkt.dst}:${pkt.dstPort ?? ''}`, set: setName } }
  if (r.chain === 'KUBE-NODE-PORT') return { code: 'ipvs.nf.mark.nodeport', params: { port: String(pkt.dstPort ?? ''), set: setName } }
  if (r.chain === 'KUBE-LOAD-BALANCER') return { code: 'ipvs.nf.mark.lb', params: { dst: `${pkt.dst}:${pkt.dstPort ?? ''}` } }
  if (setName === 'KUBE-EXTERNAL-IP') return { code: 'ipvs.nf.mark.external', params: { dst: `${pkt.dst}:${pkt.dstPort ?? ''}` } }
  void s
  return { code: 'ipvs.nf.mark.all', params: { dst: `${pkt.dst}:${pkt.dstPort ?? ''}` } }
}

function markReason(r: IpvsRule): string {
  if (r.args.some((a) => a.k === 'src' && a.not)) return 'outcome.clientip.masq.offcluster'
  if (r.chain === 'KUBE-NODE-PORT' || r.chain === 'KUBE-LOAD-BALANCER' || r.args.some((a) => a.k === 'set' && a.name === 'KUBE-EXTERNAL-IP')) return 'outcome.clientip.masq.external'
  return 'outcome.clientip.masq.all'
}

export type { VirtualServer }
