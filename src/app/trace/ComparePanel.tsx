import { useMemo } from 'react'
import { formatMessage } from '../i18n/engineText'
import type { Hop } from '../../engine/trace/types'
import { useApp } from '../store'
import { useT } from '../i18n/t'
import { compareHops } from './compare'
import { shortName } from './machines'
import { traceStore, useTrace, type TraceRun } from './store'

function Cell({ hop }: { hop?: Hop }) {
  const lang = useApp((s) => s.lang)
  if (!hop) return <td className="compare-cell is-missing">—</td>
  return (
    <td className="compare-cell">
      <span className="mono card-muted">{hop.stage} · {shortName(hop.at)}</span>
      <span className="compare-note">{formatMessage(hop.note.code, hop.note.params, lang)}</span>
      {hop.rule && <code className="hop-rule">{hop.rule}</code>}
    </td>
  )
}

/** Two runs of the same request side by side, hop against hop, the rows that differ marked. */
export function ComparePanel() {
  const t = useT()
  const runs = useTrace((s) => s.runs)
  const pair = useTrace((s) => s.compare)
  const withTraces = runs.filter((r) => r.reply.traces.length > 0)
  const [leftId, rightId] = pair ?? [withTraces.at(-2)?.id ?? -1, withTraces.at(-1)?.id ?? -1]
  const left = withTraces.find((r) => r.id === leftId)
  const right = withTraces.find((r) => r.id === rightId)
  const rows = useMemo(() => (left && right ? compareHops(left.reply.traces[0].hops, right.reply.traces[0].hops) : []), [left, right])
  if (withTraces.length < 2 || !left || !right) return <p className="card-muted dock-empty">{t('compare.empty')}</p>
  const label = (r: TraceRun) => t('compare.run', { id: r.id, line: `${shortName(r.where)} $ ${r.line}`, mode: r.mode })
  const pick = (side: 0 | 1, id: number) => {
    const next: [number, number] = side === 0 ? [id, rightId] : [leftId, id]
    traceStore.getState().setCompare(next)
  }
  const changed = rows.filter((r) => r.changed).length
  return (
    <div className="compare" data-testid="compare">
      <div className="compare-pickers">
        {([0, 1] as const).map((side) => (
          <select key={side} aria-label={t(side === 0 ? 'compare.left' : 'compare.right')} value={side === 0 ? leftId : rightId}
            onChange={(e) => pick(side, Number(e.target.value))}>
            {withTraces.map((r) => <option key={r.id} value={r.id}>{label(r)}</option>)}
          </select>
        ))}
        <span className="card-muted" data-testid="compare-summary">{changed ? t('compare.changed', { n: changed }) : t('compare.same')}</span>
      </div>
      <table className="compare-table">
        <thead><tr><th>{t('compare.left')}</th><th>{t('compare.right')}</th></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={r.changed ? 'is-changed' : ''} data-testid="compare-row" data-changed={r.changed ? 'true' : 'false'}
              data-stage-left={r.left?.stage} data-stage-right={r.right?.stage}>
              <Cell hop={r.left} />
              <Cell hop={r.right} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
