import type { Simulation } from '../../../../sim/simulation'
import { eventsFor } from '../events'
import { RESOURCE_TYPES } from '../resources'
import { meta, rfc3339, uidOf, type ApiObject } from './meta'

// Kinds whose objects the event sources speak about.
const SUBJECTS = ['pods', 'services', 'endpoints', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'ingresses', 'nodes']

/**
 * Event objects (core/v1) for every event the sources report, as client-go's recorder writes them: named
 * `<object>.<creation time in nanoseconds, hex>`, in the object's namespace (`default` for cluster-scoped objects).
 */
export function eventObjects(sim: Simulation, list: (sim: Simulation, resource: string) => ApiObject[]): ApiObject[] {
  const out: ApiObject[] = []
  for (const resource of SUBJECTS) {
    const type = RESOURCE_TYPES.find((t) => t.resource === resource)
    if (!type) continue
    for (const obj of list(sim, resource)) {
      eventsFor(sim, obj).forEach((e, i) => {
        const ns = obj.metadata.namespace ?? 'default'
        // record.makeEvent: fmt.Sprintf("%v.%x", ref.Name, t.UnixNano()); `i` keeps same-instant events apart.
        const name = `${obj.metadata.name}.${(BigInt(e.firstMs) * 1_000_000n + BigInt(i)).toString(16)}`
        const first = rfc3339(e.firstMs)
        const m = meta('Event', name, ns, e.firstMs)
        out.push({
          apiVersion: 'v1',
          count: e.count ?? 1,
          eventTime: null,
          firstTimestamp: first,
          involvedObject: {
            apiVersion: obj.apiVersion,
            kind: obj.kind,
            name: obj.metadata.name,
            ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
            resourceVersion: obj.metadata.resourceVersion,
            uid: obj.metadata.uid ?? uidOf(`${obj.kind}/${ns}/${obj.metadata.name}`),
          },
          kind: 'Event',
          lastTimestamp: rfc3339(e.lastMs ?? e.firstMs),
          message: e.message,
          metadata: m,
          reason: e.reason,
          reportingComponent: e.from,
          reportingInstance: '',
          source: { component: e.from },
          type: e.type,
        })
      })
    }
  }
  return out
}
