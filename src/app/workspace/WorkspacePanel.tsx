import { useRef, useState } from 'react'
import { appStore, useApp } from '../store'
import { useT } from '../i18n/t'
import { gallery } from '../../scenarios/gallery.generated'
import type { Workspace } from './model'
import './workspace.css'
import { useOutsidePointer } from '../popover/useOutsidePointer'

type Pending = { id: string; action: 'rename' | 'delete' | 'reset' } | null

/**
 * The user's scenarios: open, new (empty or from the gallery), duplicate, rename, delete and reset (both confirmed
 * in place), and "Open file…" for a .kubehops.json. Names are shown as text whatever they contain.
 */
export default function WorkspacePanel({ anchor, onClose }: { anchor: HTMLElement | null; onClose: (refocus: boolean) => void }) {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const list = useApp((s) => s.workspaceList)
  const currentId = useApp((s) => s.workspaceId)
  const [pending, setPending] = useState<Pending>(null)
  const [draftName, setDraftName] = useState('')
  const box = useRef<HTMLDivElement>(null)
  const r = anchor?.getBoundingClientRect()
  const store = () => appStore.getState()

  useOutsidePointer(box, anchor, () => onClose(false))

  const title = (name: string) => {
    const g = gallery.find((s) => s.name === name)
    return g ? g.title[lang] || g.title.en : name
  }
  const startRename = (ws: Workspace) => { setDraftName(ws.name); setPending({ id: ws.id, action: 'rename' }) }
  const confirm = () => {
    if (!pending) return
    if (pending.action === 'rename') store().renameWorkspace(pending.id, draftName)
    else if (pending.action === 'delete') store().deleteWorkspace(pending.id)
    else store().resetWorkspace(pending.id)
    setPending(null)
  }

  const openFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    const { openShareFile } = await import('../share/open')
    onClose(false)
    await openShareFile(file)
  }

  return (
    <div ref={box} role="dialog" aria-label={t('workspace.title')} className="popover workspace-panel" data-testid="workspace-panel"
      style={r ? { top: r.bottom + 6, right: Math.max(8, window.innerWidth - r.right) } : undefined}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); if (pending) setPending(null); else onClose(true) } }}>
      <h2 className="popover-title">{t('workspace.title')}</h2>
      <p className="popover-note">{t('workspace.help')}</p>
      <ul className="workspace-list">
        {list.workspaces.map((ws) => {
          const isCurrent = ws.id === currentId
          const here = pending?.id === ws.id ? pending.action : null
          return (
            <li key={ws.id} className={`workspace-item${isCurrent ? ' is-current' : ''}`} data-testid="workspace-item" data-current={isCurrent || undefined}>
              {here === 'rename' ? (
                <form className="workspace-row" onSubmit={(e) => { e.preventDefault(); confirm() }}>
                  <input autoFocus aria-label={t('workspace.renameLabel')} value={draftName} maxLength={80} data-testid="workspace-name-input"
                    onChange={(e) => setDraftName(e.target.value)} />
                  <button type="submit" className="tool-button">{t('workspace.save')}</button>
                  <button type="button" className="tool-button" onClick={() => setPending(null)}>{t('workspace.cancel')}</button>
                </form>
              ) : (
                <div className="workspace-row">
                  <button type="button" className="workspace-name" data-testid="workspace-name" disabled={isCurrent}
                    title={isCurrent ? undefined : t('workspace.open')} onClick={() => { store().switchWorkspace(ws.id); onClose(false) }}>
                    {ws.name}
                  </button>
                  {isCurrent && <span className="badge">{t('workspace.current')}</span>}
                  {ws.draft && <span className="badge is-draft">{t('workspace.draft')}</span>}
                </div>
              )}
              {ws.origin && here !== 'rename' && title(ws.origin) !== ws.name && <div className="workspace-origin">{t('workspace.fromGallery', { title: title(ws.origin) })}</div>}
              {(here === 'delete' || here === 'reset') ? (
                <div className="workspace-confirm" role="alertdialog" aria-label={t(here === 'delete' ? 'workspace.delete' : 'workspace.reset')}>
                  <span>{t(here === 'delete' ? 'workspace.confirmDelete' : 'workspace.confirmReset', { name: ws.name })}</span>
                  <button type="button" className="tool-button is-danger" data-testid="workspace-confirm" onClick={confirm}>{t('workspace.confirm')}</button>
                  <button type="button" className="tool-button" onClick={() => setPending(null)}>{t('workspace.cancel')}</button>
                </div>
              ) : here !== 'rename' && (
                <div className="workspace-actions">
                  <button type="button" className="link-button" data-testid="workspace-duplicate" onClick={() => store().duplicateWorkspace(ws.id)}>{t('workspace.duplicate')}</button>
                  <button type="button" className="link-button" data-testid="workspace-rename" onClick={() => startRename(ws)}>{t('workspace.rename')}</button>
                  {ws.origin && gallery.some((g) => g.name === ws.origin) && (
                    <button type="button" className="link-button" data-testid="workspace-reset" title={t('workspace.resetHelp')}
                      onClick={() => setPending({ id: ws.id, action: 'reset' })}>{t('workspace.reset')}</button>
                  )}
                  <button type="button" className="link-button" data-testid="workspace-delete" onClick={() => setPending({ id: ws.id, action: 'delete' })}>{t('workspace.delete')}</button>
                </div>
              )}
            </li>
          )
        })}
      </ul>
      <div className="popover-actions is-start">
        <button type="button" className="tool-button" data-testid="workspace-new" onClick={() => store().newWorkspace()}>{t('workspace.newEmpty')}</button>
        <select className="workspace-new-from" aria-label={t('workspace.newFrom')} data-testid="workspace-new-from" value=""
          onChange={(e) => {
            const g = gallery.find((s) => s.name === e.target.value)
            if (g) store().newWorkspace(g)
          }}>
          <option value="">{t('workspace.newFrom')}…</option>
          {gallery.map((g) => <option key={g.name} value={g.name}>{g.title[lang] || g.title.en}</option>)}
        </select>
        <label className="tool-button file-pick" title={t('workspace.openFileHelp')}>
          {t('workspace.openFile')}
          <input type="file" accept=".json,application/json" data-testid="workspace-open-file" onChange={(e) => void openFile(e.currentTarget)} />
        </label>
      </div>
    </div>
  )
}
