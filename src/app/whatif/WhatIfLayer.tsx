import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { WhatIfOp } from '../../engine/whatif/types'
import { formatMessage } from '../../engine/i18n/catalog'
import { appStore, useApp } from '../store'
import { getCompiler } from '../compiler'
import { useLazyT, isLazyTextKey, type LazyTranslate, type LazyTextKey } from './texts'
import type { WhatIfAction } from './actions'
import { menuKeys } from './menuKeys'
import { whatIfUi, useWhatIfUi, type WhatIfMenuAt, type WhatIfNotice } from './state'
import './whatif.css'

const shortName = (id: string) => id.split('/').slice(1).join('/') || id

function actionLabel(a: WhatIfAction, t: LazyTranslate): string {
  if (a.key === 'deletePod') return t(a.replaced ? 'whatif.action.deletePod.replaced' : 'whatif.action.deletePod.bare')
  if (a.key === 'scale') return t('whatif.action.scale', { workload: a.target })
  return t(`whatif.action.${a.key}` as LazyTextKey)
}

function notify(notice: WhatIfNotice | null) {
  whatIfUi.setState({ notice })
}

/** Applies a what-if in the worker and puts the new YAML in the editor as one undoable edit. */
export async function applyOp(op: WhatIfOp): Promise<void> {
  const compiler = getCompiler()
  if (!compiler) return notify({ code: 'whatif.noWorker', params: {}, app: true, error: true })
  const before = appStore.getState().files
  const r = await compiler.applyWhatIf(before, op)
  // An edit typed while the worker computed would be overwritten: refuse rather than lose it.
  if (appStore.getState().files !== before) return notify({ code: 'whatif.stale', params: {}, app: true, error: true })
  if ('error' in r) return notify({ ...r.error, error: true })
  // setFiles reaches Monaco as pushEditOperations on each changed model: Ctrl+Z in the editor undoes it.
  appStore.getState().setFiles(r.files, r.changed[0])
  notify({ ...r.summary, error: false, undo: { before, after: appStore.getState().files } })
}

function undo(notice: WhatIfNotice) {
  if (!notice.undo) return
  if (appStore.getState().files !== notice.undo.after) return notify({ code: 'whatif.undoStale', params: {}, app: true, error: true })
  if (notice.undo.reload) appStore.getState().replaceCluster(notice.undo.before)
  else appStore.getState().setFiles(notice.undo.before)
  notify({ code: 'whatif.undone', params: {}, app: true, error: false })
}

