import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import type { SourceFile } from '../manifest/types'

/**
 * Small, local edits of YAML text through the `yaml` package's Document API: the node's own characters are
 * replaced (or a key inserted at the map's indentation), so comments, quoting and layout elsewhere stay as written and
 * the editor's undo sees one ordinary change. Where a local edit is not possible (a flow map such as
 * `labels: {app: x}` that needs a new key), the one document is re-rendered by the package.
 */

export interface Located {
  file: SourceFile
  /** The object's mapping (a document's root, or an item of a `kind: List`). */
  node: YAMLMap
  doc: Document.Parsed
  /** Index of the document in the file. */
  index: number
  /** True when the object is an item of a `kind: List`. */
  inList: boolean
}

export type Scalar = string | number | boolean

function docsOf(file: SourceFile): Document.Parsed[] {
  try {
    return parseAllDocuments(file.text) as Document.Parsed[]
  } catch {
    return []
  }
}

function str(n: unknown): string | undefined {
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined
}

function get(map: YAMLMap, ...path: string[]): unknown {
  return map.getIn(path, true)
}

/** The YAML mapping of an object, by kind, namespace ('' for cluster-scoped) and name, as kubectl names it. */
export function locate(files: SourceFile[], kind: string, namespace: string, name: string): Located | undefined {
  for (const file of files) {
    const docs = docsOf(file)
    for (let index = 0; index < docs.length; index++) {
      const doc = docs[index]
      if (doc.errors.length > 0 || !isMap(doc.contents)) continue
      const root = doc.contents
      const candidates: { node: YAMLMap; inList: boolean }[] = [{ node: root, inList: false }]
      const items = get(root, 'items')
      if (str(get(root, 'kind')) === 'List' && isSeq(items)) {
        for (const it of items.items) if (isMap(it)) candidates.push({ node: it, inList: true })
      }
      for (const c of candidates) {
        if (str(get(c.node, 'kind')) !== kind || str(get(c.node, 'metadata', 'name')) !== name) continue
        const ns = str(get(c.node, 'metadata', 'namespace')) ?? (namespace === '' ? '' : 'default')
        if (ns === namespace) return { file, node: c.node, doc, index, inList: c.inList }
      }
    }
  }
  return undefined
}

export function readString(at: Located, ...path: string[]): string | undefined {
  return str(get(at.node, ...path))
}

export function readNode(at: Located, ...path: (string | number)[]): unknown {
  return at.node.getIn(path, true)
}

/** A scalar as YAML text: strings double-quoted (JSON's escapes are YAML's), numbers and booleans plain. */
function render(value: Scalar): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end)
}

/** The file's text with `path` under the object set to `value` (created with its parents if missing). */
export function setIn(at: Located, path: (string | number)[], value: Scalar): string {
  const text = at.file.text
  let node: unknown = at.node
  for (let i = 0; i < path.length; i++) {
    const key = path[i]
    if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key]
      if (item === undefined) return rerender(at, path, value)
      if (i === path.length - 1) return isScalar(item) && item.range ? splice(text, item.range[0], item.range[1], render(value)) : rerender(at, path, value)
      node = item
      continue
    }
    if (!isMap(node)) return rerender(at, path, value)
    const pair = (node.items as Pair[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === key)
    if (!pair) return insertKey(at, node, path.slice(i) as string[], value)
    if (i === path.length - 1) {
      const v = pair.value
      if (isScalar(v) && v.range) return splice(text, v.range[0], v.range[1], render(value))
      return rerender(at, path, value)
    }
    node = pair.value
  }
  return rerender(at, path, value)
}

