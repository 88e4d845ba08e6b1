import type { Cluster } from '../../cluster/types'
import { diagnostic, type Diagnostic } from '../../core/diagnostic'
import { isScheduler } from './ipvs/schedulers'

/** The proxy modes the simulator implements (all three kube-proxy modes on Linux); anything else is reported. */
export const SIMULATED_MODES = ['iptables', 'ipvs', 'nftables'] as const

export function modeSimulated(cluster: Cluster): boolean {
  return (SIMULATED_MODES as readonly string[]).includes(cluster.kubeProxy.mode)
}

/** A warning on the kube-proxy configuration when its mode is not simulated yet (for `check` and the editor). */
export function kubeProxyDiagnostics(cluster: Cluster): Diagnostic[] {
  const kp = cluster.kubeProxy
  // IPVS schedulers the kernel has but the walk does not model (lblc, lblcr, mh, fo, ovf, twos): said, not guessed
  if (kp.mode === 'ipvs' && !isScheduler(kp.ipvsScheduler)) {
    return [diagnostic('kubeproxy.ipvs.scheduler', 'warning', { scheduler: kp.ipvsScheduler }, kp.source?.range, kp.source?.object)]
  }
  if (modeSimulated(cluster)) return []
  return [
    diagnostic('kubeproxy.mode.unsupported', 'warning', { mode: cluster.kubeProxy.mode }, cluster.kubeProxy.source?.range, cluster.kubeProxy.source?.object),
  ]
}
