import type { Cluster, Pod } from '../../engine/cluster/types'
import type { WhatIfOp } from '../../engine/whatif/types'

/** The what-ifs the canvas offers, each one menu entry (its label is `whatif.action.<key>` in messages.ts). */
export type WhatIfActionKey =
  | 'deletePod' | 'recreatePod' | 'failReadiness' | 'restoreReadiness'
  | 'cordon' | 'uncordon' | 'drain' | 'drainForce' | 'powerOff' | 'powerOn' | 'scale'

export interface WhatIfAction {
  key: WhatIfActionKey
  /** The edit to apply; for `scale` the replicas are the workload's current count, replaced by the user's number. */
  op: WhatIfOp
  /** The object the action changes (a pod, node or workload id), for the menu's heading and the scale input. */
  target: string
  /** `deletePod` on a controller's pod: the controller replaces it. */
  replaced?: boolean
}

// The workload kinds a user scales (kubectl scale: Deployment, ReplicaSet, StatefulSet; a DaemonSet runs one per node).
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet'])

const kindOf = (id: string) => id.split('/', 1)[0]

/** Objects the playground adds (CoreDNS, the ingress controller, MetalLB speakers) are not the user's to change. */
function userPod(p: Pod): boolean {
  return !p.system && p.source.range?.file !== ''
}

function scaleAction(cluster: Cluster, workloadId: string): WhatIfAction[] {
  const w = cluster.workloads.find((x) => x.id === workloadId)
  if (!w || w.system || !SCALABLE.has(w.kind)) return []
  return [{ key: 'scale', op: { op: 'scale', workload: w.id, replicas: w.replicas }, target: w.id }]
}

function podActions(cluster: Cluster, pod: Pod): WhatIfAction[] {
  if (!userPod(pod)) return []
  const ref = `${pod.namespace}/${pod.name}`
  const owned = kindOf(pod.source.object) !== 'Pod'
  const out: WhatIfAction[] = [{ key: 'deletePod', op: { op: 'deletePod', pod: ref }, target: pod.id, replaced: owned }]
  // A bare pod comes back only when the user applies it again (the tutorial's "delete and recreate the MySQL pod").
  if (!owned) out.push({ key: 'recreatePod', op: { op: 'recreatePod', pod: ref }, target: pod.id })
  const node = cluster.nodes.find((n) => n.name === pod.nodeName)
  // A pod on a powered-off node is not ready whatever its probe says: restoring the probe would change nothing.
  if (pod.ready) out.push({ key: 'failReadiness', op: { op: 'setPodReady', pod: ref, ready: false }, target: pod.id })
  else if (!node || node.ready) out.push({ key: 'restoreReadiness', op: { op: 'setPodReady', pod: ref, ready: true }, target: pod.id })
  if (owned) out.push(...scaleAction(cluster, pod.source.object))
  return out
}

function nodeActions(cluster: Cluster, name: string): WhatIfAction[] {
  const node = cluster.nodes.find((n) => n.name === name)
  if (!node) return []
  const id = node.id
  const out: WhatIfAction[] = [node.unschedulable
    ? { key: 'uncordon', op: { op: 'uncordon', node: name }, target: id }
    : { key: 'cordon', op: { op: 'cordon', node: name }, target: id }]
  // kubectl drain refuses pods no controller manages unless --force, which deletes them (drain.go unreplicatedFilter)
  const bare = cluster.pods.some((p) => p.nodeName === name && userPod(p) && kindOf(p.source.object) === 'Pod')
  out.push(bare ? { key: 'drainForce', op: { op: 'drain', node: name, force: true }, target: id } : { key: 'drain', op: { op: 'drain', node: name }, target: id })
  out.push(node.ready ? { key: 'powerOff', op: { op: 'powerOff', node: name }, target: id } : { key: 'powerOn', op: { op: 'powerOn', node: name }, target: id })
  return out
}

/**
 * The what-ifs that apply to a canvas object (or an object selected in the editor): a pod can be deleted, re-created
 * (bare pods), made to fail or pass readiness, and its workload scaled; a node cordoned or uncordoned, drained, powered
 * off or on; a Deployment, ReplicaSet or StatefulSet scaled. Anything else (Services, clients, system objects) has none.
 */
export function whatIfActions(cluster: Cluster, id: string): WhatIfAction[] {
  switch (kindOf(id)) {
    case 'Pod': {
      const pod = cluster.pods.find((p) => p.id === id)
      return pod ? podActions(cluster, pod) : []
    }
    case 'Node':
      return nodeActions(cluster, id.slice('Node/'.length))
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      return scaleAction(cluster, id)
    default:
      return []
  }
}
