import { describe, expect, it } from 'vitest'
import { catalog, formatMessage } from './catalog'

describe('catalog', () => {
  it('has both languages for every code, with the same placeholders', () => {
    for (const [code, m] of Object.entries(catalog)) {
      expect(m.en, code).toBeTruthy()
      expect(m.zh, code).toBeTruthy()
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
      expect(names(m.zh), code).toEqual(names(m.en))
    }
  })

  it('fills placeholders and falls back to the code', () => {
    expect(formatMessage('no.such.code', {})).toBe('no.such.code')
  })
})
