import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { incomingOf } from './open'
import type { ShareState } from './types'

const state = (scenario: string): ShareState => ({
  scenario, files: [{ path: 'b.yaml', text: 'b' }, { path: 'a.yaml', text: 'a' }], positions: { 'Pod/default/x': { x: 1, y: 2 } }, seed: 1, hop: 3,
})

describe('incomingOf', () => {
  it.each([
    ['a gallery scenario, English', 'service-basics', 'en', 'Services: ClusterIP and NodePort (shared)', 'service-basics'],
    ['a gallery scenario, Chinese', 'service-basics', 'zh', `${gallery.find((g) => g.name === 'service-basics')!.title.zh}(分享)`, 'service-basics'],
    ['no gallery origin', '', 'en', 'Shared scenario', ''],
    ['a name the gallery does not have (an older or newer gallery)', 'gone-lab', 'en', 'Shared scenario', ''],
  ] as const)('%s', (_name, scenario, lang, name, origin) => {
    const work = incomingOf(state(scenario), lang)
    expect(work).toEqual({ name, origin, files: state(scenario).files, activeFile: 'b.yaml', positions: { 'Pod/default/x': { x: 1, y: 2 } } })
  })
  it('opens the tab the sender was looking at', () => {
    expect(incomingOf({ ...state(''), activeFile: 'a.yaml' }, 'en').activeFile).toBe('a.yaml')
  })
})
