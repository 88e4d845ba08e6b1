import type {
  Cluster,
  ClusterNode,
  Container,
  Endpoint,
  EndpointSlice,
  Pod,
  Protocol,
  Service,
  ServicePort,
} from '../../../cluster/types'

/**
 * Hand-built clusters for tests and benchmarks: a small builder that produces the settled `Cluster` (nodes, pods,
 * services, EndpointSlices) without going through YAML, so kube-proxy can be tested against exact shapes such as
 * kube-proxy's own test fixtures (ns1/svc1 at 172.30.0.41 with endpoint 10.180.0.1:80).
 */

export interface PodSpec {
  name: string
  namespace?: string
  node: string
  ip: string
  labels?: Record<string, string>
  image?: string
  ports?: { containerPort: number; protocol?: Protocol; name?: string }[]
  ready?: boolean
  terminating?: boolean
  serving?: boolean
  hostNetwork?: boolean
}

export interface ServiceSpec {
  name: string
  namespace?: string
  type?: Service['type']
  clusterIP: string
  selector?: Record<string, string>
  ports: (Partial<ServicePort> & { port: number })[]
  externalIPs?: string[]
  loadBalancerIngress?: string[]
  loadBalancerSourceRanges?: string[]
  externalTrafficPolicy?: 'Cluster' | 'Local'
  internalTrafficPolicy?: 'Cluster' | 'Local'
  sessionAffinity?: 'None' | 'ClientIP'
  affinityTimeoutSeconds?: number
  healthCheckNodePort?: number
  /** Endpoints written by hand instead of derived from the selector (ready unless said otherwise). */
  endpoints?: { ip: string; node?: string; port?: number; ready?: boolean; serving?: boolean; terminating?: boolean }[]
}

const DEFAULT_NODES: [string, string][] = [
  ['master', '192.168.100.20'],
  ['node1', '192.168.100.21'],
  ['node2', '192.168.100.22'],
]

export function node(name: string, ip: string, index: number): ClusterNode {
  const o = ip.split('.').map(Number)
  const mac = `52:54:00:${o.slice(1).map((x) => x.toString(16).padStart(2, '0')).join(':')}`
  return {
    id: `Node/${name}`,
    name,
    ip,
    mac,
    podCIDR: `10.244.${index}.0/24`,
    labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
    taints: [],
    controlPlane: index === 0,
    ready: true,
    unschedulable: false,
  }
}

export function makePod(p: PodSpec, nodes: ClusterNode[]): Pod {
  const ns = p.namespace ?? 'default'
  const n = nodes.find((x) => x.name === p.node)
  const container: Container = {
    name: p.name,
    image: p.image ?? 'nginx:1.25',
    ports: (p.ports ?? [{ containerPort: 80 }]).map((x) => ({ containerPort: x.containerPort, protocol: x.protocol ?? 'TCP', name: x.name })),
    env: {},
  }
  return {
    id: `Pod/${ns}/${p.name}`,
    namespace: ns,
    name: p.name,
    labels: p.labels ?? {},
    annotations: {},
    nodeName: p.node,
    podIP: p.hostNetwork ? n?.ip ?? p.ip : p.ip,
    hostIP: n?.ip ?? '',
    hostNetwork: p.hostNetwork ?? false,
    ready: p.ready ?? true,
    terminating: p.terminating ?? false,
    phase: 'Running',
    containers: [container],
    dnsPolicy: 'ClusterFirst',
    source: { object: `Pod/${ns}/${p.name}` },
    createdAtMs: 0,
  }
}

export function makeService(s: ServiceSpec): Service {
  const ns = s.namespace ?? 'default'
  return {
    id: `Service/${ns}/${s.name}`,
    namespace: ns,
    name: s.name,
    labels: {},
    annotations: {},
    type: s.type ?? 'ClusterIP',
    clusterIP: s.clusterIP,
    externalIPs: s.externalIPs ?? [],
    ports: s.ports.map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      targetPort: p.targetPort ?? p.port,
      nodePort: p.nodePort,
    })),
    selector: s.selector,
    sessionAffinity: s.sessionAffinity ?? 'None',
    affinityTimeoutSeconds: s.affinityTimeoutSeconds ?? 10800,
    externalTrafficPolicy: s.externalTrafficPolicy ?? 'Cluster',
    internalTrafficPolicy: s.internalTrafficPolicy ?? 'Cluster',
    publishNotReadyAddresses: false,
    loadBalancerSourceRanges: s.loadBalancerSourceRanges ?? [],
    loadBalancerIngress: s.loadBalancerIngress ?? [],
    healthCheckNodePort: s.healthCheckNodePort,
    source: { object: `Service/${ns}/${s.name}` },
    createdAtMs: 0,
  }
}

