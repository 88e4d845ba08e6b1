import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CompileReply, CompileRequest } from '../../worker/protocol'
import { startCompileLoop } from './compileLoop'
import { createAppStore } from './index'

const done = (seq: number): CompileReply =>
  ({ seq, status: 'done', graph: { nodes: [], edges: [] }, diagnostics: [], objects: [], kubeProxy: { mode: 'iptables', modeSource: 'default' } })

describe('startCompileLoop: immediate when idle, coalescing while a compile runs', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  function setup(maxCoalesceMs = 1000) {
    const store = createAppStore()
    store.getState().loadScenario({ name: 's', title: { en: 'S', zh: 'S' }, story: { en: '', zh: '' }, requests: [],
      files: [{ path: 'a.yaml', text: 'a: 1\n' }] })
    const sent: CompileRequest[] = []
    const pending = new Map<number, { resolve: (r: CompileReply) => void; reject: (e: Error) => void }>()
    const compile = (req: CompileRequest) => {
      sent.push(structuredClone(req))
      return new Promise<CompileReply>((resolve, reject) => pending.set(req.seq, { resolve, reject }))
    }
    const type = (text: string) => store.getState().setFileText('a.yaml', text)
    const answer = async (seq: number) => { pending.get(seq)!.resolve(done(seq)); await vi.advanceTimersByTimeAsync(0) }
    const sentTexts = () => sent.map((r) => [r.seq, r.files[0].text])
    return { store, sent, pending, type, answer, sentTexts, stop: startCompileLoop(store, compile, maxCoalesceMs) }
  }

  it('compiles at once on start, and an edit made while idle is sent at once (no typing debounce)', async () => {
    const { type, answer, sentTexts, stop } = setup()
    expect(sentTexts()).toEqual([[1, 'a: 1\n']])
    await answer(1)
    type('a: 2\n')
    expect(sentTexts()).toEqual([[1, 'a: 1\n'], [2, 'a: 2\n']])
    stop()
  })

  it('edits typed while a compile runs are coalesced: only the newest text is sent, when the running one answers', async () => {
    const { store, type, answer, sentTexts, stop } = setup()
    type('a: 2\n')
    type('a: 3\n')
    type('a: 4\n')
    expect(sentTexts()).toEqual([[1, 'a: 1\n']])
    await answer(1)
    // the reply to seq 1 is out of date (seq 4 was requested): ignored, and the newest text goes out
    expect(store.getState().current).toBeUndefined()
    expect(sentTexts()).toEqual([[1, 'a: 1\n'], [4, 'a: 4\n']])
    await answer(4)
    expect(store.getState().current?.seq).toBe(4)
    stop()
  })

  it('a worker failure frees the loop as a reply does, and is reported', async () => {
    const { store, pending, type, sentTexts, stop } = setup()
    type('a: 2\n')
    pending.get(1)!.reject(new Error('worker gone'))
    await vi.advanceTimersByTimeAsync(0)
    expect(sentTexts().map(([seq]) => seq)).toEqual([1, 2])
    pending.get(2)!.reject(new Error('boom'))
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().workerFailure).toBe('boom')
    stop()
  })

  it('never waits longer than the coalescing limit behind a compile that does not answer (a hung worker)', async () => {
    const { type, answer, sentTexts, stop } = setup(1000)
    type('a: 2\n')
    await vi.advanceTimersByTimeAsync(999)
    expect(sentTexts()).toHaveLength(1)
    type('a: 3\n')
    await vi.advanceTimersByTimeAsync(1)
    expect(sentTexts()).toEqual([[1, 'a: 1\n'], [3, 'a: 3\n']])
    // the hung compile answering late does not send again: the newest text is already on its way
    await answer(1)
    expect(sentTexts()).toHaveLength(2)
    stop()
  })

  it('stops: no request after stop, even when a reply arrives', async () => {
    const { type, answer, sentTexts, stop } = setup()
    stop()
    type('a: 2\n')
    await answer(1)
    expect(sentTexts()).toHaveLength(1)
  })
})
