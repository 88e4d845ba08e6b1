import type { Cluster, ClusterNode } from '../../../cluster/types'
import type { Simulation } from '../../../sim/simulation'
import { isLocalAddress, routeOn } from '../../../trace/network'
import type { Hop, Packet } from '../../../trace/types'
import { cidrContains, parseCidr } from '../../../util/ip'
import type { HopSink, ModePass, WalkPacketLike } from '../ipvs/walk'
import type { NftChain, NftRule, NftTable } from './compile'
import { ruleText } from './render'
import { affinityState, nftTable } from './state'

/**
 * One node's kernel in nftables mode: the `kube-proxy` table's base chains at their hooks and priorities
 * (filter-prerouting -110 then nat-prerouting -100; filter-output -110, nat-output -100, filter-output-post-dnat -90;
 * filter-input / filter-forward -110; nat-postrouting 100), each verdict-map lookup counted as one evaluation and
 * the `numgen random` draw taken from the simulation's seeded stream (k/k pkg/proxy/nftables/proxier.go).
 */

type Verdict = 'ACCEPT' | 'DROP' | 'REJECT' | 'MASQUERADE'

interface Ctx {
  sim: Simulation
  t: NftTable
  node: ClusterNode
  pkt: WalkPacketLike
  ctNew: boolean
  srcLocal: boolean
  log: HopSink
  pass: ModePass
  /** Rules evaluated since the last hop. */
  pending: number
  affinity: Map<string, Map<string, number>>
}

const view = (p: WalkPacketLike): Packet => {
  const out: Packet = { protocol: p.protocol, src: p.src, dst: p.dst }
  if (p.srcPort !== undefined) out.srcPort = p.srcPort
  if (p.dstPort !== undefined) out.dstPort = p.dstPort
  if (p.http) out.http = p.http
  return out
}

function hop(c: Ctx, chain: NftChain, r: NftRule | undefined, before: Packet, verdict: Hop['verdict'], note: Hop['note'], extra: Partial<Hop> = {}): void {
  const h: Omit<Hop, 'seq'> = {
    stage: 'kube-proxy', at: c.node.id, node: c.node.name, before, after: view(c.pkt),
    ruleContext: `table ip kube-proxy chain ${chain.name}`, rulesEvaluated: c.pending, verdict, note, ...extra,
  }
  if (r) h.rule = ruleText(r)
  const svc = chain.service?.service
  if (svc) h.source = svc.source ?? { object: svc.id }
  c.log.add(h)
  c.pending = 0
}

const inCidr = (cidr: string, ip: string) => {
  const c = parseCidr(cidr)
  return !!c && cidrContains(c, ip)
}

// a verdict map is a hash in the kernel: one lookup, whatever its size
const indexes = new WeakMap<object, Map<string, { verdict?: string; comment?: string }>>()
function lookup(t: NftTable, map: string, key: string): { verdict?: string; comment?: string } | undefined {
  const set = t.bySet.get(map)
  if (!set) return undefined
  let index = indexes.get(set)
  if (!index) indexes.set(set, (index = new Map(set.elements.map((e) => [e.key, e]))))
  return index.get(key)
}

