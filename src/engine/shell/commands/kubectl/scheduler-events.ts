import type { Simulation } from '../../../sim/simulation'
import type { ApiObject } from './api'
import { parseRfc3339 } from './api/meta'
import type { KubeEvent } from './events'

/** The scheduler's FitError for a pod the cluster stage could not place (diagnostic cluster.pod.unschedulable). */
export function failedSchedulingMessage(sim: Simulation, namespace: string, name: string): string | undefined {
  const pod = sim.scenario.cluster.pods.find((p) => p.namespace === namespace && p.name === name)
  if (!pod || pod.nodeName) return undefined
  const d = sim.scenario.diagnostics.find((x) => x.code === 'cluster.pod.unschedulable' && x.objectId === pod.source.object)
  return d?.params.reason
}

/**
 * The default scheduler's events about a pod: `Scheduled` ("Successfully assigned ns/name to node", schedule_one.go)
 * or `FailedScheduling` with the FitError. Kubelet's image and container events are not modelled.
 */
export function schedulerEvents(sim: Simulation, obj: ApiObject): KubeEvent[] {
  if (obj.kind !== 'Pod') return []
  const at = parseRfc3339(obj.metadata.creationTimestamp)
  const spec = obj.spec as Record<string, unknown> | undefined
  const node = typeof spec?.nodeName === 'string' ? spec.nodeName : ''
  const ns = obj.metadata.namespace ?? ''
  if (node) {
    return [{ type: 'Normal', reason: 'Scheduled', from: 'default-scheduler', message: `Successfully assigned ${ns}/${obj.metadata.name} to ${node}`, firstMs: at }]
  }
  const why = failedSchedulingMessage(sim, ns, obj.metadata.name)
  return why ? [{ type: 'Warning', reason: 'FailedScheduling', from: 'default-scheduler', message: why, firstMs: at }] : []
}
