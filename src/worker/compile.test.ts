import { describe, expect, it } from 'vitest'
import ELK from 'elkjs/lib/elk.bundled.js'
import { gallery } from '../scenarios/gallery.generated'
import { compileForCanvas, objectViewOf } from './compile'
import { generatedFiles } from '../scenarios/generators'
import { compileScenario } from '../engine/scenario'
import { deriveCanvasGraph } from '../app/canvas/graph'
import { groupIndex } from '../app/canvas/collapse'

const elk = new ELK()
const defaultFiles = gallery.find((s) => s.name === 'service-basics')!.files

describe('compileForCanvas on the real engine', () => {
  it('draws the default scenario: its pods in node boxes, its Services linked to their endpoints', async () => {
    const view = await compileForCanvas(defaultFiles, elk)
    const ids = view.graph.nodes.map((n) => n.id)
    for (const id of ['Client/workstation', 'Node/node1', 'Node/node2', 'Pod/default/mysql-pod', 'Pod/default/nginx-pod-1',
      'Pod/default/nginx-pod-2', 'Pod/default/nginx-pod-3', 'Service/default/mysql-service', 'Service/default/nginx-nodeport']) {
      expect(ids).toContain(id)
    }
    const edges = view.graph.edges.map((e) => `${e.source} -> ${e.target}`)
    expect(edges).toContain('Service/default/mysql-service -> Pod/default/mysql-pod')
    for (const n of [1, 2, 3]) expect(edges).toContain(`Service/default/nginx-nodeport -> Pod/default/nginx-pod-${n}`)
    expect(view.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    // Every pod the user wrote sits in a node box and points back at its YAML.
    for (const pod of view.graph.nodes.filter((n) => n.kind === 'pod' && !n.system)) {
      expect(pod.parent).toMatch(/^Node\//)
      expect(pod.source?.file).toMatch(/\.yaml$/)
    }
    expect(view.objects.find((o) => o.id === 'Service/default/nginx-nodeport')?.range.file).toBe('nginx.yaml')
  })

  it('re-links edges when a label changes', async () => {
    const files = defaultFiles.map((f) => f.path === 'nginx.yaml'
      ? { ...f, text: f.text.replace(/(name: nginx-pod-3\n  labels:\n    app: )nginx/, '$1nginx-canary') }
      : f)
    expect(files[1].text).toContain('app: nginx-canary')
    const view = await compileForCanvas(files, elk)
    const targets = view.graph.edges.filter((e) => e.source === 'Service/default/nginx-nodeport').map((e) => e.target)
    expect(targets).toEqual(['Pod/default/nginx-pod-1', 'Pod/default/nginx-pod-2'])
  })

  it('reports broken YAML as an error diagnostic on its file and line, without throwing', async () => {
    const files = [{ path: 'mysql.yaml', text: 'oops: [unclosed\n' + defaultFiles[0].text }, defaultFiles[1]]
    const view = await compileForCanvas(files, elk)
    const first = view.diagnostics.find((d) => d.severity === 'error')
    expect(first?.code).toBe('yaml.syntax')
    expect(first?.range?.file).toBe('mysql.yaml')
  })

  it('is deterministic: the same files give the same view', async () => {
    const a = await compileForCanvas(defaultFiles, elk)
    const b = await compileForCanvas(defaultFiles, new ELK())
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })
})

describe('a large scenario: the page gets the drawn picture and rows, the worker keeps the objects', () => {
  // 150 Services × 2 pods: past the collapse limits (200 pods, 100 Services), small enough for a unit test
  const files = generatedFiles({ name: 'scale', params: { services: 150, podsPerService: 2 } })

  it('sends the drawn cards, every edge, and one row per folded object', async () => {
    const { graph } = await compileForCanvas(files, elk)
    const full = deriveCanvasGraph(compileScenario(files).cluster)
    const grouped = groupIndex(graph.drawn)
    expect(grouped.size).toBeGreaterThan(300)
    // no object is both drawn and folded, and together they are every object
    expect(graph.nodes.filter((n) => grouped.has(n.id))).toEqual([])
    expect(graph.folded!.map((r) => r.id).sort()).toEqual([...grouped.keys()].sort())
    expect([...graph.nodes.map((n) => n.id), ...graph.folded!.map((r) => r.id)].sort()).toEqual(full.nodes.map((n) => n.id).sort())
    expect(graph.edges).toEqual(full.edges)
    // the point of it: a fraction of the whole graph crosses to the page
    expect(JSON.stringify(graph.nodes).length + JSON.stringify(graph.folded).length).toBeLessThan(JSON.stringify(full.nodes).length / 2)
  })

  it('answers the inspector about a folded pod with its full node and the Service that selects it', async () => {
    const { graph } = await compileForCanvas(files, elk)
    const row = graph.folded!.find((r) => r.kind === 'pod' && r.name.startsWith('app-7-'))!
    const view = objectViewOf(files, row.id)!
    expect(view.node.data).toMatchObject({ kind: 'pod', name: row.name, ip: row.ip, labels: { app: 'app-7' } })
    expect(view.nodes.map((n) => n.id)).toContain('Service/default/svc-7')
    expect(view.edges.map((e) => e.source)).toEqual(['Service/default/svc-7'])
  })
})
