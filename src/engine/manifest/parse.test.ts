import { describe, expect, it } from 'vitest'
import { parseManifests } from './parse'

const svc = `apiVersion: v1
kind: Service
metadata:
  name: mysql-service
spec:
  selector:
    app: mysql
  ports:
  - port: 3306
    targetPort: 3306
`

describe('parseManifests', () => {
  it('reads an object with its field ranges', () => {
    const { objects, diagnostics } = parseManifests([{ path: 'a.yaml', text: svc }])
    expect(diagnostics).toEqual([])
    expect(objects).toHaveLength(1)
    const o = objects[0]
    expect(o.id).toBe('Service/default/mysql-service')
    expect(o.fieldRanges['metadata.name'].startLine).toBe(4)
    expect(o.fieldRanges['spec.ports.0.targetPort']).toMatchObject({ startLine: 10, startCol: 5 })
    expect(o.range.startLine).toBe(1)
  })

  it('keeps good documents when another is broken', () => {
    const text = `${svc}---\nkind: [\n`
    const { objects, diagnostics } = parseManifests([{ path: 'a.yaml', text }])
    expect(objects).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ code: 'yaml.syntax', severity: 'error' })
    expect(diagnostics[0].range?.startLine).toBeGreaterThanOrEqual(12)
  })

  it('flattens kind: List with ranges re-rooted to each item', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: a}
  spec: {containers: [{name: c, image: nginx}]}
- apiVersion: v1
  kind: Pod
  metadata: {name: b, namespace: x}
  spec: {containers: [{name: c, image: nginx}]}
`
    const { objects } = parseManifests([{ path: 'l.yaml', text }])
    expect(objects.map((o) => o.id)).toEqual(['Pod/default/a', 'Pod/x/b'])
    expect(objects[1].fieldRanges['metadata.name'].startLine).toBe(10)
  })

  it('refuses an alias bomb with a diagnostic', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`)
    const { diagnostics } = parseManifests([{ path: 'b.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  ${lines.join('\n  ')}\n` }])
    expect(diagnostics.map((d) => d.code)).toContain('yaml.aliases')
  })

  it('reports missing identity fields on their lines', () => {
    const { objects, diagnostics } = parseManifests([{ path: 'm.yaml', text: 'kind: Pod\nmetadata:\n  labels: {}\n' }])
    expect(objects).toEqual([])
    expect(diagnostics.map((d) => d.params.field).sort()).toEqual(['apiVersion', 'metadata.name'])
  })

  it('refuses a key written twice in one mapping, naming the first', () => {
    const { objects, diagnostics } = parseManifests([{ path: 'd.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n' }])
    expect(objects).toEqual([])
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'yaml.syntax', params: expect.objectContaining({ yamlCode: 'DUPLICATE_KEY' }) })])
    expect(diagnostics[0].params.detail).toContain('"name" is already defined at line 4')
    expect(diagnostics[0].range?.startLine).toBe(5)
  })

  it('reads scalars as kubectl does (go-yaml v2, YAML 1.1): yes is true, 0755 is octal, 12:30 stays text', () => {
    const { objects } = parseManifests([{ path: 'y.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {a: "yes", b: "0755"}\nx: {a: yes, b: 0755, c: 12:30, d: 2024-01-01T00:00:00Z}\n' }])
    expect(objects[0].body.x).toEqual({ a: true, b: 493, c: '12:30', d: '2024-01-01T00:00:00Z' })
  })
})
