/**
 * The fields a `kubectl get -o yaml` dump carries that describe the API server's bookkeeping rather than the object:
 * they would only be noise in the editor (and managedFields alone is often half the text).
 */
const METADATA_NOISE = ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'selfLink', 'generation']
const ANNOTATION_NOISE = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deprecated.daemonset.template.generation',
  'kubeadm.alpha.kubernetes.io/cri-socket',
  'node.alpha.kubernetes.io/ttl',
  'volumes.kubernetes.io/controller-managed-attach-detach',
  'endpoints.kubernetes.io/last-change-trigger-time',
]
// Pod status: phase, podIP, hostIP and the conditions are what the cluster stage honours; the rest is history.
const POD_STATUS_NOISE = ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses', 'startTime', 'qosClass', 'podIPs', 'hostIPs']
// Node status: addresses and conditions place and power the node; images and inventory are noise.
const NODE_STATUS_NOISE = ['images', 'nodeInfo', 'allocatable', 'capacity', 'daemonEndpoints', 'volumesInUse', 'volumesAttached', 'runtimeHandlers', 'features', 'config']
// Workload status is recomputed by the playground's controllers.
const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'])
// The service account token volume the admission controller adds to every pod (kube-api-access-xxxxx).
const TOKEN_VOLUME = /^kube-api-access-[a-z0-9]{5}$/

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function drop(obj: Json | undefined, keys: string[]): number {
  if (!obj) return 0
  let n = 0
  for (const k of keys) if (k in obj) { delete obj[k]; n++ }
  return n
}

/** Removes the noise from one object in place; returns how many fields went. */
export function stripNoise(obj: Json): number {
  let n = 0
  const meta = isObj(obj.metadata) ? obj.metadata : undefined
  n += drop(meta, METADATA_NOISE)
  if (meta && isObj(meta.annotations)) {
    n += drop(meta.annotations, ANNOTATION_NOISE)
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations
  }
  if (meta && Array.isArray(meta.ownerReferences)) for (const r of meta.ownerReferences) if (isObj(r)) n += drop(r, ['uid'])
  const kind = obj.kind
  const status = isObj(obj.status) ? obj.status : undefined
  if (kind === 'Pod') {
    n += drop(status, POD_STATUS_NOISE)
    n += stripTokenVolume(isObj(obj.spec) ? obj.spec : undefined)
  } else if (kind === 'Node') {
    n += drop(status, NODE_STATUS_NOISE)
  } else if (typeof kind === 'string' && WORKLOAD_KINDS.has(kind)) {
    if ('status' in obj) { delete obj.status; n++ }
    // kubectl prints the pod template's `creationTimestamp: null`
    const spec = isObj(obj.spec) ? obj.spec : undefined
    const template = spec && isObj(spec.template) ? spec.template : undefined
    n += drop(template && isObj(template.metadata) ? template.metadata : undefined, ['creationTimestamp'])
  }
  return n
}

function stripTokenVolume(spec: Json | undefined): number {
  if (!spec || !Array.isArray(spec.volumes)) return 0
  let n = 0
  const names = new Set<string>()
  spec.volumes = spec.volumes.filter((v) => {
    const drop = isObj(v) && typeof v.name === 'string' && TOKEN_VOLUME.test(v.name)
    if (drop) { names.add(v.name as string); n++ }
    return !drop
  })
  if ((spec.volumes as unknown[]).length === 0) delete spec.volumes
  for (const list of ['containers', 'initContainers']) {
    const cs = spec[list]
    if (!Array.isArray(cs)) continue
    for (const c of cs) {
      if (!isObj(c) || !Array.isArray(c.volumeMounts)) continue
      c.volumeMounts = c.volumeMounts.filter((m) => !(isObj(m) && names.has(m.name as string)))
      if ((c.volumeMounts as unknown[]).length === 0) delete c.volumeMounts
    }
  }
  return n
}
