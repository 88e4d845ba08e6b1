import { useEffect, useRef } from 'react'
import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js'
import { appStore } from '../store'
import type { AppState } from '../store'
import { setupMonaco } from './monaco'
import { MARKER_OWNER, markersByFile, objectAt } from './markers'

const uriFor = (m: typeof MonacoApi, path: string) => m.Uri.parse(`file:///scenario/${path}`)

// The models live as long as the page, not the component: a remount (React StrictMode in development, a layout
// change) keeps each file's undo stack, and monaco-yaml's validation keeps the models it is watching.
const models = new Map<string, MonacoApi.editor.ITextModel>()
let applyingRemote = false

/** A new scenario starts with fresh models: undo must not step back into the previous scenario's text. */
function dropModels() {
  for (const m of models.values()) m.dispose()
  models.clear()
}

function syncModels(monaco: typeof MonacoApi, s: AppState) {
  for (const f of s.files) {
    let model = models.get(f.path)
    if (!model) {
      model = monaco.editor.createModel(f.text, 'yaml', uriFor(monaco, f.path))
      const path = f.path, m = model
      m.onDidChangeContent(() => {
        if (!applyingRemote) appStore.getState().setFileText(path, m.getValue())
      })
      models.set(f.path, model)
    } else if (model.getValue() !== f.text) {
      // Text changed elsewhere (a scenario load, the mode switch): replace it as one undoable edit.
      applyingRemote = true
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: f.text }], () => null)
      applyingRemote = false
    }
  }
  for (const [path, model] of models) {
    if (!s.files.some((f) => f.path === path)) {
      model.dispose()
      models.delete(path)
    }
  }
}

/**
 * The Monaco editor, one model per scenario file (tabs switch models, keeping each one's undo stack and view state).
 * Loaded lazily: this module pulls in Monaco. It talks to the rest of the page only through the store: text goes
 * in, diagnostics come back as markers, reveal requests move the cursor, and the cursor selects objects.
 */
export default function MonacoEditor() {
  const host = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const monaco = setupMonaco()
    const viewStates = new Map<string, MonacoApi.editor.ICodeEditorViewState | null>()
    const disposers: (() => void)[] = []
    let revealing = false

    const state = appStore.getState()
    syncModels(monaco, state)
    const editor = monaco.editor.create(host.current!, {
      model: models.get(state.activeFile) ?? null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      theme: state.theme === 'dark' ? 'vs-dark' : 'vs',
      fixedOverflowWidgets: true,
      // Sticky scroll would show the previous YAML document's keys above the next one's: misleading here.
      stickyScroll: { enabled: false },
      ariaLabel: 'YAML',
      padding: { top: 8 },
    })
    disposers.push(() => editor.dispose())

    const applyMarkers = (s: AppState) => {
      const diagnostics = s.current?.diagnostics ?? []
      const byFile = markersByFile(diagnostics, s.lang, (file, line) => {
        const m = models.get(file)
        return m && line >= 1 && line <= m.getLineCount() ? m.getLineLength(line) : 0
      })
      for (const [path, model] of models) monaco.editor.setModelMarkers(model, MARKER_OWNER, byFile.get(path) ?? [])
    }
    applyMarkers(state)

    const showFile = (path: string) => {
      const current = editor.getModel()
      const next = models.get(path)
      if (!next || current === next) return
      const currentPath = [...models].find(([, m]) => m === current)?.[0]
      if (currentPath) viewStates.set(currentPath, editor.saveViewState())
      editor.setModel(next)
      const vs = viewStates.get(path)
      if (vs) editor.restoreViewState(vs)
    }

    const reveal = (s: AppState) => {
      const req = s.reveal
      if (!req) return
      const { range, select } = req
      if (s.activeFile !== range.file) appStore.getState().setActiveFile(range.file)
      showFile(range.file)
      revealing = true
      if (select) {
        editor.setSelection({ startLineNumber: range.startLine, startColumn: 1, endLineNumber: range.endLine, endColumn: range.endCol })
        editor.revealRangeInCenterIfOutsideViewport({ startLineNumber: range.startLine, startColumn: 1, endLineNumber: range.endLine, endColumn: 1 })
      } else {
        editor.setPosition({ lineNumber: range.startLine, column: range.startCol })
        editor.revealLineInCenter(range.startLine)
        editor.focus()
      }
      revealing = false
    }

    const cursorSub = editor.onDidChangeCursorPosition((e) => {
      if (revealing || e.source === 'api') return
      const s = appStore.getState()
      const file = [...models].find(([, m]) => m === editor.getModel())?.[0]
      // Only the newest compile's ranges match the text; an older one's lines may have moved since.
      const objects = s.current?.objects ?? []
      const hit = file ? objectAt(objects, file, e.position.lineNumber) : undefined
      if (hit && hit.id !== s.selection) s.select(hit.id, 'editor')
    })
    disposers.push(() => cursorSub.dispose())

    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.scenarioLoads !== prev.scenarioLoads) {
        editor.setModel(null)
        viewStates.clear()
        dropModels()
        syncModels(monaco, s)
        editor.setModel(models.get(s.activeFile) ?? null)
        applyMarkers(s)
      } else if (s.files !== prev.files) syncModels(monaco, s)
      if (s.activeFile !== prev.activeFile) showFile(s.activeFile)
      if (s.current !== prev.current || s.lang !== prev.lang) applyMarkers(s)
      if (s.reveal !== prev.reveal) reveal(s)
      if (s.theme !== prev.theme) monaco.editor.setTheme(s.theme === 'dark' ? 'vs-dark' : 'vs')
    })
    disposers.push(unsubscribe)

    return () => {
      for (const d of disposers.reverse()) d()
    }
  }, [])

  return <div ref={host} className="monaco-host" data-testid="monaco-host" />
}
