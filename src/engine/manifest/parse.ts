import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Node as YamlNode, type Tags } from 'yaml'
import { diagnostic, type Diagnostic, type SourceRange } from '../core/diagnostic'
import { objectId } from '../core/ids'
import { isClusterScoped, isKnownKind } from './kinds'
import { splitDocuments } from './chunks'
import { parseFastDocument } from './fastyaml'
import { inputLimitDiagnostics } from './limits'
import { syntaxErrorStart } from './syntax'
import { isPlainObject } from './plain'
import type { ManifestObject, ParseResult, SourceFile } from './types'
import { sourceReader, validateObject, validateObjects } from './validate'

export { isPlainObject }

/**
 * kubectl reads YAML with sigs.k8s.io/yaml, i.e. go-yaml v2: YAML 1.1 scalars, so `yes`/`no`/`on`/`off`/`y`/`n`
 * are booleans (`ingress: yes` in a nodeSelector is refused as a bool), `0755` is octal and `1_000` an integer. go-yaml
 * v2 has no sexagesimal numbers (`12:30` stays a string) and its timestamps reach JSON as strings, so those two
 * YAML 1.1 tags are left out.
 */
const goYamlTags = (tags: Tags): Tags => tags.filter((t) => {
  const tag = t as { tag?: string; format?: string }
  return tag.format !== 'TIME' && tag.tag !== 'tag:yaml.org,2002:timestamp'
})

/**
 * Syntax errors listed per file. yaml reports every follow-on error of a broken document (one bad indent gives a
 * dozen "Unexpected scalar" entries); go-yaml, which kubectl uses, stops at the first. So each document gives its
 * first error only, a file lists at most this many broken documents, and one more entry counts the rest.
 */
const MAX_SYNTAX_ERRORS_PER_FILE = 3

/** Billion-laughs guard: more alias expansions than this in one document is refused (yaml's own counter). */
const MAX_ALIAS_COUNT = 100

type Ranged = { range?: [number, number, number] | null }

/**
 * Multi-document YAML to manifest objects. Each document (and each item of a `kind: List`) becomes one object with
 * the range of every field; every problem is a diagnostic, and a broken document never hides the good ones.
 */
export function parseManifests(files: SourceFile[], cache?: ParseCache): ParseResult {
  const objects: ManifestObject[] = []
  const limits = inputLimitDiagnostics(files)
  if (limits.refuseAll) return { objects, diagnostics: limits.diagnostics }
  const diagnostics: Diagnostic[] = [...limits.diagnostics]
  // each cached object's own validation findings (validateObject), carried with it from its document's cache entry
  const validatedAlready = new Map<ManifestObject, Diagnostic[]>()
  for (const file of files) {
    if (limits.refusedFiles.has(file.path)) continue
    if (cache) parseFileCached(file, cache, objects, diagnostics, validatedAlready)
    else parseFile(file, objects, diagnostics)
  }
  if (cache) cache.endRound()
  const validated = validateObjects(objects, files, validatedAlready)
  return { objects: validated.objects, diagnostics: [...diagnostics, ...validated.diagnostics] }
}

/**
 * One document's parse, with lines counted from the document's own first line, and each object's findings from
 * validateObject (a function of the object and its own lines' text, so they move with the document).
 */
interface ChunkResult { objects: ManifestObject[]; diagnostics: Diagnostic[]; findings: Diagnostic[][] }

/**
 * The documents parsed by the previous parseManifests call, by file and text: the worker keeps one across edits, so
 * typing in one document of the 1000 × 10 scenario re-parses that document, not the 2,000 others. Only the documents
 * of the latest call are kept. The result is the same as without the cache (parse.cache.test.ts compares them).
 */
export interface ParseCache {
  lookup(key: string): ChunkResult | undefined
  store(key: string, result: ChunkResult): void
  endRound(): void
  readonly size: number
}

export function createParseCache(): ParseCache {
  let previous = new Map<string, ChunkResult>()
  let current = new Map<string, ChunkResult>()
  return {
    lookup(key) {
      const hit = current.get(key) ?? previous.get(key)
      if (hit) current.set(key, hit)
      return hit
    },
    store(key, result) { current.set(key, result) },
    endRound() { previous = current; current = new Map() },
    get size() { return previous.size },
  }
}

