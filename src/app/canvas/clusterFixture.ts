import type { Cluster, EndpointSlice, Pod, Service } from '../../engine/cluster/types'

/**
 * A hand-written settled cluster for the canvas tests: the shape the cluster stage gives for the tutorial's first
 * two labs (three nodes, mysql-pod behind mysql-service, three nginx pods behind nginx-nodeport).
 */
export function tutorialCluster(): Cluster {
  const node = (name: string, ip: string, podCIDR: string, controlPlane = false) => ({
    id: `Node/${name}`, name, ip, mac: '02:42:00:00:00:00', podCIDR, labels: {}, taints: [], controlPlane,
    ready: true, unschedulable: false,
  })
  return {
    config: {
      name: 'lab', clusterDomain: 'cluster.local', podCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12',
      nodePortRange: { min: 30000, max: 32767 },
    },
    kubeProxy: {
      mode: 'iptables', modeSource: 'default', ipvsScheduler: 'rr', masqueradeAll: false,
      clusterCIDR: '10.244.0.0/16', nodePortAddresses: [],
    },
    nodes: [
      node('master', '192.168.100.20', '10.244.0.0/24', true),
      node('node1', '192.168.100.21', '10.244.1.0/24'),
      node('node2', '192.168.100.22', '10.244.2.0/24'),
    ],
    clients: [{ id: 'Client/workstation', name: 'workstation', ip: '192.168.100.10', mac: '02:42:00:00:00:01', hosts: {} }],
    namespaces: ['default', 'kube-system'],
    workloads: [],
    pods: [
      pod('mysql-pod', 'node1', '10.244.1.2', { app: 'mysql', tier: 'backend' }, 'mysql.yaml', 2),
      pod('nginx-pod-1', 'node2', '10.244.2.2', { app: 'nginx', version: 'v2' }, 'nginx.yaml', 2),
      pod('nginx-pod-2', 'node1', '10.244.1.3', { app: 'nginx', version: 'v2' }, 'nginx.yaml', 25),
      pod('nginx-pod-3', 'node2', '10.244.2.3', { app: 'nginx', version: 'v2' }, 'nginx.yaml', 48),
    ],
    services: [
      service('mysql-service', 'ClusterIP', '10.96.0.100', [{ name: 'mysql', protocol: 'TCP', port: 3306, targetPort: 3306 }]),
      service('nginx-nodeport', 'NodePort', '10.96.0.200',
        [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }]),
    ],
    endpointSlices: [
      slice('mysql-service', [['mysql-pod', '10.244.1.2', 'node1']], 3306, 'mysql'),
      slice('nginx-nodeport', [
        ['nginx-pod-1', '10.244.2.2', 'node2'], ['nginx-pod-2', '10.244.1.3', 'node1'],
        ['nginx-pod-3', '10.244.2.3', 'node2'],
      ], 80, 'http'),
    ],
    others: [],
  }
}

export function pod(name: string, nodeName: string, podIP: string, labels: Record<string, string>, file: string,
  line: number): Pod {
  return {
    id: `Pod/default/${name}`, namespace: 'default', name, labels, annotations: {}, nodeName, podIP,
    hostIP: '', hostNetwork: false, ready: true, terminating: false, phase: 'Running',
    containers: [{ name: 'main', image: 'nginx', ports: [], env: {} }], dnsPolicy: 'ClusterFirst',
    source: { object: `Pod/default/${name}`, range: { file, startLine: line, startCol: 1, endLine: line + 20, endCol: 1 } },
    createdAtMs: 0,
  }
}

export function service(name: string, type: Service['type'], clusterIP: string, ports: Service['ports']): Service {
  return {
    id: `Service/default/${name}`, namespace: 'default', name, labels: {}, annotations: {}, type, clusterIP,
    externalIPs: [], ports, selector: {}, sessionAffinity: 'None', affinityTimeoutSeconds: 10800,
    externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', publishNotReadyAddresses: false,
    loadBalancerSourceRanges: [], loadBalancerIngress: [], source: { object: `Service/default/${name}` }, createdAtMs: 0,
  }
}

export function slice(serviceName: string, endpoints: [string, string, string][], port: number, portName: string,
  conditions = { ready: true, serving: true, terminating: false }): EndpointSlice {
  return {
    id: `EndpointSlice/default/${serviceName}-abcde`, namespace: 'default', name: `${serviceName}-abcde`, serviceName,
    addressType: 'IPv4',
    endpoints: endpoints.map(([pod, ip, nodeName]) => ({
      addresses: [ip], conditions: { ...conditions }, nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: pod },
    })),
    ports: [{ name: portName, port, protocol: 'TCP' }],
    labels: { 'kubernetes.io/service-name': serviceName }, managedBy: 'endpointslice-controller.k8s.io', createdAtMs: 0,
  }
}
