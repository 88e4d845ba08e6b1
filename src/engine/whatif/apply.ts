import { isMap, isSeq, type Pair } from 'yaml'
import { DELETED_PODS_ANNOTATION, PREVIOUS_IPS_ANNOTATION, UNREADY_PODS_ANNOTATION } from '../cluster/history'
import { READY_ANNOTATION } from '../cluster/pods'
import type { Cluster, ClusterNode, Pod } from '../cluster/types'
import type { SourceFile } from '../manifest/types'
import { compileScenario } from '../scenario'
import type { WhatIfMessage, WhatIfOp, WhatIfResult } from './types'
import { deleteDocument, deleteIn, locate, readNode, readString, setIn, setValueIn, withFile, type Located } from './yamlEdit'

const MAX_REPLICAS = 1000
// The nodes the cluster stage assumes when the scenario names none (cluster/config.ts DEFAULT_NODES).
const DEFAULT_CLUSTER_FILE = 'cluster.yaml'

/**
 * Applies a what-if to the scenario's files: text in, text out. The result is an ordinary edit (visible in the
 * editor, undoable there) plus a summary of what the cluster did about it; the files compile to the changed cluster.
 */
export function applyWhatIf(files: SourceFile[], op: WhatIfOp): WhatIfResult {
  const cluster = compileScenario(files).cluster
  switch (op.op) {
    case 'deletePod':
    case 'recreatePod':
      return deletePod(files, cluster, op.pod, op.op === 'recreatePod')
    case 'setPodReady':
      return setPodReady(files, cluster, op.pod, op.ready)
    case 'cordon':
    case 'uncordon':
      return cordon(files, cluster, op.node, op.op === 'cordon')
    case 'drain':
      return drain(files, cluster, op.node, op.force ?? false)
    case 'powerOff':
    case 'powerOn':
      return power(files, cluster, op.node, op.op === 'powerOn')
    case 'scale':
      return scale(files, cluster, op.workload, op.replicas)
  }
}

const err = (code: string, params: Record<string, string> = {}): WhatIfResult => ({ error: { code, params } })

function findPod(cluster: Cluster, ref: string): Pod | undefined {
  const [ns, name] = ref.includes('/') ? ref.split('/', 2) : ['default', ref]
  return cluster.pods.find((p) => p.namespace === ns && p.name === name)
}

function objectOf(id: string): { kind: string; namespace: string; name: string } {
  const parts = id.split('/')
  return parts.length >= 3 ? { kind: parts[0], namespace: parts[1], name: parts.slice(2).join('/') } : { kind: parts[0], namespace: '', name: parts[1] ?? '' }
}

/** The YAML of the object a pod comes from: the Pod itself, or the workload that made it. */
function sourceOf(files: SourceFile[], pod: Pod): Located | undefined {
  const o = objectOf(pod.source.object)
  return locate(files, o.kind, o.namespace, o.name)
}

function done(files: SourceFile[], summary: WhatIfMessage, changed: string[]): WhatIfResult {
  return { files, summary, changed: [...new Set(changed)] }
}

