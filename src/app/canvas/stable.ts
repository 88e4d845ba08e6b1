import type { PositionedGraph } from './model'

/** Same nodes, in the same boxes: an edit that changed only edges or card contents. */
function sameShape(a: PositionedGraph, b: PositionedGraph): boolean {
  if (a.nodes.length !== b.nodes.length) return false
  const parents = new Map(a.nodes.map((n) => [n.id, n.parent ?? '']))
  return b.nodes.every((n) => parents.get(n.id) === (n.parent ?? ''))
}

/**
 * The new picture, laid out where the old one was when the edit did not add, remove or move any object: a label or
 * selector edit re-links edges without the cards jumping around under the user's eyes. A change of shape takes the
 * fresh layout.
 */
export function keepLayout(previous: PositionedGraph | undefined, next: PositionedGraph): PositionedGraph {
  if (!previous || previous === next || !sameShape(previous, next)) return next
  const at = new Map(previous.nodes.map((n) => [n.id, n]))
  return {
    nodes: next.nodes.map((n) => {
      const old = at.get(n.id)!
      return { ...n, x: old.x, y: old.y, width: old.width, height: old.height }
    }),
    edges: next.edges,
  }
}
