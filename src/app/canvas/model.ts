import type { SourceRange } from '../../engine/core/diagnostic'
import type { ObjectId } from '../../engine/core/ids'

/**
 * The canvas view-model: what the worker hands the app for drawing. Plain data (structured-clone safe), derived
 * from the engine's Cluster by graph.ts and positioned by the worker's layout. Node ids are the engine's object ids,
 * so a trace hop's `at`/`from`/`to` name canvas nodes directly.
 */

export type CanvasKind = 'client' | 'router' | 'node' | 'pod' | 'service' | 'ingress'

export interface PodView {
  kind: 'pod'
  name: string
  namespace: string
  ip: string
  nodeName: string
  /** kubectl's READY column: ready containers / containers. */
  readyText: string
  ready: boolean
  /** kubectl's STATUS column (Running, Pending, Terminating, ...). */
  status: string
  hostNetwork: boolean
  labels: Record<string, string>
}

export interface ServiceView {
  kind: 'service'
  name: string
  namespace: string
  type: string
  /** kubectl's CLUSTER-IP column (`None` for headless, `<none>` for ExternalName). */
  clusterIP: string
  /** kubectl's PORT(S) column (`80:30080/TCP`). */
  ports: string
  /** kubectl's EXTERNAL-IP column (`<none>`, `<pending>`, addresses). */
  externalIP: string
  selectorless: boolean
  /** The Service's DNS name in the cluster domain (CoreDNS kubernetes plugin: `<service>.<ns>.svc.<zone>`). */
  dnsName: string
  /** Endpoints that are not pods on the canvas (selectorless Services pointing at outside addresses). */
  otherEndpoints: string[]
}

export interface NodeView {
  kind: 'node'
  name: string
  ip: string
  podCIDR: string
  controlPlane: boolean
  ready: boolean
  /** Pods scheduled on the node (its box's children). */
  podCount: number
}

/** One routing rule of an Ingress as written: host and path to a Service port. */
export interface IngressRoute {
  host: string
  path: string
  pathType: string
  service: string
  port: string
}

export interface IngressView {
  kind: 'ingress'
  name: string
  namespace: string
  /** spec.ingressClassName, or '' when the Ingress names none. */
  className: string
  /** The rules' hosts, '*' for a rule without one (kubectl get ingress HOSTS column). */
  hosts: string
  routes: IngressRoute[]
  /** spec.defaultBackend's Service, if any. */
  defaultBackend?: string
  tls: boolean
}

export interface MachineView {
  kind: 'client' | 'router'
  name: string
  ip: string
}

export type CanvasNodeData = PodView | ServiceView | NodeView | MachineView | IngressView

export interface CanvasNode {
  id: ObjectId
  kind: CanvasKind
  /** The group box (a cluster node) holding this node, for pods scheduled on a known node. */
  parent?: ObjectId
  /** Size the layout reserves; group boxes get theirs from the layout. */
  width: number
  height: number
  /** Playground-made objects (CoreDNS, the kubernetes Service): drawn quieter. */
  system: boolean
  /** The object the user wrote that produced this one (a Deployment for its pods) and its YAML range. */
  sourceObject?: ObjectId
  source?: SourceRange
  data: CanvasNodeData
}

export interface CanvasEdge {
  id: string
  source: ObjectId
  target: ObjectId
  /** Service → pod (an EndpointSlice endpoint) or Ingress → Service (a backend its rules name). */
  kind: 'endpoint' | 'backend'
  /** EndpointSlice conditions for this pod (any slice of the Service): not-ready endpoints are drawn dashed. Backend
   * edges are ready when the Service exists. */
  ready: boolean
  serving: boolean
  terminating: boolean
}

export interface CanvasGraph {
  nodes: CanvasNode[]
  edges: CanvasEdge[]
}

export interface Positioned {
  /** Relative to the parent group when there is one (React Flow's convention and ELK's). */
  x: number
  y: number
}

export interface PositionedGraph {
  nodes: (CanvasNode & Positioned)[]
  edges: CanvasEdge[]
}