/** The EndpointSlice the controller would write: selected running pods with an IP (semantics.md §1, simplified). */
function sliceFor(svc: Service, spec: ServiceSpec, pods: Pod[], nodes: ClusterNode[]): EndpointSlice | undefined {
  if (svc.type === 'ExternalName') return undefined
  const endpoints: Endpoint[] = []
  const ports = svc.ports.map((p) => ({
    name: p.name,
    port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
    protocol: p.protocol,
  }))
  if (spec.endpoints) {
    for (const e of spec.endpoints) {
      const ready = e.ready ?? true
      const terminating = e.terminating ?? false
      endpoints.push({
        addresses: [e.ip],
        conditions: { ready, serving: e.serving ?? ready, terminating },
        nodeName: e.node,
      })
    }
    if (spec.endpoints[0]?.port) for (const p of ports) p.port = spec.endpoints[0].port
  } else if (svc.selector) {
    const sel = svc.selector
    for (const pod of pods) {
      if (pod.namespace !== svc.namespace) continue
      if (!Object.entries(sel).every(([k, v]) => pod.labels[k] === v)) continue
      if (!pod.podIP) continue
      const serving = pod.ready
      endpoints.push({
        addresses: [pod.podIP],
        conditions: { ready: serving && !pod.terminating, serving, terminating: pod.terminating },
        nodeName: pod.nodeName,
        targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
      })
    }
  } else {
    return undefined
  }
  void nodes
  return {
    id: `EndpointSlice/${svc.namespace}/${svc.name}-abcde`,
    namespace: svc.namespace,
    name: `${svc.name}-abcde`,
    serviceName: svc.name,
    addressType: 'IPv4',
    endpoints,
    ports,
    labels: { 'kubernetes.io/service-name': svc.name },
    managedBy: 'endpointslice-controller.k8s.io',
    createdAtMs: 0,
  }
}

export function makeCluster(spec: {
  nodes?: [string, string][]
  pods?: PodSpec[]
  services?: ServiceSpec[]
  clusterCIDR?: string
  masqueradeAll?: boolean
  mode?: Cluster['kubeProxy']['mode']
  clients?: { name: string; ip: string }[]
}): Cluster {
  const nodes = (spec.nodes ?? DEFAULT_NODES).map(([name, ip], i) => node(name, ip, i))
  const pods = (spec.pods ?? []).map((p) => makePod(p, nodes))
  const services = (spec.services ?? []).map(makeService)
  const endpointSlices: EndpointSlice[] = []
  ;(spec.services ?? []).forEach((s, i) => {
    const slice = sliceFor(services[i], s, pods, nodes)
    if (slice) endpointSlices.push(slice)
  })
  return {
    config: {
      name: 'test',
      clusterDomain: 'cluster.local',
      podCIDR: '10.244.0.0/16',
      serviceCIDR: '10.96.0.0/12',
      nodePortRange: { min: 30000, max: 32767 },
    },
    kubeProxy: {
      mode: spec.mode ?? 'iptables',
      modeSource: 'default',
      ipvsScheduler: 'rr',
      masqueradeAll: spec.masqueradeAll ?? false,
      clusterCIDR: spec.clusterCIDR ?? '10.244.0.0/16',
      nodePortAddresses: [],
    },
    nodes,
    clients: (spec.clients ?? [{ name: 'workstation', ip: '192.168.100.10' }]).map((c) => ({
      id: `Client/${c.name}`,
      name: c.name,
      ip: c.ip,
      mac: '52:54:00:a8:64:0a',
      hosts: {},
    })),
    namespaces: ['default', 'kube-system'],
    workloads: [],
    pods,
    services,
    endpointSlices,
    others: [],
  }
}
