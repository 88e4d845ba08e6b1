import type { ClusterNode } from '../cluster/types'
import type { NodeRuleset } from '../dataplane/kubeproxy/iptables/compile'
import { matchRule, type MatchEnv, type MatchPacket, type MatchResult } from '../dataplane/kubeproxy/iptables/match'
import { printedProbability } from '../dataplane/kubeproxy/iptables/probability'
import { saveRule } from '../dataplane/kubeproxy/iptables/render'
import { isBuiltinChain, type Arg, type Rule, type TableName } from '../dataplane/kubeproxy/iptables/rule'
import type { Hop, Packet } from './types'

/**
 * The netfilter interpreter: runs one table's built-in chain of a node over a packet, rule by rule, following jumps
 * and returns as the kernel does (ipt_do_table), and records a hop for every rule that changed something or decided.
 */

export interface WalkPacket extends Packet {
  mark: number
}

export interface ChainRun {
  /** ACCEPT (fell through or accepted), or a terminal DROP/REJECT. DNAT and MASQUERADE end the table with ACCEPT. */
  verdict: 'ACCEPT' | 'DROP' | 'REJECT'
  hops: Omit<Hop, 'seq'>[]
  rulesEvaluated: number
  /** The DNAT/REJECT/DROP rule that decided, if any. */
  decidedBy?: Rule
  dnat?: { to: string; rule: Rule }
  masquerade?: Rule
  /** The KUBE-MARK-MASQ jump that marked the packet in this run, if any. */
  markedBy?: Rule
  /** The `recent --set` the DNAT rule carried (affinity to remember). */
  recentSet?: string
  /** Rules evaluated after the last hop (the walk adds them to its total). */
  trailing: number
}

export interface NetfilterEnv extends MatchEnv {
  node: ClusterNode
  rs: NodeRuleset
  /** Hook name for notes (PREROUTING, OUTPUT, FORWARD, INPUT, POSTROUTING). */
  hook: string
  ctstate: MatchPacket['ctstate']
  dnatDone: boolean
  /** Count a matched rule, or a built-in chain's policy (`table:CHAIN`), for `iptables -L -v`. */
  count?: (table: TableName, what: Rule | string) => void
}

type Frame = { chain: string; index: number }

const clone = (p: WalkPacket): WalkPacket => ({ ...p })

