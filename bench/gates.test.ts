import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleSizes } from './bundle'
import { perMode } from './engine.bench'

/**
 * CI gates on the deterministic figures of `npm run bench` (issue 12): sizes and counts, never timings.
 * The bundle gate reads dist/ as `npm run build` left it; `npm test` builds before Playwright, so on a fresh checkout
 * the unit run has no dist/ yet and the gate says so instead of passing silently.
 */
describe('bench gates', () => {
  const bundle = bundleSizes(process.env.BENCH_DIST)
  it.skipIf(bundle === undefined)('initial JavaScript is at most 200 KB gzip; Monaco is not in it', () => {
    expect(bundle!.initialJsGzipKB).toBeLessThanOrEqual(200)
    expect(bundle!.initialFiles.some((f) => /Monaco|editor\.worker/.test(f))).toBe(false)
  })

  it.skipIf(bundle === undefined)('the engine\'s message catalogue is not in the initial JavaScript (app/i18n/engineText.ts loads it later)', () => {
    const initial = bundle!.initialFiles.map((f) => readFileSync(join(bundle!.dist, f), 'utf8')).join('\n')
    expect(initial.includes('react.dev'), 'the check reads the real files').toBe(true)
    expect(initial.includes('Missing required field'), "manifest.missingField's English text in the initial JS").toBe(false)
  })

  it('rules evaluated per request: iptables walks KUBE-SERVICES linearly, IPVS and nftables look up in constant work', () => {
    // kube-proxy iptables: one rule per Service port in KUBE-SERVICES, so the last Service costs about one rule per
    // Service more; IPVS (a hash of virtual servers) and nftables (a verdict map) do not grow with the cluster
    const small = perMode(40, 10, 3)
    const large = perMode(120, 10, 3)
    for (const m of ['iptables', 'ipvs', 'nftables']) {
      expect(small[m].outcome, m).toBe('ok')
      expect(large[m].outcome, m).toBe('ok')
    }
    expect(large.iptables.rulesEvaluatedPerRequest - small.iptables.rulesEvaluatedPerRequest).toBeGreaterThanOrEqual(80)
    expect(large.iptables.rulesEvaluatedPerRequest).toBeLessThanOrEqual(2 * 120 + 60)
    expect(large.ipvs.rulesEvaluatedPerRequest).toBe(small.ipvs.rulesEvaluatedPerRequest)
    expect(large.nftables.rulesEvaluatedPerRequest).toBe(small.nftables.rulesEvaluatedPerRequest)
    expect(large.nftables.rulesEvaluatedPerRequest).toBeLessThanOrEqual(40)
  }, 120_000)
})
