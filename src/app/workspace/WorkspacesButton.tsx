import { lazy } from 'react'
import { useT } from '../i18n/t'
import { PopoverButton } from '../popover/PopoverButton'

// The list is not on the first screen: it loads on first use.
const WorkspacePanel = lazy(() => import('./WorkspacePanel'))

/** The toolbar's Workspaces button: the user's own scenarios, kept in this browser. */
export function WorkspacesButton() {
  const t = useT()
  return <PopoverButton label={t('workspace.button')} testId="workspaces-open" Popover={WorkspacePanel} />
}
