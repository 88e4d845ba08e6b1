import { METALLB_RESOURCE_TYPES } from '../../../dataplane/metallb/kubectl'
/**
 * The resource types `kubectl get/describe` knows here, as API discovery names them (plural resource, singular,
 * short names, kind, group). kubectl resolves a type argument against all of these, case-insensitively
 * (RESTMapper + shortcut expander: `po`, `svc`, `ep`, `no`, `ns`, `deploy`, `rs`, `sts`, `ds`, `cm`, `ing`).
 */
export interface ResourceType {
  resource: string
  singular: string
  shortNames: string[]
  kind: string
  group: string
  version: string
  namespaced: boolean
}

export const RESOURCE_TYPES: ResourceType[] = [
  { resource: 'pods', singular: 'pod', shortNames: ['po'], kind: 'Pod', group: '', version: 'v1', namespaced: true },
  { resource: 'services', singular: 'service', shortNames: ['svc'], kind: 'Service', group: '', version: 'v1', namespaced: true },
  { resource: 'endpoints', singular: 'endpoints', shortNames: ['ep'], kind: 'Endpoints', group: '', version: 'v1', namespaced: true },
  { resource: 'endpointslices', singular: 'endpointslice', shortNames: [], kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', namespaced: true },
  { resource: 'nodes', singular: 'node', shortNames: ['no'], kind: 'Node', group: '', version: 'v1', namespaced: false },
  { resource: 'namespaces', singular: 'namespace', shortNames: ['ns'], kind: 'Namespace', group: '', version: 'v1', namespaced: false },
  { resource: 'deployments', singular: 'deployment', shortNames: ['deploy'], kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true },
  { resource: 'replicasets', singular: 'replicaset', shortNames: ['rs'], kind: 'ReplicaSet', group: 'apps', version: 'v1', namespaced: true },
  { resource: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], kind: 'StatefulSet', group: 'apps', version: 'v1', namespaced: true },
  { resource: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], kind: 'DaemonSet', group: 'apps', version: 'v1', namespaced: true },
  { resource: 'configmaps', singular: 'configmap', shortNames: ['cm'], kind: 'ConfigMap', group: '', version: 'v1', namespaced: true },
  { resource: 'secrets', singular: 'secret', shortNames: [], kind: 'Secret', group: '', version: 'v1', namespaced: true },
  { resource: 'ingresses', singular: 'ingress', shortNames: ['ing'], kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', namespaced: true },
  { resource: 'events', singular: 'event', shortNames: ['ev'], kind: 'Event', group: '', version: 'v1', namespaced: true },
  { resource: 'ingressclasses', singular: 'ingressclass', shortNames: [], kind: 'IngressClass', group: 'networking.k8s.io', version: 'v1', namespaced: false },
  ...METALLB_RESOURCE_TYPES,
]

// The "all" category in discovery order (core, then apps); jobs, cronjobs and HPAs have no objects here.
const ALL_CATEGORY = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets']

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version
}

/** `pod`, `deployment.apps`, `endpointslice.discovery.k8s.io`: the prefix kubectl gives names when kinds mix. */
export function kindPrefix(t: ResourceType): string {
  return (t.group ? `${t.kind}.${t.group}` : t.kind).toLowerCase()
}

/** `"/v1, Resource=pods"`: GroupVersionResource.String(), as kubectl's list errors quote it. */
export function gvrString(t: ResourceType): string {
  return `${t.group}/${t.version}, Resource=${t.resource}`
}

/** One type argument (`po`, `Pods`, `deployments.apps`, `all`) to resource types; undefined when unknown. */
export function resolveResource(arg: string): ResourceType[] | undefined {
  const a = arg.toLowerCase()
  if (a === 'all') return ALL_CATEGORY.map((r) => RESOURCE_TYPES.find((t) => t.resource === r) as ResourceType)
  const dot = a.indexOf('.')
  const name = dot < 0 ? a : a.slice(0, dot)
  const group = dot < 0 ? undefined : a.slice(dot + 1)
  const found = RESOURCE_TYPES.find((t) =>
    (t.resource === name || t.singular === name || t.kind.toLowerCase() === name || t.shortNames.includes(name)) &&
    (group === undefined || t.group === group || `${t.version}.${t.group}` === group || (group === t.version && !t.group)))
  return found ? [found] : undefined
}
