import { compileScenario } from '../engine/scenario'
import type { SourceFile } from '../engine/manifest/types'
import { deriveCanvasGraph } from '../app/canvas/graph'
import { layoutCanvas, type ElkLayouter } from './layout'
import type { CompiledView } from './protocol'

/** YAML files to what the canvas draws: the engine's cluster as a positioned graph, the diagnostics, object ranges. */
export async function compileForCanvas(files: SourceFile[], elk: ElkLayouter): Promise<CompiledView> {
  const compiled = compileScenario(files)
  const graph = await layoutCanvas(deriveCanvasGraph(compiled.cluster), elk)
  return {
    graph,
    diagnostics: compiled.diagnostics,
    objects: compiled.objects.map((o) => ({ id: o.id, kind: o.kind, range: o.range })),
    kubeProxy: { mode: compiled.cluster.kubeProxy.mode, modeSource: compiled.cluster.kubeProxy.modeSource },
  }
}
