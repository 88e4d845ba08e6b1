import { objectId } from '../core/ids'
import type { ManifestObject } from '../manifest/types'
import type { Json } from './read'
import type { ClusterNode, EndpointSlice } from './types'
import { LABEL_SERVICE_NAME } from './endpointslices'

/** Objects with this range file were made by the playground, not written by the user. */
export const SYSTEM_FILE = ''

export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3'
// kube-apiserver's secure port, the kubernetes Service's targetPort (kubeadm default --secure-port).
export const APISERVER_PORT = 6443

function synthetic(apiVersion: string, kind: string, namespace: string, name: string, body: Json): ManifestObject {
  const metadata = (body.metadata ?? {}) as Json
  const range = { file: SYSTEM_FILE, startLine: 0, startCol: 0, endLine: 0, endCol: 0 }
  return {
    id: objectId(kind, name, namespace),
    apiVersion,
    kind,
    name,
    namespace,
    labels: { ...((metadata.labels ?? {}) as Record<string, string>) },
    annotations: { ...((metadata.annotations ?? {}) as Record<string, string>) },
    body: { apiVersion, kind, ...body },
    range,
    fieldRanges: {},
    known: true,
  }
}

export function isSystemObject(obj: ManifestObject): boolean {
  return obj.range.file === SYSTEM_FILE
}

/** default/kubernetes as the apiserver creates it (pkg/controlplane/controller/kubernetesservice). */
export function kubernetesService(): ManifestObject {
  return synthetic('v1', 'Service', 'default', 'kubernetes', {
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_PORT }],
    },
  })
}

/** kube-system/kube-dns as kubeadm writes it (cmd/kubeadm/app/phases/addons/dns/manifests.go); its IP is the Service CIDR's .10. */
export function kubeDnsService(): ManifestObject {
  return synthetic('v1', 'Service', 'kube-system', 'kube-dns', {
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  })
}

/** kube-system/coredns as kubeadm writes it: two replicas that tolerate the control-plane taint. */
export function corednsDeployment(): ManifestObject {
  return synthetic('apps/v1', 'Deployment', 'kube-system', 'coredns', {
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [{
            name: 'coredns',
            image: COREDNS_IMAGE,
            imagePullPolicy: 'IfNotPresent',
            args: ['-conf', '/etc/coredns/Corefile'],
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
            ],
          }],
          dnsPolicy: 'Default',
        },
      },
    },
  })
}

/**
 * The kubernetes Service's slice, written by the apiserver's endpoint reconciler (pkg/controlplane/reconcilers,
 * endpointSliceFromEndpoints): named `kubernetes`, only the service-name label, every control-plane address ready.
 */
export function kubernetesSlice(nodes: ClusterNode[], createdAtMs: number): EndpointSlice {
  const masters = nodes.filter((n) => n.controlPlane)
  return {
    id: objectId('EndpointSlice', 'kubernetes', 'default'),
    namespace: 'default',
    name: 'kubernetes',
    serviceName: 'kubernetes',
    addressType: 'IPv4',
    endpoints: masters.map((n) => ({ addresses: [n.ip], conditions: { ready: true, serving: true, terminating: false } })),
    ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }],
    labels: { [LABEL_SERVICE_NAME]: 'kubernetes' },
    managedBy: '',
    source: { object: objectId('Service', 'kubernetes', 'default') },
    createdAtMs,
  }
}
