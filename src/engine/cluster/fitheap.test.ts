import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createFitHeap } from './fitheap'

/** schedule.ts's scan, the reference: fewest PreferNoSchedule taints, then fewest pods, then the earliest node. */
function scan(fit: Int32Array, prefer: Int32Array, count: Int32Array): number {
  let best = -1
  for (const i of fit) {
    if (best < 0 || prefer[i] < prefer[best] || (prefer[i] === prefer[best] && count[i] < count[best])) best = i
  }
  return best
}

describe('createFitHeap picks what the scheduler\'s scan picks (schedule.ts createScheduler)', () => {
  it.each([
    { name: 'equal nodes: round robin in node order', fit: [0, 1, 2], prefer: [0, 0, 0], picks: [0, 1, 2, 0, 1] },
    { name: 'a PreferNoSchedule taint is avoided while others fit', fit: [0, 1], prefer: [1, 0], picks: [1, 1, 1] },
    { name: 'a node left out by the filters is never picked', fit: [1, 2], prefer: [0, 0, 0], picks: [1, 2, 1] },
    { name: 'no fitting node', fit: [], prefer: [0, 0], picks: [-1] },
  ])('$name', ({ fit, prefer, picks }) => {
    const count = new Int32Array(prefer.length)
    const heap = createFitHeap(Int32Array.from(fit), Int32Array.from(prefer), count)
    const got: number[] = []
    for (let k = 0; k < picks.length; k++) {
      const i = heap.best(count)
      got.push(i)
      if (i >= 0) count[i]++
    }
    expect(got).toEqual(picks)
  })

  it('several placements sharing one count array, with pods placed behind their back (nodeName), agree with the scan', () => {
    const caseArb = fc.integer({ min: 1, max: 12 }).chain((nodes) => fc.record({
      nodes: fc.constant(nodes),
      placements: fc.array(fc.record({
        fit: fc.subarray([...Array(nodes).keys()]),
        prefer: fc.array(fc.nat({ max: 2 }), { minLength: nodes, maxLength: nodes }),
      }), { minLength: 1, maxLength: 4 }),
      start: fc.array(fc.nat({ max: 3 }), { minLength: nodes, maxLength: nodes }),
      // each step: a pod of placement p, or (p < 0) a pod bound to node n without the scheduler
      steps: fc.array(fc.record({ p: fc.integer({ min: -1, max: 3 }), n: fc.nat({ max: nodes - 1 }) }), { maxLength: 60 }),
    }))
    fc.assert(fc.property(caseArb, ({ nodes, placements, start, steps }) => {
      const count = Int32Array.from(start)
      void nodes
      const fits = placements.map((p) => ({ fit: Int32Array.from(p.fit), prefer: Int32Array.from(p.prefer) }))
      const heaps = fits.map((p) => createFitHeap(p.fit, p.prefer, count))
      for (const { p, n } of steps) {
        if (p < 0 || p >= fits.length) { count[n]++; continue }
        const want = scan(fits[p].fit, fits[p].prefer, count)
        expect(heaps[p].best(count)).toBe(want)
        if (want >= 0) count[want]++
      }
    }), { numRuns: 300 })
  })
})
