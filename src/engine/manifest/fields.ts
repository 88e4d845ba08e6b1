import type { Severity } from '../core/diagnostic'
import { isPlainObject } from './plain'

/**
 * A compact description of the fields the engine reads, per kind, and the walker that checks a manifest against it
 * the way the API server would: first the JSON decode into Go types (a string where an int32 is declared is refused
 * before any validation runs), then the field validation (`Invalid value`, `Unsupported value`, `Required value`).
 * Fields not described are not checked here (the editor's JSON schemas flag unknown fields while typing).
 */
export type Spec =
  | { t: 'string'; check?: ValueCheck; values?: readonly string[]; go?: string }
  | { t: 'int'; go: GoInt; min?: number; check?: ValueCheck }
  | { t: 'bool' }
  | { t: 'intOrString'; check?: ValueCheck }
  | { t: 'map'; go: string; values: Spec; keyCheck?: ValueCheck }
  | { t: 'list'; go: string; of: Spec; check?: ListCheck }
  | { t: 'object'; go: string; fields: Record<string, Spec>; required?: readonly string[]; check?: ObjectCheck }
  | { t: 'any' }

export type GoInt = 'int32' | 'int64' | 'uint32' | 'uint16' | 'uint8'

/** Where a value sits, in the three spellings the messages need, and how to report on it. */
export interface At {
  /** The API server's field path: `spec.ports[0].targetPort`. */
  path: string
  /** The key of ManifestObject.fieldRanges: `spec.ports.0.targetPort`. */
  dotted: string
  /** encoding/json's path, without indexes or map keys: `spec.ports.targetPort`. */
  goPath: string
  /** The Go struct that holds the field (`ServicePort`), for encoding/json's message. */
  goStruct: string
  report(code: string, severity: Severity, params: Record<string, string | number>, dotted?: string): void
}

export type ValueCheck = (value: string | number, at: At) => void
export type ListCheck = (value: unknown[], at: At) => void
export type ObjectCheck = (value: Record<string, unknown>, at: At) => void

/** How the API in front of a kind decodes: built-in types (Go encoding/json), CRDs (OpenAPI), or plain config files. */
export type Decoder = 'builtin' | 'crd' | 'config' | 'playground'

export interface WalkContext {
  kind: string
  apiVersion: string
  decoder: Decoder
  report: At['report']
  /** The YAML source text of a field's value, for hints such as "quote it". */
  rawValue(dotted: string): string | undefined
}

// Constructors, so the per-kind tables read like the Go types they mirror.
export const str = (check?: ValueCheck): Spec => ({ t: 'string', check })
/** An enum string; `go` is its Go type for decode errors (`v1.Protocol`). An empty value means "defaulted". */
export const oneOf = (go: string, ...values: string[]): Spec => ({ t: 'string', values, go })
export const int = (go: GoInt, opts: { min?: number; check?: ValueCheck } = {}): Spec => ({ t: 'int', go, ...opts })
export const bool: Spec = { t: 'bool' }
export const any: Spec = { t: 'any' }
export const intOrString = (check?: ValueCheck): Spec => ({ t: 'intOrString', check })
export const mapOf = (values: Spec, keyCheck?: ValueCheck, go = 'map[string]string'): Spec => ({ t: 'map', go, values, keyCheck })
export const listOf = (of: Spec, go?: string, check?: ListCheck): Spec => ({ t: 'list', go: go ?? `[]${goTypeOf(of)}`, of, check })
export const obj = (go: string, fields: Record<string, Spec>, required: readonly string[] = [], check?: ObjectCheck): Spec =>
  ({ t: 'object', go, fields, required, check })

function goTypeOf(s: Spec): string {
  switch (s.t) {
    case 'string': return s.go ?? 'string'
    case 'int': return s.go
    case 'bool': return 'bool'
    case 'intOrString': return 'intstr.IntOrString'
    case 'map': case 'list': case 'object': return s.go
    case 'any': return 'interface {}'
  }
}

