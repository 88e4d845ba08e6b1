import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { ObjectId } from '../../engine/core/ids'

/** Which group cards are open. Canvas-only state, kept apart from the app store (a view choice, not the scenario). */
export interface ExpandState {
  expanded: ReadonlySet<ObjectId>
  toggle(id: ObjectId): void
  clear(): void
}

export const expandStore = createStore<ExpandState>((set) => ({
  expanded: new Set(),
  toggle: (id) => set((s) => {
    const next = new Set(s.expanded)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    return { expanded: next }
  }),
  clear: () => set((s) => (s.expanded.size === 0 ? {} : { expanded: new Set() })),
}))

export const useExpanded = <T,>(pick: (s: ExpandState) => T) => useStore(expandStore, pick)
