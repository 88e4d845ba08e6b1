import { diagnostic, type Diagnostic, type Severity, type SourceRange } from '../core/diagnostic'
import type { At, WalkContext } from './fields'
import { walk } from './fields'
import { kindSpec } from './kind-specs'
import { apiVersionsOf } from './kinds'
import type { ManifestObject, SourceFile } from './types'

export interface ValidationResult {
  /** The objects the API server would accept: invalid ones and second definitions are left out. */
  objects: ManifestObject[]
  diagnostics: Diagnostic[]
}

/**
 * Validates parsed objects as the API server would on `kubectl apply`: the kind must be served, the body must
 * decode into the kind's Go types, names and fields must pass the kind's validation, and no object may be defined
 * twice. An object with an error is rejected as a whole (as the API server rejects it) and left out of the result,
 * so later stages only see objects that would exist; warnings (unknown kinds, IPv6, NetworkPolicy) keep the object.
 */
export function validateObjects(objects: ManifestObject[], files: SourceFile[], validatedAlready?: Map<ManifestObject, Diagnostic[]>): ValidationResult {
  const source = sourceReader(files)
  const accepted: ManifestObject[] = []
  const diagnostics: Diagnostic[] = []
  const firstById = new Map<string, ManifestObject>()
  for (const o of objects) {
    const found = validatedAlready?.get(o) ?? validateObject(o, source)
    diagnostics.push(...found)
    const first = firstById.get(o.id)
    if (first) {
      // kubectl create: AlreadyExists; a scenario is one apply, so the second definition is refused and named
      diagnostics.push(diagnostic('manifest.duplicateObject', 'error', {
        kind: o.kind, name: o.namespace ? `${o.namespace}/${o.name}` : o.name,
        first: `${first.range.file}:${first.range.startLine}`,
      }, rangeFor(o, 'metadata.name'), o.id))
      continue
    }
    const errors = found.filter((d) => d.severity === 'error').length
    if (errors > 0) {
      // kubectl: The Service "x" is invalid: ... (nothing of it is created)
      diagnostics.push(diagnostic('manifest.rejected', 'error', { kind: o.kind, name: o.name, count: errors },
        rangeFor(o, 'metadata.name'), o.id))
      continue
    }
    firstById.set(o.id, o)
    accepted.push(o)
  }
  return { objects: accepted, diagnostics }
}

/** The findings for one object, each on the line of the field it is about. */
export function validateObject(o: ManifestObject, source: SourceReader): Diagnostic[] {
  const out: Diagnostic[] = []
  const report = (code: string, severity: Severity, params: Record<string, string | number>, dotted = '') => {
    out.push(diagnostic(code, severity, params, rangeFor(o, dotted), o.id))
  }
  if (!o.known) {
    const known = apiVersionsOf(o.kind).filter((v) => v !== o.apiVersion)
    if (known.length > 0) {
      report('manifest.wrongApiVersion', 'warning', { apiVersion: o.apiVersion, kind: o.kind, known: known.join(', ') }, 'apiVersion')
    } else {
      report('manifest.unknownKind', 'warning', { apiVersion: o.apiVersion, kind: o.kind }, 'kind')
    }
    return out
  }
  const spec = kindSpec(o.kind)
  if (!spec) return out
  if (o.kind === 'NetworkPolicy') report('manifest.notSimulated.networkPolicy', 'warning', { name: o.name }, 'kind')
  const ctx: WalkContext = {
    kind: o.kind,
    apiVersion: o.apiVersion,
    decoder: spec.decoder,
    report,
    rawValue: (dotted) => source.valueText(o.fieldRanges[dotted], /(^|\.)\d+$/.test(dotted)),
  }
  const rootStruct = spec.root.t === 'object' ? spec.root.go.slice(spec.root.go.lastIndexOf('.') + 1) : o.kind
  if (spec.name) {
    const at: At = { path: 'metadata.name', dotted: 'metadata.name', goPath: 'metadata.name', goStruct: 'ObjectMeta', report }
    spec.name(o.name, at)
  }
  walk(o.body, spec.root, ctx, { path: '', dotted: '', goPath: '', goStruct: rootStruct })
  return out
}

/** The range of a field, or of its nearest ancestor the user wrote, or of the whole object. */
export function rangeFor(o: ManifestObject, dotted: string): SourceRange {
  let path = dotted
  while (path) {
    const r = o.fieldRanges[path]
    if (r) return r
    const dot = path.lastIndexOf('.')
    path = dot < 0 ? '' : path.slice(0, dot)
  }
  return o.range
}

export interface SourceReader {
  /** The YAML text of a one-line field's value (`8.0` for `version: 8.0`); undefined when it spans lines. */
  valueText(range: SourceRange | undefined, isItem: boolean): string | undefined
}

export function sourceReader(files: SourceFile[]): SourceReader {
  const texts = new Map(files.map((f) => [f.path, f.text]))
  const lines = new Map<string, string[]>()
  return {
    valueText(range, isItem) {
      if (!range || range.startLine !== range.endLine) return undefined
      let fileLines = lines.get(range.file)
      if (!fileLines) {
        fileLines = (texts.get(range.file) ?? '').split(/\r?\n/)
        lines.set(range.file, fileLines)
      }
      const text = (fileLines[range.startLine - 1] ?? '').slice(range.startCol - 1, range.endCol - 1)
      const value = isItem ? text : text.replace(/^[^:]*:\s*/, '')
      return value.trim() || undefined
    },
  }
}
