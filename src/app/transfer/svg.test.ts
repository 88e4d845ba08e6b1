import { describe, expect, it } from 'vitest'
import { deriveCanvasGraph } from '../canvas/graph'
import { tutorialCluster } from '../canvas/clusterFixture'
import type { CanvasNode, PositionedGraph } from '../canvas/model'
import { canvasSvg, escapeXml, fitText } from './svg'

/** A laid-out graph without ELK: every top-level node on a grid, children at a fixed offset in their box. */
function gridLayout(nodes: CanvasNode[]): PositionedGraph['nodes'] {
  let top = 0, child = 0
  return nodes.map((n) => n.parent
    ? { ...n, x: 10 + 170 * (child++ % 2), y: 40 }
    : { ...n, x: 300 * (top % 3), y: 200 * Math.floor(top++ / 3), width: n.width || 360, height: n.height || 160 })
}

/** Every element is closed in order, and no text holds a raw `<` or a bare `&` (what an XML parser would refuse). */
function wellFormed(svg: string): boolean {
  const stack: string[] = []
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[1]) { if (stack.pop() !== m[2]) return false } else if (!m[3]) stack.push(m[2])
  }
  const text = svg.replace(/<[^>]*>/g, '')
  return stack.length === 0 && !text.includes('<') && !/&(?!(amp|lt|gt|quot|apos);)/.test(text)
}

const pod = (name: string, parent?: string): CanvasNode => ({
  id: `Pod/default/${name}`, kind: 'pod', width: 160, height: 48, system: false, ...(parent ? { parent } : {}),
  data: { kind: 'pod', name, namespace: 'default', ip: '10.244.1.2', nodeName: 'node1', readyText: '1/1', ready: true, status: 'Running', hostNetwork: false, labels: {} },
})

describe('canvasSvg: the canvas as an SVG built from the laid-out graph', () => {
  it('the tutorial cluster: every node\'s name, pods\' IPs, one curve per endpoint edge (dashed when not ready)', () => {
    const graph = deriveCanvasGraph(tutorialCluster())
    const { svg, width, height } = canvasSvg({ nodes: gridLayout(graph.nodes), edges: graph.edges })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`)
    for (const n of graph.nodes) {
      const name = (n.data as { name: string }).name
      expect(svg, n.id).toContain(`>${name}</text>`)
      expect(svg).toContain(`data-id="${n.id}"`)
    }
    for (const ip of ['10.244.1.2', '10.244.2.2', '10.244.1.3', '10.244.2.3']) expect(svg).toContain(`>${ip}  Running</text>`)
    expect(svg.match(/<path d="M/g)).toHaveLength(graph.edges.length)
    expect(svg.match(/stroke-dasharray="5 4"/g)?.length ?? 0).toBe(graph.edges.filter((e) => !e.ready).length)
    expect(wellFormed(svg)).toBe(true)
  })

  it('escapes < and & in names (XML 1.0 §2.4), and drops control characters XML cannot carry', () => {
    expect(escapeXml(`a<b & "c" 'd'>\u0001`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;')
    const evil = pod('<script>alert(1)</script>&x')
    const { svg } = canvasSvg({ nodes: gridLayout([evil]), edges: [] })
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;x')
    expect(svg).not.toContain('<script')
    expect(wellFormed(svg)).toBe(true)
  })

  it('a title longer than its card is cut with an ellipsis (the canvas cuts it with CSS text-overflow)', () => {
    expect(fitText('coredns-586f669f67-cg5xc', 100, 6.9)).toBe('coredns-586f6…')
    expect(fitText('web', 100, 6.9)).toBe('web')
    const long = pod('a-very-long-pod-name-that-will-not-fit-in-one-card-at-all')
    const { svg } = canvasSvg({ nodes: gridLayout([long]), edges: [] })
    expect(svg).toMatch(/>a-very-long-po[^<]*…<\/text>/)
    expect(svg).toContain('<title>Pod/default/a-very-long-pod-name-that-will-not-fit-in-one-card-at-all</title>')
  })

  it('children are placed inside their box (positions are relative to the parent); a dragged position wins', () => {
    const box: CanvasNode = { id: 'Node/node1', kind: 'node', width: 400, height: 120, system: false,
      data: { kind: 'node', name: 'node1', ip: '192.168.100.21', podCIDR: '10.244.1.0/24', controlPlane: false, ready: true, podCount: 1 } }
    const nodes = [{ ...box, x: 100, y: 50 }, { ...pod('web', 'Node/node1'), x: 10, y: 40 }]
    const rectOf = (svg: string, id: string) => svg.match(new RegExp(`data-id="${id.replace(/\//g, '\\/')}"><title>[^<]*</title><rect x="([\\d.]+)" y="([\\d.]+)"`))!.slice(1).map(Number)
    // the margin is 20: the box at (120, 70), its pod 10 and 40 further
    const plain = canvasSvg({ nodes, edges: [] }).svg
    expect(rectOf(plain, 'Node/node1')).toEqual([120, 70])
    expect(rectOf(plain, 'Pod/default/web')).toEqual([130, 110])
    const dragged = canvasSvg({ nodes, edges: [] }, { positions: { 'Node/node1': { x: 300, y: 50 } } }).svg
    expect(rectOf(dragged, 'Pod/default/web')).toEqual([330, 110])
  })

  it('same graph, same bytes (determinism); the dark theme changes colours only', () => {
    const graph = deriveCanvasGraph(tutorialCluster())
    const g = { nodes: gridLayout(graph.nodes), edges: graph.edges }
    expect(canvasSvg(g).svg).toBe(canvasSvg(g).svg)
    const strip = (s: string) => s.replace(/#[0-9a-f]{6}/g, '#')
    expect(strip(canvasSvg(g, { theme: 'dark' }).svg)).toBe(strip(canvasSvg(g).svg))
    expect(canvasSvg(g, { theme: 'dark' }).svg).not.toBe(canvasSvg(g).svg)
  })
})
