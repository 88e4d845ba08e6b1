/**
 * kube-proxy's three modes at the tutorial's scale (1000 Services × 10 pods), the comparison the tutorial makes:
 * per mode, the compile time of one node's state, its size, and how many rules one traced request evaluates
 * (iptables walks a list; IPVS does one hash lookup plus the few iptables rules it keeps; nftables does verdict-map
 * lookups). CPU milliseconds of this process, wall time beside.
 * Run: npx tsx bench/kubeproxy-modes.bench.ts [SERVICES] [PODS]   → prints JSON.
 */
import { performance } from 'node:perf_hooks'
import type { ProxyMode } from '../src/engine/cluster/types'
import { compileScenario } from '../src/engine/scenario'
import { compileIptables, defaultIptablesOptions } from '../src/engine/dataplane/kubeproxy/iptables/compile'
import { compileIpvs } from '../src/engine/dataplane/kubeproxy/ipvs/compile'
import { compileNftables } from '../src/engine/dataplane/kubeproxy/nftables/compile'
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

const r1 = (x: number) => Math.round(x * 10) / 10

export function runKubeProxyModesBench(services = 1000, podsPerService = 10) {
  const yaml = scaleScenarioYaml({ services, podsPerService })
  const out: Record<string, unknown> = { services, podsPerService }
  for (const mode of ['iptables', 'ipvs', 'nftables'] as ProxyMode[]) {
    const compiled = compileScenario([{ path: 'scale.yaml', text: yaml }], { modeOverride: mode })
    const cluster = compiled.cluster
    const node = cluster.nodes.find((n) => n.name === 'node1')!
    const sps = buildServicePorts(cluster)
    const compile = timed(() => {
      if (mode === 'ipvs') { const s = compileIpvs(cluster, node, sps); return { virtualServers: s.virtualServers.length, iptablesRules: s.rules.length, ipsetEntries: s.ipsets.reduce((n, x) => n + x.entries.length, 0) } }
      if (mode === 'nftables') { const t = compileNftables(cluster, node, sps); return { chains: t.chains.length, rules: t.chains.reduce((n, c) => n + c.rules.length, 0), mapElements: t.sets.reduce((n, s) => n + s.elements.length, 0) } }
      return { rules: compileIptables(cluster, node, defaultIptablesOptions(cluster), sps).ruleCount }
    })
    // a pod on node1 to the Service sorted last (the longest walk in iptables mode), warmed up first
    const sim = new Simulation(compiled, 1)
    const client = cluster.pods.find((p) => p.nodeName === 'node1' && !p.system)!
    const last = cluster.services.filter((s) => s.name.startsWith('svc-')).sort((a, b) => (a.name < b.name ? 1 : -1))[0]
    const send = () => traceRequest(sim, { from: client.id, protocol: 'TCP', host: last.clusterIP, port: 80 })
    for (let i = 0; i < 20; i++) { send(); sim.clock.advance(10) }
    const n = 100
    let evaluated = 0
    let ok = 0
    const traces = timed(() => {
      for (let i = 0; i < n; i++) { const t = send(); evaluated += t.rulesEvaluated; if (t.outcome.result === 'ok') ok++; sim.clock.advance(10) }
    })
    out[mode] = {
      ...compile.value,
      compileMs: r1(compile.cpuMs),
      rulesEvaluatedPerTrace: Math.round(evaluated / n),
      ok: `${ok}/${n}`,
      traceMs: Math.round((traces.cpuMs / n) * 100) / 100,
      traceWallMs: Math.round((traces.wallMs / n) * 100) / 100,
    }
  }
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [s, p] = process.argv.slice(2).map(Number)
  console.log(JSON.stringify(runKubeProxyModesBench(s || 1000, p || 10), null, 2))
}
