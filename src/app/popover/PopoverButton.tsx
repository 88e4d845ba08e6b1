import { Suspense, useRef, useState, type ComponentType } from 'react'

/** A popover anchored under its toolbar button; `onClose(true)` gives the focus back to the button (Escape). */
export type AnchoredPopover = ComponentType<{ anchor: HTMLElement | null; onClose: (refocus: boolean) => void }>

/**
 * A toolbar button that opens and closes a popover. The popover is a lazy component: it is not on the first screen,
 * so it loads on first use.
 */
export function PopoverButton({ label, testId, Popover }: { label: string; testId: string; Popover: AnchoredPopover }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button ref={button} type="button" className="tool-button" data-testid={testId} aria-haspopup="dialog"
        aria-expanded={open} onClick={() => setOpen(!open)}>{label}</button>
      {open && (
        <Suspense fallback={null}>
          <Popover anchor={button.current} onClose={(refocus) => { setOpen(false); if (refocus) button.current?.focus() }} />
        </Suspense>
      )}
    </>
  )
}
