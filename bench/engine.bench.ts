/**
 * The engine's figures for issue 12: compile time of each gallery scenario and of synthetic clusters (Services × 10
 * endpoints), trace time and rules evaluated per request in each kube-proxy mode, iptables-save time, heap.
 * CPU milliseconds of this process (process.cpuUsage) beside wall time: the machines are shared and loaded.
 * "Compile" is compileScenario: YAML parse (manifest/fastyaml.ts for the plain subset, `yaml` for the rest), API
 * validation, the settled cluster (workloads, scheduling, addresses, EndpointSlices), MetalLB's allocation and
 * ingress-nginx's model; `synthetic` measures it with the JIT warm and every cache cold, `freshProcessCompile` in a new
 * process. kube-proxy's rules are not in it: they are built per
 * node when first needed (Simulation.memo) and measured apart, as the first trace (firstTraceCpuMs, rules of the
 * client's node included) and the first iptables-save of a node (iptablesSaveCpuMs).
 * Run: npx tsx bench/engine.bench.ts   → prints JSON.
 */
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { ProxyMode } from '../src/engine/cluster/types'
import { createParseCache } from '../src/engine/manifest/parse'
import { compileScenario } from '../src/engine/scenario'
import { runLine } from '../src/engine/shell/sh'
import { Simulation } from '../src/engine/sim/simulation'
import { traceRequest } from '../src/engine/trace/walk'
import { gallery } from '../src/scenarios/gallery.generated'
import { scenarioFiles } from '../src/scenarios/generators'
import { scaleScenarioYaml } from './scale-scenario'

export function timed<T>(f: () => T): { value: T; cpuMs: number; wallMs: number } {
  const c0 = process.cpuUsage()
  const w0 = performance.now()
  const value = f()
  const c = process.cpuUsage(c0)
  return { value, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - w0 }
}

const r1 = (x: number) => Math.round(x * 10) / 10
const r3 = (x: number) => Math.round(x * 1000) / 1000

export function galleryCompile() {
  return gallery.map((g) => {
    const files = scenarioFiles(g)
    compileScenario(files) // warm the JIT once per scenario, then measure one compile
    const t = timed(() => compileScenario(files))
    return { name: g.name, cpuMs: r1(t.cpuMs), wallMs: r1(t.wallMs) }
  })
}

/** Rules evaluated by one request from a pod on node1 to the Service sorted last, in each mode (deterministic). */
export function perMode(services: number, podsPerService: number, requests = 50) {
  const text = scaleScenarioYaml({ services, podsPerService })
  const out: Record<string, { compileCpuMs: number; compileWallMs: number; firstTraceCpuMs: number; rulesEvaluatedPerRequest: number; traceCpuMs: number; outcome: string }> = {}
  for (const mode of ['iptables', 'ipvs', 'nftables'] as ProxyMode[]) {
    const c = timed(() => compileScenario([{ path: 'scale.yaml', text }], { modeOverride: mode }))
    const cluster = c.value.cluster
    const sim = new Simulation(c.value, 1)
    const client = cluster.pods.find((p) => p.nodeName === 'node1' && !p.system)!
    const last = cluster.services.filter((s) => s.name.startsWith('svc-')).sort((a, b) => (a.name < b.name ? 1 : -1))[0]
    const send = () => traceRequest(sim, { from: client.id, protocol: 'TCP', host: last.clusterIP, port: last.ports[0].port })
    const firstSend = timed(send) // builds the node's rules (lazily, memoised): measured apart from the steady state
    const first = firstSend.value
    let evaluated = 0
    const t = timed(() => { for (let i = 0; i < requests; i++) { evaluated += send().rulesEvaluated; sim.clock.advance(10) } })
    out[mode] = { compileCpuMs: r1(c.cpuMs), compileWallMs: r1(c.wallMs), firstTraceCpuMs: r1(firstSend.cpuMs), rulesEvaluatedPerRequest: Math.round(evaluated / requests), traceCpuMs: r3(t.cpuMs / requests), outcome: first.outcome.result }
  }
  return out
}

