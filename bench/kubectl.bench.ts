/**
 * kubectl at the tutorial's scale (1000 Services × 10 pods): a full `get pods -A -o wide` (every pod's API object,
 * printer row and tabwriter pass), the Services with their Endpoints and EndpointSlices, and one `describe svc`.
 * Times are CPU milliseconds of this process (process.cpuUsage), wall times beside them.
 * Run: npx tsx bench/kubectl.bench.ts [SERVICES] [PODS]   → prints JSON.
 */
import { performance } from 'node:perf_hooks'
import { compileScenario } from '../src/engine/scenario'
import { runCommandLine } from '../src/engine/shell/runner'
import { Simulation } from '../src/engine/sim/simulation'
import { scaleScenarioYaml } from './scale-scenario'

function timed(n: number, f: () => unknown): { cpuMs: number; wallMs: number } {
  const c0 = process.cpuUsage()
  const w0 = performance.now()
  for (let i = 0; i < n; i++) f()
  const c = process.cpuUsage(c0)
  return { cpuMs: Math.round((c.user + c.system) / n) / 1000, wallMs: Math.round(((performance.now() - w0) / n) * 1000) / 1000 }
}

export function runKubectlBench(services = 1000, podsPerService = 10) {
  const compiled = compileScenario([{ path: 'scale.yaml', text: scaleScenarioYaml({ services, podsPerService }) }])
  const sim = new Simulation(compiled, 1)
  const node = compiled.cluster.nodes[0]
  const where = { kind: 'node' as const, node }
  const kubectl = (...args: string[]) => runCommandLine(sim, where, ['kubectl', ...args])
  const svc = compiled.cluster.services.find((s) => s.name.startsWith('svc-')) ?? compiled.cluster.services[0]
  const lines = kubectl('get', 'pods', '-A', '-o', 'wide').stdout.split('\n').length - 2
  return {
    pods: compiled.cluster.pods.length,
    services: compiled.cluster.services.length,
    podRows: lines,
    getPodsWide: timed(3, () => kubectl('get', 'pods', '-A', '-o', 'wide')),
    getServicesEndpointsSlices: timed(3, () => kubectl('get', 'svc,ep,endpointslices', '-A')),
    getPodsYaml: timed(1, () => kubectl('get', 'pods', '-A', '-o', 'yaml')),
    describeService: timed(5, () => kubectl('describe', 'svc', svc.name, '-n', svc.namespace)),
  }
}

if (process.argv[1]?.endsWith('kubectl.bench.ts')) {
  const [s, p] = process.argv.slice(2).map(Number)
  console.log(JSON.stringify(runKubectlBench(s || 1000, p || 10), null, 2))
}
