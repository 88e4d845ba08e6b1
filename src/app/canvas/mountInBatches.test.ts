import { describe, expect, it } from 'vitest'
import { mountOrder, nextBatch } from './mountInBatches'

const card = (id: string, parentId?: string) => (parentId ? { id, parentId } : { id })
const ids = (xs: { id: string }[]) => xs.map((x) => x.id)

// a small picture in the canvas's own order: a node box, its cards, a second box, a Service card
const picture = [card('Node/a'), card('Pod/1', 'Node/a'), card('Pod/2', 'Node/a'), card('Node/b'), card('Pod/3', 'Node/b'), card('Service/s')]

describe('mounting a large picture in batches', () => {
  it('mounts cards that stand alone first, then the cards inside them, each part in order', () => {
    expect(ids(mountOrder(picture))).toEqual(['Node/a', 'Node/b', 'Service/s', 'Pod/1', 'Pod/2', 'Pod/3'])
  })

  const cases: [string, string[], number, string[]][] = [
    ['nothing mounted: the first batch is the standalone cards', [], 3, ['Node/a', 'Node/b', 'Service/s']],
    ['then the children, in the picture\'s order', ['Node/a', 'Node/b', 'Service/s'], 2, ['Node/a', 'Pod/1', 'Pod/2', 'Node/b', 'Service/s']],
    ['the last batch completes the picture', ['Node/a', 'Pod/1', 'Pod/2', 'Node/b', 'Service/s'], 2, ids(picture)],
    ['a picture whose cards are all mounted is handed over whole', ids(picture), 2, ids(picture)],
    ['a card gone from the picture is dropped at once', ['Node/a', 'Pod/1', 'Pod/9'], 0, ['Node/a', 'Pod/1']],
  ]
  for (const [name, mounted, batch, want] of cases) it(name, () => expect(ids(nextBatch(picture, new Set(mounted), batch))).toEqual(want))

  it('batches always end with the whole picture, a child never before its parent', () => {
    let mounted = new Set<string>()
    for (let i = 0; i < 10 && mounted.size < picture.length; i++) {
      const next = nextBatch(picture, mounted, 2)
      for (const n of next) if ('parentId' in n && n.parentId) expect(next.some((p) => p.id === n.parentId)).toBe(true)
      mounted = new Set(ids(next))
    }
    expect([...mounted]).toEqual(ids(picture))
  })
})
