import type { CompiledScenario } from '../../../scenario'
import { resolveWhere } from '../../../shell/location'
import { runCommandLine } from '../../../shell/runner'
import { Simulation } from '../../../sim/simulation'

/** A simulation of a compiled scenario and a way to run one command on a machine of it (`node/node1`, a pod). */
export function shellOn(compiled: CompiledScenario, seed = 1) {
  const sim = new Simulation(compiled, seed)
  return {
    sim,
    run(where: string, argv: string[]) {
      const w = resolveWhere(compiled.cluster, where)
      if (!w.ok) throw new Error(`no machine ${where} in the scenario`)
      return runCommandLine(sim, w.where, argv, {})
    },
  }
}
