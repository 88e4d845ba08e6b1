/** A JSON-like mapping (what yaml's toJS gives for a YAML map), not an array or null. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