function parseFileCached(
  file: SourceFile, cache: ParseCache, objects: ManifestObject[], diagnostics: Diagnostic[],
  validatedAlready: Map<ManifestObject, Diagnostic[]>,
): void {
  const chunks = splitDocuments(file.text)
  if (!chunks) return parseText(file.path, file.text, objects, diagnostics)
  const results: [ChunkResult, number][] = []
  for (const chunk of chunks) {
    const key = `${file.path}\0${chunk.text}`
    let result = cache.lookup(key)
    if (!result) {
      result = { objects: [], diagnostics: [], findings: [] }
      const fast = parseFastChunk(file.path, chunk.text, 0, result.objects, result.diagnostics)
      if (!fast) parseText(file.path, chunk.text, result.objects, result.diagnostics)
      const source = sourceReader([{ path: file.path, text: chunk.text }])
      result.findings = result.objects.map((o) => validateObject(o, source))
      cache.store(key, result)
    }
    // A syntax error may be read differently with the rest of the stream around it (where an unclosed quote or
    // bracket ends): such a file is parsed whole, as without the cache.
    if (result.diagnostics.some((d) => d.code === 'yaml.syntax')) return parseText(file.path, file.text, objects, diagnostics)
    results.push([result, chunk.startLine - 1])
  }
  const shift = (d: Diagnostic, by: number): Diagnostic => (by === 0 || !d.range ? d : { ...d, range: shiftRange(d.range, by) })
  for (const [result, by] of results) {
    result.objects.forEach((o, i) => {
      const placed = by === 0 ? o : shiftObject(o, by)
      objects.push(placed)
      validatedAlready.set(placed, result.findings[i].map((d) => shift(d, by)))
    })
    for (const d of result.diagnostics) diagnostics.push(shift(d, by))
  }
}

/**
 * A file without the cache: each document through the fast reader (fastyaml.ts) when every one of them is in its
 * subset, else the whole file through `yaml`, exactly as before (a broken document is read with the stream around it).
 */
function parseFile(file: SourceFile, objects: ManifestObject[], diagnostics: Diagnostic[]): void {
  const chunks = splitDocuments(file.text)
  if (chunks) {
    const fastObjects: ManifestObject[] = []
    const fastDiagnostics: Diagnostic[] = []
    if (chunks.every((c) => parseFastChunk(file.path, c.text, c.startLine - 1, fastObjects, fastDiagnostics))) {
      for (const o of fastObjects) objects.push(o)
      for (const d of fastDiagnostics) diagnostics.push(d)
      return
    }
  }
  parseText(file.path, file.text, objects, diagnostics)
}

/** One YAML text through `yaml` only, as parseManifests read every file before the fast reader (tests compare). */
export function parseWithYaml(path: string, text: string): ParseResult {
  const out: ParseResult = { objects: [], diagnostics: [] }
  parseText(path, text, out.objects, out.diagnostics)
  return out
}

/** One document through the fast reader only; undefined when it is outside the subset (tests compare). */
export function parseWithFastReader(path: string, text: string): ParseResult | undefined {
  const out: ParseResult = { objects: [], diagnostics: [] }
  return parseFastChunk(path, text, 0, out.objects, out.diagnostics) ? out : undefined
}

/** yaml's options, shared by both readers: they decide how plain scalars resolve. */
const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, version: '1.1', customTags: goYamlTags } as const

/**
 * One document through the fast reader, its lines counted from `lineOffset` + 1: the objects parseText would give
 * (same data, same ranges), or false (nothing added) when the document is outside the reader's subset.
 */
function parseFastChunk(path: string, text: string, lineOffset: number, objects: ManifestObject[], diagnostics: Diagnostic[]): boolean {
  const doc = parseFastDocument(text, YAML_OPTIONS)
  if (!doc) return false
  const data = doc.data
  if (!data) return true
  // a kind: List is read item by item from yaml's tree
  if (data.kind === 'List' && Array.isArray(data.items)) return false
  const toRange = fastRanges(path, text, lineOffset)
  const fieldRanges: Record<string, SourceRange> = {}
  const { paths, starts, ends } = doc.fields
  for (let i = 0; i < paths.length; i++) fieldRanges[paths[i]] = toRange(starts[i], ends[i])
  addObject(data, toRange(doc.start, doc.end), fieldRanges, objects, diagnostics)
  return true
}

