/**
 * kube-proxy iptables mode at the tutorial's scale (1000 Services × 10 pods): compile time for one node, the rule
 * count iptables-save lists, and how many rules one traced request evaluates (iptables walks a list).
 * Times are CPU milliseconds of this process (process.cpuUsage), which a busy shared machine inflates far less than
 * wall time; wall times are reported beside them.
 * Run: npx tsx bench/kubeproxy.bench.ts [SERVICES] [PODS]   → prints JSON.
 */
import { performance } from 'node:perf_hooks'
import { compileScenario } from '../src/engine/scenario'
import { compileIptables, defaultIptablesOptions } from '../src/engine/dataplane/kubeproxy/iptables/compile'
import { renderIptablesSave } from '../src/engine/dataplane/kubeproxy/iptables/render'
import { buildServicePorts } from '../src/engine/dataplane/kubeproxy/serviceports'
import { Simulation } from '../src/engine/sim/simulation'
import { traceRequest } from '../src/engine/trace/walk'
import { scaleScenarioYaml } from './scale-scenario'

function timed<T>(f: () => T): { value: T; cpuMs: number; wallMs: number } {
  const c0 = process.cpuUsage()
  const w0 = performance.now()
  const value = f()
  const c = process.cpuUsage(c0)
  return { value, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - w0 }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const r1 = (x: number) => Math.round(x * 10) / 10

export function runKubeProxyBench(services = 1000, podsPerService = 10) {
  const yaml = scaleScenarioYaml({ services, podsPerService })
  const scenario = timed(() => compileScenario([{ path: 'scale.yaml', text: yaml }]))
  const compiled = scenario.value
  const cluster = compiled.cluster
  const node = cluster.nodes.find((n) => n.name === 'node1')!

  // one cold compile, then the median of five fresh ones (service-port model included)
  const cold = timed(() => compileIptables(cluster, node, defaultIptablesOptions(cluster), buildServicePorts(cluster)))
  const runs = Array.from({ length: 5 }, () => timed(() => compileIptables(cluster, node, defaultIptablesOptions(cluster), buildServicePorts(cluster))))
  const rs = runs[runs.length - 1].value
  const save = timed(() => renderIptablesSave(rs, 0))

  // requests from a pod to the Service sorted last in KUBE-SERVICES (the longest linear walk); the first ones compile
  // the rules of the nodes they cross, so they warm up before the measured ones
  const sim = new Simulation(compiled, 1)
  const client = cluster.pods.find((p) => p.nodeName === 'node1' && !p.system)!
  const last = cluster.services.filter((s) => s.name.startsWith('svc-')).sort((a, b) => (a.name < b.name ? 1 : -1))[0]
  const send = () => traceRequest(sim, { from: client.id, protocol: 'TCP', host: last.clusterIP, port: 80 })
  for (let i = 0; i < 60; i++) { send(); sim.clock.advance(10) }
  const n = 200
  let evaluated = 0
  const traces = timed(() => {
    for (let i = 0; i < n; i++) { evaluated += send().rulesEvaluated; sim.clock.advance(10) }
  })

  return {
    services,
    podsPerService,
    nodes: cluster.nodes.length,
    pods: cluster.pods.length,
    scenarioMs: Math.round(scenario.cpuMs),
    compileMs: r1(median(runs.map((r) => r.cpuMs))),
    compileWallMs: r1(median(runs.map((r) => r.wallMs))),
    coldCompileMs: r1(cold.cpuMs),
    rules: rs.ruleCount,
    natRules: rs.tables.nat.chains.reduce((k, c) => k + c.rules.length, 0),
    iptablesSaveLines: save.value.split('\n').length - 1,
    iptablesSaveMs: r1(save.cpuMs),
    largeClusterMode: rs.largeClusterMode,
    rulesEvaluatedPerTrace: Math.round(evaluated / n),
    traceMs: Math.round((traces.cpuMs / n) * 100) / 100,
    traceWallMs: Math.round((traces.wallMs / n) * 100) / 100,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [s, p] = process.argv.slice(2).map(Number)
  console.log(JSON.stringify(runKubeProxyBench(s || 1000, p || 10), null, 2))
}
