import { objectId } from '../core/ids'
import { createRng, seedFrom } from '../core/rng'
import type { ManifestObject } from '../manifest/types'
import { fnv32aBytes, safeEncodeString, safeRandomString } from '../util/hash'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { refOf, report, type BuildContext } from './context'
import type { PodDraft, Toleration } from './podspec'
import { canonicalJson, getObject, getString, getStringMap, getValue, type Json } from './read'
import { formatSelector, isEmptySelector, readLabelSelector, selectorMatches, type LabelSelector } from './selector'
import type { Workload } from './types'
import { deletedPodsOf, unreadyPodsOf } from './history'

export const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'])

/** A workload read from YAML, with the pods its controller would make (DaemonSet pods are made per node later). */
export interface ExpandedWorkload {
  workload: Workload
  drafts: PodDraft[]
  /** For a DaemonSet: the pod template, stamped per eligible node by `daemonSetDraft`. */
  daemonSet?: {
    template: Json
    obj: ManifestObject
    labels: Record<string, string>
    annotations: Record<string, string>
    /** Nodes that already run one of its pods (imported): the controller makes no second one there. */
    coveredNodes: Set<string>
  }
}

/**
 * controller.ComputeHash: fnv32a over the pod template, then rand.SafeEncodeString of the decimal sum.
 * The real controller hashes a spew dump of the Go struct; this hashes a canonical JSON of what was written,
 * which is as stable (same template → same hash) though not the same digits.
 */
export function templateHash(template: unknown): string {
  // fnv32a over the UTF-8 bytes, hashed as they come (no byte string built: one per workload, 1000 at 1000 × 10)
  return safeEncodeString(String(fnv32aBytes(utf8ToBytes(canonicalJson(template ?? {})))))
}

/** A stream of draws seeded from a string: the randomness of one generated name. */
const seededDraws = (seed: string) => createRng(seedFrom(seed)).next

/** The 5-character suffix of a generated name (names.SimpleNameGenerator: rand.String(5)), seeded so it is stable. */
export function generatedSuffix(base: string, ordinal: number, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const suffix = safeRandomString(5, seededDraws(`${base}#${ordinal}#${attempt}`))
    if (!taken.has(`${base}${suffix}`)) return suffix
  }
}

/** metadata.generateName truncation (names.SimpleNameGenerator: base cut to 58 characters). */
export function generateName(base: string, ordinal: number, taken: Set<string>): string {
  const cut = base.length > 58 ? base.slice(0, 58) : base
  const name = `${cut}${generatedSuffix(cut, ordinal, taken)}`
  taken.add(name)
  return name
}

/**
 * generateName, with the name the controller would have picked had nothing been taken (the first attempt, which
 * history.ts compares with the deleted pods). Both come from one draw when the first attempt is free: the same
 * result as two generateName calls, for half the hashing (a pod of the 1000 × 10 scenario is named twice otherwise).
 */
export function generateNameAndFirst(base: string, ordinal: number, taken: Set<string>): { name: string; first: string } {
  // generateName's first attempt, drawn directly (nothing is taken in an empty set: attempt 0 always answers)
  const cut = base.length > 58 ? base.slice(0, 58) : base
  const first = `${cut}${safeRandomString(5, seededDraws(`${cut}#${ordinal}#0`))}`
  if (taken.has(first)) return { name: generateName(base, ordinal, taken), first }
  taken.add(first)
  return { name: first, first }
}

/**
 * ControllerRefManager.ClaimPods: a controller keeps the pods that name it as their controller and adopts orphans its
 * selector matches (an import of `kubectl get deploy,rs,pods -o yaml` brings both). Adopted orphans get the owner.
 * Only orphans written before the controller are adopted (created first, as `kubectl apply` creates in document
 * order); a later orphan would make the real controller delete one of its own pods, which the playground leaves out
 * so that appending an object never moves an earlier one.
 */
function claimPods(existing: ExistingPod[], selector: LabelSelector, owns: (owner: { kind: string; name: string }) => boolean, adoptAs?: { kind: string; name: string }): PodDraft[] {
  const claimed: PodDraft[] = []
  for (const { draft: p, before } of existing) {
    if (!selectorMatches(selector, p.labels)) continue
    if (p.owner ? owns(p.owner) : adoptAs !== undefined && before) {
      if (!p.owner && adoptAs) p.owner = { ...adoptAs }
      claimed.push(p)
    }
  }
  return claimed
}

