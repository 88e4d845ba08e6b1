import { useEffect, useRef, useState } from 'react'
import { useApp } from '../store'
import { getCompiler } from '../compiler'
import { useT } from '../i18n/t'
import { gallery } from '../../scenarios/gallery.generated'
import type { SendTargets } from '../../worker/protocol'
import { composeCommand, emptyComposition, type Composition } from './compose'
import { idFromWhere } from './machines'
import { MachinePicker } from './MachinePicker'
import { sendRequest } from './actions'
import { traceStore, useTrace } from './store'
import { useMachines } from './useMachines'

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']

/** After a send, focus goes to the player so Space, ← and → drive it at once. */
function focusPlayer() {
  requestAnimationFrame(() => document.querySelector<HTMLButtonElement>('[data-testid="trace-play"]')?.focus())
}

/** The "Send request" dialog: from where, to what (completed from the scenario), how, how many; the scenario's suggestions. */
export function Composer() {
  const t = useT()
  const open = useTrace((s) => s.composerOpen)
  const from = useTrace((s) => s.from)
  const busy = useTrace((s) => s.busy)
  const lang = useApp((s) => s.lang)
  const scenarioName = useApp((s) => s.scenarioName)
  const files = useApp((s) => s.files)
  const machines = useMachines()
  const [form, setForm] = useState<Composition>(emptyComposition)
  const [targets, setTargets] = useState<SendTargets>({ services: [], ingressHosts: [], nodePorts: [] })
  const ref = useRef<HTMLDialogElement>(null)
  const suggestions = gallery.find((g) => g.name === scenarioName)?.requests ?? []
  const command = composeCommand(form)
  const fromId = from && machines.some((m) => m.id === from) ? from : machines.find((m) => m.kind === 'client')?.id ?? machines[0]?.id ?? ''

  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) {
      d.showModal()
      // The dialog opens on the target field: where the user types first.
      d.querySelector<HTMLInputElement>('[data-testid="composer-target"]')?.focus()
    }
    if (!open && d.open) d.close()
  }, [open])
  useEffect(() => {
    if (!open) return
    let live = true
    getCompiler()?.sendTargets(files).then((x) => { if (live) setTargets(x) }, () => undefined)
    return () => { live = false }
  }, [open, files])

  const options = [...targets.services, ...targets.ingressHosts, ...targets.ingressHosts.map((h) => `http://${h}/`), ...targets.nodePorts]
  const set = <K extends keyof Composition>(k: K, v: Composition[K]) => setForm((f) => ({ ...f, [k]: v }))
  const close = () => traceStore.getState().closeComposer()
  const send = async (where: string, line: string, count: number) => {
    close()
    await sendRequest(where, line, count)
    focusPlayer()
  }

  return (
    <dialog ref={ref} className="composer" aria-labelledby="composer-title" data-testid="composer" onClose={close}
      onClick={(e) => { if (e.target === ref.current) close() }}>
      <form method="dialog" className="composer-body" onSubmit={(e) => {
        e.preventDefault()
        if (command && fromId) void send(fromId, command, form.count)
      }}>
        <h2 id="composer-title">{t('trace.send')}</h2>
        {/* closed, the dialog holds only the chosen machine: a large scenario has 10 000 pods (canvas/collapse.ts) */}
        <MachinePicker machines={open ? machines : machines.filter((m) => m.id === fromId)} value={fromId}
          testId="composer-from" label={t('trace.from')} labelClass="composer-field" filterClass="composer-filter"
          onChange={(id) => traceStore.setState({ from: id })} />
        <label className="composer-field">
          <span>{t('trace.target')}</span>
          <input type="text" list="composer-targets" value={form.target} spellCheck={false} data-testid="composer-target"
            placeholder="mysql-service:3306" title={t('trace.targetHelp')} className="mono"
            onChange={(e) => set('target', e.target.value)} />
          <datalist id="composer-targets">{options.map((o) => <option key={o} value={o} />)}</datalist>
        </label>
        <div className="composer-row">
          <label className="composer-field">
            <span>{t('trace.protocol')}</span>
            <select value={form.protocol} onChange={(e) => set('protocol', e.target.value as Composition['protocol'])} data-testid="composer-protocol">
              <option value="auto">{t('trace.protocol.auto')}</option>
              <option value="http">{t('trace.protocol.http')}</option>
              <option value="tcp">{t('trace.protocol.tcp')}</option>
            </select>
          </label>
          <label className="composer-field">
            <span>{t('trace.method')}</span>
            <select value={form.method} onChange={(e) => set('method', e.target.value)}>
              {METHODS.map((m) => <option key={m}>{m}</option>)}
            </select>
          </label>
          <label className="composer-field composer-count">
            <span>{t('trace.count')}</span>
            <input type="number" min={1} max={1000} value={form.count} data-testid="composer-count"
              onChange={(e) => set('count', Math.max(1, Math.min(1000, Math.floor(Number(e.target.value) || 1))))} />
          </label>
        </div>
        <label className="composer-field">
          <span>{t('trace.headers')}</span>
          <textarea rows={2} value={form.headers} className="mono" spellCheck={false} placeholder="canary: always"
            onChange={(e) => set('headers', e.target.value)} />
        </label>
        <label className="composer-field">
          <span>{t('trace.cookies')}</span>
          <input type="text" value={form.cookies} className="mono" spellCheck={false} placeholder="canary=always"
            onChange={(e) => set('cookies', e.target.value)} />
        </label>
        <p className="composer-command mono" data-testid="composer-command" aria-live="polite">
          {command ? t('trace.runs', { command }) : '\u00a0'}
        </p>
        {suggestions.length > 0 && (
          <fieldset className="composer-suggestions">
            <legend>{t('trace.suggested')}</legend>
            <ul>
              {suggestions.map((r, i) => (
                <li key={i}>
                  <button type="button" className="link-button" data-testid="composer-suggestion"
                    onClick={() => void send(idFromWhere(r.from), r.command, 1)}>
                    <span className="mono">{r.from} $ {r.command}</span>
                    <span className="card-muted">{r.title[lang]}</span>
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div className="help-actions">
          <button type="button" className="tool-button" onClick={close}>{t('trace.cancel')}</button>
          <button type="submit" className="tool-button primary" disabled={!command || !fromId || busy} data-testid="composer-send">{t('trace.go')}</button>
        </div>
      </form>
    </dialog>
  )
}

