import { lazy, Suspense, useEffect } from 'react'
import { openWhatIfMenu, useWhatIfUi } from './state'

// The menu, its scale form and the notice are loaded on first use: they are not on the first screen.
const WhatIfLayer = lazy(() => import('./WhatIfLayer'))

/** ContextMenu or Shift+F10 on a focused canvas card opens its what-if menu, as a right-click does. */
function onKey(e: KeyboardEvent) {
  if (e.key !== 'ContextMenu' && !(e.key === 'F10' && e.shiftKey)) return
  const card = (e.target instanceof Element ? e.target : null)?.closest<HTMLElement>('.react-flow__node')
  const id = card?.dataset.id
  if (!card || !id) return
  e.preventDefault()
  const r = card.getBoundingClientRect()
  openWhatIfMenu(id, r.left + Math.min(24, r.width / 2), r.top + Math.min(24, r.height / 2))
}

/** Mounted once beside the canvas: the keyboard way into the menu, and the lazily loaded menu and notice. */
export function WhatIfHost() {
  const active = useWhatIfUi((s) => s.menu !== null || s.notice !== null)
  useEffect(() => {
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return active ? <Suspense fallback={null}><WhatIfLayer /></Suspense> : null
}
