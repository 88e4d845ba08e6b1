import { useEffect, useRef, useState, type DragEvent } from 'react'
import type { ImportResult } from '../../engine/importer'
import { formatMessage } from '../../engine/i18n/catalog'
import { appStore, useApp } from '../store'
import { getCompiler } from '../compiler'
import { useLazyT } from '../whatif/texts'
import { whatIfUi } from '../whatif/state'
import './transfer.css'

// A `kubectl get -o yaml` dump carries managedFields and status, several times the scenario it becomes; the files
// the import produces then meet the editor's own limits (manifest/limits.ts, 5 MiB).
const MAX_MB = 16

type Phase = { kind: 'edit' } | { kind: 'reading' } | { kind: 'read'; result: ImportResult } | { kind: 'error'; text: string }

/** Paste, drop or pick a dump; read it in the worker; show what was taken and left out; then replace the scenario. */
export default function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useLazyT()
  const lang = useApp((s) => s.lang)
  const ref = useRef<HTMLDialogElement>(null)
  const [text, setText] = useState('')
  const [redact, setRedact] = useState(true)
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' })
  const [dragging, setDragging] = useState(false)

  useEffect(() => { ref.current?.showModal() }, [])

  const takeFile = async (file: File | undefined) => {
    if (!file) return
    if (file.size > MAX_MB * 1024 * 1024) return setPhase({ kind: 'error', text: t('import.tooLarge', { max: MAX_MB }) })
    setText(await file.text())
    setPhase({ kind: 'edit' })
  }

  const read = async () => {
    if (!text.trim()) return setPhase({ kind: 'error', text: t('import.empty') })
    if (text.length > MAX_MB * 1024 * 1024) return setPhase({ kind: 'error', text: t('import.tooLarge', { max: MAX_MB }) })
    const compiler = getCompiler()
    if (!compiler) return
    setPhase({ kind: 'reading' })
    try {
      setPhase({ kind: 'read', result: await compiler.importManifests(text, redact) })
    } catch (e) {
      setPhase({ kind: 'error', text: e instanceof Error ? e.message : String(e) })
    }
  }

  const replace = (result: ImportResult) => {
    const before = appStore.getState().files
    // another cluster in the same workspace: loaded as a scenario is (laid out afresh, fitted in view)
    appStore.getState().replaceCluster(result.files, result.files[0]?.path)
    const count = Object.values(result.summary.taken).reduce((a, b) => a + b, 0)
    // The files' paths change, so Ctrl+Z in one tab cannot bring the old ones back: the notice's Undo does.
    whatIfUi.setState({ notice: { code: 'import.replaced', params: { count: String(count) }, app: true, error: false, undo: { before, after: appStore.getState().files, reload: true } } })
    ref.current?.close()
  }

  // A workspace of its own (src/app/workspace): the user's current work stays in the list, as a draft if it changed.
  const openNew = (result: ImportResult) => {
    const { keptDraft } = appStore.getState().openIncoming({
      name: t('import.workspaceName'), origin: '', files: result.files, activeFile: result.files[0]?.path ?? '', positions: {},
    })
    whatIfUi.setState({ notice: { code: keptDraft ? 'import.openedDraft' : 'import.opened', params: {}, app: true, error: false } })
    ref.current?.close()
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    void takeFile(e.dataTransfer.files[0])
  }

  const result = phase.kind === 'read' ? phase.result : undefined
  const taken = result ? Object.entries(result.summary.taken) : []
  const takenCount = taken.reduce((n, [, c]) => n + c, 0)

  return (
    <dialog ref={ref} className="transfer-dialog import-dialog" aria-labelledby="import-title" data-testid="import-dialog"
      onClose={onClose} onClick={(e) => { if (e.target === ref.current) ref.current?.close() }}>
      <div className={`transfer-body${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true) }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
        <h2 id="import-title">{t('import.title')}</h2>
        {!result && (
          <>
            <p className="card-muted">{t('import.intro')}</p>
            <textarea className="import-text mono" aria-label={t('import.text')} placeholder={t('import.placeholder')} spellCheck={false}
              value={text} onChange={(e) => setText(e.target.value)} data-testid="import-text" autoFocus />
            <div className="transfer-row">
              <label className="tool-button file-pick">
                {t('import.pick')}
                <input type="file" accept=".yaml,.yml,.json,.txt,application/yaml,application/json,text/plain" data-testid="import-file"
                  onChange={(e) => void takeFile(e.target.files?.[0])} />
              </label>
              <span className="card-muted">{t('import.drop')}</span>
            </div>
            <label className="transfer-check">
              <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} data-testid="import-redact" />
              {t('import.redact')}
            </label>
            {phase.kind === 'error' && <p className="transfer-error" role="alert" data-testid="import-error">{phase.text}</p>}
            <div className="transfer-actions">
              <button type="button" className="tool-button primary" data-testid="import-read" disabled={phase.kind === 'reading'}
                onClick={() => void read()}>{phase.kind === 'reading' ? t('import.reading') : t('import.read')}</button>
              <button type="button" className="tool-button" onClick={() => ref.current?.close()}>{t('import.cancel')}</button>
            </div>
          </>
        )}
        {result && (
          <section aria-label={t('import.summary')} data-testid="import-summary">
            <p><strong>{t('import.taken', { count: takenCount })}</strong></p>
            {takenCount === 0 && <p className="transfer-error" role="alert">{t('import.nothingTaken')}</p>}
            <ul className="import-kinds">
              {taken.map(([kind, count]) => <li key={kind}><span className="mono">{kind}</span> × {count}</li>)}
            </ul>
            {result.files.length > 0 && <p className="card-muted">{t('import.files', { files: result.files.map((f) => f.path).join(', ') })}</p>}
            {result.summary.leftOut.length > 0 && (
              <details open={result.summary.leftOut.length <= 12}>
                <summary>{t('import.leftOut', { count: result.summary.leftOut.length })}</summary>
                <ul className="import-left" data-testid="import-left-out">
                  {result.summary.leftOut.map((l, i) => (
                    <li key={i}><span className="mono">{l.kind} {l.name}</span>: {formatMessage(l.reason, { kind: l.kind, name: l.name }, lang)}</li>
                  ))}
                </ul>
              </details>
            )}
            {result.summary.stripped > 0 && <p className="card-muted">{t('import.stripped', { count: result.summary.stripped })}</p>}
            {result.summary.redacted > 0 && <p className="card-muted">{t('import.redacted', { count: result.summary.redacted })}</p>}
            {result.summary.problems.length > 0 && (
              <>
                <p><strong>{t('import.problems')}</strong></p>
                <ul className="import-left">
                  {result.summary.problems.map((p, i) => <li key={i}>{formatMessage(p.code, p.params, lang)}</li>)}
                </ul>
              </>
            )}
            <div className="transfer-actions">
              <button type="button" className="tool-button primary" data-testid="import-open-new" disabled={takenCount === 0}
                onClick={() => openNew(result)}>{t('import.openNew')}</button>
              <button type="button" className="tool-button" data-testid="import-replace" disabled={takenCount === 0}
                onClick={() => replace(result)}>{t('import.replace')}</button>
              <button type="button" className="tool-button" onClick={() => ref.current?.close()}>{t('import.cancel')}</button>
            </div>
          </section>
        )}
      </div>
    </dialog>
  )
}
