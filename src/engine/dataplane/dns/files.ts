import type { Simulation } from '../../sim/simulation'
import type { Location } from '../../shell/types'
import { renderResolvConf, resolvConfAt } from './resolvconf'

/** /etc/resolv.conf of the machine a command runs on, for the shell's virtual files (`cat /etc/resolv.conf`). */
export function etcResolvConf(sim: Simulation, where: Location): string {
  return renderResolvConf(resolvConfAt(sim.scenario.cluster, where))
}
