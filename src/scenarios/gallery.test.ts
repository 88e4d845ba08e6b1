import { describe, expect, it } from 'vitest'
import { modeSimulated } from '../engine/dataplane/kubeproxy/mode'
import { compileScenario } from '../engine/scenario'
import { resolveWhere } from '../engine/shell/location'
import { runLine } from '../engine/shell/sh'
import { Simulation } from '../engine/sim/simulation'
import { gallery } from './gallery.generated'
import { scenarioFiles } from './generators'
import type { GalleryScenario } from './types'

/**
 * Golden test of the gallery: every scenario compiles without an error, and every suggested request, typed into the
 * terminal of the machine it names (one Simulation per scenario, requests in their listed order, seed 1, as a user
 * would run them), gives what its scenario.json promises: the first trace's outcome (`expect`, a subset), the exit
 * status (`expectExit`) and text in the output (`expectOutput`). A request that promises nothing fails the test.
 */

// The tutorial's labs (../shared/seed), each of which must have a scenario.
const TUTORIAL_LABS = [
  'clusterip-mysql', 'service-basics', 'loadbalancer-metallb-l2', 'loadbalancer-metallb-bgp', 'headless-web',
  'externalname', 'statefulset-headless', 'kube-proxy-ipvs', 'scale-1000x10', 'ingress-host-routing',
  'ingress-path-rewrite', 'ingress-https-redirect', 'ingress-canary-weight', 'ingress-canary-header', 'ingress-ab-cookie',
  'ingress-advanced-annotations', 'ingress-controller-hostnetwork', 'ingress-controller-nodeport',
  'ingress-controller-loadbalancer',
]

function check(entry: GalleryScenario): void {
  const compiled = compileScenario(scenarioFiles(entry))
  expect(compiled.diagnostics.filter((d) => d.severity === 'error'), entry.name).toEqual([])
  const sim = new Simulation(compiled, 1)
  for (const r of entry.requests) {
    const label = `${entry.name}: ${r.from} $ ${r.command}`
    expect(r.expect ?? r.expectExit ?? r.expectOutput, `${label} promises nothing`).toBeDefined()
    const where = resolveWhere(compiled.cluster, r.from)
    expect(where.ok, `${label}: no such machine`).toBe(true)
    if (!where.ok) continue
    const out = runLine(sim, where.where, r.command, { json: true })
    if (r.expect) expect(out.traces?.[0]?.outcome, `${label}\n${out.stderr}`).toMatchObject(r.expect)
    if (r.expectExit !== undefined) expect(out.exitCode, `${label}\n${out.stderr}`).toBe(r.expectExit)
    // with --json a command still returns its text beside the data (the CLI prints one or the other)
    for (const piece of r.expectOutput ?? []) expect(out.stdout, label).toContain(piece)
  }
}

describe('gallery', () => {
  it('has a scenario for every lab of the tutorial, each with a title, a story and checked requests in both languages', () => {
    const names = gallery.map((g) => g.name)
    for (const lab of TUTORIAL_LABS) expect(names).toContain(lab)
    for (const g of gallery) {
      for (const text of [g.title, g.story, ...g.requests.map((r) => r.title)]) {
        expect(text.en.trim(), g.name).not.toBe('')
        expect(text.zh.trim(), g.name).not.toBe('')
      }
      expect(g.requests.length, g.name).toBeGreaterThan(0)
      expect(g.files.length > 0 || g.generator !== undefined, g.name).toBe(true)
    }
  })

  for (const entry of gallery) {
    const heavy = entry.generator !== undefined
    // kube-proxy modes other than iptables are being built: their labs run as soon as the engine simulates the mode.
    const pending = !modeSimulated(compileScenario(entry.generator ? [] : entry.files).cluster)
    it.skipIf(pending)(`${entry.name}: compiles cleanly and every suggested request gives its expected outcome${pending ? ' (kube-proxy mode not simulated yet)' : ''}`,
      () => check(entry), heavy ? 600_000 : 30_000)
  }
})
