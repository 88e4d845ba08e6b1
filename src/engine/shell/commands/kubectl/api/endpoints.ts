import type { EndpointSlice, Service } from '../../../../cluster/types'
import { compact, isJson, type ApiContext, type Json } from './context'
import { meta, ownerRef, uidOf, type ApiObject } from './meta'

const CONTROLLER = 'endpointslice-controller.k8s.io'
const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io'
// The annotation both controllers stamp with the time of the change that triggered the write.
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time'

export function endpointSliceObject(slice: EndpointSlice): ApiObject {
  const controllerMade = slice.managedBy === CONTROLLER
  const m = meta('EndpointSlice', slice.name, slice.namespace, slice.createdAtMs, slice.labels)
  if (controllerMade) {
    m.generateName = `${slice.serviceName}-`
    m.annotations = { [TRIGGER_TIME]: m.creationTimestamp }
    m.ownerReferences = [ownerRef('v1', 'Service', slice.serviceName, slice.namespace)]
  }
  return {
    addressType: slice.addressType,
    apiVersion: 'discovery.k8s.io/v1',
    endpoints: slice.endpoints.map((e) => compact({
      addresses: [...e.addresses],
      conditions: { ready: e.conditions.ready, serving: e.conditions.serving, terminating: e.conditions.terminating },
      hostname: e.hostname,
      nodeName: e.nodeName,
      targetRef: e.targetRef
        ? { kind: 'Pod', name: e.targetRef.name, namespace: e.targetRef.namespace, uid: uidOf(`Pod/${e.targetRef.namespace}/${e.targetRef.name}`) }
        : undefined,
      zone: e.zone,
    })),
    kind: 'EndpointSlice',
    metadata: m,
    ports: slice.ports.map((p) => compact({ appProtocol: p.appProtocol, name: p.name, port: p.port, protocol: p.protocol })),
  }
}

export function endpointSliceObjects(ctx: ApiContext): ApiObject[] {
  return ctx.cluster.endpointSlices.map((s) => endpointSliceObject(s))
}

/**
 * The legacy Endpoints object of a Service, as the endpoints controller writes it (pkg/controller/endpoint:
 * ready addresses, notReadyAddresses, terminating pods left out unless publishNotReadyAddresses; one subset per
 * distinct port set, addresses sorted by IP as endpoints.RepackSubsets does).
 */
function endpointsFor(svc: Service, slices: EndpointSlice[]): ApiObject {
  const subsets = new Map<string, { ports: Json[]; addresses: Json[]; notReady: Json[] }>()
  for (const slice of slices) {
    const ports = slice.ports.map((p) => compact({ appProtocol: p.appProtocol, name: p.name || undefined, port: p.port, protocol: p.protocol }))
    const key = JSON.stringify([...ports].sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? ''))))
    const subset = subsets.get(key) ?? { ports, addresses: [], notReady: [] }
    subsets.set(key, subset)
    for (const e of slice.endpoints) {
      if (e.conditions.terminating && !svc.publishNotReadyAddresses) continue
      for (const ip of e.addresses) {
        const addr = compact({
          hostname: e.hostname,
          ip,
          nodeName: e.nodeName,
          targetRef: e.targetRef
            ? { kind: 'Pod', name: e.targetRef.name, namespace: e.targetRef.namespace, uid: uidOf(`Pod/${e.targetRef.namespace}/${e.targetRef.name}`) }
            : undefined,
        })
        ;(e.conditions.ready ? subset.addresses : subset.notReady).push(addr)
      }
    }
  }
  const byIp = (a: Json, b: Json) => (String(a.ip) < String(b.ip) ? -1 : String(a.ip) > String(b.ip) ? 1 : 0)
  const list = [...subsets.values()]
    .filter((s) => s.addresses.length || s.notReady.length)
    .map((s) => compact({
      addresses: s.addresses.length ? s.addresses.sort(byIp) : undefined,
      notReadyAddresses: s.notReady.length ? s.notReady.sort(byIp) : undefined,
      ports: s.ports.length ? [...s.ports].sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? ''))) : undefined,
    }))
  const m = meta('Endpoints', svc.name, svc.namespace, svc.createdAtMs, svc.labels)
  m.annotations = { [TRIGGER_TIME]: m.creationTimestamp }
  if (svc.clusterIP === 'None') m.labels = { ...(m.labels ?? {}), 'service.kubernetes.io/headless': '' }
  return compact({ apiVersion: 'v1', kind: 'Endpoints', metadata: m, subsets: list.length ? list : undefined })
}

/**
 * Endpoints objects: one per Service with a selector (the endpoints controller's), default/kubernetes (the
 * apiserver's), one per Endpoints the user wrote
 * (kept as written, mirrored into slices by the cluster stage). ExternalName and selectorless Services get none.
 */
export function endpointsObjects(ctx: ApiContext): ApiObject[] {
  const out: ApiObject[] = []
  for (const svc of ctx.cluster.services) {
    // The apiserver's own endpoint reconciler writes default/kubernetes's Endpoints (its addresses, port 6443).
    const apiserverOwned = svc.system === true && svc.namespace === 'default' && svc.name === 'kubernetes'
    if ((!svc.selector && !apiserverOwned) || svc.type === 'ExternalName') continue
    const slices = ctx.cluster.endpointSlices.filter((s) =>
      s.namespace === svc.namespace && s.serviceName === svc.name && s.managedBy !== MIRRORING_CONTROLLER)
    out.push(endpointsFor(svc, slices))
  }
  for (const obj of ctx.objectsById.values()) {
    if (obj.kind !== 'Endpoints' || obj.apiVersion !== 'v1') continue
    // The endpoints controller owns the Endpoints of a Service with a selector and overwrites a written one.
    if (out.some((e) => e.metadata.namespace === obj.namespace && e.metadata.name === obj.name)) continue
    const body = JSON.parse(JSON.stringify(obj.body)) as Json
    const written = isJson(body.metadata) ? body.metadata : {}
    const m = meta('Endpoints', obj.name, obj.namespace, 0, obj.labels, obj.annotations)
    out.push({ ...body, apiVersion: 'v1', kind: 'Endpoints', metadata: { ...written, ...m } })
  }
  return out
}
