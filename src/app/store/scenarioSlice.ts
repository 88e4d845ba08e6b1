import type { StateCreator } from 'zustand'
import type { SourceFile } from '../../engine/manifest/types'
import type { GalleryScenario, LocalizedText } from '../../scenarios/types'
import type { AppState } from './index'

/** What the user is editing: the one part of the state a share link or a saved session carries. */
export interface ScenarioSlice {
  scenarioName: string
  title: LocalizedText
  files: SourceFile[]
  activeFile: string
  /** Bumped on every text change, so the compile loop knows there is something new to send. */
  revision: number
  /** Where the user dragged canvas nodes (by object id); these win over the automatic layout. */
  positions: Record<string, { x: number; y: number }>
  /** Counts scenario loads, so the canvas can fit the new scenario in view. */
  scenarioLoads: number
  /** Opens a gallery scenario as a workspace: the user's workspace of it if there is one, else a fresh one. */
  loadScenario(scenario: GalleryScenario): void
  setFileText(path: string, text: string): void
  /** Replaces the files after an edit made for the user (the mode switch), showing `focus` if given. */
  setFiles(files: SourceFile[], focus?: string): void
  /** Puts another cluster in this workspace (Import → Replace, or its Undo): a scenario load, so the canvas lays it
   * out afresh and fits it in view, and the editor shows its tabs. */
  replaceCluster(files: SourceFile[], focus?: string): void
  setActiveFile(path: string): void
  setPosition(id: string, position: { x: number; y: number }): void
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set, get) => ({
  scenarioName: '',
  title: { en: '', zh: '' },
  files: [],
  activeFile: '',
  revision: 0,
  positions: {},
  scenarioLoads: 0,
  // Opening a gallery scenario goes through the workspaces: the user's earlier work on it is reopened, not lost.
  loadScenario: (scenario) => get().openGallery(scenario),
  setFileText: (path, text) =>
    set((s) => {
      const current = s.files.find((f) => f.path === path)
      if (!current || current.text === text) return {}
      return { files: s.files.map((f) => (f.path === path ? { path, text } : f)), revision: s.revision + 1 }
    }),
  setFiles: (files, focus) =>
    set((s) => ({
      files,
      activeFile: focus && files.some((f) => f.path === focus) ? focus
        : files.some((f) => f.path === s.activeFile) ? s.activeFile : files[0]?.path ?? '',
      revision: s.revision + 1,
    })),
  replaceCluster: (files, focus) => {
    get().setFiles(files, focus)
    set((s) => ({ scenarioLoads: s.scenarioLoads + 1 }))
  },
  setActiveFile: (path) => set((s) => (s.files.some((f) => f.path === path) ? { activeFile: path } : {})),
  setPosition: (id, position) => set((s) => ({ positions: { ...s.positions, [id]: position } })),
})