/** The file's text without the key at `path` (its whole line or lines); unchanged when it is absent. */
export function deleteIn(at: Located, path: string[]): string {
  const parent = at.node.getIn(path.slice(0, -1), true)
  if (!isMap(parent)) return at.file.text
  const pair = (parent.items as Pair[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === path[path.length - 1])
  if (!pair) return at.file.text
  const key = pair.key as Node
  const value = pair.value as Node | null
  if (parent.flow || !key.range) return rerenderDelete(at, path)
  if (parent.items.length === 1) {
    // the map would be empty: remove the parent key instead, so no `annotations:` with nothing under it remains
    return path.length > 1 ? deleteIn(at, path.slice(0, -1)) : rerenderDelete(at, path)
  }
  const text = at.file.text
  const start = lineStart(text, key.range[0])
  const endOfValue = value?.range ? value.range[2] : key.range[2]
  const nl = text.indexOf('\n', Math.max(endOfValue - 1, key.range[1]))
  const end = nl < 0 ? text.length : nl + 1
  return splice(text, start, Math.max(end, endOfValue), '')
}

/** Adds `path` (the first key missing from `map`) as a block entry at the map's indentation, after its last entry. */
function insertKey(at: Located, map: YAMLMap, path: string[], value: Scalar): string {
  const text = at.file.text
  const first = map.items[0] as Pair | undefined
  const firstKey = first?.key as Node | undefined
  if (map.flow || !firstKey?.range || !map.range) return rerender(at, pathTo(at, map, path), value)
  const indent = ' '.repeat(firstKey.range[0] - lineStart(text, firstKey.range[0]))
  let block = ''
  path.forEach((k, depth) => {
    const pad = indent + '  '.repeat(depth)
    block += depth === path.length - 1 ? `${pad}${k}: ${render(value)}\n` : `${pad}${k}:\n`
  })
  // after the last entry's value, at the start of the next line
  const last = map.items[map.items.length - 1] as Pair
  const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1]
  const nl = text.indexOf('\n', lastEnd - 1 < 0 ? 0 : lastEnd - 1)
  const insertAt = nl < 0 ? text.length : nl + 1
  const prefix = nl < 0 && !text.endsWith('\n') ? '\n' : ''
  return splice(text, insertAt, insertAt, prefix + block)
}

function pathTo(at: Located, map: YAMLMap, rest: string[]): (string | number)[] {
  // the full path of `map` inside the object, found by walking: only needed for the re-render fallback
  const walk = (node: unknown, acc: (string | number)[]): (string | number)[] | undefined => {
    if (node === map) return acc
    if (isMap(node)) {
      for (const p of node.items as Pair[]) {
        const k = isScalar(p.key) ? p.key.value : p.key
        const found = walk(p.value, [...acc, k as string])
        if (found) return found
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const found = walk(node.items[i], [...acc, i])
        if (found) return found
      }
    }
    return undefined
  }
  return [...(walk(at.node, []) ?? []), ...rest]
}

/** Fallback: the package edits the document and prints it again (this document's layout may change; others do not). */
function rerender(at: Located, path: (string | number)[], value: Scalar): string {
  at.node.setIn(path, value)
  return replaceDocument(at)
}

function rerenderDelete(at: Located, path: string[]): string {
  at.node.deleteIn(path)
  return replaceDocument(at)
}

function documentSpan(at: Located): [number, number] {
  const range = at.doc.range
  return [at.index === 0 ? 0 : range[0], range[2]]
}

function replaceDocument(at: Located): string {
  const [start, end] = documentSpan(at)
  return splice(at.file.text, start, end, at.doc.toString({ flowCollectionPadding: false, indentSeq: false }))
}

/** The file's text with the object's YAML document removed. */
export function deleteDocument(at: Located): string {
  const [start, end] = documentSpan(at)
  let text = splice(at.file.text, start, end, '')
  // a first document removed leaves the next one's `---` at the top: harmless, but not what a person would write
  if (at.index === 0) text = text.replace(/^---[ \t]*\n/, '')
  return text
}

/** Like setIn, for any JSON value: scalars edit in place; maps and lists re-render this document (kubectl patch). */
export function setValueIn(at: Located, path: (string | number)[], value: unknown): string {
  if (value === null || typeof value !== 'object') return setIn(at, path, value as Scalar)
  at.node.setIn(path, at.doc.createNode(value))
  return replaceDocument(at)
}

/** The files with one file's text replaced, or the file added when the scenario has none of that name. */
export function withFile(files: SourceFile[], path: string, text: string): SourceFile[] {
  return files.some((f) => f.path === path) ? files.map((f) => (f.path === path ? { path, text } : f)) : [...files, { path, text }]
}
