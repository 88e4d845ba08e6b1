import type { StateCreator } from 'zustand'
import type { SourceRange } from '../../engine/core/diagnostic'
import type { ObjectId } from '../../engine/core/ids'
import type { Lang } from '../../engine/i18n/types'
import type { AppState } from './index'

export type Theme = 'light' | 'dark'

/** Where a selection started: the canvas selects YAML lines, the editor's cursor selects canvas nodes. */
export type SelectionOrigin = 'canvas' | 'editor' | 'problems'

export interface RevealRequest {
  range: SourceRange
  /** Select the whole range (an object picked on the canvas) or only put the cursor at its start (a problem). */
  select: boolean
  /** Distinguishes two requests for the same place, so the editor reveals it again. */
  nonce: number
}

export interface UiSlice {
  selection: ObjectId | null
  selectionOrigin: SelectionOrigin | null
  lang: Lang
  theme: Theme
  /** The editor's share of the editor + canvas width, 0..1. */
  editorShare: number
  reveal: RevealRequest | null
  select(id: ObjectId | null, origin: SelectionOrigin): void
  setLang(lang: Lang): void
  setTheme(theme: Theme): void
  setEditorShare(share: number): void
  revealInEditor(range: SourceRange, select: boolean): void
}

export function preferredLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const tag = l.toLowerCase()
    if (tag.startsWith('zh')) return 'zh'
    if (tag.startsWith('en')) return 'en'
  }
  return 'en'
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  selection: null,
  selectionOrigin: null,
  lang: 'en',
  theme: 'light',
  editorShare: 0.4,
  reveal: null,
  select: (id, origin) => set({ selection: id, selectionOrigin: id ? origin : null }),
  setLang: (lang) => set({ lang }),
  setTheme: (theme) => set({ theme }),
  setEditorShare: (share) => set({ editorShare: Math.min(0.75, Math.max(0.2, share)) }),
  revealInEditor: (range, select) =>
    set((s) => ({ reveal: { range, select, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
})
