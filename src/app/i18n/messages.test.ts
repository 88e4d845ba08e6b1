import { describe, expect, it } from 'vitest'
import { appMessages } from './messages'
import { translate } from './t'

describe('app messages', () => {
  it('has a non-empty English and Chinese text for every key, with the same placeholders', () => {
    for (const [key, m] of Object.entries(appMessages)) {
      expect(m.en.trim(), key).not.toBe('')
      expect(m.zh.trim(), key).not.toBe('')
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
      expect(ph(m.zh), key).toEqual(ph(m.en))
    }
  })
  it('fills placeholders', () => {
    expect(translate('problems.summary', 'en', { errors: 1, warnings: 2 })).toBe('Errors: 1 · Warnings: 2')
    expect(translate('problems.summary', 'zh', { errors: 1, warnings: 2 })).toBe('错误:1 · 警告:2')
  })
})
