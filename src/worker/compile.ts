import { compileShared } from './compiled'
import type { SourceFile } from '../engine/manifest/types'
import { deriveCanvasGraph } from '../app/canvas/graph'
import { collapseGraph } from '../app/canvas/collapse'
import type { CanvasGraph, CanvasNode, DrawnNode, Positioned, PositionedGraph } from '../app/canvas/model'
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

/** YAML files to what the canvas draws: the engine's cluster as a positioned graph, the diagnostics, object ranges. */
export async function compileForCanvas(files: SourceFile[], elk: ElkLayouter): Promise<CompiledView> {
  const compiled = compileShared(files)
  const graph = await layoutGraph(deriveCanvasGraph(compiled.cluster), remembering(elk))
  return {
    graph,
    diagnostics: compiled.diagnostics,
    objects: compiled.objects.map((o) => ({ id: o.id, kind: o.kind, range: o.range })),
    kubeProxy: { mode: compiled.cluster.kubeProxy.mode, modeSource: compiled.cluster.kubeProxy.modeSource },
  }
}

/**
 * Lays out what the canvas draws. A large graph is collapsed first (groups of pods and Services) and only the
 * collapsed picture is laid out; every object keeps its node (at 0,0 when a group stands for it) for the panels that
 * look objects up, and the drawn nodes are the same objects in both lists, so the reply carries them once.
 */
export async function layoutGraph(full: CanvasGraph, elk: ElkLayouter): Promise<PositionedGraph> {
  const drawn = collapseGraph(full)
  if (!drawn) return layoutCanvas(full, elk)
  const laidOut = await layoutCanvas(drawn, elk)
  const at = new Map<string, CanvasNode & Positioned>()
  for (const n of laidOut.nodes) if (isObjectCard(n)) at.set(n.id, n)
  return {
    nodes: full.nodes.map((n) => at.get(n.id) ?? { ...n, x: 0, y: 0 }),
    edges: full.edges,
    drawn: laidOut,
  }
}

const isObjectCard = (n: DrawnNode & Positioned): n is CanvasNode & Positioned => n.kind !== 'podGroup' && n.kind !== 'serviceGroup'
