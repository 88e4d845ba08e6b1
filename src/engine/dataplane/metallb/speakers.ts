import type { Cluster, ClusterNode, Endpoint, EndpointConditions, Service, Taint } from '../../cluster/types'

export const EXCLUDE_FROM_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers'

/** The LAN interface of every machine in the lab. */
export const LAN_INTERFACE = 'eth0'

// The speaker DaemonSet's tolerations (config/manifests/metallb-native.yaml) and the ones the DaemonSet controller
// adds to every daemon pod (pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations; the speaker is hostNetwork).
const SPEAKER_TOLERATES: { key: string; effect?: Taint['effect'] }[] = [
  { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
  { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' },
]

/**
 * Whether a speaker pod runs on the node: the DaemonSet places one on every node whose NoSchedule/NoExecute taints it
 * tolerates. Whether it is alive is a separate question (speakerAlive).
 */
export function runsSpeaker(node: ClusterNode): boolean {
  return node.taints.every((t) => t.effect === 'PreferNoSchedule' || SPEAKER_TOLERATES.some((x) => x.key === t.key && (!x.effect || x.effect === t.effect)))
}

/** A speaker that memberlist sees alive: its node is up. A powered-off node's speaker leaves the member list. */
export function speakerAlive(node: ClusterNode): boolean {
  return node.ready && runsSpeaker(node)
}

/** k8snodes.IsNodeExcludedFromBalancers: the label's presence, whatever its value. */
export function excludedFromLB(node: ClusterNode): boolean {
  return Object.prototype.hasOwnProperty.call(node.labels, EXCLUDE_FROM_LB_LABEL)
}

/** The endpoints of a Service's slices (the slices labelled with its name in its namespace). */
export function serviceEndpoints(cluster: Cluster, svc: Service): Endpoint[] {
  return cluster.endpointSlices
    .filter((s) => s.namespace === svc.namespace && s.serviceName === svc.name && s.addressType === 'IPv4')
    .flatMap((s) => s.endpoints)
}

/** epslices.EndpointCanServe: ready (nil counts as ready) or serving. */
export function endpointCanServe(c: EndpointConditions): boolean {
  return c.ready || c.serving
}