const GO_INT_RANGE: Record<GoInt, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint32: [0, 2 ** 32 - 1],
  uint16: [0, 65535],
  uint8: [0, 255],
}

/** encoding/json's name for the JSON value it could not decode ("string", "number", "number 3.5", "bool", "array", "object"). */
export function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

/** Go's %v / %q rendering of a value in `Invalid value: ...`. */
export function goValue(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v)
}

/** The At of a field or item below `at` (`spec` + `ports` → `spec.ports`; + 0 → `spec.ports[0]`). */
export function child(at: At, key: string | number): At {
  if (typeof key === 'number') return { ...at, path: `${at.path}[${key}]`, dotted: `${at.dotted}.${key}` }
  return { ...at, path: at.path ? `${at.path}.${key}` : key, dotted: at.dotted ? `${at.dotted}.${key}` : key }
}

/** Check `value` against `spec`; every finding goes to ctx.report. Never throws on any input. */
export function walk(value: unknown, spec: Spec, ctx: WalkContext, at: Pick<At, 'path' | 'dotted' | 'goPath' | 'goStruct'>): void {
  if (value === null || value === undefined || spec.t === 'any') return // null decodes to the zero value
  // built field by field, not spread: this runs for every field of every object (20,000 objects at 1000 × 10)
  const here: At = { path: at.path, dotted: at.dotted, goPath: at.goPath, goStruct: at.goStruct, report: ctx.report }
  switch (spec.t) {
    case 'string':
      if (typeof value !== 'string') return typeError(value, spec, ctx, here)
      if (spec.values && value !== '' && !spec.values.includes(value)) {
        ctx.report('manifest.unsupportedValue', 'error', {
          path: here.path, value: goValue(value), supported: [...spec.values].sort().map((s) => JSON.stringify(s)).join(', '),
        }, here.dotted)
        return
      }
      spec.check?.(value, here)
      return
    case 'int': {
      if (typeof value !== 'number') return typeError(value, spec, ctx, here)
      const [lo, hi] = GO_INT_RANGE[spec.go]
      if (!Number.isInteger(value) || value < lo || value > hi) return typeError(value, spec, ctx, here, `number ${value}`)
      if (spec.min !== undefined && value < spec.min) {
        ctx.report('manifest.invalidValue', 'error',
          { path: here.path, value: goValue(value), detail: `must be greater than or equal to ${spec.min}` }, here.dotted)
        return
      }
      spec.check?.(value, here)
      return
    }
    case 'bool':
      if (typeof value !== 'boolean') typeError(value, spec, ctx, here)
      return
    case 'intOrString':
      // intstr.IntOrString.UnmarshalJSON: a JSON string is the string form, anything else must decode as int32
      if (typeof value === 'string') return spec.check?.(value, here)
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31) {
        return typeError(value, spec, ctx, here, typeof value === 'number' ? `number ${value}` : undefined)
      }
      spec.check?.(value, here)
      return
    case 'map':
      if (!isPlainObject(value)) return typeError(value, spec, ctx, here)
      for (const [k, v] of Object.entries(value)) {
        spec.keyCheck?.(k, { ...here, dotted: `${here.dotted}.${k}` })
        walk(v, spec.values, ctx, { path: here.path, dotted: `${here.dotted}.${k}`, goPath: here.goPath, goStruct: here.goStruct })
      }
      return
    case 'list':
      if (!Array.isArray(value)) return typeError(value, spec, ctx, here)
      value.forEach((item, i) => {
        walk(item, spec.of, ctx, { path: `${here.path}[${i}]`, dotted: `${here.dotted}.${i}`, goPath: here.goPath, goStruct: here.goStruct })
      })
      spec.check?.(value, here)
      return
    case 'object': {
      if (!isPlainObject(value)) return typeError(value, spec, ctx, here)
      const struct = spec.go.slice(spec.go.lastIndexOf('.') + 1)
      for (const key in spec.fields) {
        const child = spec.fields[key]
        const v = value[key]
        // an absent field decodes to the zero value (walk's first line): its paths are not worth building
        if (v === null || v === undefined || child.t === 'any') continue
        const childPath = here.path ? `${here.path}.${key}` : key
        walk(v, child, ctx, {
          path: childPath,
          dotted: here.dotted ? `${here.dotted}.${key}` : key,
          goPath: here.goPath ? `${here.goPath}.${key}` : key,
          goStruct: struct,
        })
      }
      for (const key of spec.required ?? []) {
        const v = value[key]
        if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
          ctx.report('manifest.requiredValue', 'error', { path: here.path ? `${here.path}.${key}` : key, detail: '' }, here.dotted)
        }
      }
      spec.check?.(value, here)
      return
    }
  }
}

