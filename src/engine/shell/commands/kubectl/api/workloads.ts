import type { Pod, Workload } from '../../../../cluster/types'
import { compact, isJson, pathOf, type ApiContext, type Json } from './context'
import { clone, meta, ownerRef, type ApiObject } from './meta'
import { defaultPodSpec, synthesizedSpec } from './pods'

function podsOf(ctx: ApiContext, w: Workload): Pod[] {
  const ids = new Set(w.pods)
  return ctx.cluster.pods.filter((p) => ids.has(p.id))
}

function writtenBody(ctx: ApiContext, w: Workload): Json {
  return ctx.objectsById.get(w.source.object)?.body ?? {}
}

// Labels controllers add to the pods they make, which are not part of the template.
const CONTROLLER_LABELS = ['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'pod-template-generation']

function template(ctx: ApiContext, w: Workload): Json {
  const written = clone(pathOf(writtenBody(ctx, w), 'spec', 'template'))
  // Without the written template (a workload the playground added), rebuild it from one of the workload's pods.
  const pod = written ? undefined : podsOf(ctx, w)[0]
  const labels = pod ? Object.fromEntries(Object.entries(pod.labels).filter(([k]) => !CONTROLLER_LABELS.includes(k))) : undefined
  const t = written ?? (pod ? { metadata: { labels }, spec: synthesizedSpec(pod) } : {})
  t.metadata = isJson(t.metadata) ? t.metadata : {}
  ;(t.metadata as Json).creationTimestamp = null
  t.spec = defaultPodSpec(isJson(t.spec) ? t.spec : {})
  return t
}

function selector(ctx: ApiContext, w: Workload): Json {
  return clone(pathOf(writtenBody(ctx, w), 'spec', 'selector')) ?? { matchLabels: { ...w.selector } }
}

function counts(pods: Pod[]) {
  const running = pods.filter((p) => p.nodeName && !p.terminating)
  const ready = running.filter((p) => p.ready && p.phase === 'Running').length
  return { replicas: running.length, ready }
}

// Omit zero counters as the API's omitempty fields do.
const nz = (n: number) => (n > 0 ? n : undefined)

function metaFor(ctx: ApiContext, w: Workload, kind: string): ReturnType<typeof meta> {
  const obj = ctx.objectsById.get(w.source.object)
  const m = meta(kind, w.name, w.namespace, w.createdAtMs, obj?.labels ?? {}, obj?.annotations ?? {})
  m.generation = 1
  return m
}

export function deploymentObject(ctx: ApiContext, w: Workload): ApiObject {
  const pods = podsOf(ctx, w)
  const c = counts(pods)
  const m = metaFor(ctx, w, 'Deployment')
  m.annotations = { 'deployment.kubernetes.io/revision': '1', ...(m.annotations ?? {}) }
  const written = pathOf(writtenBody(ctx, w), 'spec') ?? {}
  const available = c.ready >= Math.max(0, w.replicas - Math.floor(w.replicas * 0.25))
  const at = m.creationTimestamp
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: m,
    spec: {
      progressDeadlineSeconds: written.progressDeadlineSeconds ?? 600,
      replicas: w.replicas,
      revisionHistoryLimit: written.revisionHistoryLimit ?? 10,
      selector: selector(ctx, w),
      // SetDefaults_Deployment: RollingUpdate with 25% / 25%.
      strategy: clone(pathOf(written, 'strategy')) ?? { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: template(ctx, w),
    },
    status: compact({
      availableReplicas: nz(c.ready),
      conditions: [
        { lastTransitionTime: at, lastUpdateTime: at, message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
          reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', status: available ? 'True' : 'False', type: 'Available' },
        { lastTransitionTime: at, lastUpdateTime: at, message: `ReplicaSet "${w.replicaSetName ?? w.name}" has successfully progressed.`,
          reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
      ],
      observedGeneration: 1,
      readyReplicas: nz(c.ready),
      replicas: nz(c.replicas),
      unavailableReplicas: nz(w.replicas - c.ready),
      updatedReplicas: nz(c.replicas),
    }),
  }
}

/** The ReplicaSet a Deployment made (`<deployment>-<pod-template-hash>`), or one the user wrote. */
export function replicaSetObject(ctx: ApiContext, w: Workload): ApiObject {
  const pods = podsOf(ctx, w)
  const c = counts(pods)
  const fromDeployment = w.kind === 'Deployment'
  const name = fromDeployment ? (w.replicaSetName ?? w.name) : w.name
  const hash = fromDeployment && name.startsWith(`${w.name}-`) ? name.slice(w.name.length + 1) : undefined
  const t = template(ctx, w)
  const sel = selector(ctx, w)
  const labels: Record<string, string> = { ...(isJson(t.metadata) && isJson(t.metadata.labels) ? t.metadata.labels as Record<string, string> : {}) }
  if (hash) {
    labels['pod-template-hash'] = hash
    ;(t.metadata as Json).labels = { ...labels }
    if (isJson(sel.matchLabels)) sel.matchLabels = { ...sel.matchLabels, 'pod-template-hash': hash }
    else sel.matchLabels = { 'pod-template-hash': hash }
  }
  const m = fromDeployment
    ? meta('ReplicaSet', name, w.namespace, w.createdAtMs, labels, {
      'deployment.kubernetes.io/desired-replicas': String(w.replicas),
      'deployment.kubernetes.io/max-replicas': String(w.replicas + Math.ceil(w.replicas * 0.25)),
      'deployment.kubernetes.io/revision': '1',
    })
    : metaFor(ctx, w, 'ReplicaSet')
  m.generation = 1
  if (fromDeployment) m.ownerReferences = [ownerRef('apps/v1', 'Deployment', w.name, w.namespace)]
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: m,
    spec: { replicas: w.replicas, selector: sel, template: t },
    status: compact({
      availableReplicas: nz(c.ready),
      fullyLabeledReplicas: nz(c.replicas),
      observedGeneration: 1,
      readyReplicas: nz(c.ready),
      replicas: c.replicas,
    }),
  }
}

export function statefulSetObject(ctx: ApiContext, w: Workload): ApiObject {
  const c = counts(podsOf(ctx, w))
  const written = pathOf(writtenBody(ctx, w), 'spec') ?? {}
  const revision = `${w.name}-${w.replicaSetName?.slice(w.name.length + 1) ?? 'rev1'}`
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: metaFor(ctx, w, 'StatefulSet'),
    spec: compact({
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      podManagementPolicy: written.podManagementPolicy ?? 'OrderedReady',
      replicas: w.replicas,
      revisionHistoryLimit: written.revisionHistoryLimit ?? 10,
      selector: selector(ctx, w),
      serviceName: w.serviceName,
      template: template(ctx, w),
      updateStrategy: clone(pathOf(written, 'updateStrategy')) ?? { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
    }),
    status: compact({
      availableReplicas: c.ready,
      collisionCount: 0,
      currentReplicas: nz(c.replicas),
      currentRevision: revision,
      observedGeneration: 1,
      readyReplicas: nz(c.ready),
      replicas: c.replicas,
      updateRevision: revision,
      updatedReplicas: nz(c.replicas),
    }),
  }
}

export function daemonSetObject(ctx: ApiContext, w: Workload): ApiObject {
  const pods = podsOf(ctx, w)
  const c = counts(pods)
  const written = pathOf(writtenBody(ctx, w), 'spec') ?? {}
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { ...metaFor(ctx, w, 'DaemonSet'), annotations: { 'deprecated.daemonset.template.generation': '1', ...(metaFor(ctx, w, 'DaemonSet').annotations ?? {}) } },
    spec: {
      revisionHistoryLimit: written.revisionHistoryLimit ?? 10,
      selector: selector(ctx, w),
      template: template(ctx, w),
      updateStrategy: clone(pathOf(written, 'updateStrategy')) ?? { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
    status: compact({
      currentNumberScheduled: pods.length,
      desiredNumberScheduled: pods.length,
      numberAvailable: nz(c.ready),
      numberMisscheduled: 0,
      numberReady: c.ready,
      numberUnavailable: nz(pods.length - c.ready),
      observedGeneration: 1,
      updatedNumberScheduled: nz(pods.length),
    }),
  }
}

export function workloadObjects(ctx: ApiContext, kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet'): ApiObject[] {
  const ws = ctx.cluster.workloads
  switch (kind) {
    case 'Deployment': return ws.filter((w) => w.kind === 'Deployment').map((w) => deploymentObject(ctx, w))
    case 'ReplicaSet': return ws.filter((w) => w.kind === 'ReplicaSet' || w.kind === 'Deployment').map((w) => replicaSetObject(ctx, w))
    case 'StatefulSet': return ws.filter((w) => w.kind === 'StatefulSet').map((w) => statefulSetObject(ctx, w))
    case 'DaemonSet': return ws.filter((w) => w.kind === 'DaemonSet').map((w) => daemonSetObject(ctx, w))
  }
}
