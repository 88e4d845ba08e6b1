import { diagnostic, type Diagnostic, type Severity, type SourceRange } from '../core/diagnostic'
import type { ManifestObject } from '../manifest/types'
import type { ObjectRef } from './types'

/**
 * What every step of the cluster build shares: the findings so far. Findings point at the most precise line the
 * user wrote: the field itself, else its nearest written parent, else the whole object.
 */
export interface BuildContext {
  diagnostics: Diagnostic[]
}

export function createContext(): BuildContext {
  return { diagnostics: [] }
}

/** The range of a dotted field path, falling back to the closest written parent, then the object. */
export function fieldRange(obj: ManifestObject, path: string): SourceRange {
  let p = path
  while (p) {
    const r = obj.fieldRanges[p]
    if (r) return r
    const cut = p.lastIndexOf('.')
    p = cut < 0 ? '' : p.slice(0, cut)
  }
  return obj.range
}

export function report(
  ctx: BuildContext,
  code: string,
  severity: Severity,
  params: Record<string, string | number>,
  obj?: ManifestObject,
  field?: string,
): void {
  const range = obj && obj.range.file !== '' ? (field ? fieldRange(obj, field) : obj.range) : undefined
  ctx.diagnostics.push(diagnostic(code, severity, params, range, obj?.id))
}

/** Where something came from; objects the playground made itself (range file '') have no range. */
export function refOf(obj: ManifestObject, field?: string): ObjectRef {
  if (obj.range.file === '') return { object: obj.id }
  return { object: obj.id, range: field ? fieldRange(obj, field) : obj.range }
}
