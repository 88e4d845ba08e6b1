import { Document, parseAllDocuments } from 'yaml'
import type { SourceFile } from '../manifest/types'
import { redactSecret } from './redact'
import { stripNoise } from './strip'

export interface ImportOptions {
  /** Replace Secret values by placeholders (certificates and htpasswd lines are kept). */
  redactSecrets?: boolean
}

export interface LeftOut {
  kind: string
  /** `namespace/name`, or `name` for cluster-scoped objects. */
  name: string
  /** A catalogue code (importer/messages.ts) saying why. */
  reason: string
}

export interface ImportSummary {
  /** Objects taken, by kind. */
  taken: Record<string, number>
  leftOut: LeftOut[]
  /** Fields of noise removed (managedFields, resourceVersion, last-applied-configuration, ...). */
  stripped: number
  /** Secret values replaced by placeholders. */
  redacted: number
  /** Documents that could not be read (YAML errors, not an object), with their catalogue code and 1-based number. */
  problems: { code: string; params: Record<string, string> }[]
}

export interface ImportResult {
  files: SourceFile[]
  summary: ImportSummary
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

// Which file each kind goes to, in this order (the editor's tabs): machines first, then what runs, then how it is
// reached, then configuration. Kinds not listed go to other.yaml.
const FILES: [string, string[]][] = [
  ['nodes.yaml', ['Node']],
  ['workloads.yaml', ['Namespace', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']],
  ['services.yaml', ['Service', 'Endpoints', 'EndpointSlice']],
  ['ingress.yaml', ['IngressClass', 'Ingress']],
  ['config.yaml', ['ConfigMap', 'Secret']],
]

// Kinds a `kubectl get all,...` dump carries that describe history or access, not the network.
const NOT_NETWORK = new Set(['Event', 'ControllerRevision', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding',
  'Lease', 'Job', 'CronJob', 'PersistentVolumeClaim', 'PersistentVolume', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'])

const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io'
const MIRROR_CONTROLLER = 'endpointslicemirroring-controller.k8s.io'

function nameOf(o: Json): string {
  const meta = isObj(o.metadata) ? o.metadata : {}
  const ns = str(meta.namespace)
  return ns ? `${ns}/${str(meta.name)}` : str(meta.name)
}

function controllerOf(o: Json): { kind: string; name: string } | undefined {
  const meta = isObj(o.metadata) ? o.metadata : {}
  const refs = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : []
  const ref = refs.find((r) => isObj(r) && r.controller === true) ?? refs[0]
  return isObj(ref) ? { kind: str(ref.kind), name: str(ref.name) } : undefined
}

/** Every object of the text: documents in order, `kind: List` (and `*List`) items flattened. */
function objectsOf(text: string, problems: ImportSummary['problems']): Json[] {
  const out: Json[] = []
  let docs
  try {
    docs = parseAllDocuments(text)
  } catch {
    problems.push({ code: 'importer.problem.unreadable', params: { doc: '1' } })
    return out
  }
  const list = Array.isArray(docs) ? docs : [docs]
  list.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      problems.push({ code: 'importer.problem.yaml', params: { doc: String(i + 1), message: doc.errors[0].message.split('\n')[0] } })
      return
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown
    if (value === null || value === undefined) return // an empty document (Helm leaves them)
    if (!isObj(value)) {
      problems.push({ code: 'importer.problem.notObject', params: { doc: String(i + 1) } })
      return
    }
    if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
      for (const item of value.items) if (isObj(item)) out.push(item)
    } else {
      out.push(value)
    }
  })
  return out
}

/**
 * A `kubectl get all,ingress,endpointslices,configmaps -A -o yaml` dump (or a Helm-rendered file) made into scenario
 * files: Lists flattened, API bookkeeping stripped, status kept (pod IPs, node names, ClusterIPs, LB addresses are what
 * the cluster stage honours), objects the playground's controllers would only make again left out with a reason, and
 * Secrets optionally redacted. Pure: text in, files and a summary out.
 */
export function importManifests(text: string, options: ImportOptions = {}): ImportResult {
  const summary: ImportSummary = { taken: {}, leftOut: [], stripped: 0, redacted: 0, problems: [] }
  const objects = objectsOf(text, summary.problems)

  // What the dump holds, for decisions that depend on other objects.
  const present = new Set(objects.map((o) => `${str(o.kind)}/${nameOf(o)}`))
  const selectorless = new Set(objects.filter((o) => o.kind === 'Service' && !(isObj(o.spec) && isObj(o.spec.selector))).map(nameOf))
  const kubeProxyDaemonSets = new Set(objects.filter((o) => o.kind === 'DaemonSet' && isKubeProxy(o)).map((o) => str((o.metadata as Json).name)))

  const leave = (o: Json, reason: string) => summary.leftOut.push({ kind: str(o.kind) || '?', name: nameOf(o), reason: `importer.leftOut.${reason}` })
  const kept: Json[] = []
  for (const o of objects) {
    const kind = str(o.kind)
    const meta = isObj(o.metadata) ? o.metadata : undefined
    if (!kind || !str(o.apiVersion) || !meta || !str(meta.name)) { leave(o, 'incomplete'); continue }
    const owner = controllerOf(o)
    const ns = str(meta.namespace)
    if (NOT_NETWORK.has(kind)) { leave(o, 'notNetwork'); continue }
    if (kind === 'ConfigMap' && meta.name === 'kube-root-ca.crt') { leave(o, 'rootCA'); continue }
    if (kind === 'Service' && ns === 'default' && meta.name === 'kubernetes') { leave(o, 'kubernetesService'); continue }
    if ((kind === 'EndpointSlice' || kind === 'Endpoints') && ns === 'default' && meta.name === 'kubernetes') { leave(o, 'kubernetesService'); continue }
    if (kind === 'Pod' && owner?.kind === 'Node') { leave(o, 'staticPod'); continue }
    if ((kind === 'DaemonSet' && isKubeProxy(o)) || (kind === 'Pod' && owner?.kind === 'DaemonSet' && kubeProxyDaemonSets.has(owner.name))) { leave(o, 'kubeProxy'); continue }
    if (kind === 'ReplicaSet' && owner?.kind === 'Deployment' && present.has(`Deployment/${ns ? `${ns}/` : ''}${owner.name}`)) { leave(o, 'madeByDeployment'); continue }
    if (kind === 'EndpointSlice') {
      const labels = isObj(meta.labels) ? meta.labels : {}
      const manager = str(labels['endpointslice.kubernetes.io/managed-by'])
      const service = str(labels['kubernetes.io/service-name'])
      const svc = `${ns}/${service}`
      if (manager === SLICE_CONTROLLER && present.has(`Service/${svc}`) && !selectorless.has(svc)) { leave(o, 'sliceRecomputed'); continue }
      if (manager === MIRROR_CONTROLLER && present.has(`Endpoints/${svc}`)) { leave(o, 'sliceMirrored'); continue }
    }
    // The Endpoints controller writes Endpoints for selector Services: recomputed (the slices are the source of truth).
    if (kind === 'Endpoints' && present.has(`Service/${nameOf(o)}`) && !selectorless.has(nameOf(o))) { leave(o, 'endpointsRecomputed'); continue }
    summary.stripped += stripNoise(o)
    if (kind === 'Secret' && options.redactSecrets) summary.redacted += redactSecret(o)
    summary.taken[kind] = (summary.taken[kind] ?? 0) + 1
    kept.push(o)
  }

  const files: SourceFile[] = []
  const placed = new Set<Json>()
  const write = (path: string, objs: Json[]) => {
    if (objs.length === 0) return
    for (const o of objs) placed.add(o)
    files.push({ path, text: objs.map(render).join('---\n') })
  }
  for (const [path, kinds] of FILES) write(path, kept.filter((o) => kinds.includes(str(o.kind))))
  write('other.yaml', kept.filter((o) => !placed.has(o)))
  summary.taken = Object.fromEntries(Object.entries(summary.taken).sort(([a], [b]) => a.localeCompare(b)))
  return { files, summary }
}

function isKubeProxy(o: Json): boolean {
  const meta = isObj(o.metadata) ? o.metadata : {}
  const labels = isObj(meta.labels) ? meta.labels : {}
  return str(meta.namespace) === 'kube-system' && (meta.name === 'kube-proxy' || labels['k8s-app'] === 'kube-proxy')
}

/** One object as kubectl prints YAML: block style, sequences at their key's indentation. */
function render(o: Json): string {
  return new Document(o).toString({ indentSeq: false, lineWidth: 0 })
}