/** A written pod of the workload's namespace, and whether it comes before the workload in the documents. */
export interface ExistingPod {
  draft: PodDraft
  before: boolean
}

export function expandWorkload(
  obj: ManifestObject,
  createdAtMs: number,
  ctx: BuildContext,
  takenNames: Set<string>,
  system = false,
  /** The written pods of the namespace whose labels carry the given matchLabels. */
  writtenPods: (matchLabels: Record<string, string>) => ExistingPod[] = () => [],
): ExpandedWorkload | undefined {
  const kind = obj.kind as Workload['kind']
  const spec = getObject(obj.body, 'spec') ?? {}
  const template = getObject(spec, 'template')
  if (!template) {
    report(ctx, 'cluster.workload.noTemplate', 'error', { kind, name: obj.name }, obj, 'spec')
    return undefined
  }
  const templateLabels = getStringMap(template, 'metadata', 'labels') ?? {}
  const templateAnnotations = getStringMap(template, 'metadata', 'annotations') ?? {}
  const podSpec = getObject(template, 'spec') ?? {}

  // apps/v1 requires a selector that matches the template's labels (ValidateDeploymentSpec & co.): rejected otherwise.
  const selector = readLabelSelector(getValue(spec, 'selector'))
  if (!selector || isEmptySelector(selector)) {
    report(ctx, 'cluster.workload.noSelector', 'error', { kind, name: obj.name }, obj, 'spec.selector')
    return undefined
  }
  if (!selectorMatches(selector, templateLabels)) {
    report(ctx, 'cluster.workload.selectorMismatch', 'error',
      { kind, name: obj.name, selector: formatSelector(selector.matchLabels), labels: formatSelector(templateLabels) }, obj, 'spec.selector')
    return undefined
  }

  let replicas = 1 // apps/v1 defaults replicas to 1
  const rawReplicas = getValue(spec, 'replicas')
  if (rawReplicas !== undefined && kind !== 'DaemonSet') {
    if (typeof rawReplicas === 'number' && Number.isInteger(rawReplicas) && rawReplicas >= 0) replicas = rawReplicas
    else report(ctx, 'cluster.workload.badReplicas', 'error', { value: String(rawReplicas) }, obj, 'spec.replicas')
  }

  const workload: Workload = {
    id: obj.id,
    kind,
    namespace: obj.namespace,
    name: obj.name,
    replicas: kind === 'DaemonSet' ? 0 : replicas,
    pods: [],
    selector: { ...selector.matchLabels },
    source: refOf(obj),
    createdAtMs,
  }
  if (system) workload.system = true
  // One literal, not spreads of spreads: 10,000 pods at 1000 × 10 (the key order is the one the spreads gave)
  const draft = (labels: Record<string, string>, name: string, spec: Json, owner: { kind: string; name: string }): PodDraft => {
    const d: PodDraft = system
      ? { namespace: obj.namespace, labels, annotations: { ...templateAnnotations }, spec, status: {}, obj, field: 'spec.template.spec', createdAtMs, system: true, name, owner }
      : { namespace: obj.namespace, labels, annotations: { ...templateAnnotations }, spec, status: {}, obj, field: 'spec.template.spec', createdAtMs, name, owner }
    return d
  }
  const drafts: PodDraft[] = []
  const existing = writtenPods(selector.matchLabels)
  // history.ts: pods the scenario deleted stay taken names (the controller's replacements get new ones)
  const deleted = new Set(deletedPodsOf(obj.annotations).map((p) => p.name))
  const unready = unreadyPodsOf(obj.annotations)
  const mark = (d: PodDraft, firstName: string): PodDraft => {
    if (deleted.has(firstName)) d.recreated = true
    if (unready.has(d.name)) d.unready = true
    return d
  }

  if (kind === 'Deployment' || kind === 'ReplicaSet') {
    let rsName = obj.name
    let labels = { ...templateLabels }
    let owned: PodDraft[]
    if (kind === 'Deployment') {
      // The Deployment controller names its ReplicaSet <deployment>-<pod-template-hash> and labels pods with the hash;
      // imported pods of one of its ReplicaSets keep theirs (the RS selector carries pod-template-hash: no orphans).
      owned = claimPods(existing, selector, (o) => o.kind === 'ReplicaSet' && o.name.startsWith(`${obj.name}-`))
      const hash = owned[0]?.labels['pod-template-hash'] ?? templateHash(template)
      rsName = owned[0]?.owner?.name ?? `${obj.name}-${hash}`
      workload.replicaSetName = rsName
      labels = { ...labels, 'pod-template-hash': hash }
    } else {
      owned = claimPods(existing, selector, (o) => o.kind === 'ReplicaSet' && o.name === obj.name, { kind: 'ReplicaSet', name: obj.name })
    }
    // The ReplicaSet controller creates only what is missing (manageReplicas: diff = len(filteredPods) - replicas).
    if (kind === 'Deployment' || kind === 'ReplicaSet') for (const n of deleted) takenNames.add(n)
    for (let i = owned.length; i < replicas; i++) {
      // The ReplicaSet controller creates pods with generateName `<rs>-`.
      const { name, first } = generateNameAndFirst(`${rsName}-`, i, takenNames)
      drafts.push(mark(draft({ ...labels }, name, podSpec, { kind: 'ReplicaSet', name: rsName }), first))
    }
  } else if (kind === 'StatefulSet') {
    const serviceName = getString(spec, 'serviceName')
    if (serviceName) workload.serviceName = serviceName
    // StatefulSet controller: ordinal names, the revision label and the pod-name label (statefulset/stateful_set_utils.go).
    const revision = `${obj.name}-${templateHash(template)}`
    const owned = new Set(claimPods(existing, selector, (o) => o.kind === 'StatefulSet' && o.name === obj.name, { kind: 'StatefulSet', name: obj.name }).map((p) => p.name))
    for (let i = 0; i < replicas; i++) {
      const name = `${obj.name}-${i}`
      if (owned.has(name)) continue
      // The controller's create fails with AlreadyExists when another pod holds the ordinal name.
      if (takenNames.has(name)) {
        report(ctx, 'cluster.workload.podNameTaken', 'warning', { kind, name: obj.name, pod: name }, obj, 'metadata.name')
        continue
      }
      takenNames.add(name)
      const labels = {
        ...templateLabels,
        'apps.kubernetes.io/pod-index': String(i),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': name,
      }
      // newStatefulSetPod sets hostname = pod name and subdomain = serviceName.
      const podSpec2: Json = { ...podSpec, hostname: name }
      if (serviceName) podSpec2.subdomain = serviceName
      else delete podSpec2.subdomain
      drafts.push(mark(draft(labels, name, podSpec2, { kind: 'StatefulSet', name: obj.name }), name))
    }
  } else {
    const owned = claimPods(existing, selector, (o) => o.kind === 'DaemonSet' && o.name === obj.name, { kind: 'DaemonSet', name: obj.name })
    const coveredNodes = new Set(owned.map((p) => getString(p.spec, 'nodeName') ?? '').filter((n) => n !== ''))
    return { workload, drafts, daemonSet: { template, obj, labels: templateLabels, annotations: templateAnnotations, coveredNodes } }
  }
  return { workload, drafts }
}

