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
  /** The controller that owns the pod (ownerReferences), which large scenarios group pods by. */
  owner?: { kind: string; name: string }
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
  /** The MetalLB speaker on the node, when the scenario configures MetalLB: alive, or down with its node. */
  speaker?: 'alive' | 'down'
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

/**
 * Large scenarios (collapse.ts): the pods of one workload on one node, or all the pods of a node when it runs too
 * many workloads for a card each, or a node's bare pods, drawn as one card.
 */
export interface PodGroupView {
  kind: 'podGroup'
  /** What the pods share: their workload (`Deployment/default/web`), every pod of the node, or its bare pods. */
  by: 'workload' | 'node' | 'bare'
  /** The workload's kind and name for `by: 'workload'` (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job). */
  workloadKind?: string
  workloadName?: string
  namespace?: string
  nodeName: string
  /** Distinct workloads among the pods (the `node` form's summary). */
  workloads: number
  ready: number
  /** The pods' canvas ids, in the engine's order; the full nodes stay in PositionedGraph.nodes. */
  members: ObjectId[]
}

/** Large scenarios: the Services of one namespace as one card, with their count per type. */
export interface ServiceGroupView {
  kind: 'serviceGroup'
  namespace: string
  /** Count per Service type, in first-seen order (`ClusterIP: 1000`). */
  types: { type: string; count: number }[]
  members: ObjectId[]
}

export type GroupView = PodGroupView | ServiceGroupView

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
  /** Service → pod (an EndpointSlice endpoint), Ingress → Service (a backend its rules name), or a MetalLB
   * announcement (announce.ts): Service → the L2 speaker's node box, router → each BGP-advertising node box. */
  kind: 'endpoint' | 'backend' | 'announce'
  /** What an announcement edge says: `ARP 192.168.100.100`, `BGP 192.168.100.100/32`. */
  label?: string
  /** EndpointSlice conditions for this pod (any slice of the Service): not-ready endpoints are drawn dashed. Backend
   * edges are ready when the Service exists. */
  ready: boolean
  serving: boolean
  terminating: boolean
  /** An edge between group cards (collapse.ts) stands for this many edges, of which `readyCount` ready. */
  count?: number
  readyCount?: number
  /** An aggregated edge: the distinct labels of the edges it stands for, in order (announcements from a Service group:
   * `ARP 192.168.100.100`, …); announceText.ts says them in one label. */
  labels?: string[]
}

export interface CanvasGraph {
  nodes: CanvasNode[]
  edges: CanvasEdge[]
}

/** A group card of a large scenario's picture (collapse.ts): not an object, only drawn. */
export interface GroupNode extends Omit<CanvasNode, 'kind' | 'data'> {
  kind: GroupView['kind']
  data: GroupView
}

/** What the canvas can draw: an object's card, or a group card. */
export type DrawnNode = CanvasNode | GroupNode
export type DrawnKind = DrawnNode['kind']

/** A large scenario's picture: group cards in place of their members, edges between them aggregated. */
export interface DrawnGraph {
  nodes: DrawnNode[]
  edges: CanvasEdge[]
}

export interface Positioned {
  /** Relative to the parent group when there is one (React Flow's convention and ELK's). */
  x: number
  y: number
}

/**
 * An object a large scenario draws inside a group card: the row its card lists, and what the page needs to find the
 * card, light its edges and offer it as a machine. The rest of it (labels, endpoints' conditions) stays in the worker,
 * which the inspector asks (worker objectView): a full node for each of 10 000 pods made the compile reply 7 MB,
 * about 200 ms of main-thread deserialisation.
 */
export interface FoldedObject {
  id: ObjectId
  kind: 'pod' | 'service'
  sourceObject?: ObjectId
  name: string
  /** A pod's IP, a Service's ClusterIP ('' when it has none). */
  ip: string
  /** A pod's state (`ready`, `not-ready`, `terminating`), a Service's type. */
  state: string
}

export interface PositionedGraph {
  /** The objects drawn as their own cards: every object of a small scenario; with `drawn`, those outside groups. */
  nodes: (CanvasNode & Positioned)[]
  /** Every edge between objects, drawn or folded. */
  edges: CanvasEdge[]
  /**
   * Large scenarios: what the canvas draws instead of `nodes`/`edges` (collapse.ts): group cards in place of their
   * members, edges between them aggregated.
   */
  drawn?: { nodes: (DrawnNode & Positioned)[]; edges: CanvasEdge[] }
  /** With `drawn`: the objects inside its group cards, as rows. */
  folded?: FoldedObject[]
}