/** Offsets to SourceRanges as yaml's LineCounter counts them (a line starts at 0 and after every newline). */
function fastRanges(path: string, text: string, lineOffset: number): (start: number, end: number) => SourceRange {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  const lineOf = (offset: number) => {
    // the last line start at or before offset
    let lo = 0, hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  return (start, end) => {
    const a = lineOf(start)
    const e = Math.max(start, end)
    const b = lineOf(e)
    return { file: path, startLine: a + 1 + lineOffset, startCol: start - starts[a] + 1, endLine: b + 1 + lineOffset, endCol: e - starts[b] + 1 }
  }
}

function shiftRange(r: SourceRange, by: number): SourceRange {
  return { file: r.file, startLine: r.startLine + by, startCol: r.startCol, endLine: r.endLine + by, endCol: r.endCol }
}

function shiftObject(o: ManifestObject, by: number): ManifestObject {
  const fieldRanges: Record<string, SourceRange> = {}
  for (const k in o.fieldRanges) fieldRanges[k] = shiftRange(o.fieldRanges[k], by)
  return { ...o, range: shiftRange(o.range, by), fieldRanges }
}

function parseText(path: string, text: string, objects: ManifestObject[], diagnostics: Diagnostic[]): void {
  const lineCounter = new LineCounter()
  const toRange = (start: number, end: number): SourceRange => {
    const a = lineCounter.linePos(start)
    const b = lineCounter.linePos(Math.max(start, end))
    return { file: path, startLine: a.line, startCol: a.col, endLine: b.line, endCol: b.col }
  }
  let docs
  try {
    // uniqueKeys is checked by duplicateKeys() below: yaml's own check compares every key with every earlier one,
    // which is quadratic (a minute for one 30,000-key ConfigMap)
    docs = parseAllDocuments(text, { lineCounter, ...YAML_OPTIONS })
  } catch (e) {
    diagnostics.push(diagnostic('yaml.syntax', 'error', { detail: String((e as Error).message) }, toRange(0, 0)))
    return
  }
  const list = Array.isArray(docs) ? docs : [docs]
  let brokenDocuments = 0
  let firstUnlisted: SourceRange | undefined
  for (const doc of list) {
    if (doc.errors.length > 0) {
      // the document's first error by position: the cause; the others follow from it
      const err = doc.errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a))
      const at = toRange(syntaxErrorStart(doc, err), err.pos[1])
      brokenDocuments++
      if (brokenDocuments <= MAX_SYNTAX_ERRORS_PER_FILE) {
        diagnostics.push(diagnostic('yaml.syntax', 'error', { detail: firstLine(err.message), yamlCode: err.code }, at))
      } else {
        firstUnlisted ??= at
      }
      continue
    }
    for (const w of doc.warnings) {
      diagnostics.push(diagnostic('yaml.warning', 'warning', { detail: firstLine(w.message), yamlCode: w.code },
        toRange(w.pos[0], w.pos[1])))
    }
    const root = doc.contents as YamlNode | null
    if (!root || (isScalar(root) && (root.value === null || root.value === undefined))) continue
    const dupes = duplicateKeys(root)
    if (dupes.length > 0) {
      // yaml's DUPLICATE_KEY ("Map keys must be unique"); sigs.k8s.io/yaml refuses them too ("already defined")
      for (const [key, first] of dupes) {
        const r = rangeOf(key)
        const firstLine = lineCounter.linePos(rangeOf(first)[0]).line
        diagnostics.push(diagnostic('yaml.syntax', 'error',
          { detail: `Map keys must be unique: "${String((key as { value?: unknown }).value)}" is already defined at line ${firstLine}`, yamlCode: 'DUPLICATE_KEY' },
          toRange(r[0], r[1])))
      }
      continue
    }
    const docRange = toRange(rangeOf(root)[0], rangeOf(root)[1])
    let data: unknown
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (e) {
      // yaml's error does not say which alias blew up: point at the document's first alias, where the expansion starts
      let alias: YamlNode | undefined
      visit(doc, { Alias(_key, node) { alias = node; return visit.BREAK } })
      const at = alias ? toRange(rangeOf(alias)[0], rangeOf(alias)[1]) : docRange
      diagnostics.push(diagnostic('yaml.aliases', 'error', { detail: firstLine(String((e as Error).message)) }, at))
      continue
    }
    if (!isPlainObject(data) || !isMap(root)) {
      diagnostics.push(diagnostic('manifest.notObject', 'error', {}, docRange))
      continue
    }
    if (data.kind === 'List' && Array.isArray(data.items)) {
      const items = root.get('items', true)
      data.items.forEach((item, i) => {
        const node = isSeq(items) ? (items.items[i] as YamlNode | undefined) : undefined
        const itemRange = node ? toRange(rangeOf(node)[0], rangeOf(node)[1]) : docRange
        if (!isPlainObject(item)) {
          diagnostics.push(diagnostic('manifest.notObject', 'error', {}, itemRange))
          return
        }
        // Ranges collected from the item itself, so each item costs its own size (not the whole List's)
        const itemRanges: Record<string, SourceRange> = {}
        if (node) collectRanges(node, '', itemRanges, toRange)
        addObject(item, itemRange, itemRanges, objects, diagnostics)
      })
      continue
    }
    const fieldRanges: Record<string, SourceRange> = {}
    collectRanges(root, '', fieldRanges, toRange)
    addObject(data, docRange, fieldRanges, objects, diagnostics)
  }
  if (firstUnlisted) {
    diagnostics.push(diagnostic('yaml.moreErrors', 'error', { count: brokenDocuments - MAX_SYNTAX_ERRORS_PER_FILE }, firstUnlisted))
  }
}

