import { describe, expect, it } from 'vitest'
import type { Trace } from '../trace/types'
import { resolveWhere } from './location'
import { formatSummary, runRepeated, summarize } from './repeat'
import { simulationOf } from './testing'

function trace(outcome: Trace['outcome']): Trace {
  return { request: { from: 'Client/workstation', protocol: 'TCP', host: 'x', port: 80 }, outcome, rulesEvaluated: 0, hops: [], seed: 1 }
}

describe('exec --repeat aggregation', () => {
  it('counts requests per pod, Service, HTTP status and result', () => {
    const traces = [
      trace({ result: 'ok', pod: 'default/b', service: 'default/web', httpStatus: 200 }),
      trace({ result: 'ok', pod: 'default/a', service: 'default/web', httpStatus: 200 }),
      trace({ result: 'ok', pod: 'default/b', service: 'default/web', httpStatus: 503 }),
      trace({ result: 'refused' }),
    ]
    const s = summarize(4, traces, [0, 0, 0, 7])
    expect(s).toEqual({
      runs: 4,
      requests: 4,
      byPod: { '<none>': 1, 'default/a': 1, 'default/b': 2 },
      byService: { '<none>': 1, 'default/web': 3 },
      byStatus: { '200': 2, '503': 1, '<none>': 1 },
      byResult: { ok: 3, refused: 1 },
      exitCodes: { '0': 3, '7': 1 },
    })
    expect(Object.keys(s.byPod)).toEqual(['<none>', 'default/a', 'default/b'])
    expect(formatSummary(s)).toContain('POD         REQUESTS   SHARE\ndefault/b   2          50.0%\n<none>      1          25.0%\ndefault/a   1          25.0%\n')
  })

  it('runs on one simulation, advancing the virtual clock by the interval between waves', () => {
    const sim = simulationOf('service-basics')
    const at = resolveWhere(sim.scenario.cluster, 'nginx-pod-1')
    if (!at.ok) throw new Error('setup')
    const t0 = sim.clock.now()
    // 10 runs, 3 at a time: waves start at runs 0, 3, 6, 9, so the clock moves three times.
    const r = runRepeated(sim, at.where, 'hostname', { repeat: 10, intervalMs: 250, concurrency: 3 })
    expect(sim.clock.now() - t0).toBe(750)
    expect(r).toMatchObject({ stdout: '     10 nginx-pod-1\n', exitCode: 0, json: { runs: 10, byOutput: { 'nginx-pod-1\n': 10 } } })
  })

  it('reports the first failure\'s exit status and message', () => {
    const sim = simulationOf('service-basics')
    const at = resolveWhere(sim.scenario.cluster, 'node/node1')
    if (!at.ok) throw new Error('setup')
    const r = runRepeated(sim, at.where, 'cat /nope', { repeat: 2 })
    expect(r).toMatchObject({ exitCode: 1, stderr: 'cat: /nope: No such file or directory\n' })
  })
})
