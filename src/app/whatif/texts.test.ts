import { describe, expect, it } from 'vitest'
import { appMessages } from '../i18n/messages'
import { lazyText, lazyTexts } from './texts'
import { whatifMenuMessages } from './menuMessages'
import { transferDialogMessages } from '../transfer/dialogMessages'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()

describe('lazy texts of the what-if menu and the transfer dialogs', () => {
  it('every key has a non-empty English and Chinese text with the same placeholders (as i18n/messages.test.ts asks of the app table)', () => {
    for (const [key, m] of Object.entries(lazyTexts)) {
      expect(m.en.trim(), key).not.toBe('')
      expect(m.zh.trim(), key).not.toBe('')
      expect(placeholders(m.zh), key).toEqual(placeholders(m.en))
    }
  })

  it('no key is defined twice (between the two lazy tables, or in the app table, which would shadow it)', () => {
    const menu = Object.keys(whatifMenuMessages)
    const dialogs = Object.keys(transferDialogMessages)
    expect(menu.filter((k) => dialogs.includes(k))).toEqual([])
    expect(Object.keys(lazyTexts).filter((k) => k in appMessages)).toEqual([])
  })

  it('fills placeholders, and falls back to the app table for the first screen\'s keys', () => {
    expect(lazyText('whatif.scale.title', 'en', { workload: 'Deployment/default/web' })).toBe('Scale Deployment/default/web')
    expect(lazyText('whatif.scale.title', 'zh', { workload: 'Deployment/default/web' })).toBe('扩缩容 Deployment/default/web')
    expect(lazyText('transfer.export', 'zh')).toBe('导出')
  })
})
