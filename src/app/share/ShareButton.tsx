import { lazy, Suspense, useRef, useState } from 'react'
import { useT } from '../i18n/t'

// The popover brings the codec (fflate and the dictionary): not on the first screen, loaded on first use.
const SharePopover = lazy(() => import('./SharePopover'))

/** The toolbar's Share button: a link to exactly what is on screen, or a .kubehops.json file when too long. */
export function ShareButton() {
  const t = useT()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button ref={button} type="button" className="tool-button" data-testid="share-open" aria-haspopup="dialog"
        aria-expanded={open} onClick={() => setOpen(!open)}>{t('share.button')}</button>
      {open && (
        <Suspense fallback={null}>
          <SharePopover anchor={button.current} onClose={(refocus) => { setOpen(false); if (refocus) button.current?.focus() }} />
        </Suspense>
      )}
    </>
  )
}
