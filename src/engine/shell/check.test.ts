import { describe, expect, it } from 'vitest'
import { diagnostic } from '../core/diagnostic'
import { compileScenario } from '../scenario'
import { formatCheck } from './check'

const at = (file: string, line: number, col: number) => ({ file, startLine: line, startCol: col, endLine: line, endCol: col + 1 })

describe('check output', () => {
  it('prints PATH:LINE:COL: severity CODE: message, sorted, and exits 1 on an error', () => {
    const out = formatCheck([
      diagnostic('manifest.unknownKind', 'warning', { apiVersion: 'v1', kind: 'Gizmo' }, at('b.yaml', 3, 1)),
      diagnostic('yaml.syntax', 'error', { detail: 'bad' }, at('a.yaml', 7, 2)),
    ], 'en')
    expect(out.exitCode).toBe(1)
    expect(out.text.split('\n')[0]).toBe('a.yaml:7:2: error yaml.syntax: YAML syntax error: bad')
    expect(out.text.split('\n')[1]).toMatch(/^b\.yaml:3:1: warning manifest\.unknownKind: /)
  })

  it('exits 0 with warnings only, and names the object when there is no range', () => {
    const out = formatCheck([diagnostic('x.y', 'warning', {}, undefined, 'Service/default/web')], 'zh')
    expect(out).toEqual({ text: 'Service/default/web: warning x.y: x.y\n', exitCode: 0 })
  })

  it('finds a syntax error, a wrong type, an unknown kind and a selector that matches nothing', () => {
    const broken = [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  labels:', '    app: web', 'spec:', '  containers:',
      '  - name: web', '    image: nginx:1.27', '    ports:', '    - containerPort: "eighty"', '---',
      'apiVersion: v1', 'kind: Gizmo', 'metadata:', '  name: thing', '---',
      'apiVersion: v1', 'kind: Service', 'metadata:', '  name: lonely', 'spec:', '  selector:', '    app: nothing-has-this', '  ports:', '  - port: 80', '',
    ].join('\n')
    const syntax = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  key: [unclosed\n'
    const { diagnostics } = compileScenario([{ path: 'broken.yaml', text: broken }, { path: 'syntax.yaml', text: syntax }])
    const { text, exitCode } = formatCheck(diagnostics, 'en')
    expect(exitCode).toBe(1)
    const lines = text.trimEnd().split('\n')
    const expected = [
      /^broken\.yaml:12:\d+: error manifest\.type\.integer: /, // containerPort: "eighty"
      /^broken\.yaml:15:\d+: warning manifest\.unknownKind: /, // kind: Gizmo
      /^broken\.yaml:2[4-5]:\d+: warning cluster\.lint\.selectorMatchesNothing: /, // selector app: nothing-has-this
      /^syntax\.yaml:\d+:\d+: error yaml\.syntax: /,
    ]
    for (const re of expected) expect(lines.filter((l) => re.test(l))).toHaveLength(1)
    // Anything else may only be the API server's rejection of the Pod that carries the wrong type.
    const others = lines.filter((l) => !expected.some((re) => re.test(l)))
    expect(others.every((l) => /^broken\.yaml:\d+:\d+: error manifest\.rejected: The Pod "web" is invalid/.test(l))).toBe(true)
  })
})
