/**
 * `npm run bench`: the engine's benchmarks and the bundle sizes, printed as JSON on stdout; a short table for people
 * on stderr. Each figure with a target from issue 12 is listed beside it, met or missed. Times are CPU ms of this
 * process (process.cpuUsage) with wall ms beside them: these 2-core machines are shared and loaded.
 */
import { existsSync, readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { bundleSizes } from './bundle'
import { runDnsBench } from './dns.bench'
import { editRecompile, freshProcessCompile, galleryCompile, perMode, synthetic } from './engine.bench'
import { runKubeProxyBench } from './kubeproxy.bench'
import { runKubectlBench } from './kubectl.bench'

interface Target { figure: string; value: number | null; unit: string; target: string; met: boolean | null }
const atMost = (figure: string, value: number | null | undefined, limit: number, unit: string): Target =>
  ({ figure, value: value ?? null, unit, target: `<= ${limit} ${unit}`, met: value === undefined || value === null ? null : value <= limit })

// BENCH_DIST: a build elsewhere than dist/ (engineers sharing a tree build into their own folder)
const bundle = bundleSizes(process.env.BENCH_DIST)
// e2e/perf.spec.ts writes one file per scenario (npx playwright test e2e/perf.spec.ts); read here when present
const browserFile = (name: string): BrowserFigures | undefined => {
  const file = new URL(`../test-results/perf-${name}.json`, import.meta.url)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
}
interface BrowserFigures {
  firstCanvasMs: number; editorReadyMs: number; editToCanvasP50Ms: number | null; editToCanvasP95Ms: number | null
  longestTaskDuringEditsMs: number; traceFrameP50Ms?: number; traceFrameP95Ms?: number
}
const browser = { default: browserFile('default'), scale1000x10: browserFile('scale-1000x10') }
// e2e/perf-large.spec.ts: the 1000 × 10 scenario in the browser (long tasks while opening, panning, zooming, expanding)
const largeFile = new URL('../test-results/perf-large.json', import.meta.url)
const browserLarge: Record<string, unknown> & { longestTaskMs?: number; traced?: Record<string, { cpuMs: number }> } | undefined =
  existsSync(largeFile) ? JSON.parse(readFileSync(largeFile, 'utf8')) : undefined
const gallery = galleryCompile()
const recompile1000 = editRecompile(1000, 10)
const sizes = [100, 1000, 5000].map((n) => synthetic(n))
const fresh1000 = freshProcessCompile(1000, 10)
const modes = perMode(1000, 10)
const kubeproxy = runKubeProxyBench(1000, 10)
const dns = runDnsBench(1000, 10)
const kubectl = runKubectlBench(1000, 10)
const scale1000 = sizes.find((s) => s.services === 1000)!

const targets: Target[] = [
  atMost('initial JavaScript (gzip)', bundle?.initialJsGzipKB, 200, 'KB'),
  atMost('compile 1000 × 10 in Node, JIT warm, caches cold (CPU)', scale1000.compileCpuMs, 250, 'ms'),
  atMost('compile 1000 × 10 in Node, fresh process (CPU)', fresh1000.compileCpuMs, 250, 'ms'),
  atMost('slowest gallery scenario compile (CPU)', Math.max(...gallery.filter((g) => !g.name.startsWith('scale')).map((g) => g.cpuMs)), 150, 'ms'),
  atMost('recompile 1000 × 10 after a one-document edit, parse cache (CPU)', recompile1000.recompileCpuMs, 1000, 'ms'),
  // measured in the browser by e2e/perf.spec.ts on the production build
  atMost('first canvas, default scenario (browser)', browser.default?.firstCanvasMs, 1500, 'ms'),
  atMost('edit-to-canvas p95, default scenario (browser)', browser.default?.editToCanvasP95Ms, 150, 'ms'),
  atMost('longest main-thread task during edits, default (browser)', browser.default?.longestTaskDuringEditsMs, 50, 'ms'),
  atMost('trace animation frame p95 (browser)', browser.default?.traceFrameP95Ms, 20, 'ms'),
  atMost('edit-to-canvas p95, 1000 × 10 (browser)', browser.scale1000x10?.editToCanvasP95Ms, 1000, 'ms'),
  atMost('longest main-thread task during edits, 1000 × 10 (browser)', browser.scale1000x10?.longestTaskDuringEditsMs, 50, 'ms'),
  // e2e/perf-large.spec.ts: wall time (what a user feels, inflated on a loaded machine) and CPU time (from the trace)
  atMost('1000 × 10 open/pan/zoom/expand: longest task, wall (browser)', browserLarge?.longestTaskMs, 200, 'ms'),
  atMost('1000 × 10 open/pan/zoom/expand: longest task, CPU (browser)',
    browserLarge?.traced ? Math.max(...Object.values(browserLarge.traced).map((p) => p.cpuMs)) : undefined, 200, 'ms'),
]

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 1e9), node: process.version }
console.log(JSON.stringify({ machine, targets, bundle, browser, browserLarge, gallery, synthetic: sizes, freshProcess1000x10: fresh1000, recompile1000x10: recompile1000, modes1000x10: modes, kubeproxy, dns, kubectl }, null, 2))

const rows: string[][] = [['figure', 'value', 'target', 'met']]
for (const t of targets) rows.push([t.figure, t.value === null ? 'not measured' : `${t.value} ${t.unit}`, t.target, t.met === null ? '-' : t.met ? 'met' : 'MISSED'])
for (const s of sizes) rows.push([`compile ${s.services} × ${s.podsPerService} (CPU / wall)`, `${s.compileCpuMs} / ${s.compileWallMs} ms, heap ${s.heapMB} MB`, '', ''])
for (const s of sizes) rows.push([`iptables-save node1, ${s.services} × ${s.podsPerService}`, `${s.iptablesSaveCpuMs} ms, ${s.iptablesSaveLines} lines`, '', ''])
for (const [mode, m] of Object.entries(modes)) rows.push([`${mode} 1000 × 10: rules evaluated / first trace / next traces CPU`, `${m.rulesEvaluatedPerRequest} / ${m.firstTraceCpuMs} / ${m.traceCpuMs} ms`, '', ''])
for (const [name, b] of Object.entries(browser)) {
  if (b) rows.push([`browser ${name}: first canvas / editor ready / edit p50`, `${b.firstCanvasMs} / ${b.editorReadyMs} / ${b.editToCanvasP50Ms} ms`, '', ''])
}
// Monaco loads in stages (src/app/editor/load.ts) over many chunks: the page's lazy JavaScript is everything not initial
// and not a worker's
const workerKB = bundle ? Object.entries(bundle.lazy).filter(([name]) => name.endsWith('.worker')).reduce((a, [, kb]) => a + kb, 0) : 0
if (bundle) rows.push(['JS gzip: initial / lazy in the page (Monaco, panels) / workers (compiler, editor, yaml)', `${bundle.initialJsGzipKB} / ${(bundle.totalJsGzipKB - bundle.initialJsGzipKB - workerKB).toFixed(1)} / ${workerKB.toFixed(1)} KB`, '', ''])
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
console.error(rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n'))
