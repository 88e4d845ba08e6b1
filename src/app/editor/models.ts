import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api.js'
import { appStore } from '../store'
import type { AppState } from '../store'
import { modelAidsFor } from './aids'

// One model per workspace file: a workspace's URI path keeps its models apart from every other workspace's.
const uriFor = (m: typeof MonacoApi, workspace: string, path: string) => m.Uri.parse(`file:///ws/${encodeURIComponent(workspace || 'none')}/${path}`)
export const keyOf = (workspace: string, path: string) => `${workspace}\u0000${path}`

export interface ModelEntry { workspace: string; path: string; model: MonacoApi.editor.ITextModel }

// The models live as long as the page, not the editor, and as long as their workspace: switching workspaces or
// tabs and coming back keeps each file's undo stack; a remount (React StrictMode in development, a layout change)
// keeps it too, and monaco-yaml's validation keeps the models it is watching. The first ones are made before the
// editor, in a task of their own (load.ts).
export const models = new Map<string, ModelEntry>()
let applyingRemote = false

/** The on-screen workspace's model of a file. */
export function modelOf(s: AppState, path: string) {
  return models.get(keyOf(s.workspaceId, path))?.model
}

/** Models of workspaces that no longer exist go (a deleted workspace's undo history goes with it). */
export function dropGoneWorkspaces(s: AppState) {
  const alive = new Set(s.workspaceList.workspaces.map((w) => w.id))
  alive.add(s.workspaceId)
  for (const [key, entry] of models) {
    if (alive.has(entry.workspace)) continue
    entry.model.dispose()
    models.delete(key)
  }
}

/** The on-screen workspace's files as models: new files get one, changed text is replaced, removed files' go. */
export function syncModels(monaco: typeof MonacoApi, s: AppState) {
  const workspace = s.workspaceId
  for (const f of s.files) {
    const key = keyOf(workspace, f.path)
    let model = models.get(key)?.model
    if (!model) {
      model = monaco.editor.createModel(f.text, 'yaml', uriFor(monaco, workspace, f.path))
      model.updateOptions(modelAidsFor(f.text.length))
      const path = f.path, m = model
      m.onDidChangeContent(() => {
        // only the workspace on screen types into the store; a hidden one's model changes only through this sync
        if (!applyingRemote && appStore.getState().workspaceId === workspace) appStore.getState().setFileText(path, m.getValue())
      })
      models.set(key, { workspace, path: f.path, model })
    } else if (model.getValue() !== f.text) {
      // Text changed elsewhere (the mode switch, a kubectl edit, a reset): replace it as one undoable edit.
      // (the aids first, so a file that becomes a generated one is not coloured bracket by bracket on the way)
      model.updateOptions(modelAidsFor(f.text.length))
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
