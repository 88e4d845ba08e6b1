import { useEffect } from 'react'
import { appStore, useApp } from '../store'
import { useT } from '../i18n/t'
import type { AppMessageKey } from '../i18n/messages'
import './notices.css'

const STATUS_MS = 10_000

/**
 * Messages about the user's work (a refused link or file, storage trouble, a draft kept), each until dismissed.
 * Refusals are alerts (read out at once); what was done for the user is a status. Texts and the names in them are
 * rendered as text: a link's names can hold markup, and it stays characters.
 */
export function Notices() {
  const t = useT()
  const notices = useApp((s) => s.notices)
  // what was done for the user goes by itself after a while; a refusal or a storage problem stays until dismissed
  const statuses = notices.filter((n) => n.kind === 'status').map((n) => n.id).join(',')
  useEffect(() => {
    if (!statuses) return
    const ids = statuses.split(',').map(Number)
    const timer = setTimeout(() => { for (const id of ids) appStore.getState().dismissNotice(id) }, STATUS_MS)
    return () => clearTimeout(timer)
  }, [statuses])
  if (notices.length === 0) return null
  return (
    <div className="notices" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice is-${n.kind}`} role={n.kind === 'alert' ? 'alert' : 'status'} data-testid={`notice-${n.kind}`}>
          <span className="notice-text">{t(n.key as AppMessageKey, n.params)}</span>
          <button type="button" className="notice-dismiss" aria-label={t('notice.dismiss')} title={t('notice.dismiss')}
            onClick={() => appStore.getState().dismissNotice(n.id)}>×</button>
        </div>
      ))}
    </div>
  )
}
