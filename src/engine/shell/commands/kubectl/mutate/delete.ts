import { formatMessage } from '../../../../i18n/catalog'
import type { SourceFile } from '../../../../manifest/types'
import { applyWhatIf } from '../../../../whatif'
import { deleteDocument } from '../../../../whatif/yamlEdit'
import type { CommandResult, ShellContext } from '../../../types'
import { kindPrefix } from '../resources'
import { locateObject, namespaceOf, needsEditor, notFound, objectArgs, parseFlags, usageError, withFile } from './common'

/**
 * kubectl delete TYPE NAME... | TYPE/NAME...: the object's document leaves the YAML (`service "x" deleted`). A pod
 * goes through the what-if edit: a bare pod's document is removed, a controller's pod is replaced by a new one.
 */
export function kubectlDelete(args: string[], ctx: ShellContext): CommandResult {
  const flags = parseFlags(args, { values: ['-n', '--namespace', '--grace-period', '--timeout', '-f', '--filename', '-l', '--selector'], bools: ['--now', '--force', '--wait', '--ignore-not-found'] })
  if (typeof flags === 'string') return usageError(flags, 'delete')
  if (flags.values.has('-l') || flags.values.has('--selector') || flags.values.has('-f') || flags.values.has('--filename')) {
    return { stdout: '', stderr: 'error: the playground deletes objects by TYPE NAME (no -l or -f yet)\n', exitCode: 1 }
  }
  const objs = objectArgs(flags.positional)
  if (typeof objs === 'string') return usageError(objs, 'delete')
  if (objs.rest.length) return usageError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`, 'delete')
  if (objs.refs.length === 0) return usageError('resource(s) were provided, but no name was specified', 'delete')
  const noEditor = needsEditor(ctx)
  if (noEditor) return noEditor
  let files: SourceFile[] = ctx.sim.scenario.files
  const changed: string[] = []
  let stdout = ''
  let stderr = ''
  let status = 0
  for (const { type, name } of objs.refs) {
    const ns = namespaceOf(type, flags)
    const line = `${kindPrefix(type)} "${name}" deleted\n`
    if (type.kind === 'Pod') {
      const pod = ctx.sim.scenario.cluster.pods.find((p) => p.namespace === ns && p.name === name)
      if (!pod) {
        if (!flags.bools.has('--ignore-not-found')) { stderr += notFound(type, name).stderr; status = 1 }
        continue
      }
      const r = applyWhatIf(files, { op: 'deletePod', pod: `${ns}/${name}` })
      if ('error' in r) { stderr += `error: ${formatMessage(r.error.code, r.error.params, ctx.lang)}\n`; status = 1; continue }
      files = r.files
      changed.push(...r.changed)
      stdout += line
      continue
    }
    const at = locateObject(files, type, ns, name)
    if (!at) {
      if (!flags.bools.has('--ignore-not-found')) { stderr += notFound(type, name).stderr; status = 1 }
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
