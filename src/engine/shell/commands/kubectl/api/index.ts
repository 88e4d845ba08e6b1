import type { Simulation } from '../../../../sim/simulation'
import type { ResourceType } from '../resources'
import { apiContext } from './context'
import { endpointSliceObjects, endpointsObjects } from './endpoints'
import { eventObjects } from './events'
import { RESOURCE_TYPES } from '../resources'
import type { ApiObject } from './meta'
import { namespaceObjects, nodeObjects } from './nodes'
import { passThroughObjects } from './passthrough'
import { podObjects } from './pods'
import { serviceObjects } from './services'
import { statusPatchers } from './status-patchers'
import { workloadObjects } from './workloads'

export type { ApiObject } from './meta'

/**
 * Every object of one resource type, as the API server would list it: sorted by namespace, then name (etcd key
 * order, `/registry/<resource>/<namespace>/<name>`), with the status the engine computed.
 */
export function listObjects(sim: Simulation, type: ResourceType): ApiObject[] {
  const ctx = apiContext(sim)
  let objs: ApiObject[]
  switch (type.kind) {
    case 'Pod': objs = podObjects(ctx); break
    case 'Service': objs = serviceObjects(ctx); break
    case 'Endpoints': objs = endpointsObjects(ctx); break
    case 'EndpointSlice': objs = endpointSliceObjects(ctx); break
    case 'Node': objs = nodeObjects(ctx, sim.clock.now()); break
    case 'Namespace': objs = namespaceObjects(ctx); break
    case 'Event': objs = eventObjects(sim, (s, r) => listObjects(s, RESOURCE_TYPES.find((t) => t.resource === r) as ResourceType)); break
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': objs = workloadObjects(ctx, type.kind); break
    default: objs = passThroughObjects(ctx, type.kind)
  }
  for (const patch of statusPatchers) for (const o of objs) patch(sim, o)
  const key = (o: ApiObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`
  return objs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
