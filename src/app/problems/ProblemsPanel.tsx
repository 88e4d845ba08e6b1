import type { Diagnostic } from '../../engine/core/diagnostic'
import { appStore, useApp } from '../store'
import { diagnosticText, useT } from '../i18n/t'

const location = (d: Diagnostic) => (d.range ? `${d.range.file}:${d.range.startLine}:${d.range.startCol}` : '')

/** Every diagnostic of the newest compile, in the engine's order; a click puts the editor's cursor on it. */
export function ProblemsPanel() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const diagnostics = useApp((s) => s.current?.diagnostics)
  const failure = useApp((s) => s.workerFailure)
  const list = diagnostics ?? []
  const errors = list.filter((d) => d.severity === 'error').length
  const warnings = list.filter((d) => d.severity === 'warning').length

  return (
    <section className="panel problems" aria-label={t('landmark.problems')} data-testid="problems">
      <header className="panel-header">
        <h2>{t('landmark.problems')}</h2>
        <span className="panel-count" data-testid="problems-summary">{t('problems.summary', { errors, warnings })}</span>
      </header>
      <ul className="problem-list">
        {failure && (
          <li className="problem sev-error" data-testid="worker-failure">
            {/* the same grid as a diagnostic's row: the icon column first, so the text gets the wide column */}
            <span className="sev-icon sev-error" aria-label={t('severity.error')} role="img" />
            <span className="problem-text">{t('problems.workerFailed', { message: failure })}</span>
          </li>
        )}
        {list.length === 0 && !failure && <li className="problem-empty">{t('problems.none')}</li>}
        {list.map((d, i) => (
          <li key={`${d.code}-${i}`}>
            <button type="button" className={`problem sev-${d.severity}`} data-testid="problem" data-code={d.code}
              disabled={!d.range}
              title={d.range ? t('problems.jump', { location: location(d) }) : undefined}
              onClick={() => d.range && appStore.getState().revealInEditor(d.range, false)}>
              <span className={`sev-icon sev-${d.severity}`} aria-label={t(`severity.${d.severity}`)} role="img" />
              <span className="problem-text">{diagnosticText(d, lang)}</span>
              <span className="problem-where mono">{location(d)}</span>
              <span className="problem-code mono">{d.code}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
