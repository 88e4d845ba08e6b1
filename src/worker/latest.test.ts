import { describe, expect, it } from 'vitest'
import { latestOnly, rememberLastLayout } from './latest'

describe('latestOnly', () => {
  it('drops a request once a newer one has been seen', () => {
    const l = latestOnly()
    expect(l.begin(1)).toBe(true)
    expect(l.isStale(1)).toBe(false)
    expect(l.begin(2)).toBe(true)
    expect(l.isStale(1)).toBe(true)
    expect(l.isStale(2)).toBe(false)
  })
  it('refuses a request older than one already begun (out-of-order delivery)', () => {
    const l = latestOnly()
    l.begin(5)
    expect(l.begin(3)).toBe(false)
    expect(l.begin(5)).toBe(true)
  })
})

describe('rememberLastLayout', () => {
  // a stand-in for ELK: like ELK, it writes positions into the graph it is given
  const fakeElk = () => {
    const calls: string[] = []
    return { calls, layout: async (g: { id: string; x?: number }) => { calls.push(g.id); g.x = calls.length; return g } }
  }
  it('runs the layouter once for the same graph twice (a label edit), again for a changed one, and again after a change back', async () => {
    const elk = fakeElk()
    const l = rememberLastLayout(elk)
    const a1 = await l.layout({ id: 'a' })
    const a2 = await l.layout({ id: 'a' })
    expect(a2).toBe(a1)
    await l.layout({ id: 'b' })
    await l.layout({ id: 'a' })
    expect(elk.calls).toEqual(['a', 'b', 'a'])
    expect(l.reused).toBe(1)
  })
  it('keys the request before the layouter writes into it, and forgets a failed layout', async () => {
    let fail = true
    const l = rememberLastLayout({ layout: async (g: { id: string; x?: number }) => { if (fail) throw new Error('elk'); g.x = 1; return g } })
    await expect(l.layout({ id: 'a' })).rejects.toThrow('elk')
    fail = false
    expect((await l.layout({ id: 'a' })).x).toBe(1)
    expect(l.reused).toBe(0)
  })
})
