import type { KeyboardEvent as ReactKeyboardEvent } from 'react'

/**
 * The WAI-ARIA menu pattern's keys on a role="menu" element: ↓/↑ move between enabled items (wrapping), Home and End
 * jump, Escape and Tab close. Shared by the what-if menu and the Export menu.
 */
export function menuKeys(e: ReactKeyboardEvent<HTMLElement>, close: () => void): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')]
  const at = items.indexOf(document.activeElement as HTMLElement)
  const go = (i: number) => { e.preventDefault(); items[(i + items.length) % items.length]?.focus() }
  if (e.key === 'ArrowDown') go(at + 1)
  else if (e.key === 'ArrowUp') go(at < 0 ? items.length - 1 : at - 1)
  else if (e.key === 'Home') go(0)
  else if (e.key === 'End') go(items.length - 1)
  else if (e.key === 'Escape' || e.key === 'Tab') { e.preventDefault(); close() }
}
