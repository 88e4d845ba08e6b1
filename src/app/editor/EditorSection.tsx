import { lazy, Suspense } from 'react'
import { appStore, useApp } from '../store'
import { useT } from '../i18n/t'
import { loadMonacoNls } from './nls'
import { afterFirstCanvas } from '../store/firstCanvas'
import { NlsNotice } from './NlsNotice'
import { YamlChecksNotice } from '../faults/YamlChecksNotice'

// Monaco is about a megabyte: loaded once the first canvas is painted (store/firstCanvas.ts), so the canvas appears first,
// and in stages (load.ts), so no task of its load is long. Its own menus' language bundle runs first (nls.ts), since
// Monaco reads those texts as its modules load.
const MonacoEditor = lazy(() => afterFirstCanvas(appStore)
  .then(() => loadMonacoNls(appStore.getState().lang))
  .then(() => import('./load'))
  .then((load) => load.loadEditor()))

/** The scenario's files as tabs above one Monaco editor. */
export function EditorSection() {
  const t = useT()
  const files = useApp((s) => s.files)
  const active = useApp((s) => s.activeFile)
  const diagnostics = useApp((s) => s.current?.diagnostics)
  const errorFiles = new Set((diagnostics ?? []).filter((d) => d.severity === 'error' && d.range).map((d) => d.range!.file))

  return (
    <section className="editor-section" aria-label={t('landmark.editor')}>
      <div className="tabs" role="tablist" aria-label={t('editor.files')}>
        {files.map((f) => (
          <button key={f.path} type="button" role="tab" aria-selected={f.path === active}
            className={`tab${f.path === active ? ' is-active' : ''}`} data-testid={`tab-${f.path}`}
            onClick={() => appStore.getState().setActiveFile(f.path)}>
            {f.path}
            {errorFiles.has(f.path) && <span className="tab-error" aria-hidden="true" />}
          </button>
        ))}
      </div>
      <NlsNotice />
      <YamlChecksNotice />
      <div className="editor-body" role="tabpanel">
        <Suspense fallback={<div className="editor-loading">{t('editor.loading')}</div>}>
          <MonacoEditor />
        </Suspense>
      </div>
    </section>
  )
}
