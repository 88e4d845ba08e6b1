import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { appStore } from '../store'
import { shownResult } from '../store/compileResult'
import { useT } from '../i18n/t'
import { currentRun, traceStore } from '../trace/store'
import { downloadText, safeFileName } from '../transfer/download'
import { gallery } from '../../scenarios/gallery.generated'
import { shareHistory, shareStateOf, type ShownRun } from './build'
import { encodeShareFile, shareFragment, shareOffer } from './codec'
import '../workspace/workspace.css'
import { useOutsidePointer } from '../popover/useOutsidePointer'

/** The link (or the file) for what is on screen now, taken once when the popover opens. */
function takeOffer() {
  const app = appStore.getState()
  const trace = traceStore.getState()
  const run = currentRun(trace)
  // the shown run and where it stood in its simulation (the worker's reply), so the link replays the runs before it
  const shown: ShownRun | undefined = run && trace.hop >= 0 ? {
    where: run.where, line: run.line, historyIndex: run.reply.historyIndex, history: run.reply.history,
    repeat: run.reply.summary?.runs, traceIndex: trace.traceIndex,
  } : undefined
  const state = shareStateOf({
    scenarioName: app.scenarioName,
    files: app.files,
    positions: app.positions,
    mode: shownResult(app).result?.kubeProxy.mode,
    run: shown,
    activeFile: app.activeFile,
    hop: trace.hop,
  }, gallery)
  const base = location.href.split('#')[0]
  const offer = shareOffer(state, base.length)
  const fileName = `${safeFileName(state.scenario || 'scenario')}.kubehops.json`
  const exact = shown ? shareHistory(shown).exact : true
  return { state, offer, base, fileName, exact }
}

export default function SharePopover({ anchor, onClose }: { anchor: HTMLElement | null; onClose: (refocus: boolean) => void }) {
  const t = useT()
  const box = useRef<HTMLDivElement>(null)
  const field = useRef<HTMLInputElement>(null)
  const { state, offer, base, fileName, exact } = useMemo(takeOffer, [])
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const url = offer.kind === 'link' ? base + offer.fragment : ''
  const r = anchor?.getBoundingClientRect()

  useEffect(() => {
    if (offer.kind !== 'link') return
    // The address bar shows the link too (replaceState: no history entry, no hashchange, nothing reloads).
    history.replaceState(null, '', offer.fragment)
    let live = true
    const clipboard = navigator.clipboard
    if (!clipboard) setCopied('no')
    else clipboard.writeText(url).then(() => { if (live) setCopied('yes') }, () => { if (live) setCopied('no') })
    return () => { live = false }
  }, [])
  useLayoutEffect(() => { field.current?.select() }, [])
  useOutsidePointer(box, anchor, () => onClose(false))

  const download = () => downloadText(offer.kind === 'file' ? offer.name : fileName,
    offer.kind === 'file' ? offer.text : encodeShareFile(state), 'application/json')

  return (
    <div ref={box} role="dialog" aria-label={t('share.title')} className="popover share-popover" data-testid="share-popover"
      style={r ? { top: r.bottom + 6, right: Math.max(8, window.innerWidth - r.right) } : undefined}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(true) } }}>
      <h2 className="popover-title">{t('share.title')}</h2>
      {offer.kind === 'link' && (
        <>
          <label className="popover-field">
            <span>{t('share.linkLabel')}</span>
            <input ref={field} type="text" readOnly value={url} data-testid="share-link" spellCheck={false}
              onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="popover-meta">
            <span data-testid="share-length">{t('share.length', { length: url.length })}</span>
            {copied && <span role="status"> · {copied === 'yes' ? t('share.copied') : t('share.copyManually')}</span>}
          </p>
          <p className="popover-note">{t('share.private')}</p>
        </>
      )}
      {offer.kind === 'file' && (
        <p className="popover-note" role="status" data-testid="share-too-long">
          {t('share.offerFile', { length: base.length + shareFragment(state).length })}
        </p>
      )}
      {offer.kind === 'too-large' && <p className="popover-note" role="alert">{t('share.tooLarge')}</p>}
      {!exact && offer.kind !== 'too-large' && <p className="popover-note" role="status" data-testid="share-not-exact">{t('share.notExact')}</p>}
      <div className="popover-actions">
        {offer.kind !== 'too-large' && (
          <button type="button" className="tool-button" data-testid="share-download" onClick={download}>{t('share.download')}</button>
        )}
        <button type="button" className="tool-button" onClick={() => onClose(true)}>{t('share.close')}</button>
      </div>
    </div>
  )
}