const EXPECTED_CODE: Record<Spec['t'], string> = {
  string: 'manifest.type.string',
  int: 'manifest.type.integer',
  bool: 'manifest.type.boolean',
  intOrString: 'manifest.type.intOrString',
  map: 'manifest.type.map',
  list: 'manifest.type.list',
  object: 'manifest.type.object',
  any: 'manifest.type.object',
}

const OPENAPI_TYPE: Record<Spec['t'], string> = {
  string: 'string', int: 'integer', bool: 'boolean', intOrString: 'integer-or-string', map: 'object', list: 'array',
  object: 'object', any: 'object',
}

function typeError(value: unknown, spec: Spec, ctx: WalkContext, at: At, goKind?: string): void {
  const actual = jsonKind(value)
  const apiError = decodeError(ctx, spec, at, value, goKind ?? actual)
  const raw = ctx.rawValue(at.dotted)
  // The two slips people make most: an unquoted number or boolean where a string is declared (labels such as
  // `version: 8.0`, env values, annotations like `canary: true`), and a quoted number where an integer is declared.
  if (spec.t === 'string' && (typeof value === 'number' || typeof value === 'boolean') && raw !== undefined) {
    at.report('manifest.type.stringQuote', 'error', { path: at.path, raw, actual, apiError }, at.dotted)
    return
  }
  if (spec.t === 'int' && typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    at.report('manifest.type.integerUnquote', 'error', { path: at.path, raw: JSON.stringify(value), apiError }, at.dotted)
    return
  }
  at.report(EXPECTED_CODE[spec.t], 'error', { path: at.path, actual, apiError }, at.dotted)
}

/** The decoder's own error text, as the API server (or kube-proxy) prints it. */
function decodeError(ctx: WalkContext, spec: Spec, at: At, value: unknown, goKind: string): string {
  const version = ctx.apiVersion.includes('/') ? ctx.apiVersion.slice(ctx.apiVersion.indexOf('/') + 1) : ctx.apiVersion
  const goField = `${at.goStruct}.${at.goPath}`
  switch (ctx.decoder) {
    case 'builtin': {
      // apiserver: "<Kind> in version \"v1\" cannot be handled as a <Kind>: json: cannot unmarshal ..." (encoding/json
      // UnmarshalTypeError); IntOrString.UnmarshalJSON decodes a non-string into its int32 on its own ("Go value")
      const target = spec.t === 'intOrString' ? 'Go value of type int32' : `Go struct field ${goField} of type ${goTypeOf(spec)}`
      return `${ctx.kind} in version "${version}" cannot be handled as a ${ctx.kind}: json: cannot unmarshal ${goKind} into ${target}`
    }
    case 'config':
      return `json: cannot unmarshal ${goKind} into Go struct field ${goField} of type ${goTypeOf(spec)}`
    case 'crd':
      // apiextensions structural schema validation: "<path> in body must be of type <type>: \"<actual>\""
      return `${at.path} in body must be of type ${OPENAPI_TYPE[spec.t]}: "${openApiKind(value)}"`
    case 'playground':
      return `${at.path} must be of type ${OPENAPI_TYPE[spec.t]}`
  }
}

function openApiKind(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  if (typeof v === 'boolean') return 'boolean'
  return jsonKind(v)
}
