import type { Workspace, WorkspaceList } from './model'

/**
 * Where the workspace list is kept between visits: IndexedDB when the browser gives it, else localStorage, else
 * nowhere (memory only). One value, the whole list as JSON, is read once at start and written after changes.
 */
export interface SavedStore {
  kind: 'indexeddb' | 'localstorage' | 'memory'
  read(): Promise<string | null>
  write(text: string): Promise<void>
}

/** Why saving stopped: the quota is used up, or storage is not there at all (private mode, blocked, broken). */
export type StorageProblem = 'full' | 'unavailable'

export const DB_NAME = 'kube-hops'
const DB_STORE = 'workspaces'
const DB_KEY = 'list'
export const LOCAL_KEY = 'kube-hops.workspaces'

/** The error a failed write throws, read as quota or not (browsers name and number it differently). */
export function problemOf(error: unknown): StorageProblem {
  const e = error as { name?: string; code?: number } | null
  // DOMException QuotaExceededError (code 22); Firefox's NS_ERROR_DOM_QUOTA_REACHED (1014)
  if (e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014)) return 'full'
  return 'unavailable'
}

export function memoryStore(): SavedStore {
  let value: string | null = null
  return { kind: 'memory', read: async () => value, write: async (text) => { value = text } }
}

export function localStore(storage: Storage): SavedStore {
  return {
    kind: 'localstorage',
    read: async () => storage.getItem(LOCAL_KEY),
    write: async (text) => { storage.setItem(LOCAL_KEY, text) },
  }
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

/** IndexedDB, or undefined when it cannot be opened within `timeoutMs` (blocked, disabled, private mode). */
export async function indexedDbStore(factory: IDBFactory, timeoutMs = 2000): Promise<SavedStore | undefined> {
  const db = await new Promise<IDBDatabase | undefined>((resolve) => {
    let settled = false
    const done = (v: IDBDatabase | undefined) => { if (!settled) { settled = true; resolve(v) } }
    const timer = setTimeout(() => done(undefined), timeoutMs)
    try {
      const open = factory.open(DB_NAME, 1)
      open.onupgradeneeded = () => { open.result.createObjectStore(DB_STORE) }
      open.onsuccess = () => { clearTimeout(timer); done(open.result) }
      open.onerror = () => { clearTimeout(timer); done(undefined) }
      open.onblocked = () => { clearTimeout(timer); done(undefined) }
    } catch {
      clearTimeout(timer)
      done(undefined)
    }
  })
  // a database of this name without our store (made by something else) is not ours to use
  if (!db || !db.objectStoreNames.contains(DB_STORE)) return undefined
  return {
    kind: 'indexeddb',
    read: async () => {
      const value = await request(db.transaction(DB_STORE, 'readonly').objectStore(DB_STORE).get(DB_KEY))
      return typeof value === 'string' ? value : null
    },
    write: (text) => new Promise<void>((resolve, reject) => {
      const tx = db.transaction(DB_STORE, 'readwrite')
      tx.objectStore(DB_STORE).put(text, DB_KEY)
      tx.oncomplete = () => resolve()
      // a quota error surfaces on the transaction (abort), not on the put
      tx.onabort = () => reject(tx.error)
      tx.onerror = () => reject(tx.error)
    }),
  }
}

/** What the page can use, best first; `problem` is set when it fell back to memory. */
export async function openSavedStore(env: { indexedDB?: () => IDBFactory | undefined; localStorage?: () => Storage | undefined }): Promise<{ store: SavedStore; problem?: StorageProblem }> {
  const factory = safely(env.indexedDB)
  if (factory) {
    const idb = await indexedDbStore(factory)
    if (idb) return { store: idb }
  }
  const storage = safely(env.localStorage)
  if (storage) {
    try {
      // a probe: Safari's old private mode has a localStorage whose every write throws
      storage.setItem(`${LOCAL_KEY}.probe`, '1')
      storage.removeItem(`${LOCAL_KEY}.probe`)
      return { store: localStore(storage) }
    } catch (e) {
      return { store: memoryStore(), problem: problemOf(e) }
    }
  }
  return { store: memoryStore(), problem: 'unavailable' }
}

function safely<T>(get: (() => T | undefined) | undefined): T | undefined {
  try {
    return get?.()
  } catch {
    // reading window.localStorage itself throws a SecurityError where storage is disabled
    return undefined
  }
}

interface SavedV1 extends WorkspaceList {
  v: 1
}

export function serialize(list: WorkspaceList): string {
  const saved: SavedV1 = { v: 1, ...list }
  return JSON.stringify(saved)
}

/**
 * The saved list back, or undefined when there is none or it is not ours (a half-written value, another version).
 * Our own data, but read defensively: a bad entry is dropped rather than trusted.
 */
export function deserialize(text: string | null): WorkspaceList | undefined {
  if (!text) return undefined
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isRecord(data) || data.v !== 1 || !Array.isArray(data.workspaces)) return undefined
  const workspaces = data.workspaces.filter(isWorkspace)
  if (workspaces.length === 0) return undefined
  const currentId = typeof data.currentId === 'string' && workspaces.some((w) => w.id === data.currentId) ? data.currentId : workspaces[0].id
  const highest = Math.max(0, ...workspaces.map((w) => Number(w.id.slice(1)) || 0))
  const nextId = typeof data.nextId === 'number' && Number.isInteger(data.nextId) && data.nextId > highest ? data.nextId : highest + 1
  return { workspaces, currentId, nextId }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function isWorkspace(v: unknown): v is Workspace {
  if (!isRecord(v)) return false
  if (typeof v.id !== 'string' || !/^w\d+$/.test(v.id) || typeof v.name !== 'string' || typeof v.origin !== 'string') return false
  if (typeof v.activeFile !== 'string' || !isRecord(v.positions) || !Array.isArray(v.files)) return false
  return v.files.every((f) => isRecord(f) && typeof f.path === 'string' && typeof f.text === 'string')
    && Object.values(v.positions).every((p) => isRecord(p) && typeof p.x === 'number' && typeof p.y === 'number')
}

/**
 * Writes the newest list after `delayMs` of quiet (typing does not write on every key), one write at a time, and
 * reports the first failure only: after that the page goes on in memory, trying again on later changes silently.
 */
export function createAutosaver(store: SavedStore, opts: { delayMs: number; onProblem: (p: StorageProblem) => void }) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: string | (() => string) | undefined
  let writing: Promise<void> = Promise.resolve()
  let reported = false

  const writeNow = (): Promise<void> => {
    if (timer !== undefined) { clearTimeout(timer); timer = undefined }
    const produce = pending
    if (produce === undefined) return writing
    pending = undefined
    // the text is made only now: a list of big scenarios is not serialised on every key press
    writing = writing.then(() => store.write(typeof produce === 'function' ? produce() : produce)).catch((e: unknown) => {
      if (!reported) {
        reported = true
        opts.onProblem(problemOf(e))
      }
    })
    return writing
  }

  return {
    schedule(text: string | (() => string)) {
      pending = text
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(() => void writeNow(), opts.delayMs)
    },
    /** Writes what is pending now (the page is being hidden or closed). */
    flush: writeNow,
    /** Marks the problem as already told (the store was opened in memory with a problem). */
    markReported() { reported = true },
  }
}
