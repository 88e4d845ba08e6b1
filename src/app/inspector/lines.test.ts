import { describe, expect, it } from 'vitest'
import { matchingLines, visibleWindow } from './lines'

describe('rule viewer helpers', () => {
  it('matchingLines keeps the order and finds a match anywhere in the line', () => {
    const lines = ['*nat', '-a kube-services -d 10.96.0.11/32', 'commit', '-a kube-svc-abc -j kube-sep-x'].map((l) => l.toLowerCase())
    expect(matchingLines(lines, 'kube-s')).toEqual([1, 3])
    expect(matchingLines(lines, 'nothing')).toEqual([])
  })

  const cases: { name: string; args: [number, number, number, number, number]; want: { first: number; last: number } }[] = [
    { name: 'top of a long text: the visible rows and the margin below', args: [0, 180, 18, 43000, 5], want: { first: 0, last: 15 } },
    { name: 'middle: margin on both sides', args: [18 * 1000, 180, 18, 43000, 5], want: { first: 995, last: 1015 } },
    { name: 'bottom: clamped to the count', args: [18 * 42995, 180, 18, 43000, 5], want: { first: 42990, last: 43000 } },
    { name: 'empty text', args: [0, 180, 18, 0, 5], want: { first: 0, last: 0 } },
  ]
  for (const c of cases) it(`visibleWindow: ${c.name}`, () => expect(visibleWindow(...c.args)).toEqual(c.want))

  it('a 43,000-line text never draws more than the window', () => {
    for (let top = 0; top < 43000 * 18; top += 9999) {
      const w = visibleWindow(top, 400, 18, 43000)
      expect(w.last - w.first).toBeLessThanOrEqual(Math.ceil(400 / 18) + 41)
    }
  })
})
