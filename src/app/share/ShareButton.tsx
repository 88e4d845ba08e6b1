import { lazy } from 'react'
import { useT } from '../i18n/t'
import { PopoverButton } from '../popover/PopoverButton'

// The popover brings the codec (fflate and the dictionary): not on the first screen, loaded on first use.
const SharePopover = lazy(() => import('./SharePopover'))

/** The toolbar's Share button: a link to exactly what is on screen, or a .kubehops.json file when too long. */
export function ShareButton() {
  const t = useT()
  return <PopoverButton label={t('share.button')} testId="share-open" Popover={SharePopover} />
}
