/**
 * Parse + validate at scale: one 5 MB document and 50,000 tiny objects (brief: neither may hang).
 * Run: npx tsx bench/manifest-parse.ts   → prints JSON with wall milliseconds per case.
 */
import { performance } from 'node:perf_hooks'
import { parseManifests } from '../src/engine/manifest/parse'

function bigDocument(targetBytes: number): string {
  // One ConfigMap whose data holds many entries: one document of ~targetBytes
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:']
  let size = 0
  for (let i = 0; size < targetBytes; i++) {
    const line = `  key-${i}: "${'x'.repeat(80)}"`
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n') + '\n'
}

function tinyObjects(n: number): string {
  const docs: string[] = []
  for (let i = 0; i < n; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}}\ndata: {k: v}\n`)
  return docs.join('---\n')
}

function tinyList(n: number): string {
  const items: string[] = []
  for (let i = 0; i < n; i++) items.push(`- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-${i}}, data: {k: v}}`)
  return `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`
}

function measure(name: string, text: string) {
  const t0 = performance.now()
  const r = parseManifests([{ path: `${name}.yaml`, text }])
  const ms = performance.now() - t0
  return { name, bytes: text.length, objects: r.objects.length, diagnostics: r.diagnostics.length, ms: Math.round(ms) }
}

const results = [
  measure('document-5mb', bigDocument(5 * 1024 * 1024)),
  measure('objects-50000', tinyObjects(50_000)),
  measure('list-50000', tinyList(50_000)),
]
console.log(JSON.stringify(results, null, 2))
