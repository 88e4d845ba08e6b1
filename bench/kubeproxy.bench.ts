/**
 * kube-proxy iptables mode at the tutorial's scale (1000 Services × 10 pods): compile time for one node, the rule
 * count iptables-save lists, and how many rules one traced request evaluates (iptables walks a list).
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

export function runKubeProxyBench(services = 1000, podsPerService = 10) {
  const yaml = scaleScenarioYaml({ services, podsPerService })
  let t0 = performance.now()
  const compiled = compileScenario([{ path: 'scale.yaml', text: yaml }])
  const scenarioMs = performance.now() - t0
  const cluster = compiled.cluster
  const node = cluster.nodes.find((n) => n.name === 'node1')!

  // a cold compile, then the median of five (the machine may be shared: the median resists a busy neighbour)
  t0 = performance.now()
  let rs = compileIptables(cluster, node, defaultIptablesOptions(cluster), buildServicePorts(cluster))
  const coldCompileMs = performance.now() - t0
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    t0 = performance.now()
    rs = compileIptables(cluster, node, defaultIptablesOptions(cluster), buildServicePorts(cluster))
    samples.push(performance.now() - t0)
  }
  const compileMs = samples.sort((a, b) => a - b)[2]

  t0 = performance.now()
  const save = renderIptablesSave(rs, 0)
  const saveMs = performance.now() - t0

  // trace requests from a pod to the last Service (the worst case for a linear KUBE-SERVICES walk) and the first
  const sim = new Simulation(compiled, 1)
  const client = cluster.pods.find((p) => p.nodeName === 'node1' && !p.system)!
  const last = cluster.services.filter((s) => s.name.startsWith('svc-')).sort((a, b) => (a.name < b.name ? 1 : -1))[0]
  traceRequest(sim, { from: client.id, protocol: 'TCP', host: last.clusterIP, port: 80 })
  const runs = 200
  t0 = performance.now()
  let evaluated = 0
  for (let i = 0; i < runs; i++) {
    const t = traceRequest(sim, { from: client.id, protocol: 'TCP', host: last.clusterIP, port: 80 })
    evaluated += t.rulesEvaluated
    sim.clock.advance(10)
  }
  const traceMs = (performance.now() - t0) / runs

  return {
    services,
    podsPerService,
    nodes: cluster.nodes.length,
    pods: cluster.pods.length,
    scenarioMs: Math.round(scenarioMs),
    compileMs: Math.round(compileMs * 10) / 10,
    coldCompileMs: Math.round(coldCompileMs * 10) / 10,
    rules: rs.ruleCount,
    natRules: rs.tables.nat.chains.reduce((n, c) => n + c.rules.length, 0),
    iptablesSaveLines: save.split('\n').length - 1,
    iptablesSaveMs: Math.round(saveMs * 10) / 10,
    largeClusterMode: rs.largeClusterMode,
    rulesEvaluatedPerTrace: Math.round(evaluated / runs),
    traceMs: Math.round(traceMs * 100) / 100,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [s, p] = process.argv.slice(2).map(Number)
  console.log(JSON.stringify(runKubeProxyBench(s || 1000, p || 10), null, 2))
}
