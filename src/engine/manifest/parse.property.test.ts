import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import type { Diagnostic } from '../core/diagnostic'
import { catalog } from '../i18n/catalog'
import { gallery } from '../../scenarios/gallery.generated'
import { parseManifests } from './parse'
import type { SourceFile } from './types'

/**
 * Invariants of parseManifests on any input: it never throws, and every diagnostic is well formed (a catalogued code,
 * a severity, string params, a range inside the file it names). About 200 cases by default; FUZZ_RUNS raises it
 * (`FUZZ_RUNS=10000 npx vitest run src/engine/manifest/parse.property.test.ts`).
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 70
/** Long runs are asked for on purpose; only the default run must stay quick. */
const TIMEOUT = 10_000 + RUNS * 20

function wellFormed(files: SourceFile[], diagnostics: Diagnostic[]): void {
  const lineCounts = new Map(files.map((f) => [f.path, f.text.split('\n').length]))
  for (const d of diagnostics) {
    expect(catalog[d.code], d.code).toBeDefined()
    expect(['error', 'warning', 'info']).toContain(d.severity)
    for (const v of Object.values(d.params)) expect(typeof v).toBe('string')
    if (!d.range) continue
    const lines = lineCounts.get(d.range.file)
    expect(lines, `${d.code} names file ${d.range.file}`).toBeDefined()
    const { startLine, startCol, endLine, endCol } = d.range
    expect(startLine).toBeGreaterThanOrEqual(1)
    expect(startCol).toBeGreaterThanOrEqual(1)
    expect(endLine).toBeGreaterThanOrEqual(startLine)
    expect(endLine).toBeLessThanOrEqual(lines!)
    if (endLine === startLine) expect(endCol).toBeGreaterThanOrEqual(startCol)
  }
}

function check(files: SourceFile[]): void {
  const { objects, diagnostics } = parseManifests(files)
  wellFormed(files, diagnostics)
  for (const o of objects) expect(o.range.startLine).toBeGreaterThanOrEqual(1)
}

const yamlChar = fc.constantFrom(...'abc:-  \n\n[]{},"\'#&*!|>.019?%@`\t'.split(''), 'apiVersion: v1\n', 'kind: Pod\n', '---\n', 'metadata:\n  name: x\n')

type Mutation = { op: 'delChar' | 'dupChar' | 'insChar' | 'delLine' | 'dupLine' | 'insLine'; at: number; text: string }

function mutate(text: string, mutations: Mutation[]): string {
  let s = text
  for (const m of mutations) {
    if (m.op.endsWith('Char')) {
      const i = s.length === 0 ? 0 : m.at % s.length
      if (m.op === 'delChar') s = s.slice(0, i) + s.slice(i + 1)
      else if (m.op === 'dupChar') s = s.slice(0, i) + s.charAt(i) + s.slice(i)
      else s = s.slice(0, i) + m.text + s.slice(i)
    } else {
      const lines = s.split('\n')
      const i = m.at % lines.length
      if (m.op === 'delLine') lines.splice(i, 1)
      else if (m.op === 'dupLine') lines.splice(i, 0, lines[i])
      else lines.splice(i, 0, m.text)
      s = lines.join('\n')
    }
  }
  return s
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delChar', 'dupChar', 'insChar', 'delLine', 'dupLine', 'insLine'),
  at: fc.nat(),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('  - ', ': ', '"', '8.0', 'port: "80"', '- name:', '  ', '{', '&a', '*a')),
})

const KINDS: [string, string][] = [
  ['v1', 'Pod'], ['v1', 'Service'], ['v1', 'Node'], ['v1', 'Namespace'], ['v1', 'Endpoints'], ['v1', 'ConfigMap'],
  ['v1', 'Secret'], ['apps/v1', 'Deployment'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'],
  ['apps/v1', 'ReplicaSet'], ['discovery.k8s.io/v1', 'EndpointSlice'], ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'IngressClass'], ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['metallb.io/v1beta1', 'IPAddressPool'], ['metallb.io/v1beta1', 'L2Advertisement'],
  ['metallb.io/v1beta1', 'BGPAdvertisement'], ['metallb.io/v1beta2', 'BGPPeer'],
  ['kubeproxy.config.k8s.io/v1alpha1', 'KubeProxyConfiguration'], ['kube-hops.dev/v1alpha1', 'Cluster'],
  ['v1', 'List'], ['extensions/v1beta1', 'Ingress'], ['batch/v1', 'Job'],
]

// JSON-ish values whose keys are the field names the tables describe, so the walker meets wrong types everywhere
const fieldName = fc.constantFrom('spec', 'metadata', 'name', 'labels', 'ports', 'port', 'targetPort', 'nodePort',
  'containers', 'containerPort', 'selector', 'matchLabels', 'template', 'replicas', 'type', 'protocol', 'nodes', 'ip',
  'clients', 'hosts', 'addresses', 'rules', 'http', 'paths', 'backend', 'service', 'number', 'items', 'env', 'value',
  'podCIDR', 'clusterIP', 'ipFamilies', 'endpoints', 'subsets', 'data', 'status', 'x')
const { json } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true }), fc.string({ maxLength: 8 }),
    fc.constantFrom('80', 'TCP', 'None', '10.0.0.1', 'fd00::1', '10.244.0.0/16', 'a-b', 'http'),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(fieldName, tie('json'), { maxKeys: 5 })),
}))
const manifestObject = fc.record({
  kind: fc.constantFrom(...KINDS),
  name: fc.oneof(fc.constantFrom('web', 'Bad_Name', '', 'a.b'), fc.string({ maxLength: 6 })),
  body: fc.dictionary(fieldName, json, { maxKeys: 5 }),
}).map(({ kind, name, body }) => ({ ...body, apiVersion: kind[0], kind: kind[1], metadata: { name, ...(typeof body.metadata === 'object' ? body.metadata : {}) } }))

const galleryFiles = gallery.flatMap((s) => s.files)

describe('parseManifests never throws and reports well-formed diagnostics', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: yamlChar, maxLength: 200 }), (text) => check([{ path: 'r.yaml', text }])), { numRuns: RUNS })
  }, TIMEOUT)

  it('on mutations of the gallery YAML', () => {
    fc.assert(fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), (pick, muts) => {
      const file = galleryFiles[pick % galleryFiles.length]
      check([{ path: file.path, text: mutate(file.text, muts) }])
    }), { numRuns: RUNS })
  }, TIMEOUT)

  it('on random JSON-ish objects serialized as YAML', () => {
    fc.assert(fc.property(fc.array(manifestObject, { minLength: 1, maxLength: 4 }), (docs) => {
      const text = docs.map((d) => stringify(d)).join('---\n')
      check([{ path: 'o.yaml', text }])
      // Determinism: the same text gives the same objects and findings
      const a = parseManifests([{ path: 'o.yaml', text }]), b = parseManifests([{ path: 'o.yaml', text }])
      expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    }), { numRuns: RUNS })
  }, TIMEOUT)
})
