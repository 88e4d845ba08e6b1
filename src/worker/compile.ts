import { createParseCache } from '../engine/manifest/parse'
import { compileScenario } from '../engine/scenario'
import type { SourceFile } from '../engine/manifest/types'
import { deriveCanvasGraph } from '../app/canvas/graph'
import { layoutCanvas, type ElkLayouter } from './layout'
import { rememberLastLayout } from './latest'
import type { CompiledView } from './protocol'

// The documents of the previous compile: an edit re-parses only the documents it touched (engine/manifest/parse.ts).
const parseCache = createParseCache()
// An edit that leaves the drawn graph's boxes, sizes and edges as they were (a label, a port) skips ELK.
const layouters = new WeakMap<ElkLayouter, ElkLayouter>()
const remembering = (elk: ElkLayouter): ElkLayouter => {
  let l = layouters.get(elk)
  if (!l) { l = rememberLastLayout(elk); layouters.set(elk, l) }
  return l
}

/** YAML files to what the canvas draws: the engine's cluster as a positioned graph, the diagnostics, object ranges. */
export async function compileForCanvas(files: SourceFile[], elk: ElkLayouter): Promise<CompiledView> {
  const compiled = compileScenario(files, { parseCache })
  const graph = await layoutCanvas(deriveCanvasGraph(compiled.cluster), remembering(elk))
  return {
    graph,
    diagnostics: compiled.diagnostics,
    objects: compiled.objects.map((o) => ({ id: o.id, kind: o.kind, range: o.range })),
    kubeProxy: { mode: compiled.cluster.kubeProxy.mode, modeSource: compiled.cluster.kubeProxy.modeSource },
  }
}
