import { visit, type Document, type YAMLError } from 'yaml'

type Ranged = { range?: [number, number, number] | null; flow?: boolean; type?: string }

/**
 * Where a syntax error's cause starts. For an unclosed flow collection (`[`/`{`) or quoted scalar the yaml package
 * reports the place it gave up (the next line, or the end of the document), far from the mistake; go-yaml names the
 * line too, but the user typed the bracket or quote: start the range there, at the innermost such construct that
 * opens before the error and is still open at it. Any other error starts where yaml reports it.
 */
export function syntaxErrorStart(doc: Document.Parsed, err: YAMLError): number {
  const at = err.pos[0]
  const flow = /^Flow (sequence|map)\b/.test(err.message)
  const quote = err.code === 'MISSING_CHAR' && /closing .?quote/.test(err.message)
  if (!flow && !quote) return at
  let start = at
  visit(doc, (_key, node) => {
    // a pair's missing key or value is visited as null
    const n = node as Ranged | null
    if (!n?.range || n.range[0] >= at) return
    const open = flow ? n.flow === true && n.range[2] >= at : n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE'
    // the visit goes in document order, outer before inner: the last match is the innermost, latest construct
    if (open) start = n.range[0]
  })
  return start
}
