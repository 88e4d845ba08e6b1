import type { ClusterNode } from '../../../cluster/types'
import type { Simulation } from '../../../sim/simulation'
import { servicePorts } from '../state'
import { compileNftables, type NftTable } from './compile'

/** A node's `kube-proxy` nftables table, compiled once per simulation. */
export function nftTable(sim: Simulation, node: ClusterNode): NftTable {
  return sim.memo(`kubeproxy:nft:${node.name}`, () => compileNftables(sim.scenario.cluster, node, servicePorts(sim)))
}

/** The dynamic affinity sets' contents (set name → source address → expiry, virtual ms), filled by `update @set`. */
export function affinityState(sim: Simulation, node: string): Map<string, Map<string, number>> {
  return sim.state(`kubeproxy:nft:affinity:${node}`, () => new Map())
}
