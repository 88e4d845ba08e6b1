import { describe, expect, it } from 'vitest'
import type { GalleryScenario } from '../scenarios/types'
import { scenarioFromLocation, scenarioHash } from './scenarioRoute'

const scenario = (name: string): GalleryScenario => ({ name, title: { en: name, zh: name }, story: { en: '', zh: '' }, files: [], requests: [] })
const gallery = [scenario('externalname'), scenario('service-basics'), scenario('ingress-canary-weight'),
  { ...scenario('scale'), generator: { name: 'scale', params: { services: 1000, podsPerService: 10 } } }]

describe('scenarioFromLocation', () => {
  it.each([
    ['', '', 'service-basics'],
    ['#scenario=ingress-canary-weight', '', 'ingress-canary-weight'],
    [scenarioHash('externalname'), '', 'externalname'],
    ['#scenario=nope', '', 'service-basics'],
    ['#something-else', '', 'service-basics'],
    ['#scenario=scale', '', 'scale'],
    ['', '?scenario=externalname', 'externalname'],
    ['', '?lang=zh&scenario=ingress-canary-weight', 'ingress-canary-weight'],
    ['#scenario=externalname', '?scenario=ingress-canary-weight', 'externalname'], // the picker's later choice wins
    ['', '?scenario=%3Cscript%3E', 'service-basics'],
  ])('%j %j opens %s', (hash, search, want) => {
    expect(scenarioFromLocation(hash, gallery, search).name).toBe(want)
  })
})
