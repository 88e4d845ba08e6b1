import type { Pod } from '../../../../cluster/types'
import { sha256Bytes } from '../../../../util/hash'
import { compact, isJson, pathOf, type ApiContext, type Json } from './context'
import { clone, creationTimeMs, meta, ownerRef, rfc3339, type ApiObject } from './meta'


/** The pod spec the user wrote (the Pod's `spec`, or the workload's `spec.template.spec`), if we have it. */
export function writtenPodSpec(ctx: ApiContext, pod: Pod): Json | undefined {
  const obj = ctx.objectsById.get(pod.source.object)
  if (!obj) return undefined
  return obj.kind === 'Pod' ? pathOf(obj.body, 'spec') : pathOf(obj.body, 'spec', 'template', 'spec')
}

// Container defaults the API server fills in (pkg/apis/core/v1/defaults.go SetDefaults_Container, _ContainerPort).
export function defaultContainer(c: Json): Json {
  const image = typeof c.image === 'string' ? c.image : ''
  const tag = image.includes('@') ? 'digest' : (/:([^/:]+)$/.exec(image)?.[1] ?? '')
  if (c.imagePullPolicy === undefined) c.imagePullPolicy = tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isJson(p) && p.protocol === undefined) p.protocol = 'TCP'
  if (c.resources === undefined) c.resources = {}
  if (c.terminationMessagePath === undefined) c.terminationMessagePath = '/dev/termination-log'
  if (c.terminationMessagePolicy === undefined) c.terminationMessagePolicy = 'File'
  return c
}

/** A pod spec rebuilt from the cluster model, for pods whose written spec we do not have. */
export function synthesizedSpec(pod: Pod): Json {
  return {
    containers: pod.containers.filter((c) => !c.sidecar).map((c) => compact({
      name: c.name,
      image: c.image,
      command: c.command,
      args: c.args,
      ports: c.ports.length ? c.ports.map((p) => compact({ name: p.name, containerPort: p.containerPort, protocol: p.protocol, hostPort: p.hostPort })) : undefined,
      env: Object.keys(c.env).length ? Object.entries(c.env).map(([name, value]) => ({ name, value })) : undefined,
    })),
    ...(pod.hostNetwork ? { hostNetwork: true } : {}),
  }
}

// The DefaultTolerationSeconds admission plugin adds these to every pod that does not tolerate them already.
const DEFAULT_TOLERATIONS: Json[] = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
]

/** SetDefaults_PodSpec and SetDefaults_Container: what the API server fills into any pod spec, templates included. */
export function defaultPodSpec(spec: Json): Json {
  for (const list of ['containers', 'initContainers']) {
    if (Array.isArray(spec[list])) spec[list] = (spec[list] as unknown[]).map((c) => (isJson(c) ? defaultContainer(c) : c))
  }
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.enableServiceLinks ??= true
  spec.restartPolicy ??= 'Always'
  spec.schedulerName ??= 'default-scheduler'
  spec.securityContext ??= {}
  spec.terminationGracePeriodSeconds ??= 30
  return spec
}

export function podSpec(ctx: ApiContext, pod: Pod): Json {
  const spec = defaultPodSpec(clone(writtenPodSpec(ctx, pod)) ?? synthesizedSpec(pod))
  spec.dnsPolicy = pod.dnsPolicy
  if (pod.nodeName) spec.nodeName = pod.nodeName
  // Admission (Priority, ServiceAccount, DefaultTolerationSeconds) adds these to pods, not to templates.
  spec.preemptionPolicy ??= 'PreemptLowerPriority'
  spec.priority ??= 0
  spec.serviceAccountName ??= typeof spec.serviceAccount === 'string' ? spec.serviceAccount : 'default'
  spec.serviceAccount = spec.serviceAccountName
  const tolerations = Array.isArray(spec.tolerations) ? [...spec.tolerations] : []
  for (const t of DEFAULT_TOLERATIONS) {
    if (!tolerations.some((x) => isJson(x) && x.key === t.key)) tolerations.push({ ...t })
  }
  spec.tolerations = tolerations
  return spec
}

