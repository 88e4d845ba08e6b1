import { describe, expect, it } from 'vitest'
import { toJson, toYaml } from './serialize'

describe('kubectl -o yaml (go-yaml v2 through sigs.k8s.io/yaml)', () => {
  it('sorts keys, keeps sequences at the mapping indentation, quotes strings that read as other types', () => {
    const obj = {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'mysql-pod', labels: { version: '8.0', app: 'mysql', on: 'yes', empty: '' }, creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { containers: [{ name: 'mysql', ports: [{ containerPort: 3306, protocol: 'TCP' }], env: [] }], securityContext: {} },
      status: { ready: true, startTime: null },
    }
    expect(toYaml(obj)).toBe([
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  creationTimestamp: "2026-01-01T00:00:00Z"',
      '  labels:',
      '    app: mysql',
      '    empty: ""',
      '    "on": "yes"',
      '    version: "8.0"',
      '  name: mysql-pod',
      'spec:',
      '  containers:',
      '  - env: []',
      '    name: mysql',
      '    ports:',
      '    - containerPort: 3306',
      '      protocol: TCP',
      '  securityContext: {}',
      'status:',
      '  ready: true',
      '  startTime: null',
      '',
    ].join('\n'))
  })

  it('writes multi-line strings as literal blocks', () => {
    expect(toYaml({ data: { 'nginx.conf': 'a\nb\n', x: 'a\nb' } })).toBe('data:\n  nginx.conf: |\n    a\n    b\n  x: |-\n    a\n    b\n')
  })

  it('quotes numbers-as-strings, colons and leading indicators, not ordinary text', () => {
    expect(toYaml({ a: '3306', b: 'http://x', c: 'a: b', d: '*', e: 'reg.westos.org/library/mysql:8.0', f: '-x', g: '0x1F', h: "it's # ok" }))
      .toBe("a: \"3306\"\nb: http://x\nc: 'a: b'\nd: '*'\ne: reg.westos.org/library/mysql:8.0\nf: -x\ng: \"0x1F\"\nh: 'it''s # ok'\n")
  })
})

describe('kubectl -o json', () => {
  it('indents with four spaces and sorts keys as json.MarshalIndent of a map does', () => {
    expect(toJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } }))
      .toBe('{\n    "a": {\n        "c": "x",\n        "d": [\n            1,\n            {\n                "y": null,\n                "z": true\n            }\n        ]\n    },\n    "b": 1\n}\n')
  })
})

describe('kubectl -o json escaping', () => {
  it('escapes HTML characters as Go does', () => {
    expect(toJson({ ip: '<none>', q: 'a&b' })).toBe('{\n    "ip": "\\u003cnone\\u003e",\n    "q": "a\\u0026b"\n}\n')
  })
})

describe('kubectl -o yaml line folding (go-yaml v2 best_width 80)', () => {
  it('breaks a long plain scalar at the first space past column 80, continuing at the value indentation', () => {
    // As `kubectl get crd -o yaml` prints the APIVersion description.
    const description = 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'
    const out = toYaml({ a: { b: { c: { d: { e: { f: { description } } } } } } })
    expect(out.split('\n').slice(6, 9)).toEqual([
      '            description: APIVersion defines the versioned schema of this representation',
      '              of an object. Servers should convert recognized schemas to the latest',
      '              internal value, and may reject unrecognized values.',
    ])
  })

  it('never breaks keys or runs of spaces; counts the key in the column', () => {
    const long = 'x'.repeat(90)
    expect(toYaml({ k: 'a b' })).toBe('k: a b\n')
    expect(toYaml({ k: `${long}  y` })).toBe(`k: ${long}  y\n`)
    // A value that starts past column 80 breaks at its first space, as write_plain does.
    expect(toYaml({ [long]: 'a b' })).toBe(`${long}: a\n  b\n`)
  })
})
