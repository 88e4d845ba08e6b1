import { lazy, Suspense, useRef, useState } from 'react'
import { useT } from '../i18n/t'

// The list is not on the first screen: it loads on first use.
const WorkspacePanel = lazy(() => import('./WorkspacePanel'))

/** The toolbar's Workspaces button: the user's own scenarios, kept in this browser. */
export function WorkspacesButton() {
  const t = useT()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button ref={button} type="button" className="tool-button" data-testid="workspaces-open" aria-haspopup="dialog"
        aria-expanded={open} onClick={() => setOpen(!open)}>{t('workspace.button')}</button>
      {open && (
        <Suspense fallback={null}>
          <WorkspacePanel anchor={button.current} onClose={(refocus) => { setOpen(false); if (refocus) button.current?.focus() }} />
        </Suspense>
      )}
    </>
  )
}
