import { useEffect, useRef } from 'react'
import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js'
import { appStore } from '../store'
import type { AppState } from '../store'
import { setupMonaco } from './monaco'
import { MARKER_OWNER, markersByFile, objectAt } from './markers'
import { editorAidsFor } from './aids'

// One model per workspace file: a workspace's URI path keeps its models apart from every other workspace's.
const uriFor = (m: typeof MonacoApi, workspace: string, path: string) => m.Uri.parse(`file:///ws/${encodeURIComponent(workspace || 'none')}/${path}`)
const keyOf = (workspace: string, path: string) => `${workspace}\u0000${path}`

// The models live as long as the page, not the component, and as long as their workspace: switching workspaces or
// tabs and coming back keeps each file's undo stack; a remount (React StrictMode in development, a layout change)
// keeps it too, and monaco-yaml's validation keeps the models it is watching.
const models = new Map<string, { workspace: string; path: string; model: MonacoApi.editor.ITextModel }>()
let applyingRemote = false

/** The on-screen workspace's model of a file. */
function modelOf(s: AppState, path: string) {
  return models.get(keyOf(s.workspaceId, path))?.model
}

/** Models of workspaces that no longer exist go (a deleted workspace's undo history goes with it). */
function dropGoneWorkspaces(s: AppState) {
  const alive = new Set(s.workspaceList.workspaces.map((w) => w.id))
  alive.add(s.workspaceId)
  for (const [key, entry] of models) {
    if (alive.has(entry.workspace)) continue
    entry.model.dispose()
    models.delete(key)
  }
}

function syncModels(monaco: typeof MonacoApi, s: AppState) {
  const workspace = s.workspaceId
  for (const f of s.files) {
    const key = keyOf(workspace, f.path)
    let model = models.get(key)?.model
    if (!model) {
      model = monaco.editor.createModel(f.text, 'yaml', uriFor(monaco, workspace, f.path))
      const path = f.path, m = model
      m.onDidChangeContent(() => {
        // only the workspace on screen types into the store; a hidden one's model changes only through this sync
        if (!applyingRemote && appStore.getState().workspaceId === workspace) appStore.getState().setFileText(path, m.getValue())
      })
      models.set(key, { workspace, path: f.path, model })
    } else if (model.getValue() !== f.text) {
      // Text changed elsewhere (the mode switch, a kubectl edit, a reset): replace it as one undoable edit.
      applyingRemote = true
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: f.text }], () => null)
      applyingRemote = false
    }
  }
  for (const [key, entry] of models) {
    if (entry.workspace === workspace && !s.files.some((f) => f.path === entry.path)) {
      entry.model.dispose()
      models.delete(key)
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
      model: modelOf(state, state.activeFile) ?? null,
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
    // A generated file (1000 × 10: 424 KB) spends seconds of main-thread time in Monaco's Unicode highlighter and
    // bracket-pair parser; a file that large is read, not hand-typed, so those aids step aside for it.
    const fitOptionsToModel = () => editor.updateOptions(editorAidsFor(editor.getModel()?.getValueLength() ?? 0))
    fitOptionsToModel()
    const modelSub = editor.onDidChangeModel(fitOptionsToModel)
    disposers.push(() => modelSub.dispose())

    const applyMarkers = (s: AppState) => {
      const diagnostics = s.current?.diagnostics ?? []
      const byFile = markersByFile(diagnostics, s.lang, (file, line) => {
        const m = modelOf(s, file)
        return m && line >= 1 && line <= m.getLineCount() ? m.getLineLength(line) : 0
      })
      // the diagnostics are the on-screen workspace's; another workspace's models show none until it is back
      for (const { workspace, path, model } of models.values()) {
        monaco.editor.setModelMarkers(model, MARKER_OWNER, workspace === s.workspaceId ? byFile.get(path) ?? [] : [])
      }
    }
    applyMarkers(state)

    const keyOfModel = (model: MonacoApi.editor.ITextModel | null) => [...models].find(([, e]) => e.model === model)?.[0]
    const showFile = (path: string) => {
      const s = appStore.getState()
      const current = editor.getModel()
      const next = modelOf(s, path)
      if (!next || current === next) return
      const currentKey = keyOfModel(current)
      if (currentKey) viewStates.set(currentKey, editor.saveViewState())
      editor.setModel(next)
      const vs = viewStates.get(keyOf(s.workspaceId, path))
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
      const file = [...models.values()].find((e) => e.model === editor.getModel() && e.workspace === s.workspaceId)?.path
      // Only the newest compile's ranges match the text; an older one's lines may have moved since.
      const objects = s.current?.objects ?? []
      const hit = file ? objectAt(objects, file, e.position.lineNumber) : undefined
      if (hit && hit.id !== s.selection) s.select(hit.id, 'editor')
    })
    disposers.push(() => cursorSub.dispose())

    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.scenarioLoads !== prev.scenarioLoads) {
        // another workspace (or the same one's content replaced): its own models, undo stacks and view states
        const currentKey = keyOfModel(editor.getModel())
        if (currentKey) viewStates.set(currentKey, editor.saveViewState())
        syncModels(monaco, s)
        dropGoneWorkspaces(s)
        editor.setModel(modelOf(s, s.activeFile) ?? null)
        const vs = viewStates.get(keyOf(s.workspaceId, s.activeFile))
        if (vs) editor.restoreViewState(vs)
        applyMarkers(s)
      } else {
        if (s.files !== prev.files) syncModels(monaco, s)
        if (s.workspaceList !== prev.workspaceList) dropGoneWorkspaces(s)
        if (s.activeFile !== prev.activeFile) showFile(s.activeFile)
      }
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
