import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../engine/scenario'
import type { SourceFile } from '../../engine/manifest/types'
import { applyWhatIf } from '../../engine/whatif/apply'
import { electL2Speaker } from '../../engine/dataplane/metallb/l2'
import { deriveCanvasGraph } from './graph'
import { announceText } from './announceText'
import { collapseGraph, COLLAPSE_LIMITS } from './collapse'
import { canvasMessages } from './messages'
import type { CanvasEdge, CanvasGraph, NodeView } from './model'
import type { Translate } from '../i18n/t'

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

/** The canvas's texts in one language, as useT() gives them (placeholders filled). */
const textsIn = (lang: 'en' | 'zh'): Translate => (key, params = {}) =>
  (canvasMessages as Record<string, { en: string; zh: string }>)[key][lang].replace(/\{(\w+)\}/g, (w, k: string) => (k in params ? String(params[k]) : w))

describe('announceText: what an announcement edge says, grouped or not', () => {
  const edge = (fields: Partial<CanvasEdge>): CanvasEdge =>
    ({ id: 'e', source: 'Group/services/default', target: 'Node/node1', kind: 'announce', ready: true, serving: true, terminating: false, ...fields })
  const cases: [string, Partial<CanvasEdge>, string | undefined, string | undefined][] = [
    ["a Service's own edge: its label", { label: 'ARP 192.168.100.100' }, 'ARP 192.168.100.100', 'ARP 192.168.100.100'],
    ['a group of one announcement (or several sharing one IP): that IP', { count: 2, labels: ['ARP 192.168.100.120'] }, 'ARP 192.168.100.120', 'ARP 192.168.100.120'],
    ['a group announcing three addresses from the node: the first and how many more',
      { count: 3, labels: ['ARP 192.168.100.100', 'ARP 192.168.100.101', 'ARP 192.168.100.102'] },
      'ARP 192.168.100.100 and 2 more', 'ARP 192.168.100.100 及另外 2 个地址'],
    ['ARP and BGP together: how many announcements', { count: 2, labels: ['ARP 192.168.100.100', 'BGP 172.16.10.1/32'] }, '2 announcements', '2 个宣告'],
    ['nothing announced: no label', {}, undefined, undefined],
  ]
  it.each(cases)('%s', (_name, fields, en, zh) => {
    expect(announceText(edge(fields), textsIn('en'))).toBe(en)
    expect(announceText(edge(fields), textsIn('zh'))).toBe(zh)
  })
})

// A large scenario draws a namespace's Services as one card (collapse.ts): the ARP edges of its LoadBalancer Services
// merge per winner node, and the merged edge still says what it announces.
describe("a grouped Service's announcement edge keeps its label (collapse.ts aggregateEdges)", () => {
  const lb = (name: string, port: number, extra = '') => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
${extra}spec:
  type: LoadBalancer
  selector: {app: nginx}
  ports: [{port: ${port}}]
`
  // two Services sharing 192.168.100.120 (MetalLB allow-shared-ip, other ports) and three with their own address
  const shared = '  annotations: {metallb.io/allow-shared-ip: web}\n'
  const extra: SourceFile = {
    path: 'more.yaml',
    text: lb('shop', 8080) + lb('blog', 8081) + lb('docs', 8082)
      + lb('web-http', 80, shared).replace('spec:\n', 'spec:\n  loadBalancerIP: 192.168.100.120\n')
      + lb('web-https', 443, shared).replace('spec:\n', 'spec:\n  loadBalancerIP: 192.168.100.120\n'),
  }
  const { cluster } = compileScenario([...load('loadbalancer-metallb-l2'), extra])
  const graph = deriveCanvasGraph(cluster)
  const drawn = collapseGraph(graph, { ...COLLAPSE_LIMITS, services: 3 })!
  const group = 'Group/services/default'

  it('the ARP edges of the grouped Services become one edge per winner node, with every distinct address', () => {
    // what each node announces, from the ungrouped picture (one edge per Service, to its elected node)
    const perNode = new Map<string, string[]>()
    for (const e of graph.edges.filter((x) => x.kind === 'announce')) {
      const list = perNode.get(e.target) ?? []
      if (!list.includes(e.label!)) list.push(e.label!)
      perNode.set(e.target, list)
    }
    expect([...perNode.values()].flat().sort()).toEqual(['ARP 192.168.100.100', 'ARP 192.168.100.101', 'ARP 192.168.100.102', 'ARP 192.168.100.103', 'ARP 192.168.100.120'])
    const merged = drawn.edges.filter((e) => e.kind === 'announce')
    expect(merged.map((e) => [e.source, e.target, e.labels])).toEqual([...perNode].map(([node, labels]) => [group, node, labels]))
    for (const e of merged) {
      const labels = perNode.get(e.target)!
      const en = labels.length === 1 ? labels[0] : `${labels[0]} and ${labels.length - 1} more`
      expect(announceText(e, textsIn('en'))).toBe(en)
    }
  })

  it('two Services sharing one address announce it once', () => {
    const winner = electL2Speaker(cluster, cluster.services.find((s) => s.name === 'web-http')!).node
    expect(electL2Speaker(cluster, cluster.services.find((s) => s.name === 'web-https')!).node).toBe(winner)
    const e = drawn.edges.find((x) => x.kind === 'announce' && x.target === `Node/${winner}`)!
    expect(e.labels!.filter((l) => l === 'ARP 192.168.100.120')).toHaveLength(1)
    expect(e.count).toBe(e.labels!.length + 1)
  })
})
