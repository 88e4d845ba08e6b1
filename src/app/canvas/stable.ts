import type { CanvasEdge, DrawnNode, Positioned, PositionedGraph } from './model'

type Picture<N extends DrawnNode = DrawnNode> = { nodes: (N & Positioned)[]; edges: CanvasEdge[] }

/** Same nodes, in the same boxes: an edit that changed only edges or card contents. */
function sameShape(a: Picture, b: Picture): boolean {
  if (a.nodes.length !== b.nodes.length) return false
  const parents = new Map(a.nodes.map((n) => [n.id, n.parent ?? '']))
  return b.nodes.every((n) => parents.get(n.id) === (n.parent ?? ''))
}

function keepPositions<N extends DrawnNode>(previous: Picture, next: Picture<N>): Picture<N> {
  const at = new Map(previous.nodes.map((n) => [n.id, n]))
  return {
    nodes: next.nodes.map((n) => {
      const old = at.get(n.id)!
      return { ...n, x: old.x, y: old.y, width: old.width, height: old.height }
    }),
    edges: next.edges,
  }
}

/**
 * The new picture, laid out where the old one was when the edit did not add, remove or move any object: a label or
 * selector edit re-links edges without the cards jumping around under the user's eyes. A change of shape takes the
 * fresh layout. A large scenario's collapsed picture (`drawn`) is kept the same way, by its cards.
 */
export function keepLayout(previous: PositionedGraph | undefined, next: PositionedGraph): PositionedGraph {
  if (!previous || previous === next) return next
  if (previous.drawn || next.drawn) {
    if (!previous.drawn || !next.drawn || !sameShape(previous.drawn, next.drawn) || !sameShape(previous, next)) return next
    return { ...next, drawn: keepPositions(previous.drawn, next.drawn) }
  }
  if (!sameShape(previous, next)) return next
  return keepPositions(previous, next)
}