/**
 * The tolerations the DaemonSet controller adds to every daemon pod (pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations):
 * daemon pods survive not-ready/unreachable nodes, pressure conditions and cordoning.
 */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ]
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' })
  return t
}

export function daemonSetDraft(w: ExpandedWorkload, nodeName: string, ordinal: number, takenNames: Set<string>): PodDraft {
  const ds = w.daemonSet!
  const spec = getObject(ds.template, 'spec') ?? {}
  const hash = templateHash(ds.template)
  // history.ts: a deleted daemon pod's name stays taken; the controller's replacement is addressed last
  const deleted = new Set(deletedPodsOf(ds.obj.annotations).map((p) => p.name))
  for (const n of deleted) takenNames.add(n)
  const { name, first: firstName } = generateNameAndFirst(`${w.workload.name}-`, ordinal, takenNames)
  return {
    ...(deleted.has(firstName) ? { recreated: true } : {}),
    ...(unreadyPodsOf(ds.obj.annotations).has(name) ? { unready: true } : {}),
    namespace: w.workload.namespace,
    name,
    labels: {
      ...ds.labels,
      'controller-revision-hash': hash,
      'pod-template-generation': '1',
    },
    annotations: { ...ds.annotations },
    spec,
    status: {},
    obj: ds.obj,
    field: 'spec.template.spec',
    createdAtMs: w.workload.createdAtMs,
    owner: { kind: 'DaemonSet', name: w.workload.name },
    boundNode: nodeName,
    extraTolerations: daemonTolerations(spec.hostNetwork === true),
    ...(w.workload.system ? { system: true } : {}),
  }
}

export function workloadIdOf(obj: ManifestObject): string {
  return objectId(obj.kind, obj.name, obj.namespace)
}
