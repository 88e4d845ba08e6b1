import type { ObjectId } from '../../engine/core/ids'
import type { CanvasEdge, CanvasNode, DrawnNode, FoldedObject, Positioned, PositionedGraph } from './model'
import { groupIndex } from './collapse'

type Placed = CanvasNode & Positioned

/** What the canvas draws: the collapsed picture of a large scenario, else every object. */
export function drawnPicture(graph: PositionedGraph): { nodes: (DrawnNode & Positioned)[]; edges: CanvasEdge[] } {
  return graph.drawn ?? graph
}

/** What the page knows of any object, drawn or folded into a group card. */
export type ObjectRef = Pick<CanvasNode, 'id' | 'kind' | 'sourceObject'>

/** Every object of the picture: the drawn cards' objects, then those folded into group cards. */
export function everyObject(graph: PositionedGraph): ObjectRef[] {
  return graph.folded ? [...graph.nodes, ...graph.folded] : graph.nodes
}

/** Lookups between objects and the cards that stand for them, computed once per graph (the graph is immutable). */
export interface DrawnIndex {
  /** The objects drawn as their own cards. */
  byId: Map<ObjectId, Placed>
  /** The objects inside group cards, as their cards list them. */
  folded: Map<ObjectId, FoldedObject>
  /** A grouped object's card. */
  groupOf: Map<ObjectId, ObjectId>
  /** The cards holding objects a written object produced (a Deployment → the cards of its pods). */
  cardsOfSource: Map<ObjectId, Set<ObjectId>>
}

const cache = new WeakMap<PositionedGraph, DrawnIndex>()

export function drawnIndex(graph: PositionedGraph): DrawnIndex {
  const hit = cache.get(graph)
  if (hit) return hit
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  const folded = new Map((graph.folded ?? []).map((n) => [n.id, n]))
  const groupOf = groupIndex(graph.drawn)
  const cardsOfSource = new Map<ObjectId, Set<ObjectId>>()
  for (const [member, card] of groupOf) {
    const source = folded.get(member)?.sourceObject
    if (!source || source === member) continue
    if (!cardsOfSource.has(source)) cardsOfSource.set(source, new Set())
    cardsOfSource.get(source)!.add(card)
  }
  const index = { byId, folded, groupOf, cardsOfSource }
  cache.set(graph, index)
  return index
}

/** The object `id` names, drawn or folded. */
export function objectRef(graph: PositionedGraph, id: ObjectId): ObjectRef | undefined {
  const index = drawnIndex(graph)
  return index.byId.get(id) ?? index.folded.get(id)
}

/** The drawn card that shows an object: itself when drawn, else its group's card. */
export function drawnIdOf(graph: PositionedGraph | undefined, id: ObjectId): ObjectId {
  if (!graph?.drawn) return id
  return drawnIndex(graph).groupOf.get(id) ?? id
}

/**
 * The drawn cards the selection touches: the selected object's own card (or its group's), and the cards of what it
 * produced (a Deployment selected in the YAML lights its pods' cards or their groups).
 */
export function touchedCards(graph: PositionedGraph, selection: ObjectId | null): Set<ObjectId> {
  const out = new Set<ObjectId>()
  if (selection === null) return out
  const index = drawnIndex(graph)
  out.add(index.groupOf.get(selection) ?? selection)
  for (const n of drawnPicture(graph).nodes) if (n.sourceObject === selection) out.add(n.id)
  for (const card of index.cardsOfSource.get(selection) ?? []) out.add(card)
  return out
}

/** Rows an expanded group card shows at once; its list scrolls (and renders only the rows in view) past that. */
export const EXPANDED_ROWS = 10
export const ROW_HEIGHT = 24
/** Room an expanded card adds for its search field and the list's padding. */
const EXPANDED_CHROME = 44
const EXPANDED_WIDTH = { podGroup: 280, serviceGroup: 320 } as const

/** A drawn card's size: group cards grow while expanded (over their neighbours: the layout does not move). */
export function drawnSize(n: DrawnNode, expanded: ReadonlySet<ObjectId>): { width: number; height: number } {
  if ((n.data.kind !== 'podGroup' && n.data.kind !== 'serviceGroup') || !expanded.has(n.id)) return { width: n.width, height: n.height }
  const rows = Math.min(EXPANDED_ROWS, n.data.members.length)
  return { width: Math.max(n.width, EXPANDED_WIDTH[n.data.kind]), height: n.height + EXPANDED_CHROME + rows * ROW_HEIGHT }
}

/**
 * The drawn edges to highlight for a selection: those standing for an edge of the selected object or of what it
 * produced (a Deployment's pods). An aggregated edge lights up when one of the edges it stands for does.
 */
export function activeEdges(graph: PositionedGraph, selection: ObjectId | null): Set<string> {
  const out = new Set<string>()
  if (selection === null) return out
  const objects = new Set<ObjectId>([selection])
  for (const n of everyObject(graph)) if (n.sourceObject === selection) objects.add(n.id)
  const { groupOf } = drawnIndex(graph)
  for (const e of graph.edges) {
    if (!objects.has(e.source) && !objects.has(e.target)) continue
    const source = groupOf.get(e.source) ?? e.source
    const target = groupOf.get(e.target) ?? e.target
    out.add(source === e.source && target === e.target ? e.id : `${source}->${target}`)
  }
  return out
}
