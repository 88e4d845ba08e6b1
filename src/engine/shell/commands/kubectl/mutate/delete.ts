import { formatMessage } from '../../../../i18n/catalog'
import type { SourceFile } from '../../../../manifest/types'
import { applyWhatIf } from '../../../../whatif'
import { deleteDocument } from '../../../../whatif/yamlEdit'
import { readFile } from '../../../files/registry'
import { parseSelector, selectorMatches } from '../../../selector'
import type { CommandResult, ShellContext } from '../../../types'
import { listObjects } from '../api'
import { kindPrefix, resolveResource, type ResourceType } from '../resources'
import { documentsOf, locateObject, namespaceOf, needsEditor, notFound, objectArgs, parseFlags, typeOfKind, usageError, withFile, type Flags } from './common'

type Ref = { type: ResourceType; name: string; namespace: string }

/**
 * kubectl delete TYPE NAME... | TYPE/NAME... | TYPE[,TYPE] -l SELECTOR | TYPE --all | -f FILE: each object's document
 * leaves the YAML (`service "x" deleted`). A pod goes through the what-if edit: a bare pod's document is removed, a
 * controller's pod is replaced by a new one (with a new name and address, as its ReplicaSet would make).
 */
export function kubectlDelete(args: string[], ctx: ShellContext): CommandResult {
  const flags = parseFlags(args, { values: ['-n', '--namespace', '--grace-period', '--timeout', '-f', '--filename', '-l', '--selector'], bools: ['--now', '--force', '--wait', '--ignore-not-found', '--all', '-A', '--all-namespaces'] })
  if (typeof flags === 'string') return usageError(flags, 'delete')
  const refs = objectsToDelete(flags, ctx)
  if (typeof refs === 'string') return usageError(refs, 'delete')
  if ('stderr' in refs) return refs
  const noEditor = needsEditor(ctx)
  if (noEditor) return noEditor
  // delete.go DeleteResult: a selector or --all that matched nothing is not an error
  if (refs.bySelection && refs.list.length === 0) return { stdout: 'No resources found\n', stderr: '', exitCode: 0 }
  return deleteObjects(refs.list, flags, ctx)
}

