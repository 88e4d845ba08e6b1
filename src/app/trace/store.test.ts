import { describe, expect, it } from 'vitest'
import type { Hop, Trace } from '../../engine/trace/types'
import { createTraceStore, currentTrace } from './store'

const hop = (seq: number): Hop => ({ seq, stage: seq === 0 ? 'dns' : 'kube-proxy', at: 'Node/node1',
  before: { protocol: 'TCP', src: 'a', dst: 'b' }, after: { protocol: 'TCP', src: 'a', dst: 'b' }, verdict: 'forwarded', note: { code: 'x', params: {} } })
const trace = (n: number): Trace => ({ request: { from: 'Pod/default/p', protocol: 'TCP', host: 'h', port: 1 },
  outcome: { result: 'ok' }, rulesEvaluated: 0, hops: Array.from({ length: n }, (_, i) => hop(i)), seed: 1 })
const reply = (n: number) => ({ stdout: '', stderr: '', exitCode: 0, traces: [trace(n)] })
const run = (n: number) => ({ where: 'Pod/default/p', line: 'nc -zv x 1', mode: 'iptables', revision: 1, reply: reply(n) })

describe('trace store', () => {
  it('plays a new run from its first hop and steps within bounds', () => {
    const s = createTraceStore()
    s.getState().addRun(run(3), true)
    expect([s.getState().hop, s.getState().playing]).toEqual([0, true])
    s.getState().step(1)
    expect([s.getState().hop, s.getState().playing]).toEqual([1, false])
    s.getState().step(5)
    expect(s.getState().hop).toBe(2)
    s.getState().step(-1)
    expect(s.getState().hop).toBe(1)
    s.getState().restart()
    expect(s.getState().hop).toBe(0)
  })
  it('Play at the last hop starts again from the first', () => {
    const s = createTraceStore()
    s.getState().addRun(run(2), false)
    s.getState().setHop(1)
    s.getState().togglePlay()
    expect([s.getState().hop, s.getState().playing]).toEqual([0, true])
  })
  it('a line that sent nothing is kept but does not replace the trace being shown', () => {
    const s = createTraceStore()
    const first = s.getState().addRun(run(2), false)
    s.getState().addRun({ ...run(0), reply: { stdout: 'x', stderr: '', exitCode: 0, traces: [] } }, true)
    expect(s.getState().runId).toBe(first)
    expect(currentTrace(s.getState())?.hops).toHaveLength(2)
    expect(s.getState().runs).toHaveLength(2)
  })
  it('filters stages on and off', () => {
    const s = createTraceStore()
    s.getState().toggleStage('dns')
    expect(s.getState().hiddenStages).toEqual(['dns'])
    s.getState().toggleStage('dns')
    expect(s.getState().hiddenStages).toEqual([])
  })
})
