import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addEmpty, emptyList } from './model'
import { createAutosaver, deserialize, LOCAL_KEY, localStore, memoryStore, openSavedStore, problemOf, serialize, type SavedStore } from './persist'

/** A localStorage stand-in with a byte quota, throwing the DOMException a browser throws when it is full. */
function fakeStorage(quota = Infinity): Storage {
  const items = new Map<string, string>()
  const used = () => [...items].reduce((n, [k, v]) => n + k.length + v.length, 0)
  return {
    get length() { return items.size },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => { items.delete(k) },
    setItem: (k, v) => {
      if (used() - (items.get(k)?.length ?? 0) + k.length + v.length > quota) throw new DOMException('quota', 'QuotaExceededError')
      items.set(k, v)
    },
  }
}

describe('saved list format', () => {
  it('round-trips a list', () => {
    const list = addEmpty(addEmpty(emptyList(), 'a'), 'b')
    expect(deserialize(serialize(list))).toEqual(list)
  })

  it.each([
    ['nothing saved', null],
    ['not JSON (a half-written value)', '{"v":1,"work'],
    ['another version', '{"v":2,"workspaces":[]}'],
    ['no workspace', '{"v":1,"workspaces":[],"currentId":"","nextId":1}'],
  ])('reads %s as no list', (_name, text) => {
    expect(deserialize(text)).toBeUndefined()
  })

  it('drops a malformed entry, repairs the current id and the id counter', () => {
    const text = JSON.stringify({ v: 1, currentId: 'w9', nextId: 1, workspaces: [
      { id: 'w5', name: 'ok', origin: '', files: [{ path: 'a.yaml', text: '' }], activeFile: 'a.yaml', positions: {} },
      { id: 'w6', name: 'bad', origin: '', files: [{ path: 1 }], activeFile: '', positions: {} },
    ] })
    expect(deserialize(text)).toMatchObject({ currentId: 'w5', nextId: 6, workspaces: [{ id: 'w5' }] })
  })
})

describe('problemOf', () => {
  it.each([
    ['QuotaExceededError', new DOMException('x', 'QuotaExceededError'), 'full'],
    ['Firefox quota', { name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }, 'full'],
    ['legacy code 22', { name: 'Error', code: 22 }, 'full'],
    ['SecurityError', new DOMException('x', 'SecurityError'), 'unavailable'],
    ['InvalidStateError (IndexedDB closed)', new DOMException('x', 'InvalidStateError'), 'unavailable'],
  ])('%s', (_name, error, expected) => {
    expect(problemOf(error)).toBe(expected)
  })
})

describe('openSavedStore', () => {
  it('uses localStorage when IndexedDB is not there', async () => {
    const opened = await openSavedStore({ indexedDB: () => undefined, localStorage: () => fakeStorage() })
    expect(opened.store.kind).toBe('localstorage')
    expect(opened.problem).toBeUndefined()
  })

  it('falls back to memory, reporting why, when localStorage throws on access or on every write', async () => {
    const denied = await openSavedStore({ localStorage: () => { throw new DOMException('no', 'SecurityError') } })
    expect([denied.store.kind, denied.problem]).toEqual(['memory', 'unavailable'])
    const full = await openSavedStore({ localStorage: () => fakeStorage(0) })
    expect([full.store.kind, full.problem]).toEqual(['memory', 'full'])
  })
})

describe('createAutosaver', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('writes the newest text once typing pauses', async () => {
    const storage = fakeStorage()
    const saver = createAutosaver(localStore(storage), { delayMs: 300, onProblem: () => {} })
    saver.schedule('one')
    await vi.advanceTimersByTimeAsync(200)
    saver.schedule('two')
    await vi.advanceTimersByTimeAsync(200)
    expect(storage.getItem(LOCAL_KEY)).toBeNull()
    await vi.advanceTimersByTimeAsync(100)
    expect(storage.getItem(LOCAL_KEY)).toBe('two')
  })

  it('flush writes at once', async () => {
    const store = memoryStore()
    const saver = createAutosaver(store, { delayMs: 10_000, onProblem: () => {} })
    saver.schedule('now')
    await saver.flush()
    expect(await store.read()).toBe('now')
  })

  it('reports a full storage once, keeps going, and saves again once there is room', async () => {
    const storage = fakeStorage(LOCAL_KEY.length + 5)
    const problems: string[] = []
    const saver = createAutosaver(localStore(storage), { delayMs: 10, onProblem: (p) => problems.push(p) })
    saver.schedule('far too long')
    await vi.advanceTimersByTimeAsync(20)
    saver.schedule('still too long')
    await vi.advanceTimersByTimeAsync(20)
    expect(problems).toEqual(['full'])
    saver.schedule('ok')
    await vi.advanceTimersByTimeAsync(20)
    expect(storage.getItem(LOCAL_KEY)).toBe('ok')
    expect(problems).toEqual(['full'])
  })

  it('reports a store that fails every write as unavailable, once', async () => {
    const broken: SavedStore = { kind: 'indexeddb', read: async () => null, write: async () => { throw new DOMException('closed', 'InvalidStateError') } }
    const problems: string[] = []
    const saver = createAutosaver(broken, { delayMs: 10, onProblem: (p) => problems.push(p) })
    for (const t of ['a', 'b', 'c']) {
      saver.schedule(t)
      await vi.advanceTimersByTimeAsync(20)
    }
    expect(problems).toEqual(['unavailable'])
  })
})
