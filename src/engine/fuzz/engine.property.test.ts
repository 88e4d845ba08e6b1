import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exercise } from './exercise'
import { clusterPlanArb, planFiles } from './generate'

/**
 * Generated clusters (generate.ts) through the whole engine. `npm test` runs a fast subset; `npm run fuzz` sets
 * FUZZ_RUNS=10000. Invariants (DESIGN.md, issue 12): nothing throws, every trace ends, every kube-proxy DNAT lands
 * on an endpoint of the Service whose frontend the packet was sent to, and the same seed gives the same output.
 */
/** FUZZ_SEED replays a run fast-check reported (its `seed`), FUZZ_RUNS sets how many cases. */
const SEED = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}
const RUNS = Number(process.env.FUZZ_RUNS ?? 20)

describe('engine on generated clusters', () => {
  it('never throws, every trace ends, DNAT targets are endpoints of the Service', () => {
    fc.assert(fc.property(clusterPlanArb, fc.integer({ min: 1, max: 1_000_000 }), (plan, seed) => {
      const run = exercise(planFiles(plan), seed, { modeOverride: plan.mode })
      expect(run.violations).toEqual([])
    }), { numRuns: RUNS, ...SEED })
  }, Math.max(600_000, RUNS * 1_000))

  it('is deterministic: the same files and seed give byte-identical output', () => {
    fc.assert(fc.property(clusterPlanArb, fc.integer({ min: 1, max: 1_000_000 }), (plan, seed) => {
      const a = exercise(planFiles(plan), seed, { modeOverride: plan.mode })
      const b = exercise(planFiles(plan), seed, { modeOverride: plan.mode })
      expect(a.transcript).toBe(b.transcript)
    }), { numRuns: Math.max(5, Math.floor(RUNS / 4)), ...SEED })
  }, Math.max(600_000, RUNS * 1_000))
})
