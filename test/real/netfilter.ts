import type { CompiledScenario } from '../../src/engine/scenario'
import { resolveWhere } from '../../src/engine/shell/location'
import { runLine } from '../../src/engine/shell/sh'
import { Simulation } from '../../src/engine/sim/simulation'
import { conntrackEntries, firewallHits, flushConntrack, namespaceOf, probe, readCounters } from './kernel'
import { engineWalk, legKey, legsOf, observeTrace, type Leg, type Observation } from './legs'
import { planListeners, startListeners, stopListeners, waitListening } from './listeners'
import type { ModeDriver } from './modes'
import { firstDifference, type Report } from './report'
import { chiSquareHomogeneity, chiSquareUniform, countBy } from './stats'
import { buildTopology, planTopology, teardownAll } from './topology'

/**
 * Netfilter, for real: one scenario's cluster built as namespaces, each node loaded with the rules the engine
 * generated, listeners where the engine says something listens, and every leg of the scenario's requests sent as real
 * connections and compared with the engine's walk of the same leg.
 */

export interface ScenarioRun {
  name: string
  compiled: CompiledScenario
  /** Suggested requests: `from` as the terminal names machines, the command line as typed. */
  requests: { from: string; command: string }[]
  /** Legs given directly (generated scenarios). */
  legs?: Leg[]
  /** Only these pods get a namespace (large scenarios are sampled); undefined = all. */
  onlyPods?: Set<string>
}

const SUITE = 'netfilter'
/** Engine walks per leg (one Simulation, as `exec --repeat` runs them) and seeds for the set of possible endings. */
const ENGINE_RUNS = 100
/** Many seeds, few runs each: under ClientIP affinity each Simulation sticks to one endpoint. */
const SUPPORT_SEEDS = Array.from({ length: 30 }, (_, i) => i + 2)
const SUPPORT_RUNS = 2
/** Below this p-value the kernel's spread over endpoints and the engine's are called different. */
const P_MIN = 0.001

export function scenarioLegs(run: ScenarioRun): { legs: Leg[]; problems: string[] } {
  const problems: string[] = []
  const legs = new Map<string, Leg>()
  const sim = new Simulation(run.compiled, 1)
  for (const r of run.requests) {
    const where = resolveWhere(run.compiled.cluster, r.from)
    if (!where.ok) { problems.push(`${r.from}: no such machine`); continue }
    const out = runLine(sim, where.where, r.command, { json: true })
    for (const t of out.traces ?? []) for (const l of legsOf(t)) legs.set(legKey(l), l)
  }
  for (const l of run.legs ?? []) legs.set(legKey(l), l)
  return { legs: [...legs.values()], problems }
}

// ping's reply names no process, and busybox ping reports an ICMP error as no reply at all: an ICMP leg is compared
// by whether an echo reply came back
function obsKey(o: Observation, icmp: boolean): string {
  if (icmp) return o.ending === 'answered' ? 'echo reply' : 'no echo reply'
  return o.ending === 'answered' ? `answered ${o.who ?? '?'} seen ${o.seen ?? '?'}` : o.ending
}

function whoKey(o: Observation, icmp: boolean): string {
  if (icmp) return obsKey(o, icmp)
  return o.ending === 'answered' ? o.who ?? '?' : o.ending
}

