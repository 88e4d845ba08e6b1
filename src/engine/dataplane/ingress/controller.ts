import type { Cluster, Pod, Service } from '../../cluster/types'
import { diagnostic, type Diagnostic, type SourceRange } from '../../core/diagnostic'
import { objectId } from '../../core/ids'
import type { ManifestObject } from '../../manifest/types'
import { NGINX_CLASS_NAME, NGINX_CONTROLLER_CLASS } from './classes'

/**
 * The ingress-nginx controller: generated from the Cluster kind's short form (`spec.ingressController`), or
 * recognised in what the scenario deploys (its image, its labels), with the ways a client reaches it.
 */

export type ControllerMode = 'hostNetwork' | 'nodePort' | 'loadBalancer'

export interface ControllerSpec {
  mode: ControllerMode
  nodeSelector: Record<string, string>
  httpNodePort: number
  httpsNodePort: number
}

export const CONTROLLER_NAMESPACE = 'ingress-nginx'
export const CONTROLLER_NAME = 'ingress-nginx-controller'
/** The controller image of the upstream deploy.yaml the playground mirrors. */
export const CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.1'
/** deploy/static/provider/*: the labels of every controller object. */
const LABELS = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/part-of': 'ingress-nginx',
}
const SELECTOR = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
}
/** The tutorial's bare-metal choice: the controller on nodes labelled ingress=true. */
const DEFAULT_NODE_SELECTOR = { ingress: 'true' }

const SYSTEM_RANGE: SourceRange = { file: '', startLine: 0, startCol: 0, endLine: 0, endCol: 0 }

function synthetic(apiVersion: string, kind: string, namespace: string, name: string, body: Record<string, unknown>): ManifestObject {
  const metadata = (body.metadata ?? {}) as Record<string, unknown>
  return {
    id: objectId(kind, name, namespace || undefined),
    apiVersion, kind, name, namespace,
    labels: { ...((metadata.labels ?? {}) as Record<string, string>) },
    annotations: { ...((metadata.annotations ?? {}) as Record<string, string>) },
    body: { apiVersion, kind, ...body },
    // file '' marks an object the playground made (cluster/system.ts SYSTEM_FILE)
    range: SYSTEM_RANGE,
    fieldRanges: {},
    known: true,
  }
}

/** The Cluster document's `spec.ingressController`, if any. */
export function readControllerSpec(objects: ManifestObject[]): { spec?: ControllerSpec; doc?: ManifestObject } {
  const doc = objects.find((o) => o.kind === 'Cluster' && o.apiVersion === 'kube-hops.dev/v1alpha1')
  const raw = ((doc?.body.spec ?? {}) as Record<string, unknown>).ingressController as Record<string, unknown> | undefined
  if (!doc || !raw || typeof raw !== 'object') return { doc }
  const mode = raw.mode === 'nodePort' || raw.mode === 'loadBalancer' || raw.mode === 'hostNetwork' ? raw.mode : 'hostNetwork'
  const sel = raw.nodeSelector && typeof raw.nodeSelector === 'object' ? (raw.nodeSelector as Record<string, string>) : undefined
  return {
    doc,
    spec: {
      mode,
      nodeSelector: sel ?? (mode === 'hostNetwork' ? { ...DEFAULT_NODE_SELECTOR } : {}),
      // the tutorial's NodePort Service: 30080 / 30443
      httpNodePort: typeof raw.httpNodePort === 'number' ? raw.httpNodePort : 30080,
      httpsNodePort: typeof raw.httpsNodePort === 'number' ? raw.httpsNodePort : 30443,
    },
  }
}

/**
 * The objects the short form stands for, shaped like kubernetes/ingress-nginx deploy/static/provider/{baremetal,cloud}
 * deploy.yaml: Namespace, IngressClass `nginx`, the controller ConfigMap, and
 *  - hostNetwork: a DaemonSet with hostNetwork, dnsPolicy ClusterFirstWithHostNet, hostPorts 80/443 and the node selector
 *    (the tutorial's §3.1 changes to the bare-metal manifest);
 *  - nodePort: a Deployment behind a NodePort Service (30080/30443);
 *  - loadBalancer: a Deployment behind a LoadBalancer Service (cloud deploy.yaml: externalTrafficPolicy Local).
 * Objects the scenario already defines (same kind, namespace, name) are not generated.
 */