function addObject(
  body: Record<string, unknown>,
  range: SourceRange,
  fieldRanges: Record<string, SourceRange>,
  objects: ManifestObject[],
  diagnostics: Diagnostic[],
): void {
  const at = (path: string) => fieldRanges[path] ?? range
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : ''
  const kind = typeof body.kind === 'string' ? body.kind : ''
  const metadata = isPlainObject(body.metadata) ? body.metadata : {}
  // A kube-proxy config file has no metadata; it is named after kubeadm's kube-system/kube-proxy ConfigMap
  const name = typeof metadata.name === 'string' ? metadata.name : kind === 'KubeProxyConfiguration' ? 'kube-proxy' : ''
  if (!apiVersion) diagnostics.push(diagnostic('manifest.missingField', 'error', { field: 'apiVersion' }, at('apiVersion')))
  if (!kind) diagnostics.push(diagnostic('manifest.missingField', 'error', { field: 'kind' }, at('kind')))
  if (!name) diagnostics.push(diagnostic('manifest.missingField', 'error', { field: 'metadata.name' }, at('metadata.name')))
  if (!apiVersion || !kind || !name) return
  const namespaced = !isClusterScoped(kind)
  const namespace = namespaced ? (typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : 'default') : ''
  const known = isKnownKind(apiVersion, kind)
  objects.push({
    id: objectId(kind, name, namespace || undefined),
    apiVersion,
    kind,
    name,
    namespace,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    body,
    range,
    fieldRanges,
    known,
  })
}

function collectRanges(
  node: YamlNode,
  path: string,
  out: Record<string, SourceRange>,
  toRange: (s: number, e: number) => SourceRange,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const key = pair.key as YamlNode | null
      const keyText = isScalar(key) ? String(key.value) : key ? String(key) : ''
      const child = path ? `${path}.${keyText}` : keyText
      const start = key ? rangeOf(key)[0] : 0
      const value = pair.value as YamlNode | null
      const end = value ? rangeOf(value)[1] : key ? rangeOf(key)[1] : start
      out[child] = toRange(start, end)
      if (value) collectRanges(value, child, out, toRange)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = path ? `${path}.${i}` : String(i)
      const r = rangeOf(item as YamlNode)
      out[child] = toRange(r[0], r[1])
      collectRanges(item as YamlNode, child, out, toRange)
    })
  }
}

/** Keys repeated within one mapping, with the key they repeat: one pass with a Set per mapping. */
function duplicateKeys(root: YamlNode): [YamlNode, YamlNode][] {
  const out: [YamlNode, YamlNode][] = []
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isMap(node)) {
      const seen = node.items.length > 1 ? new Map<unknown, YamlNode>() : undefined
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null
        if (seen && isScalar(key)) {
          const first = seen.get(key.value)
          if (first) out.push([key, first])
          else seen.set(key.value, key)
        }
        stack.push(pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item)
    }
  }
  return out
}

function rangeOf(node: YamlNode | null | undefined): [number, number] {
  const r = (node as Ranged | null | undefined)?.range
  return r ? [r[0], r[1]] : [0, 0]
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isPlainObject(v)) return out
  for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = String(x)
  return out
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
}
