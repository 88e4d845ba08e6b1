/**
 * One id per object, used by the engine, the trace and the canvas alike (React Flow node ids):
 * `Kind/namespace/name` when namespaced, `Kind/name` otherwise (`Pod/default/nginx-pod-1`, `Node/node1`,
 * `Client/workstation`, `Router/edge`).
 */
export type ObjectId = string

export function objectId(kind: string, name: string, namespace?: string): ObjectId {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`
}

export function parseObjectId(id: ObjectId): { kind: string; namespace?: string; name: string } {
  const parts = id.split('/')
  if (parts.length >= 3) return { kind: parts[0], namespace: parts[1], name: parts.slice(2).join('/') }
  return { kind: parts[0], name: parts[1] ?? '' }
}

/** kubectl's way of naming a namespaced object in output: `namespace/name`. */
export function namespacedName(namespace: string, name: string): string {
  return `${namespace}/${name}`
}
