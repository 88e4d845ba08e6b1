import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../engine/core/diagnostic'
import { markersByFile, objectAt } from './markers'

const range = (file: string, startLine: number, startCol: number, endLine: number, endCol: number) =>
  ({ file, startLine, startCol, endLine, endCol })

describe('markersByFile', () => {
  it('groups markers by file, maps severities to Monaco values and fills the text from the catalogue', () => {
    const ds: Diagnostic[] = [
      { code: 'manifest.missingField', severity: 'error', params: { field: 'kind' }, range: range('a.yaml', 2, 1, 4, 1) },
      { code: 'some.lint', severity: 'warning', params: {}, range: range('b.yaml', 7, 5, 7, 9) },
    ]
    const m = markersByFile(ds, 'en', () => 20)
    expect(m.get('a.yaml')).toEqual([{ severity: 8, message: 'Missing required field "kind"', code: 'manifest.missingField',
      startLineNumber: 2, startColumn: 1, endLineNumber: 4, endColumn: 1 }])
    expect(m.get('b.yaml')![0]).toMatchObject({ severity: 4, startLineNumber: 7, startColumn: 5, endColumn: 9 })
    expect(markersByFile(ds, 'zh', () => 20).get('a.yaml')![0].message).toBe('缺少必填字段“kind”')
  })
  it('leaves YAML syntax errors to monaco-yaml and skips diagnostics without a range', () => {
    const ds: Diagnostic[] = [
      { code: 'yaml.syntax', severity: 'error', params: { detail: 'x' }, range: range('a.yaml', 1, 1, 1, 2) },
      { code: 'cluster.something', severity: 'warning', params: {} },
    ]
    expect(markersByFile(ds, 'en', () => 0).size).toBe(0)
  })
  it('widens a point range to the end of its line', () => {
    const ds: Diagnostic[] = [{ code: 'x', severity: 'info', params: {}, range: range('a.yaml', 3, 4, 3, 4) }]
    expect(markersByFile(ds, 'en', (_f, line) => (line === 3 ? 17 : 0)).get('a.yaml')![0])
      .toMatchObject({ startLineNumber: 3, startColumn: 4, endLineNumber: 3, endColumn: 18 })
  })
})

describe('objectAt', () => {
  const objects = [
    { id: 'List', range: range('a.yaml', 1, 1, 30, 1) },
    { id: 'Pod/default/a', range: range('a.yaml', 2, 1, 10, 1) },
    { id: 'Service/default/s', range: range('a.yaml', 12, 1, 20, 1) },
    { id: 'Pod/default/b', range: range('b.yaml', 2, 1, 10, 1) },
  ]
  it.each([
    [5, 'Pod/default/a'],
    [2, 'Pod/default/a'],
    [10, 'List'], // line 10 is past Pod a's last line (its range ends at column 1 of line 10)
    [12, 'Service/default/s'],
    [25, 'List'],
  ])('line %i of a.yaml is in %s', (line, id) => {
    expect(objectAt(objects, 'a.yaml', line)?.id).toBe(id)
  })
  it('finds nothing outside every object', () => {
    expect(objectAt(objects, 'b.yaml', 11)).toBeUndefined()
  })
})
