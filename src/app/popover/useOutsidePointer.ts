import { useEffect, type RefObject } from 'react'

/**
 * Closes a popover when the pointer goes down outside it. A press on its own anchor (the button that opened it) is
 * left to that button, which toggles it. Not while `enabled` is false (a dialog the popover opened has the pointer).
 */
export function useOutsidePointer(box: RefObject<HTMLElement | null>, anchor: HTMLElement | null, close: () => void, enabled = true) {
  useEffect(() => {
    if (!enabled) return
    const outside = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && !anchor?.contains(e.target as Node)) close()
    }
    document.addEventListener('pointerdown', outside, true)
    return () => document.removeEventListener('pointerdown', outside, true)
    // the popover lives as long as it is open: its anchor and close stay the ones it opened with
  }, [enabled])
}
