import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { routeOf } from './route'

describe('routeOf', () => {
  const generated = gallery.find((g) => g.generator)!.name
  it.each([
    ['a share link', '#s=abc', '', 'share'],
    ['a gallery scenario in the hash', '#scenario=clusterip-mysql', '', 'scenario:clusterip-mysql'],
    ['a gallery scenario in the query', '', '?scenario=clusterip-mysql', 'scenario:clusterip-mysql'],
    ['the hash wins over the query', '#scenario=service-basics', '?scenario=clusterip-mysql', 'scenario:service-basics'],
    ['an unknown name', '#scenario=nope', '', 'none'],
    ['a generated scenario', `#scenario=${generated}`, '', `scenario:${generated}`],
    ['nothing', '', '', 'none'],
    ['another fragment', '#top', '', 'none'],
  ])('%s', (_name, hash, search, expected) => {
    const r = routeOf(hash, search, gallery)
    expect(r.kind === 'scenario' ? `scenario:${r.scenario.name}` : r.kind).toBe(expected)
  })
})
