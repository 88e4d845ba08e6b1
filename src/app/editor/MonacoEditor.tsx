import { useEffect, useRef } from 'react'
import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js'
import { appStore } from '../store'
import type { AppState } from '../store'
import { setupMonaco } from './monaco'
import { MARKER_OWNER, markersByFile, objectAt } from './markers'
import { editorAidsFor } from './aids'
import { dropGoneWorkspaces, keyOf, modelOf, models, syncModels } from './models'
import { afterFrame, nextTask } from './tasks'

type Monaco = typeof MonacoApi
type Editor = MonacoApi.editor.IStandaloneCodeEditor

/**
 * The Monaco editor, one model per scenario file (tabs switch models, keeping each one's undo stack and view state).
 * Loaded lazily, after Monaco itself (load.ts). It talks to the rest of the page only through the store: text goes
 * in, diagnostics come back as markers, reveal requests move the cursor, and the cursor selects objects.
 */
export default function MonacoEditor() {
  const host = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const monaco = setupMonaco()
    const disposers: (() => void)[] = []
    let live = true
    // Creating the editor measures its host and the font (forced layouts, cheap once the frame that added the host has
    // been laid out) and attaching a model builds its view lines: two tasks, after that frame.
    void afterFrame().then(async () => {
      if (!live) return
      const editor = createEditor(monaco, host.current!)
      disposers.push(() => editor.dispose())
      await nextTask()
      if (live) disposers.push(...connect(monaco, editor))
    })
    return () => {
      live = false
      for (const d of disposers.reverse()) d()
    }
  }, [])

  return <div ref={host} className="monaco-host" data-testid="monaco-host" />
}

/** The editor without a model yet (connect gives it one). */
function createEditor(monaco: Monaco, host: HTMLElement): Editor {
  return monaco.editor.create(host, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineHeight: 20,
    tabSize: 2,
    scrollBeyondLastLine: false,
    renderLineHighlight: 'line',
    theme: appStore.getState().theme === 'dark' ? 'vs-dark' : 'vs',
    fixedOverflowWidgets: true,
    // Sticky scroll would show the previous YAML document's keys above the next one's: misleading here.
    stickyScroll: { enabled: false },
    ariaLabel: 'YAML',
    padding: { top: 8 },
  })
}

/**
 * Puts the on-screen file's model in the editor and connects the editor to the store. Returns what undoes the
 * connections.
 */
function connect(monaco: Monaco, editor: Editor): (() => void)[] {
  const viewStates = new Map<string, MonacoApi.editor.ICodeEditorViewState | null>()
  const disposers: (() => void)[] = []
  let revealing = false

  // A generated file (1000 × 10: 424 KB) spends seconds of main-thread time in Monaco's Unicode highlighter and
  // folding; a file that large is read, not hand-typed, so those aids step aside for it (before its model is shown,
  // so they never start on it). Bracket-pair colours are the model's own option (models.ts).
  const show = (model: MonacoApi.editor.ITextModel | null) => {
    editor.updateOptions(editorAidsFor(model?.getValueLength() ?? 0))
    editor.setModel(model)
  }

  const state = appStore.getState()
  // files opened or changed while the editor was being made
  syncModels(monaco, state)
  dropGoneWorkspaces(state)
  show(modelOf(state, state.activeFile) ?? null)

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
    show(next)
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
      show(modelOf(s, s.activeFile) ?? null)
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
  return disposers
}
