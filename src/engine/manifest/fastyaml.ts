import { Document, isScalar, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml'

/**
 * A reader for the plain subset of YAML that generated and hand-written manifests mostly are (block mappings and
 * sequences, one-line flow collections, one-line plain and quoted scalars, comment lines above the content and
 * comments after a value), giving exactly what the `yaml` library gives for them: the same JS data (`doc.toJS()`),
 * the same node ranges, so the same ManifestObjects. It answers `undefined` for anything outside the subset or
 * anything it is not sure of (other comment lines, anchors, tags, block and multi-line scalars, escapes, tabs, CR,
 * odd indentation, duplicate keys, every syntax error), and the caller then
 * parses the document with `yaml` as before. It exists for speed: `yaml` builds a CST, then a document tree, then the
 * data, about 0.4 s for the 1000 × 10 scenario; this reads the text once. fastyaml.test.ts compares the two on
 * generated documents and on every gallery scenario.
 */

/**
 * Every field's and item's place, the key's start and the value's end as offsets in the document text, in the order
 * parse.ts's collectRanges assigns them (pre-order; a later path equal to an earlier one overwrites it there too).
 */
export interface FieldOffsets { paths: string[]; starts: number[]; ends: number[] }

export interface FastDocument {
  /** The root mapping's data; undefined for a document with no content. */
  data?: Record<string, unknown>
  /** The root mapping's range[0] and range[1] in yaml's terms. */
  start: number
  end: number
  /** Every field and item, in the order parse.ts's collectRanges visits them. */
  fields: FieldOffsets
}

interface ScalarTag { default?: boolean | 'key'; test?: RegExp; resolve: (s: string, onError: (m: string) => void, o: unknown) => unknown }

/** The scalar tags and options `yaml` composes with for the options parse.ts passes, taken from `yaml` itself. */
interface Resolver {
  tags: ScalarTag[]
  options: unknown
  // a plain scalar's value depends only on its text (and these options): each distinct text resolved once (bounded)
  values: Map<string, unknown>
  keys: Map<string, boolean>
}
let resolverFor: { key: unknown; resolver: Resolver } | undefined

function resolverOf(options: DocumentOptions & SchemaOptions & ParseOptions): Resolver {
  if (resolverFor && resolverFor.key === options) return resolverFor.resolver
  const doc = new Document(undefined, options)
  const tags = (doc.schema.tags as unknown as (ScalarTag & { collection?: string })[]).filter((t) => !t.collection)
  const resolver: Resolver = { tags, options: doc.options, values: new Map(), keys: new Map() }
  resolverFor = { key: options, resolver }
  return resolver
}

const NOT_SIMPLE = Symbol('not simple')

function resolvePlain(r: Resolver, text: string, atKey: boolean): unknown {
  if (atKey) {
    // a key must stay a string: any tag (bool `y`, int `1`, null `~`, merge `<<`) sends the document to `yaml`
    let plain = r.keys.get(text)
    if (plain === undefined) {
      plain = !r.tags.some((tag) => (tag.default === true || tag.default === 'key') && tag.test?.test(text))
      if (r.keys.size > 20_000) r.keys.clear()
      r.keys.set(text, plain)
    }
    return plain ? text : NOT_SIMPLE
  }
  const known = r.values.get(text)
  if (known !== undefined || r.values.has(text)) return known
  // compose-scalar.js findScalarTagByTest: the first default tag whose test matches, else the string
  const tag = r.tags.find((t) => t.default === true && t.test?.test(text))
  let value: unknown = text
  if (tag) {
    let failed = false
    value = tag.resolve(text, () => { failed = true }, r.options)
    // YAML 1.1's booleans come back as Scalar nodes; toJS reads their value
    if (isScalar(value)) value = value.value
    if (failed || (typeof value === 'object' && value !== null) || typeof value === 'bigint') return NOT_SIMPLE
  }
  if (r.values.size > 20_000) r.values.clear()
  r.values.set(text, value)
  return value
}

const SPACE = 32, NL = 10, HASH = 35

/** Characters a plain scalar may start with here (YAML's indicators and anything unusual are left to `yaml`). */
function plainStart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 46 /* . */ ||
    c === 47 /* / */ || c === 43 /* + */ || c === 126 /* ~ */ || c === 36 /* $ */ || c === 40 /* ( */ || c === 61 /* = */ ||
    c === 94 /* ^ */ || c === 59 /* ; */ || c === 60 /* < */ || c >= 0xa0
}

/** Characters a plain key may hold (Kubernetes keys: letters, digits, `-`, `_`, `.`, `/`). */
function keyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 47 || c === 45
}

/** Characters allowed anywhere in the subset: printable ASCII, newline, and Unicode letters (no C1 controls, no BOM or separators). */
const NOT_PLAIN_TEXT = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\uffff]/
function textIsPlain(text: string): boolean {
  return !NOT_PLAIN_TEXT.test(text)
}

