import { describe, expect, it } from 'vitest'
import { latestOnly } from './latest'

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