/** What the command line names, as the resource builder would resolve it (names, a selector, --all, or a file). */
function objectsToDelete(flags: Flags, ctx: ShellContext): { list: Ref[]; bySelection: boolean } | CommandResult | string {
  const selector = flags.values.get('-l') ?? flags.values.get('--selector')
  const all = flags.bools.has('--all')
  const file = flags.values.get('-f') ?? flags.values.get('--filename')
  const allNamespaces = flags.bools.has('-A') || flags.bools.has('--all-namespaces')
  // cli-runtime builder.go visitByPaths, visitBySelector: its errors are printed by CheckErr as `error: …`
  const plain = (message: string): CommandResult => ({ stdout: '', stderr: `error: ${message}\n`, exitCode: 1 })
  if (file !== undefined) {
    if (flags.positional.length) return plain('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    return fileObjects(file, flags, ctx)
  }
  if (selector === undefined && !all) {
    const objs = objectArgs(flags.positional)
    if (typeof objs === 'string') return objs
    if (objs.rest.length) return `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`
    if (objs.refs.length === 0) return 'resource(s) were provided, but no name was specified'
    return { list: objs.refs.map((r) => ({ ...r, namespace: namespaceOf(r.type, flags) })), bySelection: false }
  }
  // delete.go Validate; then the builder, where --all is the selector that matches everything
  if (all && selector !== undefined) return plain('cannot set --all and --selector at the same time')
  if (flags.positional.length === 0) return plain('at least one resource must be specified to use a selector')
  if (flags.positional.some((a) => a.includes('/'))) return plain('selectors and the all flag cannot be used when passing resource/name arguments')
  if (flags.positional.length > 1) return plain('name cannot be provided when a selector is specified')
  const parsed = selector !== undefined ? parseSelector(selector) : { ok: true as const, requirements: [] }
  if (!parsed.ok) return plain(parsed.error)
  const list: Ref[] = []
  for (const typeArg of flags.positional[0].split(',').filter(Boolean)) {
    const types = resolveResource(typeArg)
    if (!types) return `the server doesn't have a resource type "${typeArg}"`
    for (const type of types) {
      const namespace = namespaceOf(type, flags)
      for (const o of listObjects(ctx.sim, type)) {
        if (type.namespaced && !allNamespaces && o.metadata.namespace !== namespace) continue
        if (!selectorMatches(parsed.requirements, o.metadata.labels ?? {})) continue
        list.push({ type, name: o.metadata.name, namespace: o.metadata.namespace ?? '' })
      }
    }
  }
  return { list, bySelection: true }
}

/** kubectl delete -f FILE: the objects the file describes, by kind, namespace and name. */
function fileObjects(source: string, flags: Flags, ctx: ShellContext): { list: Ref[]; bySelection: boolean } | CommandResult {
  const text = source === '-' ? (ctx.stdin ?? '') : readFile(ctx.sim, ctx.where, source)
  if (text === undefined) return { stdout: '', stderr: `error: the path "${source}" does not exist\n`, exitCode: 1 }
  const docs = documentsOf(text)
  if (typeof docs === 'string') return { stdout: '', stderr: `error: error parsing ${source}: ${docs}\n`, exitCode: 1 }
  const list: Ref[] = []
  for (const d of docs) {
    const kind = String(d.json.kind ?? '')
    const meta = (d.json.metadata ?? {}) as Record<string, unknown>
    const type = typeOfKind(kind)
    if (!type) return { stdout: '', stderr: `error: resource mapping not found for name: "${String(meta.name ?? '')}" namespace: "" from "${source}": no matches for kind "${kind}" in version "${String(d.json.apiVersion ?? '')}"\nensure CRDs are installed first\n`, exitCode: 1 }
    const namespace = type.namespaced ? (typeof meta.namespace === 'string' ? meta.namespace : namespaceOf(type, flags)) : ''
    list.push({ type, name: String(meta.name ?? ''), namespace })
  }
  return { list, bySelection: false }
}

function deleteObjects(refs: Ref[], flags: Flags, ctx: ShellContext): CommandResult {
  let files: SourceFile[] = ctx.sim.scenario.files
  const changed: string[] = []
  let stdout = ''
  let stderr = ''
  let status = 0
  const missing = (type: ResourceType, name: string) => {
    if (flags.bools.has('--ignore-not-found')) return
    stderr += notFound(type, name).stderr
    status = 1
  }
  for (const { type, name, namespace } of refs) {
    const line = `${kindPrefix(type)} "${name}" deleted\n`
    if (type.kind === 'Pod') {
      const pod = ctx.sim.scenario.cluster.pods.find((p) => p.namespace === namespace && p.name === name)
      if (!pod) { missing(type, name); continue }
      const r = applyWhatIf(files, { op: 'deletePod', pod: `${namespace}/${name}` })
      if ('error' in r) { stderr += `error: ${formatMessage(r.error.code, r.error.params, ctx.lang)}\n`; status = 1; continue }
      files = r.files
      changed.push(...r.changed)
      stdout += line
      continue
    }
    const at = locateObject(files, type, namespace, name)
    if (!at) {
      // an object the cluster made (a ReplicaSet, an EndpointSlice, the kube-dns add-on): what made it would make it again
      const made = listObjects(ctx.sim, type).some((o) => o.metadata.name === name && (o.metadata.namespace ?? '') === namespace)
      if (made) { stderr += `error: ${kindPrefix(type)} "${name}" is not in the scenario's YAML (a controller or the playground's cluster makes it); delete or edit what makes it\n`; status = 1 }
      else missing(type, name)
      continue
    }
    if (at.inList) { stderr += `error: ${type.kind.toLowerCase()} "${name}" is an item of a List document; delete it in the editor\n`; status = 1; continue }
    files = withFile(files, at.file.path, deleteDocument(at))
    changed.push(at.file.path)
    stdout += line
  }
  if (changed.length) ctx.edit!.apply({ files, changed: [...new Set(changed)], summary: stdout.trimEnd().split('\n') })
  return { stdout, stderr, exitCode: status }
}
