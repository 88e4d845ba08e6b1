import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { exercise } from './exercise'
import { mutateFiles, mutateText, mutationArb } from './mutate'

/**
 * The gallery's own YAML, mutated as a user's typing mistakes would (mutate.ts), through the whole engine: nothing
 * throws, every trace ends, every DNAT lands on an endpoint of its Service. FUZZ_RUNS raises the count (npm run fuzz).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20)
const scenarios = gallery.filter((g) => g.generator === undefined && g.files.length > 0)

describe('engine on mutated gallery YAML', () => {
  it('the unmutated gallery passes the same invariants (and walks packets, so the check has something to see)', () => {
    let traces = 0
    for (const g of scenarios) {
      const run = exercise(g.files, 1)
      expect(run.violations, g.name).toEqual([])
      traces += run.traces
    }
    expect(traces).toBeGreaterThan(scenarios.length)
  }, Math.max(600_000, RUNS * 1_000))

  it('never throws and keeps the trace invariants under 1-4 mutations', () => {
    const caseArb = fc.record({
      scenario: fc.nat({ max: scenarios.length - 1 }),
      mutations: fc.array(fc.record({ file: fc.nat(), m: mutationArb }), { minLength: 1, maxLength: 4 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    fc.assert(fc.property(caseArb, (c) => {
      const files = mutateFiles(scenarios[c.scenario].files, c.mutations)
      const run = exercise(files, c.seed)
      expect(run.violations, `${scenarios[c.scenario].name}`).toEqual([])
    }), { numRuns: RUNS })
  }, Math.max(600_000, RUNS * 1_000))
})

describe('mutateText', () => {
  it.each([
    ['delete', 'a: 1\nb: 2', { op: 'delete', line: 0 }, 'b: 2'],
    ['duplicate', 'a: 1\nb: 2', { op: 'duplicate', line: 1 }, 'a: 1\nb: 2\nb: 2'],
    ['swap', 'a: 1\nb: 2', { op: 'swap', line: 0, other: 1 }, 'b: 2\na: 1'],
    ['indent in', '  a: 1', { op: 'indent', line: 0, by: -1 }, ' a: 1'],
    ['value of a key', '  port: 80', { op: 'value', line: 0, value: '-1' }, '  port: -1'],
    ['value of a list item', '  - 10.0.0.1', { op: 'value', line: 0, value: '~' }, '  - ~'],
    ['truncate', 'abcdef', { op: 'truncate', at: 9 }, 'abc'],
  ] as const)('%s', (_name, text, m, want) => {
    expect(mutateText(text, m)).toBe(want)
  })
})
