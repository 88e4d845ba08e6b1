import type { SourceRange } from '../core/diagnostic'
import type { ObjectId } from '../core/ids'

/**
 * The world the data plane is compiled from: what the API server and controllers would hold once the
 * manifests are applied and the cluster has settled. Plain data (structured-clone safe), built by
 * cluster/build.ts from the manifest objects.
 */

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables'
export type Protocol = 'TCP' | 'UDP' | 'SCTP'

export interface Taint {
  key: string
  value?: string
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
}

export interface ClusterNode {
  id: ObjectId // Node/<name>
  name: string
  ip: string
  /** Deterministic MAC for ARP: 52:54:00 and the IP's last three octets (192.168.100.21 → 52:54:00:a8:64:15). */
  mac: string
  podCIDR: string
  labels: Record<string, string>
  taints: Taint[]
  controlPlane: boolean
  /** False when the scenario powers the node off (what-if); its pods stop serving. */
  ready: boolean
  unschedulable: boolean
  /** Where the node was defined: the Cluster document's entry, a kind: Node object, or the defaults. */
  source?: ObjectRef
}

export interface OutsideClient {
  id: ObjectId // Client/<name>
  name: string
  ip: string
  mac: string
  /** The client's /etc/hosts: hostname → address. */
  hosts: Record<string, string>
  source?: ObjectRef
}

export interface Router {
  id: ObjectId // Router/<name>
  name: string
  ip: string
  mac: string
  asn?: number
  source?: ObjectRef
}

/** A pointer back to the YAML that produced something. */
export interface ObjectRef {
  object: ObjectId
  range?: SourceRange
}

export interface ContainerPort {
  name?: string
  containerPort: number
  protocol: Protocol
  hostPort?: number
}

export interface Container {
  name: string
  image: string
  ports: ContainerPort[]
  command?: string[]
  args?: string[]
  env: Record<string, string>
  /** true for an initContainer with restartPolicy: Always (a sidecar); its ports count for named targetPorts. */
  sidecar?: boolean
}

export interface PodDNSConfig {
  nameservers?: string[]
  searches?: string[]
  options?: { name: string; value?: string }[]
}

export type DNSPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None'

export interface Pod {
  id: ObjectId // Pod/<ns>/<name>
  namespace: string
  name: string
  labels: Record<string, string>
  annotations: Record<string, string>
  nodeName: string
  podIP: string
  hostIP: string
  hostNetwork: boolean
  /** PodReady condition (serving). */
  ready: boolean
  /** deletionTimestamp set. */
  terminating: boolean
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed'
  containers: Container[]
  hostname?: string
  subdomain?: string
  dnsPolicy: DNSPolicy
  dnsConfig?: PodDNSConfig
  /** The controller that owns the pod, as ownerReferences would say (ReplicaSet, StatefulSet, DaemonSet). */
  owner?: { kind: string; name: string }
  /** The workload the user wrote (Deployment/StatefulSet/...), or the Pod itself. */
  source: ObjectRef
  /** Pods the playground adds (CoreDNS, ingress controller, MetalLB speakers): drawn and answered, not user-owned. */
  system?: boolean
  /** Creation time on the virtual clock (ms since the epoch), for AGE columns. */
  createdAtMs: number
}

