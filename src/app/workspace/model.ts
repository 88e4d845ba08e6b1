import type { SourceFile } from '../../engine/manifest/types'

/** What a workspace keeps of the user's work: the editor's files and tab, and where nodes were dragged. */
export interface WorkspaceContent {
  files: SourceFile[]
  activeFile: string
  positions: Record<string, { x: number; y: number }>
}

/** One of the user's own scenarios. */
export interface Workspace extends WorkspaceContent {
  id: string
  name: string
  /** The gallery scenario it started from ('' for none): its title, and what "reset" goes back to. */
  origin: string
  /** Kept aside when a link or file replaced it on screen (the "draft"). */
  draft?: boolean
}

/** Every workspace, which one is on screen, and the counter new ids come from. */
export interface WorkspaceList {
  workspaces: Workspace[]
  currentId: string
  nextId: number
}

/** What a gallery scenario gives a workspace (its files already expanded, generated ones included). */
export interface GallerySource {
  name: string
  title: string
  files: SourceFile[]
}

export const NAME_CHARS = 80

/** The file a new, empty workspace starts with. */
export const EMPTY_FILE = 'scenario.yaml'

export const emptyList = (): WorkspaceList => ({ workspaces: [], currentId: '', nextId: 1 })

export function current(list: WorkspaceList): Workspace | undefined {
  return list.workspaces.find((w) => w.id === list.currentId)
}

/** `base`, or `base (2)`, `base (3)`… whichever no other workspace is called. */
export function uniqueName(base: string, list: WorkspaceList, except?: string): string {
  const taken = new Set(list.workspaces.filter((w) => w.id !== except).map((w) => w.name))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`
}

/** A display name as typed: trimmed, control characters dropped, length capped; '' when nothing is left. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, NAME_CHARS)
}

/** The current workspace's entry brought up to date with what is on screen. */
export function withCurrent(list: WorkspaceList, content: WorkspaceContent): WorkspaceList {
  return {
    ...list,
    workspaces: list.workspaces.map((w) => (w.id === list.currentId
      ? { ...w, files: content.files, activeFile: content.activeFile, positions: content.positions }
      : w)),
  }
}

/** Appends a new workspace (named uniquely) and makes it the current one. */
export function add(list: WorkspaceList, fields: Omit<Workspace, 'id'>): WorkspaceList {
  const id = `w${list.nextId}`
  const ws: Workspace = { ...fields, id, name: uniqueName(cleanName(fields.name) || 'Untitled', list) }
  return { workspaces: [...list.workspaces, ws], currentId: id, nextId: list.nextId + 1 }
}

export function fromGallery(list: WorkspaceList, source: GallerySource): WorkspaceList {
  return add(list, { name: source.title, origin: source.name, ...pristine(source) })
}

export function addEmpty(list: WorkspaceList, name: string): WorkspaceList {
  return add(list, { name, origin: '', files: [{ path: EMPTY_FILE, text: '' }], activeFile: EMPTY_FILE, positions: {} })
}

/** A copy placed right after the original, made current. */
export function duplicate(list: WorkspaceList, id: string, copyName: (name: string) => string): WorkspaceList {
  const original = list.workspaces.find((w) => w.id === id)
  if (!original) return list
  const added = add(list, { ...original, name: copyName(original.name), draft: undefined })
  const copy = added.workspaces.at(-1)!
  const rest = added.workspaces.slice(0, -1)
  const at = rest.indexOf(rest.find((w) => w.id === id)!) + 1
  return { ...added, workspaces: [...rest.slice(0, at), copy, ...rest.slice(at)] }
}

export function rename(list: WorkspaceList, id: string, name: string): WorkspaceList {
  const clean = cleanName(name)
  if (!clean) return list
  return {
    ...list,
    workspaces: list.workspaces.map((w) => (w.id === id ? { ...w, name: uniqueName(clean, list, id), draft: undefined } : w)),
  }
}

/**
 * Removes a workspace. Removing the current one makes its neighbour current (the next, else the previous); the list
 * may end empty, and the caller then opens a fresh one.
 */
export function remove(list: WorkspaceList, id: string): WorkspaceList {
  const at = list.workspaces.findIndex((w) => w.id === id)
  if (at < 0) return list
  const workspaces = list.workspaces.filter((w) => w.id !== id)
  const currentId = list.currentId !== id ? list.currentId : (workspaces[at] ?? workspaces[at - 1])?.id ?? ''
  return { ...list, workspaces, currentId }
}

/** A gallery-based workspace back to its gallery text (positions and tab too); others are left alone. */
export function reset(list: WorkspaceList, id: string, source: GallerySource | undefined): WorkspaceList {
  if (!source) return list
  return {
    ...list,
    workspaces: list.workspaces.map((w) => (w.id === id && w.origin === source.name ? { ...w, ...pristine(source) } : w)),
  }
}

export function select(list: WorkspaceList, id: string): WorkspaceList {
  return list.workspaces.some((w) => w.id === id) ? { ...list, currentId: id } : list
}

/** The workspace a gallery route opens: the newest one from that scenario that is not a set-aside draft. */
export function forGallery(list: WorkspaceList, name: string): Workspace | undefined {
  return list.workspaces.filter((w) => w.origin === name && !w.draft).at(-1)
}

/** A workspace holding exactly this content already (a link opened twice must not pile up copies). */
export function sameContent(list: WorkspaceList, content: Pick<WorkspaceContent, 'files' | 'positions'>): Workspace | undefined {
  return list.workspaces.find((w) => equalFiles(w.files, content.files) && equalPositions(w.positions, content.positions))
}

/** Whether a workspace still holds its gallery scenario's text as shipped (nothing to keep if it is replaced). */
export function isPristine(ws: WorkspaceContent, source: GallerySource | undefined): boolean {
  return !!source && equalFiles(ws.files, source.files) && Object.keys(ws.positions).length === 0
}

export function markDraft(list: WorkspaceList, id: string): WorkspaceList {
  return { ...list, workspaces: list.workspaces.map((w) => (w.id === id ? { ...w, draft: true } : w)) }
}

function pristine(source: GallerySource): WorkspaceContent {
  return { files: source.files.map((f) => ({ path: f.path, text: f.text })), activeFile: source.files[0]?.path ?? '', positions: {} }
}

export function equalFiles(a: SourceFile[], b: SourceFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.path === b[i].path && f.text === b[i].text)
}

function equalPositions(a: WorkspaceContent['positions'], b: WorkspaceContent['positions']): boolean {
  const ka = Object.keys(a), kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => b[k] !== undefined && a[k].x === b[k].x && a[k].y === b[k].y)
}
