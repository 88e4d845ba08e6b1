import type { ClusterNode } from '../../cluster/types'
import type { Simulation } from '../../sim/simulation'
import { compileIptables, defaultIptablesOptions, type NodeRuleset } from './iptables/compile'
import { buildServicePorts, type ServicePortInfo } from './serviceports'

/** kube-proxy's compiled state, memoised per simulation: the service-port model and each node's rules. */

export function servicePorts(sim: Simulation): ServicePortInfo[] {
  return sim.memo('kubeproxy:serviceports', () => buildServicePorts(sim.scenario.cluster))
}

export function nodeRuleset(sim: Simulation, node: ClusterNode): NodeRuleset {
  const cluster = sim.scenario.cluster
  return sim.memo(`kubeproxy:iptables:${node.name}`, () =>
    compileIptables(cluster, node, defaultIptablesOptions(cluster), servicePorts(sim)),
  )
}

/** xt_recent lists per node: list name → source address → last --set time (virtual ms). */
export type RecentLists = Map<string, Map<string, number>>

export function recentLists(sim: Simulation, node: string): RecentLists {
  return sim.state(`kubeproxy:recent:${node}`, () => new Map())
}
