import { objectId } from '../../core/ids'
import type { Cluster, ClusterNode, EndpointSlice, PassThroughObject, Service } from '../../cluster/types'
import { parseManifests } from '../../manifest/parse'

/**
 * Hand-built clusters for MetalLB's tests: the tutorial's lab (master 192.168.100.20 excluded from load balancers as
 * kubeadm labels it, node1 .21, node2 .22, the workstation .10), Services and their endpoints written tersely, and the
 * MetalLB objects as YAML so a test reads like the manifests a user writes.
 */
export function node(name: string, ip: string, extra: Partial<ClusterNode> = {}): ClusterNode {
  const last = ip.split('.').map((x) => Number(x).toString(16).padStart(2, '0'))
  return {
    id: objectId('Node', name),
    name,
    ip,
    mac: `52:54:00:${last[1]}:${last[2]}:${last[3]}`,
    podCIDR: '',
    labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) },
    taints: [],
    controlPlane: false,
    ready: true,
    unschedulable: false,
    ...extra,
  }
}

export const LAB_NODES = (): ClusterNode[] => [
  node('master', '192.168.100.20', {
    controlPlane: true,
    labels: { 'kubernetes.io/hostname': 'master', 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' },
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
  }),
  node('node1', '192.168.100.21'),
  node('node2', '192.168.100.22'),
]

let clock = 0

export interface SvcSpec {
  name: string
  namespace?: string
  ports?: { port: number; protocol?: 'TCP' | 'UDP'; nodePort?: number }[]
  annotations?: Record<string, string>
  labels?: Record<string, string>
  eTP?: 'Cluster' | 'Local'
  loadBalancerIP?: string
  loadBalancerClass?: string
  status?: string[]
  selector?: Record<string, string>
  /** Nodes hosting a ready endpoint (one per entry); `!node` = an endpoint there that is not ready. */
  endpoints?: string[]
}

export function lbService(s: SvcSpec): { service: Service; slice: EndpointSlice } {
  const ns = s.namespace ?? 'default'
  const id = objectId('Service', s.name, ns)
  const service: Service = {
    id,
    namespace: ns,
    name: s.name,
    labels: s.labels ?? {},
    annotations: s.annotations ?? {},
    type: 'LoadBalancer',
    clusterIP: '10.96.0.100',
    externalIPs: [],
    ports: (s.ports ?? [{ port: 80, nodePort: 31234 }]).map((p, i) => ({
      name: i === 0 ? 'http' : `p${i}`,
      protocol: p.protocol ?? 'TCP',
      port: p.port,
      targetPort: p.port,
      nodePort: p.nodePort,
    })),
    selector: s.selector ?? { app: s.name },
    sessionAffinity: 'None',
    affinityTimeoutSeconds: 10800,
    externalTrafficPolicy: s.eTP ?? 'Cluster',
    internalTrafficPolicy: 'Cluster',
    publishNotReadyAddresses: false,
    loadBalancerSourceRanges: [],
    loadBalancerIngress: s.status ?? [],
    source: { object: id, range: { file: 'svc.yaml', startLine: 1, startCol: 1, endLine: 10, endCol: 1 } },
    createdAtMs: clock++,
  }
  if (s.loadBalancerIP) service.loadBalancerIP = s.loadBalancerIP
  if (s.loadBalancerClass) service.loadBalancerClass = s.loadBalancerClass
  const slice: EndpointSlice = {
    id: objectId('EndpointSlice', `${s.name}-abcde`, ns),
    namespace: ns,
    name: `${s.name}-abcde`,
    serviceName: s.name,
    addressType: 'IPv4',
    endpoints: (s.endpoints ?? ['node1', 'node2']).map((n, i) => {
      const ready = !n.startsWith('!')
      return {
        addresses: [`10.244.${i + 1}.${10 + i}`],
        conditions: { ready, serving: ready, terminating: false },
        nodeName: n.replace(/^!/, ''),
      }
    }),
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    labels: { 'kubernetes.io/service-name': s.name },
    managedBy: 'endpointslice-controller.k8s.io',
    createdAtMs: 0,
  }
  return { service, slice }
}

/** MetalLB (or any) objects from YAML, as the cluster stage keeps them in `others`. */
export function others(yaml: string): PassThroughObject[] {
  const { objects } = parseManifests([{ path: 'metallb.yaml', text: yaml }])
  return objects.map((o) => ({
    id: o.id,
    kind: o.kind,
    apiVersion: o.apiVersion,
    namespace: o.namespace,
    name: o.name,
    labels: o.labels,
    annotations: o.annotations,
    body: o.body,
    source: { object: o.id, range: o.range },
  }))
}

export function cluster(opts: { nodes?: ClusterNode[]; services?: SvcSpec[]; metallb?: string; router?: { ip: string; asn?: number } }): Cluster {
  const built = (opts.services ?? []).map(lbService)
  const c: Cluster = {
    config: { name: 'lab', clusterDomain: 'cluster.local', podCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', nodePortRange: { min: 30000, max: 32767 } },
    kubeProxy: { mode: 'iptables', modeSource: 'default', ipvsScheduler: 'rr', masqueradeAll: false, clusterCIDR: '10.244.0.0/16', nodePortAddresses: [] },
    nodes: opts.nodes ?? LAB_NODES(),
    clients: [{ id: 'Client/workstation', name: 'workstation', ip: '192.168.100.10', mac: '52:54:00:a8:64:0a', hosts: {} }],
    namespaces: [...new Set(['default', 'metallb-system', ...built.map((b) => b.service.namespace)])].sort(),
    workloads: [],
    pods: [],
    services: built.map((b) => b.service),
    endpointSlices: built.map((b) => b.slice),
    others: opts.metallb ? others(opts.metallb) : [],
  }
  if (opts.router) {
    const r = opts.router
    const last = r.ip.split('.').map((x) => Number(x).toString(16).padStart(2, '0'))
    c.router = { id: 'Router/edge', name: 'edge', ip: r.ip, mac: `52:54:00:${last[1]}:${last[2]}:${last[3]}` }
    if (r.asn !== undefined) c.router.asn = r.asn
  }
  return c
}

/** The tutorial's pool and L2Advertisement (metallb-system, first-pool, l2-adv). */
export const TUTORIAL_L2 = `
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: first-pool
  namespace: metallb-system
spec:
  addresses:
  - 192.168.100.100-192.168.100.150
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: l2-adv
  namespace: metallb-system
spec:
  ipAddressPools:
  - first-pool
`
