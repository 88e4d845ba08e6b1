import type { Cluster, EndpointSlice, Pod, Service } from '../../engine/cluster/types'
import type { CanvasEdge, CanvasGraph, CanvasNode, NodeView } from './model'
import {
  podReadyColumn,
  podStatusColumn,
  serviceClusterIPColumn,
  serviceExternalIPColumn,
  servicePortsColumn,
} from './kubectlColumns'
import { ingressBackends, ingressView } from './ingress'
import { announcementEdges, speakerOn } from './announce'

/** Card sizes the layout reserves (the React components draw inside them). */
export const CARD_SIZE = {
  pod: { width: 200, height: 64 },
  service: { width: 256, height: 96 },
  ingress: { width: 236, height: 76 },
  client: { width: 208, height: 60 },
  router: { width: 208, height: 60 },
} as const

/**
 * The cluster as the canvas draws it: outside machines, cluster nodes as group boxes holding their pods, Services
 * linked to the pods in their EndpointSlices (one edge per Service and pod, whatever the number of slices and ports).
 * Pure and deterministic: the same cluster gives the same graph, in the engine's own order.
 */
export function deriveCanvasGraph(cluster: Cluster): CanvasGraph {
  const nodes: CanvasNode[] = []
  const edges: CanvasEdge[] = []

  for (const client of cluster.clients) {
    nodes.push({
      id: client.id, kind: 'client', ...CARD_SIZE.client, system: false,
      ...sourceOf(client.source),
      data: { kind: 'client', name: client.name, ip: client.ip },
    })
  }
  if (cluster.router) {
    const r = cluster.router
    nodes.push({
      id: r.id, kind: 'router', ...CARD_SIZE.router, system: false,
      ...sourceOf(r.source),
      data: { kind: 'router', name: r.name, ip: r.ip },
    })
  }

  const nodeIdByName = new Map<string, string>()
  const podsOn = new Map<string, number>()
  for (const pod of cluster.pods) podsOn.set(pod.nodeName, (podsOn.get(pod.nodeName) ?? 0) + 1)
  for (const n of cluster.nodes) {
    nodeIdByName.set(n.name, n.id)
    nodes.push({
      id: n.id, kind: 'node', width: 0, height: 0, system: false,
      ...sourceOf(n.source),
      data: {
        kind: 'node', name: n.name, ip: n.ip, podCIDR: n.podCIDR, controlPlane: n.controlPlane, ready: n.ready,
        podCount: podsOn.get(n.name) ?? 0,
        ...withSpeaker(speakerOn(cluster, n.name)),
      },
    })
  }

  // Group boxes come before their children: React Flow requires a parent to precede its children.
  for (const pod of cluster.pods) {
    const parent = nodeIdByName.get(pod.nodeName)
    nodes.push({
      id: pod.id, kind: 'pod', ...CARD_SIZE.pod, system: pod.system === true,
      ...(parent ? { parent } : {}),
      ...sourceOf(pod.source),
      data: {
        kind: 'pod', name: pod.name, namespace: pod.namespace, ip: pod.podIP, nodeName: pod.nodeName,
        readyText: podReadyColumn(pod), ready: pod.ready && !pod.terminating, status: podStatusColumn(pod),
        hostNetwork: pod.hostNetwork, labels: pod.labels, ...(pod.owner ? { owner: { ...pod.owner } } : {}),
      },
    })
  }

  const podByKey = new Map<string, Pod>()
  const podByIP = new Map<string, Pod>()
  for (const pod of cluster.pods) {
    podByKey.set(`${pod.namespace}/${pod.name}`, pod)
    // A hostNetwork pod shares its node's address, so an address alone cannot name it.
    if (!pod.hostNetwork && pod.podIP) podByIP.set(pod.podIP, pod)
  }

  for (const svc of cluster.services) {
    const slices = cluster.endpointSlices.filter((s) => s.namespace === svc.namespace && s.serviceName === svc.name)
    const { links, others } = endpointLinks(svc, slices, podByKey, podByIP)
    nodes.push({
      id: svc.id, kind: 'service', ...CARD_SIZE.service, system: svc.system === true,
      ...sourceOf(svc.source),
      data: {
        kind: 'service', name: svc.name, namespace: svc.namespace, type: svc.type,
        clusterIP: serviceClusterIPColumn(svc), ports: servicePortsColumn(svc), externalIP: serviceExternalIPColumn(svc),
        selectorless: svc.selector === undefined, otherEndpoints: others,
        // CoreDNS kubernetes plugin: a Service's record is <service>.<namespace>.svc.<cluster domain>.
        dnsName: `${svc.name}.${svc.namespace}.svc.${cluster.config.clusterDomain}`,
      },
    })
    edges.push(...links)
  }

  // Ingresses link to the Services their rules name (in the Ingress's namespace, as the API defines backends).
  const serviceIds = new Set(cluster.services.map((s) => s.id))
  for (const o of cluster.others.filter((x) => x.kind === 'Ingress')) {
    const view = ingressView(o)
    nodes.push({ id: o.id, kind: 'ingress', ...CARD_SIZE.ingress, system: false, ...sourceOf(o.source), data: view })
    for (const name of ingressBackends(view)) {
      const target = `Service/${o.namespace}/${name}`
      if (!serviceIds.has(target)) continue
      edges.push({ id: `${o.id}->${target}`, source: o.id, target, kind: 'backend', ready: true, serving: true, terminating: false })
    }
  }

  edges.push(...announcementEdges(cluster))
  return { nodes, edges }
}

const withSpeaker = (speaker: NodeView['speaker']): Pick<NodeView, 'speaker'> => (speaker ? { speaker } : {})

function sourceOf(ref: { object: string; range?: CanvasNode['source'] } | undefined): Pick<CanvasNode, 'sourceObject' | 'source'> {
  if (!ref) return {}
  return ref.range ? { sourceObject: ref.object, source: ref.range } : { sourceObject: ref.object }
}

/**
 * One edge per (Service, pod) over all the Service's slices. An endpoint names its pod by targetRef; a user-written
 * endpoint without one is matched by address. The edge is ready or serving if any of the pod's endpoints is, and
 * terminating only if all of them are.
 */
function endpointLinks(
  svc: Service,
  slices: EndpointSlice[],
  podByKey: Map<string, Pod>,
  podByIP: Map<string, Pod>,
): { links: CanvasEdge[]; others: string[] } {
  const byPod = new Map<string, CanvasEdge>()
  const others: string[] = []
  for (const slice of slices) {
    for (const ep of slice.endpoints) {
      const ref = ep.targetRef
      let pod = ref && ref.kind === 'Pod' ? podByKey.get(`${ref.namespace}/${ref.name}`) : undefined
      if (!pod && !ref) pod = ep.addresses.map((a) => podByIP.get(a)).find((p) => p !== undefined)
      if (!pod) {
        for (const a of ep.addresses) if (!others.includes(a)) others.push(a)
        continue
      }
      const existing = byPod.get(pod.id)
      if (existing) {
        existing.ready ||= ep.conditions.ready
        existing.serving ||= ep.conditions.serving
        existing.terminating &&= ep.conditions.terminating
      } else {
        byPod.set(pod.id, {
          id: `${svc.id}->${pod.id}`, source: svc.id, target: pod.id, kind: 'endpoint',
          ready: ep.conditions.ready, serving: ep.conditions.serving, terminating: ep.conditions.terminating,
        })
      }
    }
  }
  return { links: [...byPod.values()], others }
}
