import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../engine/scenario'
import type { SourceFile } from '../../engine/manifest/types'
import { applyWhatIf } from '../../engine/whatif/apply'
import { electL2Speaker } from '../../engine/dataplane/metallb/l2'
import { deriveCanvasGraph } from './graph'
import type { CanvasGraph, NodeView } from './model'

function load(dir: string): SourceFile[] {
  const root = new URL(`../../scenarios/${dir}/`, import.meta.url)
  const meta = JSON.parse(readFileSync(new URL('scenario.json', root), 'utf8')) as { files: string[] }
  return meta.files.map((f) => ({ path: f, text: readFileSync(new URL(f, root), 'utf8') }))
}

function powerOff(files: SourceFile[], node: string): SourceFile[] {
  const r = applyWhatIf(files, { op: 'powerOff', node })
  if ('error' in r) throw new Error(r.error.code)
  return r.files
}

const announce = (g: CanvasGraph) => g.edges.filter((e) => e.kind === 'announce').map((e) => [e.source, e.target, e.label])
const speakers = (g: CanvasGraph) =>
  g.nodes.filter((n) => n.kind === 'node').map((n) => [(n.data as NodeView).name, (n.data as NodeView).speaker ?? 'none'])

const LB = 'Service/default/nginx-loadbalancer'

describe('canvas: MetalLB speakers and announcements (announce.ts)', () => {
  // The winner is whoever sorts first by sha256(node + "#" + ip) (speaker/layer2_controller.go ShouldAnnounce); the
  // engine's election names it, the canvas draws it from the Service to that node's box.
  it('L2 lab: one ARP edge from the Service to the elected node, a live speaker on every node', () => {
    const files = load('loadbalancer-metallb-l2')
    const { cluster } = compileScenario(files)
    const winner = electL2Speaker(cluster, cluster.services.find((s) => s.id === LB)!).node!
    const g = deriveCanvasGraph(cluster)
    expect(announce(g)).toEqual([[LB, `Node/${winner}`, 'ARP 192.168.100.100']])
    expect(speakers(g).every(([, s]) => s === 'alive')).toBe(true)
  })

  // Powering the winner off takes its speaker out of memberlist; the next candidate in election order takes over.
  it('L2 lab, winner powered off: the edge moves to the next candidate and the old speaker is drawn down', () => {
    const files = load('loadbalancer-metallb-l2')
    const before = compileScenario(files).cluster
    const election = electL2Speaker(before, before.services.find((s) => s.id === LB)!)
    const [first, second] = election.candidates.map((c) => c.node)
    expect(second).toBeDefined()
    const g = deriveCanvasGraph(compileScenario(powerOff(files, first)).cluster)
    expect(announce(g)).toEqual([[LB, `Node/${second}`, 'ARP 192.168.100.100']])
    expect(speakers(g).find(([n]) => n === first)).toEqual([first, 'down'])
  })

  // Every worker with an established session advertises the /32 and the /24 aggregate (scenarios.test.ts); each
  // advertising node gets one edge from the router card, labelled with its prefixes.
  it('BGP lab: an edge from the router to every advertising node, labelled with the prefixes', () => {
    const { cluster } = compileScenario(load('loadbalancer-metallb-bgp'))
    const label = 'BGP 172.16.10.0/24, 172.16.10.1/32'
    expect(announce(deriveCanvasGraph(cluster))).toEqual([
      ['Router/edge', 'Node/node1', label],
      ['Router/edge', 'Node/node2', label],
    ])
  })

  // A speaker that is down (its node not ready) opens no session, so the router holds no path from it
  // (bgp.ts bgpSessions: speakerAlive).
  it('BGP lab, a node not ready: its edge goes, its speaker is drawn down', () => {
    const { cluster } = compileScenario(load('loadbalancer-metallb-bgp'))
    const down = { ...cluster, nodes: cluster.nodes.map((n) => (n.name === 'node1' ? { ...n, ready: false } : n)) }
    const g = deriveCanvasGraph(down)
    expect(announce(g).map(([, t]) => t)).toEqual(['Node/node2'])
    expect(speakers(g).find(([n]) => n === 'node1')).toEqual(['node1', 'down'])
  })

  it('a scenario without MetalLB: no speaker badge, no announcement edge', () => {
    const g = deriveCanvasGraph(compileScenario(load('service-basics')).cluster)
    expect(announce(g)).toEqual([])
    expect(speakers(g).every(([, s]) => s === 'none')).toBe(true)
  })
})
