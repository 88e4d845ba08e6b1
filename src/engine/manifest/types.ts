import type { Diagnostic, SourceRange } from '../core/diagnostic'
import type { ObjectId } from '../core/ids'

/** One YAML file of a scenario. */
export interface SourceFile {
  path: string
  text: string
}

/**
 * One Kubernetes object read from YAML, kept as the plain data the user wrote (`body`), with the source range
 * of the whole document and of every field. Plain data only: it crosses the worker boundary by structured clone.
 */
export interface ManifestObject {
  id: ObjectId
  apiVersion: string
  kind: string
  name: string
  /** Empty for cluster-scoped kinds; `default` filled in for namespaced kinds that did not name one. */
  namespace: string
  labels: Record<string, string>
  annotations: Record<string, string>
  /** The whole object as plain JSON-like data (what `yaml`'s toJS gives, after `kind: List` flattening). */
  body: Record<string, unknown>
  /** The range of the object itself (its document, or its item inside a List). */
  range: SourceRange
  /**
   * Ranges of fields by dotted path from the object's root: `metadata.name`, `spec.ports.0.targetPort`,
   * `spec.selector.app`. Every mapping key and sequence item the user wrote has an entry (the range covers
   * the key and its value).
   */
  fieldRanges: Record<string, SourceRange>
  /** True for kinds the engine reads (see manifest/kinds.ts); unknown kinds are kept with a warning. */
  known: boolean
}

export interface ParseResult {
  objects: ManifestObject[]
  diagnostics: Diagnostic[]
}
