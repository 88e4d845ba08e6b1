import type { StateCreator } from 'zustand'
import type { SourceFile } from '../../engine/manifest/types'
import type { GalleryScenario } from '../../scenarios/types'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import type { AppState } from '../store'
import {
  addEmpty, current, duplicate, emptyList, forGallery, fromGallery, isPristine, add, markDraft, remove, rename, reset,
  sameContent, select, withCurrent, type GallerySource, type Workspace, type WorkspaceContent, type WorkspaceList,
} from './model'

/** A message shown above the page until dismissed (a refused link, storage trouble): a catalogue key and params. */
export interface Notice {
  id: number
  key: string
  params: Record<string, string | number>
  /** An alert (something was refused or failed) or a status (something was done for the user). */
  kind: 'alert' | 'status'
}

/** What arrives from a link or a file, to become a workspace of its own. */
export interface IncomingWork extends WorkspaceContent {
  name: string
  origin: string
}

export interface WorkspaceSlice {
  workspaceId: string
  workspaceList: WorkspaceList
  notices: Notice[]
  /** The list as saved, with the current workspace's entry brought up to date. */
  workspaceSnapshot(): WorkspaceList
  /** Puts a saved list on screen (its current workspace); an empty list opens `fallback`. */
  restoreWorkspaces(list: WorkspaceList, fallback: GalleryScenario): void
  /** A gallery scenario (the picker, a `#scenario=` route): its workspace if the user has one, else a new one. */
  openGallery(scenario: GalleryScenario): void
  switchWorkspace(id: string): void
  newWorkspace(from?: GalleryScenario): void
  duplicateWorkspace(id: string): void
  renameWorkspace(id: string, name: string): void
  deleteWorkspace(id: string): void
  resetWorkspace(id: string): void
  /**
   * Opens work from a link or file. The user's current work stays in the list (marked as a draft when it had
   * changes); the same content already in the list is reopened instead of copied. Returns whether a draft was kept.
   */
  openIncoming(work: IncomingWork): { keptDraft: boolean }
  notify(key: string, params?: Record<string, string | number>, kind?: Notice['kind']): void
  dismissNotice(id: number): void
}

/** The gallery scenario a workspace came from, its files expanded (generated scenarios included). */
export function gallerySource(name: string, lang: 'en' | 'zh' = 'en', entries: GalleryScenario[] = gallery): GallerySource | undefined {
  const entry = entries.find((s) => s.name === name)
  return entry && sourceOf(entry, lang)
}

function sourceOf(entry: GalleryScenario, lang: 'en' | 'zh'): GallerySource {
  return { name: entry.name, title: entry.title[lang] || entry.title.en || entry.name, files: scenarioFiles(entry) }
}

/** The scenario slice's fields for a workspace on screen; nothing computed for the previous one may stand. */
function onScreen(ws: Workspace, s: AppState) {
  const entry = gallery.find((g) => g.name === ws.origin)
  return {
    workspaceId: ws.id,
    scenarioName: ws.origin,
    title: entry ? entry.title : { en: ws.name, zh: ws.name },
    files: ws.files,
    activeFile: ws.files.some((f) => f.path === ws.activeFile) ? ws.activeFile : ws.files[0]?.path ?? '',
    positions: ws.positions,
    revision: s.revision + 1,
    scenarioLoads: s.scenarioLoads + 1,
    current: undefined,
    lastGood: undefined,
    workerFailure: undefined,
    selection: null,
    selectionOrigin: null,
  }
}

const contentOf = (s: AppState): WorkspaceContent => ({ files: s.files, activeFile: s.activeFile, positions: s.positions })

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => {
  const snapshot = () => {
    const s = get()
    return s.workspaceId ? withCurrent(s.workspaceList, contentOf(s)) : s.workspaceList
  }
  /** Makes `list` the list and shows its current workspace (when that is not already on screen). */
  const show = (list: WorkspaceList) => {
    const s = get()
    const ws = current(list)
    if (!ws) return set({ workspaceList: list })
    if (ws.id === s.workspaceId) return set({ workspaceList: list })
    set({ workspaceList: list, ...onScreen(ws, s) })
  }
  /** Shows the list's current workspace even when it is the one on screen (its content was replaced: reset). */
  const reshow = (list: WorkspaceList) => {
    const ws = current(list)
    if (ws) set({ workspaceList: list, ...onScreen(ws, get()) })
  }
  const copyName = (name: string) => (get().lang === 'zh' ? `${name} 副本` : `${name} copy`)
  let noticeId = 0

  return {
    workspaceId: '',
    workspaceList: emptyList(),
    notices: [],
    workspaceSnapshot: snapshot,
    restoreWorkspaces: (list, fallback) => {
      if (list.workspaces.length === 0) return get().openGallery(fallback)
      set({ workspaceId: '' })
      show(list)
    },
    openGallery: (scenario) => {
      const list = snapshot()
      const mine = forGallery(list, scenario.name)
      if (mine) return show(select(list, mine.id))
      show(fromGallery(list, sourceOf(scenario, get().lang)))
    },
    switchWorkspace: (id) => show(select(snapshot(), id)),
    newWorkspace: (from) => {
      const list = snapshot()
      show(from ? fromGallery(list, sourceOf(from, get().lang)) : addEmpty(list, get().lang === 'zh' ? '未命名' : 'Untitled'))
    },
    duplicateWorkspace: (id) => show(duplicate(snapshot(), id, copyName)),
    renameWorkspace: (id, name) => {
      const list = rename(snapshot(), id, name)
      const renamed = list.workspaces.find((w) => w.id === id)
      // a workspace of no gallery scenario is titled by its name (the toolbar's picker shows it)
      const retitle = renamed && id === get().workspaceId && !gallery.some((g) => g.name === renamed.origin)
      set({ workspaceList: list, ...(retitle ? { title: { en: renamed.name, zh: renamed.name } } : {}) })
    },
    deleteWorkspace: (id) => {
      const list = remove(snapshot(), id)
      if (list.workspaces.length > 0) return show(list)
      // the last one went: start again from the default scenario rather than an empty page
      const fallback = gallery.find((g) => g.name === 'service-basics') ?? gallery[0]
      set({ workspaceId: '' })
      show(fromGallery(list, sourceOf(fallback, get().lang)))
    },
    resetWorkspace: (id) => {
      const list = snapshot()
      const ws = list.workspaces.find((w) => w.id === id)
      const next = reset(list, id, ws && gallerySource(ws.origin, get().lang))
      if (id === get().workspaceId) reshow(next)
      else set({ workspaceList: next })
    },
    openIncoming: (work) => {
      const s = get()
      let list = snapshot()
      const same = sameContent(list, work)
      if (same) {
        show(select(list, same.id))
        return { keptDraft: false }
      }
      const here = current(list)
      const keptDraft = !!here && here.id === s.workspaceId && !isPristine(here, gallerySource(here.origin))
      if (keptDraft && here) list = markDraft(list, here.id)
      show(add(list, { ...work, files: work.files.map((f: SourceFile) => ({ ...f })) }))
      return { keptDraft }
    },
    notify: (key, params = {}, kind = 'alert') =>
      set((s) => ({ notices: [...s.notices.filter((n) => n.key !== key), { id: ++noticeId, key, params, kind }] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }
}
