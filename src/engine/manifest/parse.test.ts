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

/**
 * One syntax error per broken document, at its line (go-yaml, which kubectl's sigs.k8s.io/yaml uses, stops at the
 * first error: `yaml: line N: ...`); the yaml package's follow-on errors are not listed.
 */
describe('syntax errors: the first of each document, a few per file', () => {
  const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`
  it.each([
    // a flow mapping followed by more block text: yaml reports 11 "Unexpected ..." errors, the first is the cause
    ['text after a flow document', '{apiVersion: v1, kind: Pod, metadata: {name: x}}\n  apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n', [[2, 'UNEXPECTED_TOKEN']]],
    // an over-indented key makes the line above a multi-line implicit key: two errors at one place, one listed
    ['an over-indented key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   labels: x\n', [[4, 'BLOCK_AS_IMPLICIT_KEY']]],
    ['a list item\'s key out of line', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n  image: x\n    ports: 1\n', [[8, 'BLOCK_AS_IMPLICIT_KEY']]],
    ['a tab as indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n', [[4, 'TAB_AS_INDENT']]],
    // two broken documents around a good one: each broken one listed once, the good one kept
    ['two broken documents', `a: [\n---\n${cm('ok')}---\nb: : :\n  c\n`, [[1, 'BAD_INDENT'], [8, 'BLOCK_AS_IMPLICIT_KEY']]],
  ])('%s', (_name, text, expected) => {
    const { diagnostics } = parseManifests([{ path: 'a.yaml', text }])
    const syntax = diagnostics.filter((d) => d.code.startsWith('yaml.'))
    expect(syntax.map((d) => [d.range?.startLine, d.params.yamlCode])).toEqual(expected)
  })

  it('a file with many broken documents lists three and counts the rest at the first one left out', () => {
    const broken = (i: number) => `kind: ConfigMap\nmetadata: {name: b${i}\n`
    const text = Array.from({ length: 10 }, (_, i) => broken(i)).join('---\n') + `---\n${cm('good')}`
    const { objects, diagnostics } = parseManifests([{ path: 'a.yaml', text }])
    expect(objects.map((o) => o.name)).toEqual(['good'])
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml.syntax', 'yaml.syntax', 'yaml.syntax', 'yaml.moreErrors'])
    // each broken document is 3 lines long: the fourth starts at line 10
    expect(diagnostics[3]).toMatchObject({ severity: 'error', params: { count: '7' } })
    expect(diagnostics[3].range?.startLine).toBeGreaterThanOrEqual(10)
    expect(diagnostics[3].range?.startLine).toBeLessThanOrEqual(12)
  })

  it('the limit is per file: another file lists its own', () => {
    const broken = 'a: [\n---\nb: [\n'
    const { diagnostics } = parseManifests([{ path: 'a.yaml', text: broken }, { path: 'b.yaml', text: broken }])
    expect(diagnostics.map((d) => `${d.range?.file}:${d.code}`)).toEqual(['a.yaml:yaml.syntax', 'a.yaml:yaml.syntax', 'b.yaml:yaml.syntax', 'b.yaml:yaml.syntax'])
  })
})

/** An unclosed bracket or quote: the error starts where it was opened (yaml reports where it gave up). */
describe('syntax errors of unclosed constructs point at the opening', () => {
  it.each([
    ['an unclosed flow sequence', 'oops: [unclosed\napiVersion: v1\nkind: Pod\n', 1, 7],
    ['an unclosed flow map', 'a: {x: 1\nb: 2\n', 1, 4],
    ['an unclosed flow sequence in a nested mapping', 'a:\n  b: [1, 2\n  c: 3\n', 2, 6],
    ['an unclosed double quote', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\ndata:\n  x: y\n', 4, 9],
    ['an unclosed single quote', "a: 'x\nb: c\n", 1, 4],
    // other errors keep yaml's own position
    ['a tab as indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n', 4, 1],
  ])('%s', (_name, text, line, col) => {
    const { diagnostics } = parseManifests([{ path: 'a.yaml', text }])
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ code: 'yaml.syntax', range: { startLine: line, startCol: col } })
  })
})

it('an unclosed flow map with no value (found by parse.property.test: a null node in the visit)', () => {
  const { diagnostics } = parseManifests([{ path: 'a.yaml', text: '{a' }])
  expect(diagnostics.map((d) => [d.code, d.range?.startLine, d.range?.startCol])).toEqual([['yaml.syntax', 1, 1]])
})
