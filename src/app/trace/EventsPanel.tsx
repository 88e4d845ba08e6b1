import { useEffect, useRef } from 'react'
import { formatMessage } from '../i18n/engineText'
import { useApp } from '../store'
import { useT } from '../i18n/t'
import type { AppMessageKey } from '../i18n/messages'
import { HopDetails } from './HopDetails'
import { STAGES } from './packet'
import { currentRun, currentTrace, traceStore, useTrace } from './store'
import { shortName } from './machines'

/** One row per hop (seq, where, stage, the note in a line), filterable by stage; the hop in full beside the list. */
export function EventsPanel() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const run = useTrace(currentRun)
  const trace = useTrace(currentTrace)
  const traceIndex = useTrace((s) => s.traceIndex)
  const current = useTrace((s) => s.hop)
  const hidden = useTrace((s) => s.hiddenStages)
  const list = useRef<HTMLOListElement>(null)

  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' })
  }, [current, trace])

  if (!trace || !run) return <p className="card-muted dock-empty">{t('events.empty')}</p>
  const present = STAGES.filter((s) => trace.hops.some((h) => h.stage === s))
  const shown = trace.hops.map((h, i) => ({ h, i })).filter(({ h }) => !hidden.includes(h.stage))

  return (
    <div className="events">
      <div className="events-list-pane">
        <div className="events-toolbar">
          <span className="mono events-line" title={run.line}>{shortName(run.where)} $ {run.line}</span>
          {run.reply.traces.length > 1 && (
            <label className="select-label">
              <span className="visually-hidden">{t('events.trace')}</span>
              <select aria-label={t('events.trace')} value={traceIndex} onChange={(e) => traceStore.getState().showRun(run.id, Number(e.target.value))}>
                {run.reply.traces.map((x, i) => <option key={i} value={i}>{i + 1}. {x.request.host}:{x.request.port} — {t(`outcome.${x.outcome.result}` as AppMessageKey)}</option>)}
              </select>
            </label>
          )}
          <span className="card-muted" data-testid="trace-outcome">{t('trace.outcome', { result: t(`outcome.${trace.outcome.result}` as AppMessageKey) + (trace.outcome.httpStatus ? ` ${trace.outcome.httpStatus}` : '') })}</span>
        </div>
        <fieldset className="stage-filter">
          <legend className="visually-hidden">{t('events.filter')}</legend>
          {present.map((s) => (
            <label key={s} className={`stage-chip stage-${s}`}>
              <input type="checkbox" checked={!hidden.includes(s)} onChange={() => traceStore.getState().toggleStage(s)} data-testid={`stage-filter-${s}`} />
              {t(`stage.${s}` as AppMessageKey)}
            </label>
          ))}
        </fieldset>
        <ol className="events-list" ref={list} data-testid="events-list" aria-label={t('tab.events')}>
          {shown.length === 0 && <li className="card-muted">{t('events.hiddenAll')}</li>}
          {shown.map(({ h, i }) => (
            <li key={i}>
              <button type="button" className={`event-row${i === current ? ' is-current' : ''}${h.verdict === 'translated' ? ' is-translated' : ''}`}
                aria-current={i === current ? 'step' : undefined} data-testid="event-row" data-stage={h.stage} data-index={i}
                onClick={() => traceStore.getState().setHop(i)}>
                <span className="event-seq mono">{h.seq}</span>
                <span className={`stage-chip stage-${h.stage}`}>{t(`stage.${h.stage}` as AppMessageKey)}</span>
                <span className="event-where mono" title={h.at}>{shortName(h.at)}</span>
                <span className="event-summary">{formatMessage(h.note.code, h.note.params, lang)}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="events-hop-pane" aria-label={t('tab.hop')} role="region">
        <HopDetails hop={trace.hops[current]} />
      </div>
    </div>
  )
}
