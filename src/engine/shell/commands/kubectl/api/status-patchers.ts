import { patchIngressObject } from '../../../../dataplane/ingress/kubectl'
import { patchMetalLBObject } from '../../../../dataplane/metallb/kubectl'
import type { Simulation } from '../../../../sim/simulation'
import type { ApiObject } from './meta'

/**
 * Extension point: the stages that compute an object's status (an Ingress's load-balancer address from the ingress
 * controller, a Service's MetalLB assignment) patch the API object here before kubectl prints it. Add one import
 * and one entry per stage; a patcher checks `obj.kind` and leaves other objects alone.
 */
export type StatusPatcher = (sim: Simulation, obj: ApiObject) => void

export const statusPatchers: StatusPatcher[] = [patchMetalLBObject, patchIngressObject]
