import { compileScenario } from '../../src/engine/scenario'
import { gallery } from '../../src/scenarios/gallery.generated'
import { scenarioFiles } from '../../src/scenarios/generators'
import { generatedScenarios } from './generated'
import { modeDrivers } from './modes'
import { runNetfilterScenario } from './netfilter'
import { runDnsScenario } from './dns'
import { runNginxScenario } from './nginx'
import { dnsPreflight, netfilterPreflight, nginxPreflight } from './preflight'
import { Report } from './report'
import { teardownAll } from './topology'

/**
 * The harness: the engine checked against the real kernel, nginx and DNS tools. `npm run test:real`; exits 1 when a
 * check fails, 0 when all pass or when the machine cannot run it (it says why). KH_REAL_ONLY=<substring> limits the
 * scenarios, for working on one.
 */

const report = new Report()
const only = process.env.KH_REAL_ONLY
const modeFilter = process.env.KH_REAL_MODE

function stopOnSignal(): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => { teardownAll(); process.exit(130) })
}

async function netfilter(): Promise<void> {
  const missing = netfilterPreflight()
  if (missing.length > 0) { report.skip(`netfilter: ${missing.join(', ')}`); return }
  teardownAll()
  for (const entry of gallery) {
    if (entry.generator || (only && !entry.name.includes(only))) continue
    const written = compileScenario(scenarioFiles(entry))
    if (written.cluster.kubeProxy.mode === 'ipvs') { report.skip(`netfilter ${entry.name}: ipvs mode (no IPVS module in this kernel: checked by unit tests only)`); continue }
    // each scenario in both netfilter modes: as written, and with kube-proxy switched to the other (the CLI's --mode)
    for (const driver of modeDrivers) {
      if (modeFilter && driver.mode !== modeFilter) continue
      const compiled = driver.mode === written.cluster.kubeProxy.mode ? written : compileScenario(scenarioFiles(entry), { modeOverride: driver.mode })
      report.count(`scenarios x modes`)
      await runNetfilterScenario({ name: entry.name, compiled, requests: entry.requests }, driver, report)
    }
  }
  for (const g of generatedScenarios) {
    if (only && !g.name.includes(only)) continue
    const compiled = compileScenario(g.files)
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error')
    if (!report.check('netfilter', `${g.name}: compiles without errors`, errors.length === 0, errors.map((d) => `${d.code} ${JSON.stringify(d.params)}`).join('\n'))) continue
    const legs = g.legs(compiled.cluster)
    for (const driver of modeDrivers) {
      if (modeFilter && driver.mode !== modeFilter) continue
      const inMode = driver.mode === compiled.cluster.kubeProxy.mode ? compiled : compileScenario(g.files, { modeOverride: driver.mode })
      report.count('scenarios x modes')
      await runNetfilterScenario({ name: g.name, compiled: inMode, requests: [], legs, onlyPods: g.pods?.(compiled.cluster, legs) }, driver, report)
    }
  }
}

async function nginx(): Promise<void> {
  const missing = nginxPreflight()
  if (missing.length > 0) { report.skip(`nginx: ${missing.join(', ')}`); return }
  for (const entry of gallery) {
    if (entry.generator || (only && !entry.name.includes(only))) continue
    const compiled = compileScenario(scenarioFiles(entry))
    if (!compiled.ingress?.installed || !compiled.cluster.others.some((o) => o.kind === 'Ingress')) continue
    report.count('Ingress scenarios')
    await runNginxScenario(entry.name, compiled, entry.requests, report)
  }
}

async function dnsTools(): Promise<void> {
  const missing = [...dnsPreflight(), ...netfilterPreflight()]
  if (missing.length > 0) { report.skip(`dns tools: ${missing.join(', ')}`); return }
  for (const entry of gallery) {
    if (entry.generator || (only && !entry.name.includes(only))) continue
    await runDnsScenario(entry.name, compileScenario(scenarioFiles(entry)), entry.requests, report)
  }
}

async function main(): Promise<void> {
  stopOnSignal()
  const started = Date.now()
  try {
    if (!process.env.KH_REAL_SUITE || process.env.KH_REAL_SUITE === 'netfilter') await netfilter()
    if (!process.env.KH_REAL_SUITE || process.env.KH_REAL_SUITE === 'nginx') await nginx()
    if (!process.env.KH_REAL_SUITE || process.env.KH_REAL_SUITE === 'dns') await dnsTools()
  } finally {
    teardownAll()
  }
  process.stdout.write(report.summary())
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
  process.exit(report.failed().length === 0 ? 0 : 1)
}

void main()