/** Runs a base chain; returns the verdict (ACCEPT when it falls through). */
function runChain(c: Ctx, base: string): Verdict {
  const stack: { chain: NftChain; i: number }[] = []
  let frame = { chain: c.t.byChain.get(base)!, i: 0 }
  const p = c.pkt
  const proto = p.protocol.toLowerCase()
  const jumpTo = (name: string, keep: boolean) => {
    const next = c.t.byChain.get(name)
    if (!next) return
    if (keep) stack.push(frame)
    frame = { chain: next, i: 0 }
  }
  const mark = (r: NftRule, code: string, params: Record<string, string>, reason: string) => {
    const before = view(p)
    p.mark |= 0x4000
    hop(c, frame.chain, r, before, 'forwarded', { code, params })
    c.pass.clientReason ??= reason
  }
  for (let guard = 0; guard < 10_000; guard++) {
    if (frame.i >= frame.chain.rules.length) {
      const up = stack.pop()
      if (!up) return 'ACCEPT'
      frame = up
      continue
    }
    const r = frame.chain.rules[frame.i++]
    c.pending++
    c.log.rules++
    const before = view(p)
    switch (r.k) {
      case 'ctNewJump': if (c.ctNew) jumpTo(r.chain, true); break
      case 'jump':
        if (r.chain === 'mark-for-masquerade') mark(r, 'nft.mark.external', { service: frame.chain.service?.name ?? '' }, 'outcome.clientip.masq.external')
        else jumpTo(r.chain, true)
        break
      case 'goto': jumpTo(r.chain, false); break
      case 'vmapDaddrProtoPort':
      case 'vmapNodePort': {
        if (r.k === 'vmapNodePort' && !lookup(c.t, 'nodeport-ips', p.dst)) break
        const key = r.k === 'vmapNodePort' ? `${proto} . ${p.dstPort}` : `${p.dst} . ${proto} . ${p.dstPort}`
        const e = p.dstPort === undefined ? undefined : lookup(c.t, r.map, key)
        if (!e?.verdict) break
        const [verb, target] = e.verdict.split(' ')
        if (verb === 'drop' || target === 'reject-chain') {
          const isReject = target === 'reject-chain'
          c.pass.service = e.comment ? e.comment.split(':')[0] : c.pass.service
          hop(c, frame.chain, r, before, isReject ? 'rejected' : 'dropped', { code: isReject ? 'nft.noendpoints.reject' : 'nft.noendpoints.drop', params: { key, map: r.map, service: e.comment ?? '' } })
          return isReject ? 'REJECT' : 'DROP'
        }
        hop(c, frame.chain, r, before, 'forwarded', { code: 'nft.map.hit', params: { key, map: r.map, chain: target } })
        jumpTo(target, verb === 'jump')
        break
      }
      case 'markOr': p.mark |= r.value; break
      case 'markAndZeroReturn':
        if ((p.mark & r.value) === 0) { const up = stack.pop(); if (!up) return 'ACCEPT'; frame = up }
        break
      case 'markXor': p.mark ^= r.value; break
      case 'masquerade': return 'MASQUERADE'
      case 'rejectClusterIP':
        if (lookup(c.t, 'cluster-ips', p.dst)) {
          hop(c, frame.chain, r, before, 'rejected', { code: 'nft.clusterip.badport', params: { dst: p.dst, port: String(p.dstPort ?? ''), proto: p.protocol } })
          return 'REJECT'
        }
        break
      case 'dropServiceCIDR':
        if (r.cidrs.some((x) => inCidr(x, p.dst))) {
          hop(c, frame.chain, r, before, 'dropped', { code: 'nft.clusterip.unallocated', params: { dst: p.dst } })
          return 'DROP'
        }
        break
      case 'reject': return 'REJECT'
      case 'svcMasq':
        if (p.dst === r.ip && proto === r.proto && p.dstPort === r.port && (!r.notSrc || !inCidr(r.notSrc, p.src))) {
          if (r.notSrc) mark(r, 'trace.nf.masq.offcluster', { src: p.src, cidr: r.notSrc, service: frame.chain.service?.name ?? '' }, 'outcome.clientip.masq.offcluster')
          else mark(r, 'trace.nf.masq.all', { service: frame.chain.service?.name ?? '' }, 'outcome.clientip.masq.all')
        }
        break
      case 'affinityCheck': {
        const exp = c.affinity.get(r.set)?.get(p.src)
        if (exp !== undefined && exp > c.sim.clock.now()) {
          hop(c, frame.chain, r, before, 'forwarded', { code: 'nft.affinity', params: { src: p.src, set: r.set, seconds: String(Math.ceil((exp - c.sim.clock.now()) / 1000)) } })
          jumpTo(r.chain, false)
        }
        break
      }
      case 'numgen': {
        // numgen random mod N: a uniform draw in [0, N)
        const n = r.chains.length
        const draw = c.sim.rng.int(n)
        const target = r.chains[draw]
        hop(c, frame.chain, r, before, 'forwarded', { code: 'nft.numgen', params: { draw: String(draw), n: String(n), chain: target } }, { draw: { value: draw, description: `numgen random mod ${n}` } })
        jumpTo(target, false)
        break
      }
      case 'hairpin':
        if (p.src === r.ip) mark(r, 'trace.nf.masq.hairpin', { src: p.src, service: frame.chain.service?.name ?? '' }, 'outcome.clientip.masq.hairpin')
        break
      case 'affinityUpdate': {
        const set = c.t.bySet.get(r.set)
        const m = c.affinity.get(r.set) ?? c.affinity.set(r.set, new Map()).get(r.set)!
        m.set(p.src, c.sim.clock.now() + (set?.timeout ?? 10800) * 1000)
        break
      }
      case 'dnat': {
        const [ip, port] = r.to.split(':')
        p.dst = ip
        p.dstPort = Number(port)
        c.pass.endpoint = r.to
        const svc = frame.chain.service
        if (svc) c.pass.service = `${svc.service.namespace}/${svc.service.name}`
        const pod = frame.chain.endpoint?.pod?.split('/').slice(1).join('/') ?? r.to
        hop(c, frame.chain, r, before, 'translated', { code: 'trace.nf.dnat', params: { from: `${before.dst}:${before.dstPort}`, to: r.to, pod } })
        return 'ACCEPT'
      }
      case 'srcGoto': if (inCidr(r.cidr, p.src)) jumpTo(r.chain, false); break
      case 'fibLocalMark': if (c.srcLocal) mark(r, 'trace.nf.masq.local', { service: frame.chain.service?.name ?? '', node: c.node.name }, 'outcome.clientip.masq.local'); break
      case 'fibLocalGoto': if (c.srcLocal) jumpTo(r.chain, false); break
      case 'srcNotInDrop':
        if (!r.cidrs.some((x) => inCidr(x, p.src))) {
          hop(c, frame.chain, r, before, 'dropped', { code: 'ipvs.nf.drop', params: { src: p.src, dst: p.dst } })
          return 'DROP'
        }
        break
    }
  }
  return 'ACCEPT'
}

