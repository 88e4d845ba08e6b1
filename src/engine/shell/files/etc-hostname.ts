import type { Simulation } from '../../sim/simulation'
import type { Location } from '../types'
import { hostnameOf } from '../commands/hostname'

/** /etc/hostname: the machine's short hostname and a newline (in a pod, the one kubelet gives the container). */
export function etcHostname(sim: Simulation, where: Location): string {
  return hostnameOf(where, sim.scenario.cluster) + '\n'
}
