/**
 * A multi-document YAML file cut at its document start markers, so an edit re-parses only the documents it touched.
 * YAML 1.2 §9.1.4 (c-forbidden): a line that begins with `---` or `...` followed by a space, a tab or the line's end
 * cannot be content, not even inside a block or quoted scalar, so a `---` line always starts a new document and the
 * documents between two of them parse alone exactly as they do in the stream. Directives (`%YAML`, `%TAG`) carry over
 * from one document to the next, so a file with a line beginning with `%` is not cut at all.
 */
export interface Chunk {
  text: string
  /** 1-based line of the chunk's first line in the file. */
  startLine: number
}

const DOCUMENT_START = /^---(?:[ \t\r]|$)/

/** The file's documents, each from its `---` line to the next one; undefined when the file must be parsed whole. */
export function splitDocuments(text: string): Chunk[] | undefined {
  const chunks: Chunk[] = []
  let chunkStart = 0
  let chunkLine = 1
  let line = 1
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\n', at)
    const next = end < 0 ? text.length : end + 1
    const c = text.charCodeAt(at)
    if (c === 37 /* % */) return undefined
    if (c === 45 /* - */ && at > chunkStart && DOCUMENT_START.test(text.slice(at, Math.min(end < 0 ? text.length : end, at + 4)))) {
      chunks.push({ text: text.slice(chunkStart, at), startLine: chunkLine })
      chunkStart = at
      chunkLine = line
    }
    at = next
    line++
  }
  chunks.push({ text: text.slice(chunkStart), startLine: chunkLine })
  return chunks
}
