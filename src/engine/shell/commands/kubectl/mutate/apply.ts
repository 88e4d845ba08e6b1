import type { SourceFile } from '../../../../manifest/types'
import { readFile } from '../../../files/registry'
import type { CommandResult, ShellContext } from '../../../types'
import { documentsOf, locateObject, needsEditor, objectName, parseFlags, sameJson, typeOfKind, usageError, withFile } from './common'

/** Where objects that kubectl apply creates go: a scenario file named like the applied file, or one for stdin. */
function targetPath(source: string): string {
  return source === '-' ? 'kubectl-apply.yaml' : (source.split('/').pop() ?? source)
}

/**
 * kubectl apply -f FILE | -f - [-n NS]: each object of the YAML is created (appended to a scenario file named after
 * FILE), configured (its document replaced by the applied one), or left unchanged. The real apply merges three ways
 * with the last-applied annotation; for objects written as these files are, the result is the applied manifest.
 */
export function kubectlApply(args: string[], ctx: ShellContext): CommandResult {
  const flags = parseFlags(args, { values: ['-n', '--namespace', '-f', '--filename'], bools: ['--dry-run'] })
  if (typeof flags === 'string') return usageError(flags, 'apply')
  const source = flags.values.get('-f') ?? flags.values.get('--filename')
  if (source === undefined) return usageError('must specify one of -f and -k', 'apply')
  const text = source === '-' ? (ctx.stdin ?? '') : readFile(ctx.sim, ctx.where, source)
  if (text === undefined) return { stdout: '', stderr: `error: the path "${source}" does not exist\n`, exitCode: 1 }
  const docs = documentsOf(text)
  if (typeof docs === 'string') return { stdout: '', stderr: `error: error parsing ${source}: ${docs}\n`, exitCode: 1 }
  if (docs.length === 0) return { stdout: '', stderr: 'error: no objects passed to apply\n', exitCode: 1 }
  const noEditor = needsEditor(ctx)
  if (noEditor) return noEditor
  let files: SourceFile[] = ctx.sim.scenario.files
  const changed: string[] = []
  let stdout = ''
  let stderr = ''
  for (const d of docs) {
    const kind = String(d.json.kind ?? '')
    const meta = (d.json.metadata ?? {}) as Record<string, unknown>
    const name = typeof meta.name === 'string' ? meta.name : ''
    const t = typeOfKind(kind)
    if (!t) { stderr += `error: resource mapping not found for name: "${name}" namespace: "" from "${source}": no matches for kind "${kind}" in version "${String(d.json.apiVersion ?? '')}"\nensure CRDs are installed first\n`; continue }
    if (!name) { stderr += `error: error when retrieving current configuration of:\nResource: "${t.resource}", GroupVersionKind: "${kind}"\nName: "", Namespace: ""\nfrom server for: "${source}": resource name may not be empty\n`; continue }
    const ns = t.namespaced ? (typeof meta.namespace === 'string' ? meta.namespace : flags.values.get('-n') ?? flags.values.get('--namespace') ?? 'default') : ''
    const at = locateObject(files, t, ns, name)
    if (!at) {
      const path = targetPath(source)
      const existing = files.find((f) => f.path === path)?.text
      const joined = existing === undefined || existing.trim() === '' ? d.text : existing.replace(/\n*$/, '\n') + '---\n' + d.text
      files = withFile(files, path, joined)
      changed.push(path)
      stdout += `${objectName(t, name)} created\n`
      continue
    }
    if (sameJson(at.node.toJSON(), d.json)) { stdout += `${objectName(t, name)} unchanged\n`; continue }
    if (at.inList) { stderr += `error: ${objectName(t, name)} is an item of a List document; edit it in the editor\n`; continue }
    const range = at.node.range!
    const fileText = at.file.text
    files = withFile(files, at.file.path, fileText.slice(0, range[0]) + d.text + fileText.slice(range[2]).replace(/^\n/, ''))
    changed.push(at.file.path)
    stdout += `${objectName(t, name)} configured\n`
  }
  if (changed.length && !flags.bools.has('--dry-run')) ctx.edit!.apply({ files, changed: [...new Set(changed)], summary: stdout.trimEnd().split('\n') })
  return { stdout, stderr, exitCode: stderr ? 1 : 0 }
}
