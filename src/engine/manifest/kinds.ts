/** The kinds the engine reads, by apiVersion group. Anything else is kept and reported as unknown. */
const KNOWN: Record<string, string[]> = {
  v1: ['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'ConfigMap', 'Secret', 'List'],
  'apps/v1': ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'metallb.io/v1beta1': ['IPAddressPool', 'L2Advertisement', 'BGPAdvertisement', 'BGPPeer', 'Community'],
  'metallb.io/v1beta2': ['BGPPeer'],
  'kubeproxy.config.k8s.io/v1alpha1': ['KubeProxyConfiguration'],
  'kube-hops.dev/v1alpha1': ['Cluster'],
}

/** Kinds whose objects have no namespace. */
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'IngressClass', 'KubeProxyConfiguration', 'Cluster', 'List'])

export function isKnownKind(apiVersion: string, kind: string): boolean {
  return KNOWN[apiVersion]?.includes(kind) ?? false
}

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind)
}

/** Every (apiVersion, kind) the engine reads, `List` aside. */
export function knownKinds(): { apiVersion: string; kind: string }[] {
  return Object.entries(KNOWN).flatMap(([apiVersion, kinds]) =>
    kinds.filter((kind) => kind !== 'List').map((kind) => ({ apiVersion, kind })))
}

/** The apiVersions that serve a kind, for "did you mean" messages. */
export function apiVersionsOf(kind: string): string[] {
  return Object.entries(KNOWN).filter(([, kinds]) => kinds.includes(kind)).map(([v]) => v)
}
