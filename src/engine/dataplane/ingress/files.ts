import type { Location } from '../../shell/types'
import type { Simulation } from '../../sim/simulation'
import { isIngressControllerPod } from './controller'
import { renderNginxConf } from './render'
import { ingressOf } from './walk-step'

/** /etc/nginx/nginx.conf inside an ingress-nginx controller pod (the tutorial's `kubectl exec ... -- cat /etc/nginx/nginx.conf`). */
export function nginxConf(sim: Simulation, where: Location): string | undefined {
  if (where.kind !== 'pod' || !isIngressControllerPod(where.pod)) return undefined
  return renderNginxConf(ingressOf(sim).model)
}