export function runHook(table: TableName, hook: string, pkt: WalkPacket, env: NetfilterEnv): ChainRun {
  const t = env.rs.tables[table]
  const run: ChainRun = { verdict: 'ACCEPT', hops: [], rulesEvaluated: 0, trailing: 0 }
  const stack: Frame[] = []
  let frame: Frame = { chain: hook, index: 0 }
  let pending = 0 // rules evaluated since the last hop
  // hops recorded for jumps are kept only if the called chain did something
  const jumpMarks: { hopsBefore: number }[] = []

  const pushHop = (r: Rule, before: WalkPacket, verdict: Hop['verdict'], note: Hop['note'], draw?: Hop['draw']) => {
    const h: Omit<Hop, 'seq'> = {
      stage: 'kube-proxy',
      at: env.node.id,
      node: env.node.name,
      before: packetView(before),
      after: packetView(pkt),
      rule: saveRule(r),
      ruleContext: `${table} ${r.chain}`,
      rulesEvaluated: pending,
      verdict,
      note,
    }
    if (draw) h.draw = draw
    if (r.origin?.ref) h.source = r.origin.ref
    else if (r.origin?.service) h.source = { object: r.origin.service }
    run.hops.push(h)
    pending = 0
  }

  // the packet as the matches see it (its addresses change only with DNAT, which ends the table)
  const mp = toMatchPacket(pkt, env)
  const returnFromChain = () => {
    const mark = jumpMarks.pop()
    if (mark && run.hops.length === mark.hopsBefore + 1) {
      // the called chain changed nothing: forget the jump's hop, keep its count
      const dropped = run.hops.pop()!
      pending += dropped.rulesEvaluated ?? 0
    }
    frame = stack.pop()!
  }

  for (let guard = 0; guard < 1_000_000; guard++) {
    const chain = t.byName.get(frame.chain)
    if (!chain || frame.index >= chain.rules.length) {
      // end of chain: return to the caller, or the built-in chain's policy
      if (stack.length === 0) {
        env.count?.(table, `${table}:${hook}`)
        break
      }
      returnFromChain()
      continue
    }
    const rule = chain.rules[frame.index++]
    run.rulesEvaluated++
    pending++
    const m: MatchResult = { ok: false }
    mp.mark = pkt.mark
    const matched = matchRule(rule.args, mp, env, m)
    const stat = rule.args.find((a): a is Extract<Arg, { kind: 'statistic' }> => a.kind === 'statistic')
    const draw = m.draw && stat
      ? { value: m.draw.value, threshold: m.draw.threshold, description: `statistic --probability ${printedProbability(stat.probability)}` }
      : undefined
    if (!matched) {
      if (draw && rule.target?.kind === 'jump') {
        pushHop(rule, pkt, 'forwarded', note('trace.nf.statistic.miss', { draw: fraction(m.draw!.value), p: printedProbability(stat!.probability), endpoint: rule.origin?.endpoint ?? rule.target.chain }), draw)
      }
      continue
    }
    env.count?.(table, rule)
    const target = rule.target
    if (!target) {
      // the KUBE-FW "other traffic … will be dropped by KUBE-PROXY-FIREWALL" rule only counts
      if (chain.name.startsWith('KUBE-FW-')) pushHop(rule, pkt, 'forwarded', note('trace.nf.fw.fallthrough', { src: pkt.src, service: serviceName(rule) }))
      continue
    }
    const before = clone(pkt)
    switch (target.kind) {
      case 'jump': {
        const n = jumpNote(rule, target.chain, pkt, env, draw)
        jumpMarks.push({ hopsBefore: run.hops.length })
        pushHop(rule, before, 'forwarded', n, draw)
        if (target.chain === 'KUBE-MARK-MASQ') run.markedBy = rule
        stack.push(frame)
        frame = { chain: target.chain, index: 0 }
        continue
      }
      case 'MARK': {
        pkt.mark = target.op === 'or' ? (pkt.mark | target.value) >>> 0 : (pkt.mark ^ target.value) >>> 0
        pushHop(rule, before, 'forwarded', note(target.op === 'or' ? 'trace.nf.mark' : 'trace.nf.unmark', { mark: '0x' + target.value.toString(16) }))
        continue
      }
      case 'RETURN': {
        if (chain.name === 'KUBE-POSTROUTING') pushHop(rule, before, 'forwarded', note('trace.nf.nomasq', { src: pkt.src }))
        if (stack.length === 0) { frame = { chain: hook, index: Number.MAX_SAFE_INTEGER }; continue }
        returnFromChain()
        continue
      }
      case 'DNAT': {
        const [ip, port] = target.to.split(':')
        const from = `${pkt.dst}:${pkt.dstPort}`
        pkt.dst = ip
        pkt.dstPort = Number(port)
        const recent = rule.args.find((a) => a.kind === 'recent' && a.op === 'set')
        if (recent && recent.kind === 'recent') run.recentSet = recent.name
        run.dnat = { to: target.to, rule }
        run.decidedBy = rule
        pushHop(rule, before, 'translated', note(recent ? 'trace.nf.dnat.affinity' : 'trace.nf.dnat', { from, to: target.to, pod: podName(rule) }))
        return finish(run, 'ACCEPT', pending)
      }
      case 'MASQUERADE': {
        run.masquerade = rule
        run.decidedBy = rule
        // the walk fills in the new source (it knows the route); the hop is written there
        return finish(run, 'ACCEPT', pending)
      }
      case 'ACCEPT':
        pushHop(rule, before, 'forwarded', note('trace.nf.accept', { chain: rule.chain, why: commentOf(rule) }))
        return finish(run, 'ACCEPT', pending)
      case 'DROP':
      case 'REJECT': {
        run.decidedBy = rule
        const text = rule.args.find((a) => a.kind === 'comment')
        pushHop(rule, before, target.kind === 'DROP' ? 'dropped' : 'rejected', note(target.kind === 'DROP' ? 'trace.nf.drop' : 'trace.nf.reject', { why: text && text.kind === 'comment' ? text.text : rule.chain }))
        return finish(run, target.kind, pending)
      }
    }
  }
  return finish(run, 'ACCEPT', pending)
}

function finish(run: ChainRun, verdict: ChainRun['verdict'], pending: number): ChainRun {
  run.verdict = verdict
  run.trailing = pending
  return run
}

export function packetView(p: WalkPacket): Packet {
  const out: Packet = { protocol: p.protocol, src: p.src, dst: p.dst }
  if (p.srcPort !== undefined) out.srcPort = p.srcPort
  if (p.dstPort !== undefined) out.dstPort = p.dstPort
  if (p.http) out.http = p.http
  if (p.dns) out.dns = p.dns
  return out
}

