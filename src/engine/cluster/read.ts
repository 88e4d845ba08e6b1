/**
 * Small readers over the untyped manifest body (`yaml`'s toJS output). The user's YAML can hold anything, so every
 * read checks its type and falls back quietly; validation findings are emitted by the callers, on the right line.
 */

export type Json = Record<string, unknown>

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `get(body, 'spec', 'template', 'metadata')`: a nested mapping, or undefined. */
export function getObject(v: unknown, ...path: string[]): Json | undefined {
  let cur: unknown = v
  for (const key of path) {
    if (!isObject(cur)) return undefined
    cur = cur[key]
  }
  return isObject(cur) ? cur : undefined
}

export function getValue(v: unknown, ...path: string[]): unknown {
  let cur: unknown = v
  for (const key of path) {
    if (!isObject(cur)) return undefined
    cur = cur[key]
  }
  return cur
}

export function getString(v: unknown, ...path: string[]): string | undefined {
  const x = getValue(v, ...path)
  return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : undefined
}

export function getNumber(v: unknown, ...path: string[]): number | undefined {
  const x = getValue(v, ...path)
  if (typeof x === 'number' && Number.isFinite(x)) return x
  return undefined
}

export function getBool(v: unknown, ...path: string[]): boolean | undefined {
  const x = getValue(v, ...path)
  return typeof x === 'boolean' ? x : undefined
}

export function getArray(v: unknown, ...path: string[]): unknown[] {
  const x = getValue(v, ...path)
  return Array.isArray(x) ? x : []
}

/** A mapping of scalar values as strings (labels, nodeSelector, selector.matchLabels). */
export function getStringMap(v: unknown, ...path: string[]): Record<string, string> | undefined {
  const x = getValue(v, ...path)
  if (!isObject(x)) return undefined
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(x)) {
    if (val === null || val === undefined) out[k] = ''
    else if (typeof val !== 'object') out[k] = String(val)
  }
  return out
}

export function getStringList(v: unknown, ...path: string[]): string[] {
  return getArray(v, ...path).filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String)
}

/** JSON with sorted keys at every level: the canonical text hashed for pod-template-hash. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (isObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`
  }
  return JSON.stringify(v ?? null)
}
