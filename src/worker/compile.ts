import { compileShared } from './compiled'
import type { SourceFile } from '../engine/manifest/types'
import { deriveCanvasGraph } from '../app/canvas/graph'
import { collapseGraph, groupIndex } from '../app/canvas/collapse'
import { foldedRow } from '../app/canvas/folded'
import { objectView, type ObjectView } from '../app/canvas/neighbourhood'
import type { ObjectId } from '../engine/core/ids'
import type { CompiledScenario } from '../engine/scenario'
import type { CanvasGraph, CanvasNode, DrawnNode, FoldedObject, Positioned, PositionedGraph } from '../app/canvas/model'
import { layoutCanvas, type ElkLayouter } from './layout'
import { rememberLastLayout } from './latest'
import type { CompiledView } from './protocol'

// An edit that leaves the drawn graph's boxes, sizes and edges as they were (a label, a port) skips ELK.
const layouters = new WeakMap<ElkLayouter, ElkLayouter>()
const remembering = (elk: ElkLayouter): ElkLayouter => {
  let l = layouters.get(elk)
  if (!l) { l = rememberLastLayout(elk); layouters.set(elk, l) }
  return l
}

// The canvas graph of a compile, for the inspector's questions that follow it (objectViewOf): compileShared hands the
// same compiled scenario to every caller for the same text, so this derives the graph once per edit.
const canvasGraphs = new WeakMap<CompiledScenario, CanvasGraph>()
function canvasGraphOf(compiled: CompiledScenario): CanvasGraph {
  let graph = canvasGraphs.get(compiled)
  if (!graph) { graph = deriveCanvasGraph(compiled.cluster); canvasGraphs.set(compiled, graph) }
  return graph
}

/** YAML files to what the canvas draws: the engine's cluster as a positioned graph, the diagnostics, object ranges. */
export async function compileForCanvas(files: SourceFile[], elk: ElkLayouter): Promise<CompiledView> {
  const compiled = compileShared(files)
  const graph = await layoutGraph(canvasGraphOf(compiled), remembering(elk))
  return {
    graph,
    diagnostics: compiled.diagnostics,
    objects: compiled.objects.map((o) => ({ id: o.id, kind: o.kind, range: o.range })),
    kubeProxy: { mode: compiled.cluster.kubeProxy.mode, modeSource: compiled.cluster.kubeProxy.modeSource },
  }
}

/** The inspector's view of one object of the files' cluster (neighbourhood.ts), for a page that holds only the drawn picture. */
export function objectViewOf(files: SourceFile[], id: ObjectId): ObjectView | undefined {
  return objectView(canvasGraphOf(compileShared(files)), id)
}

/**
 * Lays out what the canvas draws. A large graph is collapsed first (groups of pods and Services) and only the
 * collapsed picture is laid out. The reply then carries the drawn cards, every edge (small and uniform, for lighting
 * a selection's edges) and a row per folded object; the folded objects' full nodes stay here (objectViewOf).
 */
export async function layoutGraph(full: CanvasGraph, elk: ElkLayouter): Promise<PositionedGraph> {
  const drawn = collapseGraph(full)
  if (!drawn) return layoutCanvas(full, elk)
  const laidOut = await layoutCanvas(drawn, elk)
  const grouped = groupIndex(laidOut)
  const folded: FoldedObject[] = []
  for (const n of full.nodes) {
    if (!grouped.has(n.id)) continue
    const row = foldedRow(n)
    if (row) folded.push(row)
  }
  return { nodes: laidOut.nodes.filter(isObjectCard), edges: full.edges, drawn: laidOut, folded }
}

const isObjectCard = (n: DrawnNode & Positioned): n is CanvasNode & Positioned => n.kind !== 'podGroup' && n.kind !== 'serviceGroup'