export function controllerManifests(objects: ManifestObject[]): { objects: ManifestObject[]; diagnostics: Diagnostic[] } {
  const { spec, doc } = readControllerSpec(objects)
  if (!spec || !doc) return { objects: [], diagnostics: [] }
  const ns = CONTROLLER_NAMESPACE
  const out: ManifestObject[] = []
  out.push(synthetic('v1', 'Namespace', '', ns, { metadata: { name: ns, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } }))
  out.push(synthetic('networking.k8s.io/v1', 'IngressClass', '', NGINX_CLASS_NAME, {
    metadata: { name: NGINX_CLASS_NAME, labels: LABELS },
    spec: { controller: NGINX_CONTROLLER_CLASS },
  }))
  out.push(synthetic('v1', 'ConfigMap', ns, CONTROLLER_NAME, { metadata: { name: CONTROLLER_NAME, namespace: ns, labels: LABELS }, data: {} }))
  const hostNetwork = spec.mode === 'hostNetwork'
  const container = {
    name: 'controller',
    image: CONTROLLER_IMAGE,
    args: [
      '/nginx-ingress-controller',
      ...(spec.mode === 'loadBalancer' ? [`--publish-service=$(POD_NAMESPACE)/${CONTROLLER_NAME}`] : []),
      '--election-id=ingress-nginx-leader',
      '--controller-class=k8s.io/ingress-nginx',
      `--ingress-class=${NGINX_CLASS_NAME}`,
      `--configmap=$(POD_NAMESPACE)/${CONTROLLER_NAME}`,
    ],
    env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
    ports: [
      { name: 'http', containerPort: 80, protocol: 'TCP', ...(hostNetwork ? { hostPort: 80 } : {}) },
      { name: 'https', containerPort: 443, protocol: 'TCP', ...(hostNetwork ? { hostPort: 443 } : {}) },
    ],
  }
  const podSpec: Record<string, unknown> = {
    containers: [container],
    ...(hostNetwork ? { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' } : { dnsPolicy: 'ClusterFirst' }),
    nodeSelector: { 'kubernetes.io/os': 'linux', ...spec.nodeSelector },
  }
  const template = { metadata: { labels: LABELS }, spec: podSpec }
  if (hostNetwork) {
    out.push(synthetic('apps/v1', 'DaemonSet', ns, CONTROLLER_NAME, {
      metadata: { name: CONTROLLER_NAME, namespace: ns, labels: LABELS },
      spec: { selector: { matchLabels: SELECTOR }, template },
    }))
  } else {
    out.push(synthetic('apps/v1', 'Deployment', ns, CONTROLLER_NAME, {
      metadata: { name: CONTROLLER_NAME, namespace: ns, labels: LABELS },
      spec: { replicas: 1, selector: { matchLabels: SELECTOR }, template },
    }))
    const lb = spec.mode === 'loadBalancer'
    out.push(synthetic('v1', 'Service', ns, CONTROLLER_NAME, {
      metadata: { name: CONTROLLER_NAME, namespace: ns, labels: LABELS },
      spec: {
        type: lb ? 'LoadBalancer' : 'NodePort',
        ...(lb ? { externalTrafficPolicy: 'Local' } : {}),
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
        selector: SELECTOR,
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http', ...(lb ? {} : { nodePort: spec.httpNodePort }) },
          { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https', ...(lb ? {} : { nodePort: spec.httpsNodePort }) },
        ],
      },
    }))
  }
  const existing = new Set(objects.map((o) => o.id))
  const diagnostics: Diagnostic[] = []
  const field = doc.fieldRanges['spec.ingressController'] ?? doc.range
  for (const o of out) if (existing.has(o.id)) diagnostics.push(diagnostic('ingress.controller.user-defined', 'info', { object: o.id }, field, doc.id))
  return { objects: out.filter((o) => !existing.has(o.id)), diagnostics }
}

/** How a client reaches the controller. */
export interface ControllerEntry {
  kind: 'hostNetwork' | 'hostPort' | 'nodePort' | 'loadBalancer' | 'clusterIP'
  address: string
  port: number
  scheme: 'http' | 'https'
  /** The node the address belongs to (hostNetwork, hostPort, nodePort). */
  node?: string
  /** `namespace/name` of the Service (nodePort, loadBalancer, clusterIP). */
  service?: string
  /** The controller pod port the traffic ends on. */
  targetPort: number
}

export interface IngressController {
  namespace: string
  pods: Pod[]
  services: Service[]
  entries: ControllerEntry[]
  mode: ControllerMode | 'custom'
}

/** A pod running ingress-nginx: its image, or the labels the upstream manifests and the tutorial give it. */
export function isIngressControllerPod(pod: Pod): boolean {
  if (pod.containers.some((c) => /(^|\/)ingress-nginx\/controller(:|@|$)|nginx-ingress-controller/.test(c.image))) return true
  return pod.labels['app.kubernetes.io/name'] === 'ingress-nginx' && (pod.labels['app.kubernetes.io/component'] ?? 'controller') === 'controller'
}

function schemeOfPort(port: number, name?: string): 'http' | 'https' {
  return port === 443 || name === 'https' ? 'https' : 'http'
}

/** The controller's pods, the Services in front of them, and every address:port that leads to them. */
export function findIngressController(cluster: Cluster): IngressController | undefined {
  const pods = cluster.pods.filter(isIngressControllerPod)
  if (pods.length === 0) return undefined
  const namespace = pods[0].namespace
  const entries: ControllerEntry[] = []
  const podPorts = (pod: Pod) => {
    const ports = pod.containers.flatMap((c) => c.ports)
    return ports.length ? ports : [{ containerPort: 80, protocol: 'TCP' as const, name: 'http' }, { containerPort: 443, protocol: 'TCP' as const, name: 'https' }]
  }
  for (const pod of pods) {
    for (const p of podPorts(pod)) {
      if (pod.hostNetwork) entries.push({ kind: 'hostNetwork', address: pod.hostIP, port: p.containerPort, scheme: schemeOfPort(p.containerPort, p.name), node: pod.nodeName, targetPort: p.containerPort })
      else if (p.hostPort) entries.push({ kind: 'hostPort', address: pod.hostIP, port: p.hostPort, scheme: schemeOfPort(p.containerPort, p.name), node: pod.nodeName, targetPort: p.containerPort })
    }
  }
  const services = cluster.services.filter((s) => s.selector && Object.keys(s.selector).length > 0 && s.namespace === namespace &&
    pods.some((p) => Object.entries(s.selector!).every(([k, v]) => p.labels[k] === v)))
  for (const s of services) {
    for (const sp of s.ports) {
      const target = typeof sp.targetPort === 'number' ? sp.targetPort
        : podPorts(pods[0]).find((p) => p.name === sp.targetPort)?.containerPort ?? sp.port
      const scheme = schemeOfPort(target, sp.name)
      const svcName = `${s.namespace}/${s.name}`
      if (s.clusterIP && s.clusterIP !== 'None') entries.push({ kind: 'clusterIP', address: s.clusterIP, port: sp.port, scheme, service: svcName, targetPort: target })
      if (sp.nodePort && (s.type === 'NodePort' || s.type === 'LoadBalancer')) {
        for (const n of cluster.nodes) entries.push({ kind: 'nodePort', address: n.ip, port: sp.nodePort, scheme, node: n.name, service: svcName, targetPort: target })
      }
      if (s.type === 'LoadBalancer') for (const ip of s.loadBalancerIngress) entries.push({ kind: 'loadBalancer', address: ip, port: sp.port, scheme, service: svcName, targetPort: target })
    }
  }
  const mode: IngressController['mode'] = pods.some((p) => p.hostNetwork) ? 'hostNetwork'
    : services.some((s) => s.type === 'LoadBalancer') ? 'loadBalancer'
    : services.some((s) => s.type === 'NodePort') ? 'nodePort' : 'custom'
  return { namespace, pods, services, entries, mode }
}

/** The entry a connection to address:port uses, if it leads to the controller. */
export function controllerEntryFor(controller: IngressController, address: string, port: number): ControllerEntry | undefined {
  return controller.entries.find((e) => e.address === address && e.port === port)
}