export async function runNetfilterScenario(run: ScenarioRun, driver: ModeDriver, report: Report): Promise<void> {
  const started = Date.now()
  const label = `${run.name} [${driver.mode}]`
  process.stdout.write(`\n${label}\n`)
  const cluster = run.compiled.cluster
  const { legs, problems } = scenarioLegs(run)
  for (const p of problems) report.check(SUITE, `${label}: requests resolve`, false, p)
  teardownAll()
  const plan = planTopology(cluster, run.onlyPods)
  let listeners: ReturnType<typeof startListeners> | undefined
  try {
    buildTopology(plan)
    report.count('namespaces built', plan.nodes.length + plan.pods.length + plan.outside.length + 1)
    const sim = new Simulation(run.compiled, 1)
    for (const n of plan.nodes) {
      const loadProblems = driver.load(sim, n.node, n.ns)
      report.count(`${driver.mode} rule sets loaded`)
      report.check(SUITE, `${label}: ${n.node.name}'s rules load cleanly`, loadProblems.length === 0, loadProblems.join('\n'))
      for (const l of driver.listings(sim, n.node, n.ns)) {
        report.count('listings diffed')
        report.check(SUITE, `${label}: ${n.node.name}: real ${l.name} prints what ours prints`, l.real === l.ours, firstDifference(l.ours, l.real))
      }
    }
    const wanted = planListeners(cluster, plan)
    listeners = startListeners(wanted)
    const missing = await waitListening(wanted)
    report.check(SUITE, `${label}: ${wanted.length} listeners up`, missing.length === 0, `not listening: ${missing.slice(0, 5).join(', ')}`)
    for (const leg of legs) compareLeg(run, leg, plan, driver, report, label)
  } catch (e) {
    report.check(SUITE, `${label}: harness`, false, String(e instanceof Error ? e.message : e))
  } finally {
    if (listeners) stopListeners(listeners)
    teardownAll()
    process.stdout.write(`  (${label}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
  }
}

function compareLeg(run: ScenarioRun, leg: Leg, plan: ReturnType<typeof planTopology>, driver: ModeDriver, report: Report, label: string): void {
  const name = `${label}: ${legKey(leg)}`
  const ns = namespaceOf(run.compiled.cluster, plan, leg.from)
  if (!ns) { report.check(SUITE, name, false, `no namespace for ${leg.from}`); return }
  report.count('legs compared')

  // The engine: one Simulation as a user's repeated requests (affinity and conntrack carry on), and other seeds for
  // what else a draw could have chosen (ECMP hashes and first draws differ by seed).
  const sim = new Simulation(run.compiled, 1)
  const engine: Observation[] = []
  // without rule counters (nftables), an ICMP refusal and a RST look alike to the client: a REJECT is a refusal there
  const uncounted = driver.firewallCounters(plan.nodes[0].ns) === undefined
  const observe = (t: Parameters<typeof observeTrace>[0]) => {
    const o = observeTrace(t)
    if (uncounted && o.ending === 'rejected') o.ending = 'refused'
    return o
  }
  const t0 = Date.now()
  for (let i = 0; i < ENGINE_RUNS; i++) {
    engine.push(observe(engineWalk(sim, leg)))
    sim.clock.advance(10)
  }
  const icmp = leg.protocol === 'ICMP'
  const support = new Set(engine.map((o) => obsKey(o, icmp)))
  for (const seed of SUPPORT_SEEDS) {
    const other = new Simulation(run.compiled, seed)
    for (let i = 0; i < SUPPORT_RUNS; i++) { support.add(obsKey(observe(engineWalk(other, leg)), icmp)); other.clock.advance(10) }
  }
  const engineWho = countBy(engine, (o) => whoKey(o, icmp))
  const spread = Object.keys(engineWho).length
  const allLost = engine.every((o) => o.ending === 'lost')

  const t1 = Date.now()
  // The kernel: the first connection inspected closely (counters, conntrack), then the rest for the spread.
  // a client retransmits an unanswered SYN after 1 s (a datagram, in probe.mjs, sooner): where the engine expects an
  // answer the probe waits long enough for one retransmission; where it expects none, one second says enough
  const timeoutMs = allLost ? 1000 : 2500
  const before = readCounters(plan, driver)
  flushConntrack(plan)
  const first = probe(ns, leg, 1, timeoutMs)[0]
  first.firewall = firewallHits(plan, driver, before)
  if (first.ending === 'refused' && first.firewall.some((f) => / -j REJECT\b/.test(f))) first.ending = 'rejected'
  const ct = first.ending === 'answered' && leg.protocol !== 'ICMP' ? conntrackEntries(plan, leg) : []
  const rest = allLost ? 0 : spread === 1 ? 5 : Math.min(400, Math.max(150, 40 * spread))
  const kernel = [first, ...(rest > 0 ? probe(ns, leg, rest, timeoutMs) : [])]
  for (const k of kernel.slice(1)) if (k.ending === 'refused' && first.ending === 'rejected') k.ending = 'rejected'
  report.count('real connections', kernel.length)
  if (process.env.KH_REAL_TIMING) process.stdout.write(`  timing ${legKey(leg)}: engine ${t1 - t0} ms, kernel ${Date.now() - t1} ms\n`)
  report.count('engine walks', ENGINE_RUNS + SUPPORT_SEEDS.length * SUPPORT_RUNS)

  const kernelWho = countBy(kernel, (o) => whoKey(o, icmp))
  const outside = [...new Set(kernel.map((o) => obsKey(o, icmp)))].filter((k) => !support.has(k))
  const fmt = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} x${v}`).join(', ')
  report.check(SUITE, `${name}: every real ending is one the engine gives (endpoint, source seen, refusal)`, outside.length === 0,
    `real: ${outside.join('; ')}\nengine could: ${[...support].join('; ')}`)

  if (spread > 1) {
    const h = chiSquareHomogeneity(engineWho, kernelWho)
    report.count('distributions compared')
    report.check(SUITE, `${name}: spread over ${spread} endpoints matches (chi-square p=${h.p.toPrecision(2)}, n=${kernel.length})`,
      h.p >= P_MIN && Object.keys(kernelWho).length === spread, `engine: ${fmt(engineWho)}\nreal:   ${fmt(kernelWho)}`)
    // kube-proxy's own promise, independent of the engine: every endpoint equally likely (the statistic rules' 1/n,
    // 1/(n-1), ... chain). A wrong probability written into the rules skews the kernel and the engine alike.
    const u = chiSquareUniform(kernelWho)
    report.check(SUITE, `${name}: the real spread is even, as kube-proxy intends (p=${u.p.toPrecision(2)})`, u.p >= P_MIN, `real: ${fmt(kernelWho)}`)
  } else {
    report.check(SUITE, `${name}: one ending every time in both (${Object.keys(engineWho)[0]})`, Object.keys(kernelWho).length === 1, `real: ${fmt(kernelWho)}`)
  }

  // The first connection's REJECT/DROP rule, and its translation in conntrack.
  const engineFirewall = [...new Set(engine.slice(0, 1).flatMap((o) => o.firewall))].sort()
  if (!uncounted) report.check(SUITE, `${name}: the same REJECT/DROP rules fire (${engineFirewall.length})`, JSON.stringify(engineFirewall) === JSON.stringify(first.firewall),
    `engine: ${engineFirewall.join('\n        ') || 'none'}\nreal:   ${first.firewall.join('\n        ') || 'none'}`)
  if (first.ending === 'answered' && !icmp) {
    const translated = ct.filter((e) => e.replySrc !== e.origDst)
    const engineDnatNodes = new Set(engine.flatMap((o) => o.dnat.map((d) => d.split('|')[0])))
    const answeredIP = first.who ? podIP(run, first.who) : undefined
    const okCt = translated.length === 0
      ? engineDnatNodes.size === 0
      : translated.every((e) => engineDnatNodes.has(e.node) && (!answeredIP || e.replySrc.split(':')[0] === answeredIP) && (first.seen === undefined || e.replyDst === first.seen))
    report.check(SUITE, `${name}: conntrack shows the translation the engine made (${translated.map((e) => `${e.node}: ${e.origDst} -> ${e.replySrc}`).join(', ') || 'none'})`, okCt,
      `conntrack: ${JSON.stringify(translated)}\nengine DNAT nodes: ${[...engineDnatNodes].join(', ') || 'none'}; listener: ${first.who} saw ${first.seen}`)
  }
}

function podIP(run: ScenarioRun, id: string): string | undefined {
  const pod = run.compiled.cluster.pods.find((p) => p.id === id && !p.hostNetwork)
  return pod?.podIP
}
