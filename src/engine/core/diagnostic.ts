/** Where a thing came from in the user's YAML. Lines and columns are 1-based, as editors show them. */
export interface SourceRange {
  file: string
  startLine: number
  startCol: number
  endLine: number
  endCol: number
}

export type Severity = 'error' | 'warning' | 'info'

/**
 * Every problem the engine finds is data, never a thrown error. The text comes from the catalogue
 * (src/engine/i18n) by `code`, filled with `params`, in the reader's language.
 */
export interface Diagnostic {
  code: string
  severity: Severity
  params: Record<string, string>
  range?: SourceRange
  /** The object the finding is about, when there is one (an ObjectId). */
  objectId?: string
}

export function diagnostic(
  code: string,
  severity: Severity,
  params: Record<string, string | number> = {},
  range?: SourceRange,
  objectId?: string,
): Diagnostic {
  const p: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) p[k] = String(v)
  const d: Diagnostic = { code, severity, params: p }
  if (range) d.range = range
  if (objectId) d.objectId = objectId
  return d
}

/** Stable order for output: by file, line, column, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.range?.file ?? '', fb = b.range?.file ?? ''
  if (fa !== fb) return fa < fb ? -1 : 1
  const la = a.range?.startLine ?? 0, lb = b.range?.startLine ?? 0
  if (la !== lb) return la - lb
  const ca = a.range?.startCol ?? 0, cb = b.range?.startCol ?? 0
  if (ca !== cb) return ca - cb
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
}