function toMatchPacket(p: WalkPacket, env: NetfilterEnv): MatchPacket {
  return { protocol: p.protocol.toLowerCase(), src: p.src, dst: p.dst, dstPort: p.dstPort, mark: p.mark, ctstate: env.ctstate, dnat: env.dnatDone }
}

function note(code: string, params: Record<string, string>): Hop['note'] {
  return { code, params }
}

function fraction(v: number): string {
  return (v / 0x80000000).toFixed(4)
}

function podName(r: Rule): string {
  const pod = r.origin?.pod
  return pod ? pod.split('/').slice(1).join('/') : r.origin?.endpoint ?? ''
}

function serviceName(r: Rule): string {
  return r.origin?.servicePort ?? ''
}

function commentOf(r: Rule): string {
  const c = r.args.find((a) => a.kind === 'comment')
  return c && c.kind === 'comment' ? c.text : ''
}

/** One plain sentence per kind of jump, in the words of what the rule is for. */
function jumpNote(r: Rule, target: string, p: WalkPacket, env: NetfilterEnv, draw?: Hop['draw']): Hop['note'] {
  const dst = `${p.dst}:${p.dstPort ?? ''}`
  const svc = serviceName(r)
  if (isBuiltinChain(r.table, r.chain)) return note('trace.nf.portals', { hook: r.chain, target, table: r.table })
  if (target === 'KUBE-NODEPORTS') return note('trace.nf.nodeports', { dst: p.dst })
  if (target === 'KUBE-MARK-MASQ') {
    if (r.chain.startsWith('KUBE-SEP-')) return note('trace.nf.masq.hairpin', { src: p.src, service: svc })
    if (r.chain.startsWith('KUBE-EXT-')) {
      const local = r.args.some((a) => a.kind === 'addrtype')
      return note(local ? 'trace.nf.masq.local' : 'trace.nf.masq.external', { service: svc, node: env.node.name })
    }
    const notSrc = r.args.find((a) => a.kind === 'src' && a.not)
    if (notSrc && notSrc.kind === 'src') return note('trace.nf.masq.offcluster', { src: p.src, cidr: notSrc.cidr, service: svc })
    return note('trace.nf.masq.all', { service: svc })
  }
  if (r.chain === 'KUBE-SERVICES') {
    const c = commentOf(r)
    const kind = c.endsWith('external IP') ? 'external IP' : c.endsWith('loadbalancer IP') ? 'loadbalancer IP' : 'cluster IP'
    return note('trace.nf.service', { dst, service: svc, kind, target })
  }
  if (r.chain === 'KUBE-NODEPORTS') return note('trace.nf.nodeport', { port: String(p.dstPort ?? ''), service: svc, target })
  if (target.startsWith('KUBE-SEP-')) {
    const recent = r.args.find((a) => a.kind === 'recent')
    if (recent && recent.kind === 'recent' && recent.op === 'rcheck') {
      const age = env.recentAge(recent.name, p.src)
      return note('trace.nf.affinity', { src: p.src, endpoint: r.origin?.endpoint ?? target, age: String(age ?? 0), seconds: String(recent.seconds) })
    }
    if (draw) return note('trace.nf.statistic.hit', { draw: fraction(draw.value), p: draw.description.split(' ').pop() ?? '', endpoint: r.origin?.endpoint ?? target })
    const chain = env.rs.tables[r.table].byName.get(r.chain)
    const choices = chain ? chain.rules.filter((x) => x.target?.kind === 'jump' && x.target.chain.startsWith('KUBE-SEP-') && !x.args.some((a) => a.kind === 'recent')).length : 0
    return note(choices === 1 ? 'trace.nf.endpoint.only' : 'trace.nf.endpoint.last', { endpoint: r.origin?.endpoint ?? target, service: svc })
  }
  if (r.chain.startsWith('KUBE-FW-')) {
    const src = r.args.find((a) => a.kind === 'src')
    return note('trace.nf.fw.allow', { src: p.src, cidr: src && src.kind === 'src' ? src.cidr : '', service: svc })
  }
  if (r.chain.startsWith('KUBE-EXT-')) {
    if (r.args.some((a) => a.kind === 'src')) return note('trace.nf.ext.pod', { service: svc, target })
    if (r.args.some((a) => a.kind === 'addrtype')) return note('trace.nf.ext.local', { service: svc, target })
    return note(target.startsWith('KUBE-SVL-') ? 'trace.nf.ext.policy.local' : 'trace.nf.ext.policy.cluster', { service: svc, target })
  }
  return note('trace.nf.jump', { chain: r.chain, target })
}
