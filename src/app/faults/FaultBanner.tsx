import { useState } from 'react'
import { useT } from '../i18n/t'
import { retryWorker, useWorkerStatus } from './status'
import './faults.css'

/**
 * Tells the user, calmly, that the compiler worker was restarted (it hung or crashed) or stopped after repeated
 * failures, with a Retry button. A restart note can be dismissed; a new restart shows a new note.
 */
export function FaultBanner() {
  const t = useT()
  const status = useWorkerStatus()
  const [dismissed, setDismissed] = useState(0)
  if (status.state === 'running') return null
  if (status.state === 'stopped') {
    return (
      <div className="fault-banner fault-stopped" role="alert" data-testid="fault-banner" data-state="stopped">
        <div className="fault-text"><p>{t('faults.stopped', { count: status.restarts + 1 })}</p></div>
        <button type="button" className="fault-retry" data-testid="fault-retry" onClick={retryWorker}>{t('faults.retry')}</button>
      </div>
    )
  }
  if (dismissed === status.total) return null
  return (
    <div className="fault-banner" role="status" aria-live="polite" data-testid="fault-banner" data-state="restarted" data-reason={status.reason}>
      <div className="fault-text">
        <p>{t(status.reason === 'timeout' ? 'faults.hung' : 'faults.crashed')}</p>
        <p className="fault-detail">{t('faults.stateReset')}</p>
      </div>
      <button type="button" data-testid="fault-dismiss" onClick={() => setDismissed(status.total)}>{t('faults.dismiss')}</button>
    </div>
  )
}
