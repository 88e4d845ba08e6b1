import type { ObjectId } from '../../engine/core/ids'
import type { CanvasEdge, CanvasGraph, CanvasNode } from './model'

/**
 * What the inspector shows of one object: the object, the edges touching it and the objects at their other ends,
 * and, for a cluster node, the pods it holds. Computed where the whole graph is: on the page for a small scenario,
 * in the worker for a large one (whose page holds only the drawn picture).
 */
export interface ObjectView {
  node: CanvasNode
  nodes: CanvasNode[]
  edges: CanvasEdge[]
}

/** The object `id` names, or the first object a written object produced (a Deployment selected in the YAML: its first pod). */
export function objectView(graph: CanvasGraph, id: ObjectId): ObjectView | undefined {
  const node = graph.nodes.find((n) => n.id === id) ?? graph.nodes.find((n) => n.sourceObject === id)
  if (!node) return undefined
  const edges = graph.edges.filter((e) => e.source === node.id || e.target === node.id)
  const near = new Set<ObjectId>([node.id])
  for (const e of edges) { near.add(e.source); near.add(e.target) }
  const nodes = graph.nodes.filter((n) => near.has(n.id) || n.parent === node.id)
  return { node, nodes, edges }
}
