import { useEffect, useRef, useState } from 'react'
import { appStore } from '../store'
import { getCompiler } from '../compiler'
import { useLazyT } from '../whatif/texts'
import { gallery } from '../../scenarios/gallery.generated'
import { downloadText, safeFileName } from './download'

/** "Run it on a real cluster": the kind script (written in the worker) with Copy and Download, and what it does. */
export function KindDialog({ onClose }: { onClose: () => void }) {
  const t = useLazyT()
  const ref = useRef<HTMLDialogElement>(null)
  const [script, setScript] = useState<string | undefined>(undefined)
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no')
  const name = safeFileName(appStore.getState().scenarioName || 'scenario')

  useEffect(() => {
    ref.current?.showModal()
    const s = appStore.getState()
    // the gallery's suggested requests run at the end of the script (an imported scenario has none)
    const requests = gallery.find((g) => g.name === s.scenarioName)?.requests ?? []
    let live = true
    void getCompiler()?.kindScript({ name: s.scenarioName || 'scenario', files: s.files, requests }).then((text) => { if (live) setScript(text) })
    return () => { live = false }
  }, [])

  const copy = async () => {
    if (!script) return
    try {
      await navigator.clipboard.writeText(script)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }

  return (
    <dialog ref={ref} className="transfer-dialog kind-dialog" aria-labelledby="kind-title" data-testid="kind-dialog"
      onClose={onClose} onClick={(e) => { if (e.target === ref.current) ref.current?.close() }}>
      <div className="transfer-body">
        <h2 id="kind-title">{t('kind.title')}</h2>
        <p>{t('kind.intro')}</p>
        <p className="card-muted">{t('kind.differences')}</p>
        <pre className="kind-script mono" aria-label={t('kind.script')} tabIndex={0} data-testid="kind-script">{script ?? t('kind.loading')}</pre>
        <div className="transfer-actions">
          {copied === 'failed' && <span className="transfer-error" role="alert">{t('kind.copyFailed')}</span>}
          <button type="button" className="tool-button" data-testid="kind-copy" disabled={!script} onClick={() => void copy()}>
            {copied === 'yes' ? t('kind.copied') : t('kind.copy')}
          </button>
          <button type="button" className="tool-button" data-testid="kind-download" disabled={!script}
            onClick={() => script && downloadText(`kube-hops-${name}-kind.sh`, script, 'text/x-shellscript')}>{t('kind.download')}</button>
          <button type="button" className="tool-button" autoFocus onClick={() => ref.current?.close()}>{t('kind.close')}</button>
        </div>
      </div>
    </dialog>
  )
}
