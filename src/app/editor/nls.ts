import type { Lang } from '../../engine/i18n/types'

/**
 * Monaco's own texts (context menu, find widget, command palette) in the page's language. monaco-editor's ESM build
 * calls `localize(index, englishFallback)` and looks the index up in `globalThis._VSCODE_NLS_MESSAGES` (vs/nls.js
 * lookupMessage), and most of its menus call it while their modules evaluate. So the language bundle
 * (esm/nls.messages.zh-cn.js, which sets that global and `_VSCODE_NLS_LANGUAGE`) must run BEFORE any Monaco module:
 * the editor's lazy import waits for this. English needs nothing (the fallbacks are English).
 */

let loaded: Lang | undefined

export async function loadMonacoNls(lang: Lang): Promise<void> {
  if (loaded) return
  if (lang === 'zh') await import('monaco-editor/esm/nls.messages.zh-cn.js')
  loaded = lang
}

/** The language Monaco's own menus were loaded in (they cannot change without a reload), or undefined before. */
export function monacoNlsLanguage(): Lang | undefined {
  return loaded
}
