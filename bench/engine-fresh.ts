/**
 * One compile of the N × M scenario in a process of its own (bench/engine.bench.ts `freshProcessCompile` spawns it):
 * the JIT has seen only a 10 × 10 compile before, as in a worker that opened a small lab first, and no cache of any
 * kind holds anything of this text. Prints {cpuMs, wallMs} as JSON.
 * Run: npx tsx bench/engine-fresh.ts 1000 10
 */
import { performance } from 'node:perf_hooks'
import { compileScenario } from '../src/engine/scenario'
import { scaleScenarioYaml } from '../src/scenarios/generators/scale'

const services = Number(process.argv[2] ?? 1000)
const podsPerService = Number(process.argv[3] ?? 10)
compileScenario([{ path: 'warm.yaml', text: scaleScenarioYaml({ services: 10, podsPerService }) }])
const text = scaleScenarioYaml({ services, podsPerService })
const c0 = process.cpuUsage()
const w0 = performance.now()
compileScenario([{ path: 'scale.yaml', text }])
const c = process.cpuUsage(c0)
console.log(JSON.stringify({ cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - w0 }))
