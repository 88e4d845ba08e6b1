import { useT } from '../i18n/t'
import type { AppMessageKey } from '../i18n/messages'
import { currentRun, useTrace } from './store'

/** A horizontal bar per key, its length the share of the requests (plain CSS; no chart library). */
function Bars({ title, counts, testid }: { title: AppMessageKey; counts: Record<string, number>; testid: string }) {
  const t = useT()
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const total = rows.reduce((n, [, c]) => n + c, 0) || 1
  return (
    <figure className="spread-chart" data-testid={testid}>
      <figcaption>{t(title)}</figcaption>
      <ul>
        {rows.map(([key, count]) => (
          <li key={key} className="spread-row" data-key={key} data-count={count}>
            <span className="spread-key mono" title={key}>{key}</span>
            <span className="spread-bar" aria-hidden="true"><span style={{ transform: `scaleX(${count / total})` }} /></span>
            <span className="spread-count mono">{count} · {((100 * count) / total).toFixed(0)}%</span>
          </li>
        ))}
      </ul>
    </figure>
  )
}

/** How N requests spread: per pod, per Service, per status, per result; and the rules they evaluated. */
export function SpreadPanel() {
  const t = useT()
  const run = useTrace(currentRun)
  const summary = run?.reply.summary
  if (!run || !summary) return <p className="card-muted dock-empty">{t('spread.empty')}</p>
  const total = run.reply.traces.reduce((n, tr) => n + tr.rulesEvaluated, 0)
  const avg = run.reply.traces.length ? (total / run.reply.traces.length).toFixed(1) : '0'
  return (
    <div className="spread" data-testid="spread">
      <p className="spread-head">
        <span className="mono">{run.line}</span> · {t('spread.requests', { n: summary.requests })} ·{' '}
        <span data-testid="spread-rules">{t('spread.rules', { avg, total })}</span>
      </p>
      <div className="spread-grid">
        <Bars title="spread.byPod" counts={summary.byPod} testid="spread-pod" />
        <Bars title="spread.byService" counts={summary.byService} testid="spread-service" />
        <Bars title="spread.byStatus" counts={summary.byStatus} testid="spread-status" />
        <Bars title="spread.byResult" counts={summary.byResult} testid="spread-result" />
      </div>
    </div>
  )
}