function listAnnotation(at: Located, key: string): string[] {
  return (readString(at, 'metadata', 'annotations', key) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
}

/** The files with an annotation of the object (given as a list) set, or removed when the list is empty. */
function setList(files: SourceFile[], at: Located, key: string, values: string[]): SourceFile[] {
  const text = values.length ? setIn(at, ['metadata', 'annotations', key], values.join(',')) : deleteIn(at, ['metadata', 'annotations', key])
  return withFile(files, at.file.path, text)
}

function deletePod(files: SourceFile[], cluster: Cluster, ref: string, reapply: boolean): WhatIfResult {
  const pod = findPod(cluster, ref)
  if (!pod) return err('whatif.error.noPod', { pod: ref })
  const name = `${pod.namespace}/${pod.name}`
  if (pod.system || pod.source.range?.file === '') return err('whatif.error.system', { name })
  const at = sourceOf(files, pod)
  if (!at) return err('whatif.error.notInYaml', { name })

  if (pod.owner && at.node !== undefined && objectOf(pod.source.object).kind !== 'Pod') {
    // The controller notices the missing replica and creates another (ReplicaSet: a new generated name; StatefulSet:
    // the same ordinal name); the scenario records the deletion on the workload (cluster/history.ts).
    const entries = listAnnotation(at, DELETED_PODS_ANNOTATION).filter((e) => !e.startsWith(`${pod.name}@`))
    let next = setList(files, at, DELETED_PODS_ANNOTATION, [...entries, pod.podIP ? `${pod.name}@${pod.podIP}` : pod.name])
    const unready = listAnnotation(at, UNREADY_PODS_ANNOTATION)
    if (unready.includes(pod.name)) {
      const again = locate(next, objectOf(pod.source.object).kind, pod.namespace, objectOf(pod.source.object).name)!
      next = setList(next, again, UNREADY_PODS_ANNOTATION, unready.filter((n) => n !== pod.name))
    }
    const before = new Set(cluster.pods.map((p) => p.id))
    const after = compileScenario(next).cluster
    const fresh = after.pods.find((p) => p.source.object === pod.source.object && (!before.has(p.id) || (p.name === pod.name && p.podIP !== pod.podIP)))
    return done(next, {
      code: 'whatif.deletePod.replaced',
      params: { pod: name, ip: pod.podIP, controller: `${pod.owner.kind}/${pod.owner.name}`, newPod: fresh ? `${fresh.namespace}/${fresh.name}` : '', newIp: fresh?.podIP ?? '' },
    }, [at.file.path])
  }

  if (!reapply) {
    if (at.inList) return err('whatif.error.notInYaml', { name })
    return done(withFile(files, at.file.path, deleteDocument(at)), { code: 'whatif.deletePod.bare', params: { pod: name, ip: pod.podIP } }, [at.file.path])
  }
  // delete + apply again: the same object, its earlier address kept in its history so the node hands out another
  const previous = listAnnotation(at, PREVIOUS_IPS_ANNOTATION)
  const next = pod.podIP && !previous.includes(pod.podIP) ? setList(files, at, PREVIOUS_IPS_ANNOTATION, [...previous, pod.podIP]) : files
  const again = findPod(compileScenario(next).cluster, name)
  return done(next, { code: 'whatif.recreatePod', params: { pod: name, ip: pod.podIP, newIp: again?.podIP ?? '' } }, [at.file.path])
}

function setPodReady(files: SourceFile[], cluster: Cluster, ref: string, ready: boolean): WhatIfResult {
  const pod = findPod(cluster, ref)
  if (!pod) return err('whatif.error.noPod', { pod: ref })
  const name = `${pod.namespace}/${pod.name}`
  if (pod.system || pod.source.range?.file === '') return err('whatif.error.system', { name })
  const at = sourceOf(files, pod)
  if (!at) return err('whatif.error.notInYaml', { name })
  const summary = { code: ready ? 'whatif.ready.true' : 'whatif.ready.false', params: { pod: name } }
  if (objectOf(pod.source.object).kind === 'Pod') {
    // cluster/pods.ts: the playground's short form of a failing readiness probe
    const text = ready ? deleteIn(at, ['metadata', 'annotations', READY_ANNOTATION]) : setIn(at, ['metadata', 'annotations', READY_ANNOTATION], 'false')
    return done(withFile(files, at.file.path, text), summary, [at.file.path])
  }
  const unready = listAnnotation(at, UNREADY_PODS_ANNOTATION).filter((n) => n !== pod.name)
  return done(setList(files, at, UNREADY_PODS_ANNOTATION, ready ? unready : [...unready, pod.name]), summary, [at.file.path])
}

/** Where a node's settings live: its entry in the Cluster document, a kind: Node object, or nowhere (the defaults). */
export type NodeSite = { kind: 'cluster'; at: Located; index: number } | { kind: 'node'; at: Located } | { kind: 'defaults' }

export function nodeSite(files: SourceFile[], node: ClusterNode): NodeSite | undefined {
  const asNode = locate(files, 'Node', '', node.name)
  if (asNode && node.source?.object === `Node/${node.name}`) return { kind: 'node', at: asNode }
  if (node.source?.object.startsWith('Cluster/')) {
    const at = locate(files, 'Cluster', '', objectOf(node.source.object).name)
    const list = at ? readNode(at, 'spec', 'nodes') : undefined
    if (!at || !isSeq(list)) return undefined
    const index = list.items.findIndex((it) => isMap(it) && (it.items as Pair[]).some((p) => String((p.key as { value?: unknown })?.value) === 'name' && String((p.value as { value?: unknown })?.value) === node.name))
    return index < 0 ? undefined : { kind: 'cluster', at, index }
  }
  return node.source ? undefined : { kind: 'defaults' }
}

/**
 * The files with a node setting changed where the engine reads it (cluster/config.ts): the Cluster document's node
 * entry (`unschedulable`, `ready`), a Node object (spec.unschedulable, the Ready condition), or, for the default lab,
 * a new Cluster document that writes the default machines out with the change.
 */
function setNode(files: SourceFile[], cluster: Cluster, node: ClusterNode, field: 'unschedulable' | 'ready', value: boolean): { files: SourceFile[]; path: string } | WhatIfResult {
  const site = nodeSite(files, node)
  if (!site) return err('whatif.error.notInYaml', { name: `node/${node.name}` })
  if (site.kind === 'cluster') {
    return { files: withFile(files, site.at.file.path, setIn(site.at, ['spec', 'nodes', site.index, field], value)), path: site.at.file.path }
  }
  if (site.kind === 'node') {
    if (field === 'unschedulable') {
      const text = value ? setIn(site.at, ['spec', 'unschedulable'], true) : deleteIn(site.at, ['spec', 'unschedulable'])
      return { files: withFile(files, site.at.file.path, text), path: site.at.file.path }
    }
    const conditions = readNode(site.at, 'status', 'conditions')
    const i = isSeq(conditions) ? conditions.items.findIndex((c) => isMap(c) && c.get('type') === 'Ready') : -1
    if (i < 0) return err('whatif.error.notInYaml', { name: `node/${node.name} Ready condition` })
    // kubelet stops posting status: the node lifecycle controller sets Ready to Unknown (NodeStatusUnknown)
    return { files: withFile(files, site.at.file.path, setIn(site.at, ['status', 'conditions', i, 'status'], value ? 'True' : 'Unknown')), path: site.at.file.path }
  }
  const entries = cluster.nodes.map((n) => {
    const settings = { unschedulable: n.unschedulable, ready: n.ready }
    if (n.name === node.name) settings[field] = value
    return { name: n.name, ip: n.ip, ...(n.controlPlane ? { controlPlane: true } : {}), ...(settings.unschedulable ? { unschedulable: true } : {}), ...(settings.ready ? {} : { ready: false }) }
  })
  // A Cluster document that names no machines (a lab with only a router, say) takes them: a second Cluster
  // document would be a duplicate object, and the engine would ignore it.
  const written = clusterDocument(files)
  if (written) {
    return { files: withFile(files, written.file.path, setValueIn(written, ['spec', 'nodes'], entries)), path: written.file.path }
  }
  const path = files.some((f) => f.path === DEFAULT_CLUSTER_FILE) ? 'kube-hops-cluster.yaml' : DEFAULT_CLUSTER_FILE
  const lines = cluster.nodes.map((n) => {
    const settings = { unschedulable: n.unschedulable, ready: n.ready }
    if (n.name === node.name) settings[field] = value
    const fields = [`name: ${n.name}`, `ip: ${n.ip}`]
    if (n.controlPlane) fields.push('controlPlane: true')
    if (settings.unschedulable) fields.push('unschedulable: true')
    if (!settings.ready) fields.push('ready: false')
    return `  - {${fields.join(', ')}}`
  })
  const text = `# The lab's machines, written out by a what-if edit (these are the playground's defaults).\napiVersion: kube-hops.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: lab\nspec:\n  nodes:\n${lines.join('\n')}\n`
  return { files: [...files, { path, text }], path }
}

/** The scenario's Cluster document (kube-hops.dev), wherever it is written. */
function clusterDocument(files: SourceFile[]): Located | undefined {
  for (const f of files) {
    for (const match of f.text.matchAll(/^kind:[ \t]*Cluster[ \t]*$/gm)) {
      const after = f.text.slice(match.index)
      const name = /^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:[ \t]*["']?([\w.-]+)/m.exec(after)?.[1]
      const at = name !== undefined ? locate([f], 'Cluster', '', name) : undefined
      if (at) return at
    }
  }
  return undefined
}

function findNode(cluster: Cluster, name: string): ClusterNode | undefined {
  return cluster.nodes.find((n) => n.name === name)
}

function cordon(files: SourceFile[], cluster: Cluster, name: string, on: boolean): WhatIfResult {
  const node = findNode(cluster, name)
  if (!node) return err('whatif.error.noNode', { node: name })
  const r = setNode(files, cluster, node, 'unschedulable', on)
  if ('error' in r) return r
  if (!('path' in r)) return r
  if (!on) return done(r.files, { code: 'whatif.uncordon', params: { node: name } }, [r.path])
  // The real cordon leaves running pods where they are; the playground schedules from scratch, and says what moved.
  const after = compileScenario(r.files).cluster
  const moved = cluster.pods.filter((p) => p.nodeName === name && !p.system && after.pods.find((q) => q.id === p.id)?.nodeName !== name).map((p) => `${p.namespace}/${p.name}`)
  const summary: WhatIfMessage = moved.length ? { code: 'whatif.cordon.moved', params: { node: name, pods: moved.join(', ') } } : { code: 'whatif.cordon', params: { node: name } }
  return done(r.files, summary, [r.path])
}

function drain(files: SourceFile[], cluster: Cluster, name: string, force: boolean): WhatIfResult {
  const node = findNode(cluster, name)
  if (!node) return err('whatif.error.noNode', { node: name })
  const onNode = cluster.pods.filter((p) => p.nodeName === name && !p.system && p.source.range?.file !== '')
  // kubectl drain: daemon pods are skipped (--ignore-daemonsets); bare pods need --force (drain.go's unreplicatedFilter)
  const evict = onNode.filter((p) => p.owner?.kind !== 'DaemonSet')
  const bare = evict.filter((p) => objectOf(p.source.object).kind === 'Pod')
  if (bare.length && !force) return err('whatif.error.drainBarePods', { pods: bare.map((p) => `${p.namespace}/${p.name}`).join(', ') })
  const r = setNode(files, cluster, node, 'unschedulable', true)
  if ('error' in r) return r
  if (!('path' in r)) return r
  let next = r.files
  const changed = [r.path]
  for (const p of evict) {
    const step = deletePod(next, cluster, `${p.namespace}/${p.name}`, false)
    if ('error' in step) return step
    next = step.files
    changed.push(...step.changed)
  }
  return done(next, { code: 'whatif.drain', params: { node: name, count: String(evict.length), pods: evict.map((p) => `${p.namespace}/${p.name}`).join(', ') } }, changed)
}

function power(files: SourceFile[], cluster: Cluster, name: string, on: boolean): WhatIfResult {
  const node = findNode(cluster, name)
  if (!node) return err('whatif.error.noNode', { node: name })
  const r = setNode(files, cluster, node, 'ready', on)
  if ('error' in r) return r
  if (!('path' in r)) return r
  return done(r.files, { code: on ? 'whatif.powerOn' : 'whatif.powerOff', params: { node: name } }, [r.path])
}

function scale(files: SourceFile[], cluster: Cluster, id: string, replicas: number): WhatIfResult {
  const w = cluster.workloads.find((x) => x.id === id)
  if (!w) return err('whatif.error.noWorkload', { workload: id })
  if (w.system) return err('whatif.error.system', { name: id })
  if (w.kind === 'DaemonSet') return err('whatif.error.daemonSet')
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > MAX_REPLICAS) return err('whatif.error.replicas', { max: String(MAX_REPLICAS) })
  const at = locate(files, w.kind, w.namespace, w.name)
  if (!at) return err('whatif.error.notInYaml', { name: id })
  return done(withFile(files, at.file.path, setIn(at, ['spec', 'replicas'], replicas)),
    { code: 'whatif.scale', params: { workload: id, from: String(w.replicas), to: String(replicas) } }, [at.file.path])
}
