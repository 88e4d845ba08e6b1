import type { Cluster } from '../../engine/cluster/types'
import { readMetalLBConfig } from '../../engine/dataplane/metallb/config'
import { electL2Speaker } from '../../engine/dataplane/metallb/l2'
import { computeBGP } from '../../engine/dataplane/metallb/bgp'
import { runsSpeaker, speakerAlive } from '../../engine/dataplane/metallb/speakers'
import type { CanvasEdge, NodeView } from './model'

/**
 * The MetalLB speaker on a node, when the scenario configures MetalLB at all: the speaker DaemonSet places a pod on
 * every node whose taints it tolerates (speakers.ts runsSpeaker); it is alive while memberlist sees its node up.
 */
export function speakerOn(cluster: Cluster, nodeName: string): NodeView['speaker'] {
  if (!readMetalLBConfig(cluster).present) return undefined
  const node = cluster.nodes.find((n) => n.name === nodeName)
  if (!node || !runsSpeaker(node)) return undefined
  return speakerAlive(node) ? 'alive' : 'down'
}

/**
 * Who announces each LoadBalancer address, with the engine's own election and BGP table (the inspector's
 * `announcements()` reads the same functions):
 * - L2: the elected speaker answers ARP for the Service's address (speaker/layer2_controller.go ShouldAnnounce;
 *   metallb logs "announcing from node"): one edge between the Service card and the winner's node box.
 * - BGP: every node whose path the router received over an established session (computeBGP's routes) advertises its
 *   prefixes: one edge between the router card and each such node box, labelled with the prefixes.
 * Edges run from the Service or router to the node box (the speaker's end is `target`): that is the canvas's
 * left-to-right order (Services and the router sit left of the boxes), so the layout's layers stay as they are.
 */
export function announcementEdges(cluster: Cluster): CanvasEdge[] {
  if (!readMetalLBConfig(cluster).present) return []
  const nodeId = new Map(cluster.nodes.map((n) => [n.name, n.id]))
  const edges: CanvasEdge[] = []
  for (const svc of cluster.services) {
    if (svc.type !== 'LoadBalancer' || svc.loadBalancerIngress.length === 0) continue
    const l2 = electL2Speaker(cluster, svc)
    const target = l2.node ? nodeId.get(l2.node) : undefined
    if (!l2.announced || !l2.ip || !target) continue
    edges.push(announceEdge(svc.id, target, `ARP ${l2.ip}`))
  }
  const router = cluster.router
  if (!router) return edges
  // One edge per advertising node, its prefixes in the router table's order (a /24 aggregate shared by many
  // Services is one path per session, as the session compacts duplicates).
  const prefixesOf = new Map<string, string[]>()
  for (const route of computeBGP(cluster).routes) {
    for (const path of route.paths) {
      const list = prefixesOf.get(path.node) ?? []
      if (!list.includes(path.prefix)) list.push(path.prefix)
      prefixesOf.set(path.node, list)
    }
  }
  for (const n of cluster.nodes) {
    const prefixes = prefixesOf.get(n.name)
    if (prefixes) edges.push(announceEdge(router.id, n.id, `BGP ${prefixes.join(', ')}`))
  }
  return edges
}

function announceEdge(source: string, target: string, label: string): CanvasEdge {
  return { id: `announce:${source}->${target}`, source, target, kind: 'announce', label, ready: true, serving: true, terminating: false }
}