function Menu({ at }: { at: WhatIfMenuAt }) {
  const t = useLazyT()
  const [actions, setActions] = useState<WhatIfAction[] | undefined>(undefined)
  const [scaling, setScaling] = useState<WhatIfAction | null>(null)
  const [replicas, setReplicas] = useState('')
  const box = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState({ left: at.x, top: at.y })

  const close = (refocus = true) => {
    whatIfUi.setState({ menu: null })
    if (refocus && at.returnFocus?.isConnected) at.returnFocus.focus()
  }

  useEffect(() => {
    let live = true
    const files = appStore.getState().files
    void getCompiler()?.whatIfActions(files, at.id).then((a) => { if (live) setActions(a) })
    return () => { live = false }
  }, [at.id])

  // Keep the menu inside the window, then focus its first item (or the scale input).
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const r = el.getBoundingClientRect()
    setPos({ left: Math.max(4, Math.min(at.x, window.innerWidth - r.width - 4)), top: Math.max(4, Math.min(at.y, window.innerHeight - r.height - 4)) })
    const first = el.querySelector<HTMLElement>(scaling ? 'input' : '[role="menuitem"]')
    first?.focus()
  }, [actions, scaling, at.x, at.y])

  // A press anywhere else closes the menu, as a native context menu does.
  useEffect(() => {
    const outside = (e: PointerEvent) => { if (!box.current?.contains(e.target as Node)) close(false) }
    document.addEventListener('pointerdown', outside, true)
    return () => document.removeEventListener('pointerdown', outside, true)
  }, [])

  const run = (a: WhatIfAction) => {
    if (a.key === 'scale') {
      setScaling(a)
      setReplicas(String(a.op.op === 'scale' ? a.op.replicas : 1))
      return
    }
    close()
    void applyOp(a.op)
  }

  if (scaling && scaling.op.op === 'scale') {
    const workload = scaling.op.workload
    return (
      <div ref={box} className="whatif-menu" role="dialog" aria-label={t('whatif.scale.title', { workload })}
        style={{ left: pos.left, top: pos.top }} data-testid="whatif-scale-form"
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); close() } }}>
        <form className="whatif-scale" onSubmit={(e) => {
          e.preventDefault()
          const n = Number(replicas)
          close()
          void applyOp({ op: 'scale', workload, replicas: n })
        }}>
          <div className="whatif-heading">{t('whatif.scale.title', { workload })}</div>
          <label>
            <span>{t('whatif.scale.replicas')}</span>
            <input type="number" min={0} max={1000} step={1} value={replicas} required
              data-testid="whatif-replicas" onChange={(e) => setReplicas(e.target.value)} />
          </label>
          <div className="whatif-row">
            <button type="submit" className="tool-button primary" data-testid="whatif-scale-apply">{t('whatif.apply')}</button>
            <button type="button" className="tool-button" onClick={() => close()}>{t('whatif.cancel')}</button>
          </div>
        </form>
      </div>
    )
  }

  const name = shortName(at.id)
  return (
    <div ref={box} className="whatif-menu" role="menu" aria-label={t('whatif.menu', { name: at.id })}
      style={{ left: pos.left, top: pos.top }} data-testid="whatif-menu" onKeyDown={(e) => menuKeys(e, close)}>
      <div className="whatif-heading" role="presentation">{t('whatif.menu', { name })}</div>
      {actions === undefined && <div role="menuitem" aria-disabled="true" tabIndex={-1} className="whatif-item is-muted">{t('whatif.loading')}</div>}
      {actions?.length === 0 && <div role="menuitem" aria-disabled="true" tabIndex={-1} className="whatif-item is-muted">{t('whatif.none', { name })}</div>}
      {actions?.map((a) => (
        <button key={a.key} type="button" role="menuitem" tabIndex={-1} className="whatif-item" data-testid={`whatif-${a.key}`}
          onClick={() => run(a)}>{actionLabel(a, t)}</button>
      ))}
    </div>
  )
}

function Notice({ notice }: { notice: WhatIfNotice }) {
  const t = useLazyT()
  const lang = useApp((s) => s.lang)
  const text = notice.app && isLazyTextKey(notice.code) ? t(notice.code, notice.params) : formatMessage(notice.code, notice.params, lang)
  return (
    <div className={`whatif-notice${notice.error ? ' is-error' : ''}`} role="status" aria-label={t('whatif.notice')} data-testid="whatif-notice">
      <span data-testid="whatif-summary">{text}</span>
      {notice.undo && <button type="button" className="tool-button" data-testid="whatif-undo" onClick={() => undo(notice)}>{t('whatif.undo')}</button>}
      <button type="button" className="tool-button" aria-label={t('whatif.dismiss')} title={t('whatif.dismiss')}
        onClick={() => notify(null)}>×</button>
    </div>
  )
}

/** The what-if menu (at a card or the Inspector's button) and the notice of the last what-if. Loaded lazily. */
export default function WhatIfLayer() {
  const menu = useWhatIfUi((s) => s.menu)
  const notice = useWhatIfUi((s) => s.notice)
  return (
    <>
      {menu && <Menu key={`${menu.id}@${menu.x},${menu.y}`} at={menu} />}
      {notice && <Notice notice={notice} />}
    </>
  )
}
