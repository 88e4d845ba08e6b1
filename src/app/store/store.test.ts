import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Diagnostic } from '../../engine/core/diagnostic'
import type { CompileReply, CompileRequest } from '../../worker/protocol'
import { acceptReply, shownResult, type CompileTracking } from './compileResult'
import { startCompileLoop } from './compileLoop'
import { createAppStore } from './index'

const yamlError: Diagnostic = { code: 'yaml.syntax', severity: 'error', params: { detail: 'x' } }
const lint: Diagnostic = { code: 'cluster.selectorMatchesNothing', severity: 'warning', params: {} }
const done = (seq: number, diagnostics: Diagnostic[] = []): CompileReply =>
  ({ seq, status: 'done', graph: { nodes: [], edges: [] }, diagnostics, objects: [], kubeProxy: { mode: 'iptables', modeSource: 'default' } })

describe('acceptReply', () => {
  const cases: { name: string; state: CompileTracking; reply: CompileReply; expect: 'ignored' | 'good' | 'broken' | 'failed' }[] = [
    { name: 'the reply to the newest request is taken', state: { requestedSeq: 3 }, reply: done(3), expect: 'good' },
    { name: 'a reply to an older request is out of date', state: { requestedSeq: 4 }, reply: done(3), expect: 'ignored' },
    { name: 'a stale reply carries nothing', state: { requestedSeq: 3 }, reply: { seq: 3, status: 'stale' }, expect: 'ignored' },
    { name: 'a result with an error is current but not good', state: { requestedSeq: 3 }, reply: done(3, [yamlError]), expect: 'broken' },
    { name: 'warnings alone still make a good result', state: { requestedSeq: 3 }, reply: done(3, [lint]), expect: 'good' },
    { name: 'a worker failure is reported', state: { requestedSeq: 3 }, reply: { seq: 3, status: 'failed', message: 'boom' }, expect: 'failed' },
  ]
  for (const tc of cases) {
    it(tc.name, () => {
      const next = acceptReply(tc.state, tc.reply)
      if (tc.expect === 'ignored') return expect(next).toBeUndefined()
      expect(next).toBeDefined()
      if (tc.expect === 'failed') return expect(next!.workerFailure).toBe('boom')
      expect(next!.current?.seq).toBe(tc.reply.seq)
      expect(next!.lastGood?.seq).toBe(tc.expect === 'good' ? tc.reply.seq : undefined)
    })
  }

  it('keeps the last good picture while the YAML is broken, and drops it once fixed', () => {
    let state: CompileTracking = { requestedSeq: 1 }
    state = { ...state, ...acceptReply(state, done(1)) }
    state = { ...state, requestedSeq: 2 }
    state = { ...state, ...acceptReply(state, done(2, [yamlError])) }
    expect(shownResult(state)).toMatchObject({ result: { seq: 1 }, outdated: true })
    state = { ...state, requestedSeq: 3 }
    state = { ...state, ...acceptReply(state, done(3)) }
    expect(shownResult(state)).toMatchObject({ result: { seq: 3 }, outdated: false })
  })

  it('shows a broken first result (there is nothing older), marked outdated', () => {
    const state: CompileTracking = { requestedSeq: 1, ...acceptReply({ requestedSeq: 1 }, done(1, [yamlError])) }
    expect(shownResult(state)).toMatchObject({ result: { seq: 1 }, outdated: true })
  })
})

describe('loadScenario', () => {
  it('forgets the previous scenario\'s pictures and selection', () => {
    const store = createAppStore()
    const scenario = (name: string) => ({ name, title: { en: name, zh: name }, story: { en: '', zh: '' }, requests: [],
      files: [{ path: `${name}.yaml`, text: 'a: 1\n' }] })
    store.getState().loadScenario(scenario('one'))
    store.setState({ requestedSeq: 1 })
    store.getState().receiveCompile(done(1))
    store.getState().select('Pod/default/x', 'canvas')
    expect(store.getState().lastGood).toBeDefined()
    store.getState().loadScenario(scenario('two'))
    const s = store.getState()
    expect([s.current, s.lastGood, s.selection, s.activeFile, s.scenarioLoads]).toEqual([undefined, undefined, null, 'two.yaml', 2])
  })
})

describe('startCompileLoop', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  function setup() {
    const store = createAppStore()
    store.getState().loadScenario({ name: 's', title: { en: 'S', zh: 'S' }, story: { en: '', zh: '' }, requests: [],
      files: [{ path: 'a.yaml', text: 'a: 1\n' }] })
    const sent: CompileRequest[] = []
    const pending: ((r: CompileReply) => void)[] = []
    const compile = (req: CompileRequest) => {
      sent.push(structuredClone(req))
      return new Promise<CompileReply>((resolve) => pending.push(resolve))
    }
    return { store, sent, pending, stop: startCompileLoop(store, compile, 150) }
  }

  it('compiles at once on start, then once per pause in typing with the latest text', async () => {
    const { store, sent, stop } = setup()
    expect(sent.map((r) => r.seq)).toEqual([1])
    store.getState().setFileText('a.yaml', 'a: 2\n')
    await vi.advanceTimersByTimeAsync(100)
    store.getState().setFileText('a.yaml', 'a: 3\n')
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(60)
    expect(sent.map((r) => [r.seq, r.files[0].text])).toEqual([[1, 'a: 1\n'], [3, 'a: 3\n']])
    stop()
  })

  it('ignores a reply for text the user has since changed, even before the new request is sent', async () => {
    const { store, pending, stop } = setup()
    store.getState().setFileText('a.yaml', 'a: 2\n')
    pending[0](done(1))
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().current).toBeUndefined()
    await vi.advanceTimersByTimeAsync(150)
    pending[1](done(2))
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().current?.seq).toBe(2)
    stop()
  })
})
