/**
 * DNS at the tutorial's scale (1000 Services × 10 pods): what one CoreDNS answer costs (the kubernetes plugin scans
 * the Services and EndpointSlices as its informer indexes would), a glibc lookup of a short name through the search
 * list, and the same lookup carried as packets through kube-proxy (the walk of 10.96.0.10:53).
 * Times are CPU milliseconds of this process (process.cpuUsage), wall times beside them.
 * Run: npx tsx bench/dns.bench.ts [SERVICES] [PODS]   → prints JSON.
 */
import { performance } from 'node:perf_hooks'
import { compileScenario } from '../src/engine/scenario'
import { answerQuery } from '../src/engine/dataplane/dns/coredns'
import { resolve } from '../src/engine/dataplane/dns/resolver'
import { carrier } from '../src/engine/dataplane/dns/carry'
import { Simulation } from '../src/engine/sim/simulation'
import { scaleScenarioYaml } from './scale-scenario'

function timed(n: number, f: (i: number) => void): { cpuMs: number; wallMs: number } {
  const c0 = process.cpuUsage()
  const w0 = performance.now()
  for (let i = 0; i < n; i++) f(i)
  const c = process.cpuUsage(c0)
  return { cpuMs: (c.user + c.system) / 1000 / n, wallMs: (performance.now() - w0) / n }
}

const r3 = (x: number) => Math.round(x * 1000) / 1000

export function runDnsBench(services = 1000, podsPerService = 10) {
  const compiled = compileScenario([{ path: 'scale.yaml', text: scaleScenarioYaml({ services, podsPerService }) }])
  const sim = new Simulation(compiled, 1)
  const cluster = compiled.cluster
  const names = cluster.services.filter((s) => s.name.startsWith('svc-')).map((s) => `${s.name}.${s.namespace}.svc.${cluster.config.clusterDomain}.`)
  const client = cluster.pods.find((p) => !p.system)!
  const where = { kind: 'pod' as const, pod: client }
  const short = cluster.services.filter((s) => s.name.startsWith('svc-') && s.namespace === client.namespace).map((s) => s.name)

  const n = 500
  const answer = timed(n, (i) => answerQuery(sim, { name: names[i % names.length], type: 'A' }, client.podIP))
  const nxdomain = timed(n, (i) => answerQuery(sim, { name: `nope-${i}.default.svc.cluster.local.`, type: 'A' }, client.podIP))
  const lookup = timed(200, (i) => resolve(sim, where, short[i % short.length] ?? 'kubernetes'))
  const carried = timed(50, (i) => {
    const c = carrier(sim, where, 'per-name')
    resolve(sim, where, short[i % short.length] ?? 'kubernetes', 'A+AAAA', { transport: c.transport })
  })
  return {
    services,
    podsPerService,
    answerMs: r3(answer.cpuMs),
    answerWallMs: r3(answer.wallMs),
    nxdomainMs: r3(nxdomain.cpuMs),
    resolveShortNameMs: r3(lookup.cpuMs),
    resolveThroughKubeProxyMs: r3(carried.cpuMs),
    resolveThroughKubeProxyWallMs: r3(carried.wallMs),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [s, p] = process.argv.slice(2).map(Number)
  console.log(JSON.stringify(runDnsBench(s || 1000, p || 10), null, 2))
}
