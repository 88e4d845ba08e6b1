import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../engine/core/diagnostic'
import type { CompileReply } from '../../worker/protocol'
import { acceptReply, shownResult, type CompileTracking } from './compileResult'
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

describe('replaceCluster', () => {
  it('puts the files in and counts a scenario load (the canvas fits it), where an edit made for the user does not', () => {
    const store = createAppStore()
    const files = [{ path: 'imported.yaml', text: 'kind: Pod\n' }]
    const loads = store.getState().scenarioLoads
    store.getState().setFiles(files)
    expect(store.getState().scenarioLoads).toBe(loads)
    store.getState().replaceCluster([{ path: 'other.yaml', text: 'kind: Service\n' }, ...files], 'imported.yaml')
    expect(store.getState().files.map((f) => f.path)).toEqual(['other.yaml', 'imported.yaml'])
    expect(store.getState().activeFile).toBe('imported.yaml')
    expect(store.getState().scenarioLoads).toBe(loads + 1)
  })
})