export function nftNodePass(sim: Simulation, cluster: Cluster, node: ClusterNode, pkt: WalkPacketLike, hook: 'PREROUTING' | 'OUTPUT', log: HopSink): ModePass {
  const t = nftTable(sim, node)
  const pass: ModePass = { verdict: 'ACCEPT' }
  const c: Ctx = { sim, t, node, pkt, ctNew: true, srcLocal: isLocalAddress(node, pkt.src), log, pass, pending: 0, affinity: affinityState(sim, node.name) }
  const order = hook === 'PREROUTING' ? ['filter-prerouting', 'nat-prerouting'] : ['filter-output', 'nat-output', 'filter-output-post-dnat']
  const firstHop = log.rules
  for (const chain of order) {
    const v = runChain(c, chain)
    if (v === 'DROP' || v === 'REJECT') { pass.verdict = v; return pass }
  }
  if (log.rules - firstHop > 0 && c.pending === log.rules - firstHop) {
    // nothing in the table touched the packet
    log.add({ stage: 'kube-proxy', at: node.id, node: node.name, before: view(pkt), after: view(pkt), ruleContext: 'table ip kube-proxy', rulesEvaluated: c.pending, verdict: 'forwarded', note: { code: 'nft.nomatch', params: { node: node.name, rules: String(c.pending) } } })
    c.pending = 0
  }
  const local = isLocalAddress(node, pkt.dst)
  if (hook === 'PREROUTING') {
    const v = runChain(c, local ? 'filter-input' : 'filter-forward')
    if (v === 'DROP' || v === 'REJECT') { pass.verdict = v; return pass }
    if (local) return pass
  } else if (local) {
    const v = runChain(c, 'filter-input')
    if (v === 'DROP' || v === 'REJECT') { pass.verdict = v; return pass }
  }
  const before = view(pkt)
  const post = runChain(c, 'nat-postrouting')
  if (post === 'MASQUERADE') {
    const route = routeOn(cluster, node, pkt.dst)
    pkt.src = route.prefSrc
    // masquerade fully-random: nf_nat_l4proto_unique_tuple draws the port from 1024-65535 (as trace/walk.ts)
    if (pkt.srcPort !== undefined) pkt.srcPort = 1024 + sim.rng.int(65536 - 1024)
    hop(c, t.byChain.get('masquerading')!, { k: 'masquerade' }, before, 'translated', { code: 'trace.nf.masquerade', params: { from: before.src, to: pkt.src, dev: route.dev, node: node.name } })
    pass.masqueradedTo = pkt.src
  }
  pkt.mark = 0
  return pass
}
