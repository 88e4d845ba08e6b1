import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import { decodeShare, shareFragment } from './codec'
import { shareHistory, shareStateOf, WORKER_SEED, type ShownRun } from './build'

describe('shareStateOf', () => {
  const basics = gallery.find((g) => g.name === 'service-basics')!

  it('carries files, positions, mode, the shown request and hop, and survives the codec unchanged', () => {
    const state = shareStateOf({
      scenarioName: 'service-basics', files: basics.files, positions: { 'Pod/default/nginx': { x: 12.5, y: -3 } }, mode: 'ipvs',
      run: { where: 'Client/workstation', line: 'curl -s http://192.168.100.21:30080' }, hop: 3,
    }, gallery)
    expect(state).toMatchObject({ scenario: 'service-basics', proxyMode: 'ipvs', seed: WORKER_SEED, hop: 3,
      request: { from: 'Client/workstation', command: 'curl -s http://192.168.100.21:30080' } })
    const back = decodeShare(shareFragment(state))
    expect(back).toEqual({ ok: true, state })
  })

  it.each([
    ['no run shown: hop -1 becomes 0, no request', { hop: -1 }, { hop: 0 }],
    ['a workspace without a gallery origin', { scenarioName: '' }, { scenario: '' }],
  ])('%s', (_name, patch, expected) => {
    const state = shareStateOf({ scenarioName: 'service-basics', files: basics.files, positions: {}, hop: 0, ...patch }, gallery)
    expect(state).toMatchObject(expected)
    if ('hop' in patch) expect('request' in state).toBe(false)
  })

  const curl = 'curl -s http://192.168.100.21:30080'
  const run = (patch: Partial<ShownRun>): ShownRun => ({ where: 'Client/workstation', line: curl, ...patch })
  const sent = (n: number) => Array.from({ length: n }, () => ({ where: 'Client/workstation', line: curl }))
  it.each([
    // worker/run.ts: a reply's history is the runs before it on the same simulation, oldest first
    ['the first run on its simulation: nothing to replay', run({ historyIndex: 0, history: [] }), [], true],
    ['the third of three sends: the first two', run({ historyIndex: 2, history: sent(2) }), [{ from: 'Client/workstation', command: curl }, { from: 'Client/workstation', command: curl }], true],
    ['a repeated send and a terminal line before it keep their order and count',
      run({ historyIndex: 2, history: [{ where: 'Client/workstation', line: curl, repeat: 50 }, { where: 'Node/node1', line: 'X=1' }] }),
      [{ from: 'Client/workstation', command: curl, repeat: 50 }, { from: 'Node/node1', command: 'X=1' }], true],
    ['trace 4 of a repeated send: its first 4 requests run before it', run({ historyIndex: 0, history: [], repeat: 10, traceIndex: 4 }),
      [{ from: 'Client/workstation', command: curl, repeat: 4 }], true],
    ['trace 1 of a repeated send: one single request first', run({ historyIndex: 0, history: [], repeat: 10, traceIndex: 1 }),
      [{ from: 'Client/workstation', command: curl }], true],
    ['more ran than the worker kept (205 before, 200 kept): not exact, the request travels alone',
      run({ historyIndex: 205, history: sent(200) }), [], false],
    ['a reply without a history (an edit of the scenario): nothing to replay', run({}), [], true],
  ] as const)('shareHistory: %s', (_name, shown, history, exact) => {
    expect(shareHistory(shown)).toEqual({ history, exact })
    const state = shareStateOf({ scenarioName: 'service-basics', files: basics.files, positions: {}, run: shown, hop: 2 }, gallery)
    expect(state.history ?? []).toEqual(history)
    expect(decodeShare(shareFragment(state))).toEqual({ ok: true, state })
  })

  it('carries the tab on screen when it is one of the files', () => {
    const page = { scenarioName: 'service-basics', files: basics.files, positions: {}, hop: 0 }
    expect(shareStateOf({ ...page, activeFile: 'nginx.yaml' }, gallery).activeFile).toBe('nginx.yaml')
    expect('activeFile' in shareStateOf({ ...page, activeFile: 'gone.yaml' }, gallery)).toBe(false)
  })

  it('a generated gallery scenario names its generator, so its link carries parameters instead of files', () => {
    const big = gallery.find((g) => g.generator)
    if (!big) return expect(gallery.some((g) => g.generator)).toBe(false)
    const state = shareStateOf({ scenarioName: big.name, files: scenarioFiles(big), positions: {}, hop: 0 }, gallery)
    expect(state.generator).toEqual(big.generator)
    expect(shareFragment(state).length).toBeLessThan(2000)
  })
})
