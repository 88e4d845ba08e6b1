import type { Cluster, EndpointSlice, Pod, Service, ServicePort } from '../../../cluster/types'
import type { ManifestObject } from '../../../manifest/types'
import { Simulation } from '../../../sim/simulation'

/**
 * Hand-built clusters for the DNS tests: only the fields DNS reads, written out so each test says exactly what the
 * world holds (the settled state the cluster stage would produce).
 */

export function service(ns: string, name: string, clusterIP: string, ports: Partial<ServicePort>[] = [{ name: 'http', port: 80 }], extra: Partial<Service> = {}): Service {
  return {
    id: `Service/${ns}/${name}`,
    namespace: ns,
    name,
    labels: {},
    annotations: {},
    type: 'ClusterIP',
    clusterIP,
    externalIPs: [],
    ports: ports.map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port ?? 80, targetPort: p.targetPort ?? p.port ?? 80 })),
    selector: {},
    sessionAffinity: 'None',
    affinityTimeoutSeconds: 10800,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    publishNotReadyAddresses: false,
    loadBalancerSourceRanges: [],
    loadBalancerIngress: [],
    source: { object: `Service/${ns}/${name}` },
    createdAtMs: 0,
    ...extra,
  }
}

export function externalName(ns: string, name: string, target: string): Service {
  return service(ns, name, '', [], { type: 'ExternalName', externalName: target, selector: undefined })
}

export function pod(ns: string, name: string, ip: string, extra: Partial<Pod> = {}): Pod {
  return {
    id: `Pod/${ns}/${name}`,
    namespace: ns,
    name,
    labels: {},
    annotations: {},
    nodeName: 'node1',
    podIP: ip,
    hostIP: '192.168.100.21',
    hostNetwork: false,
    ready: true,
    terminating: false,
    phase: 'Running',
    containers: [],
    dnsPolicy: 'ClusterFirst',
    source: { object: `Pod/${ns}/${name}` },
    createdAtMs: 0,
    ...extra,
  }
}

export interface EndpointSpec {
  ip: string
  ready?: boolean
  hostname?: string
  pod?: string
}

export function slice(ns: string, svc: string, endpoints: EndpointSpec[], ports: { name: string; port: number; protocol?: 'TCP' | 'UDP' }[] = [{ name: 'http', port: 80 }]): EndpointSlice {
  return {
    id: `EndpointSlice/${ns}/${svc}-abcde`,
    namespace: ns,
    name: `${svc}-abcde`,
    serviceName: svc,
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.ready ?? true, terminating: false },
      nodeName: 'node1',
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod' as const, namespace: ns, name: e.pod } } : {}),
    })),
    ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol ?? 'TCP' })),
    labels: { 'kubernetes.io/service-name': svc },
    managedBy: 'endpointslice-controller.k8s.io',
    createdAtMs: 0,
  }
}

/** The world of most DNS tests: kube-dns and two CoreDNS pods, mysql-service, a headless web Service, another namespace. */
export function baseCluster(): Cluster {
  const corednsLabels = { 'k8s-app': 'kube-dns' }
  const corednsContainers = [{
    name: 'coredns',
    image: 'registry.k8s.io/coredns/coredns:v1.11.3',
    ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' as const }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' as const }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' as const }],
    env: {},
  }]
  return {
    config: { name: 'test', clusterDomain: 'cluster.local', podCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', nodePortRange: { min: 30000, max: 32767 } },
    kubeProxy: { mode: 'iptables', modeSource: 'default', ipvsScheduler: 'rr', masqueradeAll: false, clusterCIDR: '10.244.0.0/16', nodePortAddresses: [] },
    nodes: [
      { id: 'Node/master', name: 'master', ip: '192.168.100.20', mac: '52:54:00:a8:64:14', podCIDR: '10.244.0.0/24', labels: {}, taints: [], controlPlane: true, ready: true, unschedulable: false },
      { id: 'Node/node1', name: 'node1', ip: '192.168.100.21', mac: '52:54:00:a8:64:15', podCIDR: '10.244.1.0/24', labels: {}, taints: [], controlPlane: false, ready: true, unschedulable: false },
    ],
    clients: [{ id: 'Client/workstation', name: 'workstation', ip: '192.168.100.10', mac: '52:54:00:a8:64:0a', hosts: {} }],
    namespaces: ['default', 'kube-system', 'prod'],
    workloads: [],
    pods: [
      pod('kube-system', 'coredns-1', '10.244.0.254', { labels: corednsLabels, nodeName: 'master', dnsPolicy: 'Default', containers: corednsContainers }),
      pod('kube-system', 'coredns-2', '10.244.1.254', { labels: corednsLabels, dnsPolicy: 'Default', containers: corednsContainers }),
      pod('default', 'client', '10.244.1.5'),
      pod('default', 'web-0', '10.244.1.10', { hostname: 'web-0', subdomain: 'web' }),
      pod('default', 'web-1', '10.244.1.11', { hostname: 'web-1', subdomain: 'web' }),
      pod('default', 'web-2', '10.244.1.12', { hostname: 'web-2', subdomain: 'web' }),
      pod('default', 'mysql-pod', '10.244.1.20'),
    ],
    services: [
      service('default', 'kubernetes', '10.96.0.1', [{ name: 'https', port: 443 }]),
      service('kube-system', 'kube-dns', '10.96.0.10', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }]),
      service('default', 'mysql-service', '10.96.0.12', [{ name: 'mysql', port: 3306 }]),
      service('default', 'web', 'None', [{ name: 'http', port: 80 }]),
      service('prod', 'data', '10.96.0.20', [{ name: '', port: 5432 }]),
      service('default', 'empty', '10.96.0.30', [{ name: 'http', port: 80 }]),
      externalName('default', 'nginx-external', 'mysql.external-domain.com'),
    ],
    endpointSlices: [
      slice('kube-system', 'kube-dns', [{ ip: '10.244.0.254', pod: 'coredns-1' }, { ip: '10.244.1.254', pod: 'coredns-2' }], [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }]),
      slice('default', 'mysql-service', [{ ip: '10.244.1.20', pod: 'mysql-pod' }], [{ name: 'mysql', port: 3306 }]),
      slice('default', 'web', [
        { ip: '10.244.1.10', hostname: 'web-0', pod: 'web-0' },
        { ip: '10.244.1.11', hostname: 'web-1', pod: 'web-1' },
        { ip: '10.244.1.12', hostname: 'web-2', pod: 'web-2' },
      ]),
    ],
    others: [],
  }
}

/** A ConfigMap kube-system/coredns carrying `corefile`. */
export function corednsConfigMap(corefile: string): Cluster['others'][number] {
  return {
    id: 'ConfigMap/kube-system/coredns',
    kind: 'ConfigMap',
    apiVersion: 'v1',
    namespace: 'kube-system',
    name: 'coredns',
    labels: {},
    annotations: {},
    body: { data: { Corefile: corefile } },
    source: { object: 'ConfigMap/kube-system/coredns' },
  }
}

export function simOf(cluster: Cluster, seed = 1, objects: ManifestObject[] = []): Simulation {
  return new Simulation({ files: [], objects, cluster, diagnostics: [] }, seed)
}