function hex(text: string, n: number): string {
  return Array.from(sha256Bytes(text).slice(0, n), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Whether the pod would be Ready; a not-ready pod reports its containers not ready (kubelet status manager). */
function containerStatuses(pod: Pod, spec: Json, startedAt: string, initContainers: boolean): Json[] {
  const list = (initContainers ? spec.initContainers : spec.containers)
  if (!Array.isArray(list)) return []
  return list.filter(isJson).filter((c) => !initContainers || c.restartPolicy === 'Always').map((c) => {
    const image = String(c.image ?? '')
    const repo = image.replace(/[:@][^/]*$/, '')
    const state: Json = pod.phase === 'Running' ? { running: { startedAt } }
      : pod.phase === 'Succeeded' ? { terminated: { exitCode: 0, reason: 'Completed', startedAt, finishedAt: startedAt, containerID: '' } }
        : pod.phase === 'Failed' ? { terminated: { exitCode: 1, reason: 'Error', startedAt, finishedAt: startedAt, containerID: '' } }
          : { waiting: { reason: 'ContainerCreating' } }
    const id = `containerd://${hex(`${pod.id}/${String(c.name)}`, 32)}`
    if (isJson(state.terminated)) state.terminated.containerID = id
    return {
      containerID: pod.phase === 'Pending' ? undefined : id,
      image,
      imageID: pod.phase === 'Pending' ? '' : `${repo}@sha256:${hex(`image:${image}`, 32)}`,
      lastState: {},
      name: c.name,
      ready: pod.phase === 'Running' && pod.ready,
      restartCount: 0,
      started: pod.phase === 'Running',
      state,
    }
  }).map((s) => compact(s))
}

function podStatus(pod: Pod, spec: Json, created: number, unschedulable?: string): Json {
  const at = rfc3339(created)
  const scheduled = !!pod.nodeName
  const qosClass = Array.isArray(spec.containers) && spec.containers.some((c) => isJson(c) && isJson(c.resources) && Object.keys(c.resources).length)
    ? 'Burstable' : 'BestEffort'
  if (!scheduled) {
    return {
      conditions: [compact({ lastProbeTime: null, lastTransitionTime: at, message: unschedulable, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' })],
      phase: 'Pending',
      qosClass,
    }
  }
  const ready = pod.ready && pod.phase === 'Running' ? 'True' : 'False'
  const notReady = ready === 'False' && pod.phase === 'Running'
  const cond = (type: string, status: string, reason?: string) =>
    compact({ lastProbeTime: null, lastTransitionTime: at, reason, status, type })
  const status: Json = {
    conditions: [
      cond('PodReadyToStartContainers', 'True'),
      cond('Initialized', 'True'),
      cond('Ready', ready, notReady ? 'ContainersNotReady' : undefined),
      cond('ContainersReady', ready, notReady ? 'ContainersNotReady' : undefined),
      cond('PodScheduled', 'True'),
    ],
    containerStatuses: containerStatuses(pod, spec, at, false),
    hostIP: pod.hostIP,
    hostIPs: pod.hostIP ? [{ ip: pod.hostIP }] : undefined,
    initContainerStatuses: undefined as unknown,
    phase: pod.phase,
    podIP: pod.podIP || undefined,
    podIPs: pod.podIP ? [{ ip: pod.podIP }] : undefined,
    qosClass,
    startTime: at,
  }
  const sidecars = containerStatuses(pod, spec, at, true)
  if (sidecars.length) status.initContainerStatuses = sidecars
  return compact(status)
}

export function podObject(ctx: ApiContext, pod: Pod): ApiObject {
  const metadata = meta('Pod', pod.name, pod.namespace, pod.createdAtMs, pod.labels, pod.annotations)
  if (pod.owner) {
    const apiVersion = 'apps/v1'
    metadata.ownerReferences = [ownerRef(apiVersion, pod.owner.kind, pod.owner.name, pod.namespace)]
    // StatefulSet pods are named by ordinal; the others by generateName (`<rs>-`, `<ds>-`).
    if (pod.owner.kind !== 'StatefulSet') metadata.generateName = `${pod.owner.name}-`
  }
  if (pod.terminating) {
    metadata.deletionGracePeriodSeconds = 30
    metadata.deletionTimestamp = rfc3339(creationTimeMs(pod.createdAtMs) + 60_000)
  }
  const spec = podSpec(ctx, pod)
  // The scheduler's FitError, when the cluster stage could not place the pod (cluster.pod.unschedulable).
  const fit = pod.nodeName ? undefined : ctx.diagnostics.find((d) => d.code === 'cluster.pod.unschedulable' && d.objectId === pod.source.object)
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status: podStatus(pod, spec, creationTimeMs(pod.createdAtMs), fit?.params.reason) }
}

export function podObjects(ctx: ApiContext): ApiObject[] {
  return ctx.cluster.pods.map((p) => podObject(ctx, p))
}

