import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import { decodeShare, shareFragment } from './codec'
import { shareStateOf, WORKER_SEED } from './build'

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

  it('a generated gallery scenario names its generator, so its link carries parameters instead of files', () => {
    const big = gallery.find((g) => g.generator)
    if (!big) return expect(gallery.some((g) => g.generator)).toBe(false)
    const state = shareStateOf({ scenarioName: big.name, files: scenarioFiles(big), positions: {}, hop: 0 }, gallery)
    expect(state.generator).toEqual(big.generator)
    expect(shareFragment(state).length).toBeLessThan(2000)
  })
})
