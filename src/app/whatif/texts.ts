import type { Lang } from '../../engine/i18n/types'
import { useApp } from '../store'
import { translate } from '../i18n/t'
import type { AppMessageKey } from '../i18n/messages'
import { whatifMenuMessages } from './menuMessages'
import { transferDialogMessages } from '../transfer/dialogMessages'

/**
 * Texts of the lazily loaded what-if menu and transfer dialogs. They stay out of the app's joined table so the page's
 * first JavaScript does not carry them; the app's own keys (buttons on the first screen) still translate here.
 */
export const lazyTexts = { ...whatifMenuMessages, ...transferDialogMessages }

export type LazyTextKey = keyof typeof lazyTexts
export type LazyTranslate = (key: LazyTextKey | AppMessageKey, params?: Record<string, string | number>) => string

export function lazyText(key: LazyTextKey | AppMessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = (lazyTexts as Record<string, { en: string; zh: string }>)[key]
  if (!entry) return translate(key as AppMessageKey, lang, params)
  return entry[lang].replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole))
}

export function isLazyTextKey(key: string): key is LazyTextKey {
  return key in lazyTexts
}

/** The translate function for the current language, over the lazy texts and the app's own. */
export function useLazyT(): LazyTranslate {
  const lang = useApp((s) => s.lang)
  return (key, params) => lazyText(key, lang, params)
}
