import type { Lang } from '../../engine/i18n/types'
import { formatMessage, useEngineTexts } from './engineText'
import type { Diagnostic } from '../../engine/core/diagnostic'
import { appMessages, type AppMessageKey } from './messages'
import { useApp } from '../store'

/** An app text in a language, `{param}` placeholders filled. */
export function translate(key: AppMessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return appMessages[key][lang].replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole))
}

/** A diagnostic's text from the engine catalogue. */
export function diagnosticText(d: Diagnostic, lang: Lang): string {
  return formatMessage(d.code, d.params, lang)
}

export type Translate = (key: AppMessageKey, params?: Record<string, string | number>) => string

/** The translate function for the current language (re-renders when it changes). */
export function useT(): Translate {
  const lang = useApp((s) => s.lang)
  useEngineTexts() // a component that translates renders again when the engine's texts arrive (engineText.ts)
  return (key, params) => translate(key, lang, params)
}
