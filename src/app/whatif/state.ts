import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { SourceFile } from '../../engine/manifest/types'

/** Where the what-if menu is open: on which canvas object, at which point of the page. */
export interface WhatIfMenuAt {
  id: string
  x: number
  y: number
  /** Focus goes back here when the menu closes (the card or the button it was opened from). */
  returnFocus: HTMLElement | null
}

/** The outcome of the last what-if, shown until dismissed: a summary (en+zh from the engine catalogue) or a refusal. */
export interface WhatIfNotice {
  /** An engine catalogue code (whatif.*), or with `app` one of this area's texts (messages.ts). */
  code: string
  params: Record<string, string>
  app?: boolean
  error: boolean
  /** The files before and after the edit: "Undo" puts `before` back while the YAML is still `after` (a file the
   * what-if added is not undone by Ctrl-Z in one editor tab). `reload`: the edit replaced the scenario (Import →
   * Replace), so undoing it loads the old one again (laid out afresh and fitted in view). */
  undo?: { before: SourceFile[]; after: SourceFile[]; reload?: boolean }
}

interface WhatIfUi {
  menu: WhatIfMenuAt | null
  notice: WhatIfNotice | null
}

/** Kept apart from the app store: the menu and its notice are this area's own, loaded lazily with the menu. */
export const whatIfUi = createStore<WhatIfUi>()(() => ({ menu: null, notice: null }))

export const useWhatIfUi = <T,>(selector: (s: WhatIfUi) => T): T => useStore(whatIfUi, selector)

export function openWhatIfMenu(id: string, x: number, y: number): void {
  const active = document.activeElement
  whatIfUi.setState({ menu: { id, x, y, returnFocus: active instanceof HTMLElement ? active : null } })
}