export interface ServicePort {
  name: string
  protocol: Protocol
  port: number
  /** A number, or the name of a container port. */
  targetPort: number | string
  nodePort?: number
  appProtocol?: string
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'

export interface Service {
  id: ObjectId // Service/<ns>/<name>
  namespace: string
  name: string
  labels: Record<string, string>
  annotations: Record<string, string>
  type: ServiceType
  /** An IPv4 address, 'None' for headless, '' for ExternalName. */
  clusterIP: string
  externalIPs: string[]
  externalName?: string
  ports: ServicePort[]
  /** undefined = selectorless (endpoints come from user-written Endpoints/EndpointSlices). */
  selector?: Record<string, string>
  sessionAffinity: 'None' | 'ClientIP'
  /** sessionAffinityConfig.clientIP.timeoutSeconds, default 10800. */
  affinityTimeoutSeconds: number
  externalTrafficPolicy: 'Cluster' | 'Local'
  internalTrafficPolicy: 'Cluster' | 'Local'
  publishNotReadyAddresses: boolean
  loadBalancerIP?: string
  loadBalancerSourceRanges: string[]
  loadBalancerClass?: string
  /** status.loadBalancer.ingress[].ip: from the input's status, or assigned by MetalLB. Empty = <pending>. */
  loadBalancerIngress: string[]
  /** healthCheckNodePort for eTP=Local LoadBalancer Services. */
  healthCheckNodePort?: number
  source: ObjectRef
  system?: boolean
  createdAtMs: number
}

export interface EndpointConditions {
  ready: boolean
  serving: boolean
  terminating: boolean
}

export interface Endpoint {
  addresses: string[]
  conditions: EndpointConditions
  nodeName?: string
  zone?: string
  hostname?: string
  targetRef?: { kind: 'Pod'; namespace: string; name: string }
}

export interface EndpointPort {
  name: string
  port: number
  protocol: Protocol
  appProtocol?: string
}

export interface EndpointSlice {
  id: ObjectId // EndpointSlice/<ns>/<name>
  namespace: string
  name: string
  serviceName: string
  addressType: 'IPv4' | 'IPv6' | 'FQDN'
  endpoints: Endpoint[]
  ports: EndpointPort[]
  labels: Record<string, string>
  /** 'endpointslice-controller.k8s.io' for controller-made slices; the user's value for written ones. */
  managedBy: string
  source?: ObjectRef
  createdAtMs: number
}

export interface KubeProxySettings {
  mode: ProxyMode
  /** Where the mode came from: a KubeProxyConfiguration document, the kube-proxy ConfigMap, the CLI, or the default. */
  modeSource: 'default' | 'config' | 'configmap' | 'override'
  ipvsScheduler: string
  masqueradeAll: boolean
  /** clusterCIDR for the local-traffic detector (defaults to the Cluster's podCIDR). */
  clusterCIDR: string
  /** nodePortAddresses; empty means every node IP. */
  nodePortAddresses: string[]
  source?: ObjectRef
}

export interface ClusterConfig {
  name: string
  clusterDomain: string
  podCIDR: string
  serviceCIDR: string
  nodePortRange: { min: number; max: number }
  source?: ObjectRef
}

/** Objects the later stages give behaviour to; the cluster keeps them as read, with their ranges. */
export interface PassThroughObject {
  id: ObjectId
  kind: string
  apiVersion: string
  namespace: string
  name: string
  labels: Record<string, string>
  annotations: Record<string, string>
  body: Record<string, unknown>
  source: ObjectRef
  /** Objects the playground adds (e.g. the ingress controller's IngressClass and ConfigMap), not user-owned. */
  system?: boolean
}

export interface Workload {
  id: ObjectId // Deployment/<ns>/<name>, ...
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet'
  namespace: string
  name: string
  replicas: number
  /** Pods it owns, by id. */
  pods: ObjectId[]
  /** The ReplicaSet a Deployment made (`<name>-<pod-template-hash>`). */
  replicaSetName?: string
  selector: Record<string, string>
  serviceName?: string
  source: ObjectRef
  /** Workloads the playground adds (kube-system/coredns): drawn and listed, not user-owned. */
  system?: boolean
  createdAtMs: number
}

export interface Cluster {
  config: ClusterConfig
  kubeProxy: KubeProxySettings
  nodes: ClusterNode[]
  clients: OutsideClient[]
  router?: Router
  namespaces: string[]
  workloads: Workload[]
  pods: Pod[]
  services: Service[]
  endpointSlices: EndpointSlice[]
  /** Everything else the engine reads (Ingress, IngressClass, ConfigMap, Secret, MetalLB kinds, ...), by kind. */
  others: PassThroughObject[]
}
