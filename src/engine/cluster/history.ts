import { isIPv4 } from '../util/ip'
import type { ManifestObject } from '../manifest/types'

/**
 * What the scenario remembers of pods that no longer exist, so that what-if edits (src/engine/whatif) stay plain YAML
 * and the result stays deterministic:
 *
 * - On a workload, `kube-hops.dev/deleted-pods: "web-6d4f-abcde@10.244.1.3,..."`: pods of it that were deleted, with
 *   the address each had. The controller replaces them: a ReplicaSet or DaemonSet replacement gets a new generated
 *   name (the old one stays taken), a StatefulSet's keeps its ordinal name.
 * - On a bare Pod, `kube-hops.dev/previous-ips: "10.244.1.2"`: the pod was deleted and applied again (the tutorial's
 *   "delete and re-apply mysql-pod"); these are the addresses of its earlier lives.
 * - On a workload, `kube-hops.dev/unready-pods: "web-6d4f-abcde"`: pods of it whose readiness probe fails.
 *
 * Addresses in either list are not handed out again, and a replaced or re-applied pod takes its address after every
 * other pod: the CNI's host-local IPAM allocates round robin from the last address it reserved (it does not reuse a
 * freed address until the range wraps), so a recreated pod gets a new address and nobody else's changes.
 */
export const DELETED_PODS_ANNOTATION = 'kube-hops.dev/deleted-pods'
export const PREVIOUS_IPS_ANNOTATION = 'kube-hops.dev/previous-ips'
export const UNREADY_PODS_ANNOTATION = 'kube-hops.dev/unready-pods'

export interface DeletedPod {
  name: string
  ip?: string
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
}

/** The workload's deleted pods (name@ip entries; the address is optional). */
export function deletedPodsOf(annotations: Record<string, string>): DeletedPod[] {
  return list(annotations[DELETED_PODS_ANNOTATION]).map((entry) => {
    const at = entry.lastIndexOf('@')
    if (at < 0) return { name: entry }
    const ip = entry.slice(at + 1)
    return isIPv4(ip) ? { name: entry.slice(0, at), ip } : { name: entry.slice(0, at) }
  })
}

export function previousIpsOf(annotations: Record<string, string>): string[] {
  return list(annotations[PREVIOUS_IPS_ANNOTATION]).filter(isIPv4)
}

export function unreadyPodsOf(annotations: Record<string, string>): Set<string> {
  return new Set(list(annotations[UNREADY_PODS_ANNOTATION]))
}

/** Addresses an object's history says were handed out before (released, not to be reused). */
export function releasedIpsOf(obj: ManifestObject): string[] {
  if (obj.kind === 'Pod') return previousIpsOf(obj.annotations)
  return deletedPodsOf(obj.annotations).flatMap((p) => (p.ip ? [p.ip] : []))
}
