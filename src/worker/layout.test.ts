import { describe, expect, it } from 'vitest'
import ELK from 'elkjs/lib/elk.bundled.js'
import { deriveCanvasGraph } from '../app/canvas/graph'
import { tutorialCluster } from '../app/canvas/clusterFixture'
import { GROUP_HEADER, layoutCanvas } from './layout'

const elk = new ELK()

describe('layoutCanvas', () => {
  it('puts the outside world left of the Services, and the Services left of the node boxes', async () => {
    const g = await layoutCanvas(deriveCanvasGraph(tutorialCluster()), elk)
    const at = (id: string) => g.nodes.find((n) => n.id === id)!
    const client = at('Client/workstation'), svc = at('Service/default/mysql-service'), box = at('Node/node1')
    expect(client.x + client.width).toBeLessThan(svc.x)
    expect(svc.x + svc.width).toBeLessThan(box.x)
  })

  it('keeps every pod inside its node box, below the header, and top-level cards apart', async () => {
    const g = await layoutCanvas(deriveCanvasGraph(tutorialCluster()), elk)
    const byId = new Map(g.nodes.map((n) => [n.id, n]))
    for (const n of g.nodes.filter((x) => x.parent)) {
      const box = byId.get(n.parent!)!
      expect(n.x).toBeGreaterThanOrEqual(0)
      expect(n.y).toBeGreaterThanOrEqual(GROUP_HEADER)
      expect(n.x + n.width).toBeLessThanOrEqual(box.width)
      expect(n.y + n.height).toBeLessThanOrEqual(box.height)
    }
    const tops = g.nodes.filter((x) => !x.parent)
    for (const a of tops) for (const b of tops) {
      if (a === b) continue
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true)
    }
  })

  it('gives an empty node box a readable minimum size', async () => {
    const g = await layoutCanvas(deriveCanvasGraph(tutorialCluster()), elk)
    const master = g.nodes.find((n) => n.id === 'Node/master')!
    expect(master.width).toBeGreaterThanOrEqual(240)
    expect(master.height).toBeGreaterThanOrEqual(96)
  })

  it('is deterministic', async () => {
    const a = await layoutCanvas(deriveCanvasGraph(tutorialCluster()), elk)
    const b = await layoutCanvas(deriveCanvasGraph(tutorialCluster()), new ELK())
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })
})