/**
 * The same compile in a process of its own (bench/engine-fresh.ts), the JIT having seen only a 10 × 10 compile: what
 * the worker pays the first time a user opens 1000 × 10. The median of `runs` processes (each is one sample).
 */
export function freshProcessCompile(services: number, podsPerService = 10, runs = 3) {
  const script = fileURLToPath(new URL('./engine-fresh.ts', import.meta.url))
  const root = fileURLToPath(new URL('..', import.meta.url))
  const samples: { cpuMs: number; wallMs: number }[] = []
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(process.execPath, ['--import', 'tsx', script, String(services), String(podsPerService)], { cwd: root, encoding: 'utf8' })
    if (out.status !== 0) throw new Error(`engine-fresh.ts failed: ${out.stderr}`)
    samples.push(JSON.parse(out.stdout.trim().split('\n').pop()!))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
  return { services, podsPerService, runs, compileCpuMs: r1(median(samples.map((s) => s.cpuMs))), compileWallMs: r1(median(samples.map((s) => s.wallMs))) }
}

/**
 * What the worker pays per edit of the N × M scenario: compileScenario with the parse cache the worker keeps
 * (manifest/parse.ts), after one document was added at the top (every later document moves down a few lines, none
 * is re-parsed). The cold compile is `synthetic`'s figure.
 */
export function editRecompile(services: number, podsPerService = 10, edits = 3) {
  const text = scaleScenarioYaml({ services, podsPerService })
  const parseCache = createParseCache()
  compileScenario([{ path: 'scale.yaml', text }], { parseCache })
  let cpu = 0, wall = 0
  for (let i = 0; i < edits; i++) {
    const edited = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: edit-${i}}\ndata: {k: v}\n---\n${text}`
    const t = timed(() => compileScenario([{ path: 'scale.yaml', text: edited }], { parseCache }))
    cpu += t.cpuMs
    wall += t.wallMs
  }
  return { services, podsPerService, recompileCpuMs: r1(cpu / edits), recompileWallMs: r1(wall / edits) }
}

/**
 * The compile of an N × M scenario with every cache cold and the JIT warm: scenarios of the same size and shape with
 * other names are compiled first (so nothing of a measured text is memoised anywhere, the fast reader's scalars
 * included), then three unseen ones, and the median is the figure. What a worker pays for a scenario it has not seen
 * once it has compiled a few that large; `freshProcessCompile` is the first such compile in a new process.
 */
export function synthetic(services: number, podsPerService = 10, warmups = 4) {
  const text = scaleScenarioYaml({ services, podsPerService })
  const renamed = (k: number) => text.replaceAll('app-', `app${k}-`).replaceAll('svc-', `svc${k}-`)
  for (let k = 1; k <= warmups; k++) compileScenario([{ path: 'warm.yaml', text: renamed(k) }])
  const runs = [renamed(warmups + 1), renamed(warmups + 2), text].map((t) => timed(() => compileScenario([{ path: 'scale.yaml', text: t }])))
  const c = runs[runs.length - 1]
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
  // the whole process's heap with this compiled scenario alive (a difference would mostly measure the GC's timing)
  const heapMB = Math.round(process.memoryUsage().heapUsed / 1e5) / 10
  const sim = new Simulation(c.value, 1)
  const node = c.value.cluster.nodes.find((n) => n.name === 'node1')!
  const save = timed(() => runLine(sim, { kind: 'node', node }, 'iptables-save'))
  return {
    services, podsPerService, yamlBytes: text.length, objects: c.value.objects.length,
    compileCpuMs: r1(median(runs.map((r) => r.cpuMs))), compileWallMs: r1(median(runs.map((r) => r.wallMs))), heapMB,
    iptablesSaveCpuMs: r1(save.cpuMs), iptablesSaveLines: save.value.stdout.split('\n').length - 1,
  }
}
