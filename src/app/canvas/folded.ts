import type { CanvasNode, FoldedObject } from './model'

/** A pod's or Service's row in its group card's list (collapse.ts folds only these two kinds). */
export function foldedRow(n: CanvasNode): FoldedObject | undefined {
  const v = n.data
  const source = n.sourceObject ? { sourceObject: n.sourceObject } : {}
  if (v.kind === 'pod') {
    const state = v.status === 'Terminating' ? 'terminating' : v.ready ? 'ready' : 'not-ready'
    return { id: n.id, kind: 'pod', ...source, name: v.name, ip: v.ip, state }
  }
  if (v.kind === 'service') return { id: n.id, kind: 'service', ...source, name: v.name, ip: v.clusterIP, state: v.type }
  return undefined
}
