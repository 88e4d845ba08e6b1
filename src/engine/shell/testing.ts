import { compileScenario } from '../scenario'
import type { SourceFile } from '../manifest/types'
import { Simulation } from '../sim/simulation'
import { gallery } from '../../scenarios/gallery.generated'
import { runCommandLine } from './runner'
import { resolveWhere } from './location'
import type { CommandResult } from './types'

/** Test helper: a simulation of a gallery scenario or of YAML text. */
export function simulationOf(source: string | SourceFile[], seed = 1): Simulation {
  const files = typeof source === 'string'
    ? (gallery.find((g) => g.name === source)?.files ?? [{ path: 'test.yaml', text: source }])
    : source
  return new Simulation(compileScenario(files), seed)
}

/** Test helper: run a command line (words) at a place written as the CLI's WHERE (default: the control plane). */
export function run(sim: Simulation, argv: string[], where?: string): CommandResult {
  const cluster = sim.scenario.cluster
  const at = where ? resolveWhere(cluster, where) : { ok: true as const, where: { kind: 'node' as const, node: cluster.nodes.find((n) => n.controlPlane) ?? cluster.nodes[0] } }
  if (!at.ok) throw new Error(`test setup: no ${where}`)
  return runCommandLine(sim, at.where, argv)
}
