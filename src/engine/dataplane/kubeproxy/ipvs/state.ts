import type { ClusterNode } from '../../../cluster/types'
import type { Simulation } from '../../../sim/simulation'
import { servicePorts } from '../state'
import { compileIpvs, type IpvsNodeState } from './compile'

/** A node's IPVS-mode state, compiled once per simulation. */
export function ipvsState(sim: Simulation, node: ClusterNode): IpvsNodeState {
  return sim.memo(`kubeproxy:ipvs:${node.name}`, () => compileIpvs(sim.scenario.cluster, node, servicePorts(sim)))
}
