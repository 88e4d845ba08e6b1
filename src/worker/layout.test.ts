import { describe, expect, it } from 'vitest'
import ELK from 'elkjs/lib/elk.bundled.js'
import { deriveCanvasGraph } from '../app/canvas/graph'
import { tutorialCluster } from '../app/canvas/clusterFixture'
import { GRID_FROM, GROUP_HEADER, layoutCanvas } from './layout'
import type { CanvasEdge, DrawnNode } from '../app/canvas/model'

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

describe('layoutCanvas for a large cluster', () => {
  // 20 node boxes, each holding one group card, and one Service group reaching them all
  const many = () => {
    const nodes: DrawnNode[] = []
    const edges: CanvasEdge[] = []
    nodes.push({ id: 'Group/services/default', kind: 'serviceGroup', width: 256, height: 96, system: false,
      data: { kind: 'serviceGroup', namespace: 'default', types: [{ type: 'ClusterIP', count: 40 }], members: [] } })
    for (let i = 1; i <= 20; i++) {
      nodes.push({ id: `Node/node${i}`, kind: 'node', width: 0, height: 0, system: false,
        data: { kind: 'node', name: `node${i}`, ip: `192.168.100.${20 + i}`, podCIDR: `10.244.${i}.0/24`, controlPlane: false, ready: true, podCount: 2 } })
      const id = `Group/pods/node${i}`
      nodes.push({ id, kind: 'podGroup', width: 220, height: 64, system: false, parent: `Node/node${i}`,
        data: { kind: 'podGroup', by: 'node', nodeName: `node${i}`, workloads: 2, ready: 2, members: [] } })
      edges.push({ id: `Group/services/default->${id}`, source: 'Group/services/default', target: id, kind: 'endpoint', ready: true, serving: true, terminating: false, count: 2, readyCount: 2 })
    }
    return { nodes, edges }
  }

  it(`packs more than ${GRID_FROM} node boxes in a grid right of the Services, none overlapping`, async () => {
    const g = await layoutCanvas(many(), elk)
    const boxes = g.nodes.filter((n) => n.kind === 'node')
    const svc = g.nodes.find((n) => n.kind === 'serviceGroup')!
    for (const b of boxes) expect(b.x).toBeGreaterThan(svc.x + svc.width)
    // a grid: several columns and several rows, not one tall column
    expect(new Set(boxes.map((b) => b.x)).size).toBeGreaterThan(2)
    expect(new Set(boxes.map((b) => b.y)).size).toBeGreaterThan(2)
    for (const a of boxes) for (const b of boxes) {
      if (a === b) continue
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true)
    }
    // group cards stay inside their boxes, below the header
    for (const c of g.nodes.filter((n) => n.kind === 'podGroup')) {
      const box = g.nodes.find((n) => n.id === c.parent)!
      expect(c.y).toBeGreaterThanOrEqual(GROUP_HEADER)
      expect(c.x + c.width).toBeLessThanOrEqual(box.width)
    }
  })
})
