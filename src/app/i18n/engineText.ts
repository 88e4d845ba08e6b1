import { useSyncExternalStore } from 'react'
import type { Lang } from '../../engine/i18n/types'

/**
 * The engine's catalogue (every stage's texts in English and Chinese, ~35 KB gzip) is loaded after the first screen,
 * not with it: the first canvas needs none of it (a diagnostic or a hop note appears only after a compile or a
 * send). It starts loading when the page is idle, or at the first text asked for; until it is there a text reads as
 * its code, and every component that translates (useT) renders again when it arrives.
 */
type Format = (code: string, params: Record<string, string>, lang?: Lang) => string

let format: Format | undefined
let loading: Promise<void> | undefined
const listeners = new Set<() => void>()

export function loadEngineTexts(): Promise<void> {
  loading ??= import('../../engine/i18n/catalog').then((m) => {
    format = m.formatMessage
    for (const l of listeners) l()
  })
  return loading
}

/** The engine catalogue's formatMessage, once loaded; the code itself before. */
export function formatMessage(code: string, params: Record<string, string>, lang: Lang = 'en'): string {
  if (format) return format(code, params, lang)
  void loadEngineTexts()
  return code
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => { listeners.delete(l) }
}
const isLoaded = () => format !== undefined

/** Re-renders the caller when the catalogue arrives. */
export function useEngineTexts(): boolean {
  return useSyncExternalStore(subscribe, isLoaded, isLoaded)
}

// Idle after the first screen: by the time a compile reports or a trace is sent the texts are usually there.
if (typeof window !== 'undefined') {
  const start = () => { void loadEngineTexts() }
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 2000 })
  else setTimeout(start, 500)
}