// The characters a scan of a plain scalar stops at; the regex engine skips the others (the scans run over every
// scalar of the text, and in a worker's first compile before the JIT has optimised them)
const FLOW_PLAIN_STOP = /[,\]}\n[{:#]/g
const BLOCK_PLAIN_STOP = /[:#[\]{}\n]/g

interface Node { value: unknown; start: number; end: number }
/** A block node: its range, where its last line ends (yaml's range[2]), and the start of the next content line. */
interface BlockNode extends Node { end2: number; next: number }

class NotSimple extends Error {}
const notSimple = new NotSimple()

/**
 * The document in `text` (one document: parse.ts cuts files at `---` lines), or undefined when it is outside the
 * subset. `options` are the ones parse.ts gives `yaml` (version and custom tags decide how plain scalars resolve).
 */
export function parseFastDocument(text: string, options: DocumentOptions & SchemaOptions & ParseOptions): FastDocument | undefined {
  if (!textIsPlain(text)) return undefined
  const r = resolverOf(options)
  const len = text.length
  const fields: FieldOffsets = { paths: [], starts: [], ends: [] }
  /** A field's slot, taken before its value is read (pre-order), filled after. */
  const slot = (path: string) => { fields.starts.push(0); fields.ends.push(0); return fields.paths.push(path) - 1 }
  const fill = (at: number, start: number, end: number) => { fields.starts[at] = start; fields.ends[at] = end }

  const fail = (): never => { throw notSimple }
  const lineEnd = (i: number) => { const e = text.indexOf('\n', i); return e < 0 ? len : e }
  const indentOf = (lineStart: number) => { let i = lineStart; while (i < len && text.charCodeAt(i) === SPACE) i++; return i - lineStart }

  /** The start of the next line with content at or after `lineStart` (blank lines skipped), or len. */
  const nextContent = (lineStart: number): number => {
    let at = lineStart
    while (at < len) {
      let i = at
      while (i < len && text.charCodeAt(i) === SPACE) i++
      if (i >= len) return len
      if (text.charCodeAt(i) !== NL) {
        // comment lines among the content, and document markers, are yaml's
        if (text.charCodeAt(i) === 35 /* # */) fail()
        if (i === at && (text.startsWith('---', i) || text.startsWith('...', i))) fail()
        return at
      }
      at = i + 1
    }
    return len
  }

  /**
   * Comment lines before the document's content (a lab's heading). Elsewhere a comment line is yaml's: it may
   * lengthen the range of the node above it (range[2] of a deeper-indented value's last line), which the reader
   * does not model.
   */
  const skipComments = (lineStart: number): number => {
    let at = lineStart
    while (at < len) {
      const i = skipSpaces(at)
      if (i < len && text.charCodeAt(i) === HASH) at = lineEnd(i) + 1
      else if (i < len && text.charCodeAt(i) === NL) at = i + 1
      else return at
    }
    return len
  }

  const isSeqIndicator = (i: number) => text.charCodeAt(i) === 45 /* - */ && (i + 1 >= len || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === NL)

  /** A quoted scalar on one line (no escapes): value and end. */
  const quoted = (i: number): Node => {
    const q = text.charCodeAt(i)
    let out = ''
    let from = i + 1
    for (let j = i + 1; j < len; j++) {
      const c = text.charCodeAt(j)
      if (c === NL || c === 92 /* \ */) fail()
      if (c === q) {
        if (q === 39 && text.charCodeAt(j + 1) === 39) { out += text.slice(from, j + 1); from = j + 2; j++; continue }
        return { value: out + text.slice(from, j), start: i, end: j + 1 }
      }
    }
    return fail()
  }

  /** A plain key at `i` followed by `:` and a space or the line's end, or undefined when the line is not a key. */
  const keyAt = (i: number): { key: string; start: number; end: number; after: number } | undefined => {
    const c = text.charCodeAt(i)
    if (c === 34 || c === 39) {
      const q = quoted(i)
      if (text.charCodeAt(q.end) !== 58 /* : */) return undefined
      const n = text.charCodeAt(q.end + 1)
      if (q.end + 1 < len && n !== SPACE && n !== NL) fail()
      return { key: q.value as string, start: i, end: q.end, after: q.end + 1 }
    }
    if (!keyChar(c) || c === 45) return undefined
    let j = i
    while (j < len && keyChar(text.charCodeAt(j))) j++
    if (text.charCodeAt(j) !== 58) return undefined
    const n = text.charCodeAt(j + 1)
    if (j + 1 < len && n !== SPACE && n !== NL) return undefined
    const key = text.slice(i, j)
    if (j - i > 1000 || resolvePlain(r, key, true) === NOT_SIMPLE) fail()
    return { key, start: i, end: j, after: j + 1 }
  }

  const checkKey = (obj: Record<string, unknown>, key: string) => {
    // duplicates are reported by parse.ts from yaml's tree; __proto__ is defined, not assigned, by yaml's toJS
    if (key === '__proto__' || key === '<<' || Object.prototype.hasOwnProperty.call(obj, key)) fail()
  }

  // ---- flow collections, on one line

  const skipSpaces = (i: number) => { while (i < len && text.charCodeAt(i) === SPACE) i++; return i }

  /** A plain scalar inside a flow collection: ends at `,` `]` `}` or at `: `. */
  const flowPlain = (i: number): Node => {
    if (!plainStart(text.charCodeAt(i)) && !(text.charCodeAt(i) === 45 && plainStart(text.charCodeAt(i + 1)))) fail()
    let j = i
    for (;;) {
      FLOW_PLAIN_STOP.lastIndex = j
      const m = FLOW_PLAIN_STOP.exec(text)
      if (!m) { j = len; break }
      j = m.index
      const c = text.charCodeAt(j)
      if (c === 44 || c === 93 || c === 125) break
      if (c === NL || c === 91 || c === 123) fail()
      if (c === 58) {
        const n = text.charCodeAt(j + 1)
        if (n === SPACE) break
        if (j + 1 >= len || n === NL || n === 44 || n === 91 || n === 93 || n === 123 || n === 125) fail()
      }
      if (c === 35 && text.charCodeAt(j - 1) === SPACE) fail()
      j++
    }
    let end = j
    while (end > i && text.charCodeAt(end - 1) === SPACE) end--
    const value = resolvePlain(r, text.slice(i, end), false)
    if (value === NOT_SIMPLE) fail()
    return { value, start: i, end }
  }

  const flowNode = (i: number, path: string): Node => {
    const c = text.charCodeAt(i)
    if (c === 123) return flowMap(i, path)
    if (c === 91) return flowSeq(i, path)
    if (c === 34 || c === 39) return quoted(i)
    return flowPlain(i)
  }

  function flowMap(open: number, path: string): Node {
    const obj: Record<string, unknown> = {}
    let i = skipSpaces(open + 1)
    if (text.charCodeAt(i) === 125) return { value: obj, start: open, end: i + 1 }
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === 123 || c === 91) fail()
      const key = c === 34 || c === 39 ? quoted(i) : flowPlain(i)
      if (typeof key.value !== 'string' || (c !== 34 && c !== 39 && resolvePlain(r, key.value, true) === NOT_SIMPLE)) fail()
      if (text.charCodeAt(key.end) !== 58 || text.charCodeAt(key.end + 1) !== SPACE) fail()
      const name = key.value as string
      checkKey(obj, name)
      const child = path ? `${path}.${name}` : name
      const at = slot(child)
      const v = skipSpaces(key.end + 2)
      const vc = text.charCodeAt(v)
      if (v >= len || vc === 44 || vc === 125 || vc === 93 || vc === NL) fail()
      const value = flowNode(v, child)
      obj[name] = value.value
      fill(at, key.start, value.end)
      i = skipSpaces(value.end)
      const sep = text.charCodeAt(i)
      if (sep === 125) return { value: obj, start: open, end: i + 1 }
      if (sep !== 44) fail()
      i = skipSpaces(i + 1)
      if (text.charCodeAt(i) === 125) fail() // a trailing comma
    }
  }

  function flowSeq(open: number, path: string): Node {
    const arr: unknown[] = []
    let i = skipSpaces(open + 1)
    if (text.charCodeAt(i) === 93) return { value: arr, start: open, end: i + 1 }
    for (;;) {
      const child = path ? `${path}.${arr.length}` : String(arr.length)
      const at = slot(child)
      const item = flowNode(i, child)
      arr.push(item.value)
      fill(at, item.start, item.end)
      i = skipSpaces(item.end)
      const sep = text.charCodeAt(i)
      if (sep === 93) return { value: arr, start: open, end: i + 1 }
      if (sep !== 44) fail() // `:` here would be a single-pair mapping
      i = skipSpaces(i + 1)
      if (text.charCodeAt(i) === 93) fail()
    }
  }

  // ---- block nodes

  /** After a value that ends its line: only spaces may follow; the next content line must not be deeper than `n`. */
  const endOfLine = (node: Node, n: number): BlockNode => {
    let i = skipSpaces(node.end)
    if (i < len && text.charCodeAt(i) === HASH) {
      // a comment after the value, to the line's end (yaml's range[2] of the value ends after it, as after spaces)
      if (i === node.end) fail() // a comment must follow white space
      i = lineEnd(i)
    }
    if (i < len && text.charCodeAt(i) !== NL) fail()
    const end2 = i < len ? i + 1 : len
    const next = nextContent(end2)
    if (next < len && indentOf(next) > n) fail() // a continuation line (multi-line scalar) or an error
    return { value: node.value, start: node.start, end: node.end, end2, next }
  }

  /** A block value starting at `i` (just after `key:` or `- `) of a node whose own indentation is `n`. */
  function blockValue(i: number, n: number, path: string, inMap: boolean): BlockNode {
    const q = skipSpaces(i)
    const c = q < len ? text.charCodeAt(q) : NL
    if (c === NL) {
      // nothing on this line: a nested block node below, a sequence at the key's own column, or null
      const next = nextContent(q < len ? q + 1 : len)
      if (next < len) {
        const m = indentOf(next)
        if (m > n) return blockNodeAt(next + m, m, path)
        if (m === n && inMap && isSeqIndicator(next + m)) return blockSeq(next + m, m, path)
      }
      return { value: null, start: q, end: q, end2: q, next }
    }
    if (c === 123 || c === 91) return endOfLine(flowNode(q, path), n)
    if (c === 34 || c === 39) return endOfLine(quoted(q), n)
    if (!plainStart(c) && !(c === 45 && q + 1 < len && plainStart(text.charCodeAt(q + 1)))) fail()
    let e = lineEnd(q)
    for (BLOCK_PLAIN_STOP.lastIndex = q; ;) {
      const m = BLOCK_PLAIN_STOP.exec(text)
      if (!m || m.index >= e) break
      const j = m.index
      const x = text.charCodeAt(j)
      if (x === 58 && (j + 1 === e || text.charCodeAt(j + 1) === SPACE)) fail() // a nested mapping on one line: an error
      if (x === 35 && text.charCodeAt(j - 1) === SPACE) { e = j; break } // a comment ends the scalar
      if (x === 91 || x === 93 || x === 123 || x === 125) fail()
    }
    let end = e
    while (end > q && text.charCodeAt(end - 1) === SPACE) end--
    const value = resolvePlain(r, text.slice(q, end), false)
    if (value === NOT_SIMPLE) fail()
    return endOfLine({ value, start: q, end }, n)
  }

  /** A block node whose first line starts at `i`, indented `m`. */
  function blockNodeAt(i: number, m: number, path: string): BlockNode {
    if (isSeqIndicator(i)) return blockSeq(i, m, path)
    if (keyAt(i)) return blockMap(i, m, path)
    return fail()
  }

  function blockMap(first: number, n: number, path: string): BlockNode {
    const obj: Record<string, unknown> = {}
    let at = first
    let last: BlockNode
    for (;;) {
      const key = keyAt(at) ?? fail()
      checkKey(obj, key.key)
      const child = path ? `${path}.${key.key}` : key.key
      const field = slot(child)
      last = blockValue(key.after, n, child, true)
      obj[key.key] = last.value
      fill(field, key.start, last.end)
      if (last.next >= len) break
      const ind = indentOf(last.next)
      if (ind < n) break
      if (ind > n) fail()
      at = last.next + ind
      if (isSeqIndicator(at)) fail()
    }
    return { value: obj, start: first, end: last.end2, end2: last.end2, next: last.next }
  }

  function blockSeq(first: number, n: number, path: string): BlockNode {
    const arr: unknown[] = []
    let at = first
    let last: BlockNode
    for (;;) {
      const child = path ? `${path}.${arr.length}` : String(arr.length)
      const field = slot(child)
      const q = skipSpaces(at + 1)
      if (q < len && isSeqIndicator(q)) fail() // `- - a`
      if (q < len && q > at + 1 && keyAt(q)) {
        // `- name: web`: a mapping whose keys sit at the first key's column
        last = blockMap(q, q - (text.lastIndexOf('\n', q - 1) + 1), child)
      } else {
        last = blockValue(at + 1, n, child, false)
      }
      arr.push(last.value)
      fill(field, last.start, last.end)
      if (last.next >= len) break
      const ind = indentOf(last.next)
      if (ind < n) break
      if (ind > n) fail()
      if (!isSeqIndicator(last.next + ind)) break
      at = last.next + ind
    }
    return { value: arr, start: first, end: last.end2, end2: last.end2, next: last.next }
  }

  try {
    let at = 0
    // the `---` line a chunk starts with, alone on its line
    if (text.startsWith('---')) {
      const e = lineEnd(0)
      if (skipSpaces(3) !== e) return undefined
      at = e < len ? e + 1 : len
    }
    at = nextContent(skipComments(at))
    if (at >= len) return { start: 0, end: 0, fields }
    if (indentOf(at) !== 0 || !keyAt(at)) return undefined
    const root = blockMap(at, 0, '')
    if (root.next < len) return undefined
    return { data: root.value as Record<string, unknown>, start: root.start, end: root.end, fields }
  } catch (e) {
    if (e === notSimple) return undefined
    throw e
  }
}
