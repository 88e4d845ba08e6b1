import { applyWhatIf } from '../../../../whatif'
import { readString } from '../../../../whatif/yamlEdit'
import { formatMessage } from '../../../../i18n/catalog'
import type { CommandResult, ShellContext } from '../../../types'
import { locateObject, namespaceOf, needsEditor, notFound, objectArgs, objectName, parseFlags, usageError } from './common'

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet'])

/** kubectl scale --replicas=N TYPE NAME | TYPE/NAME: the workload's spec.replicas, through the what-if edit. */
export function kubectlScale(args: string[], ctx: ShellContext): CommandResult {
  const flags = parseFlags(args, { values: ['-n', '--namespace', '--replicas', '--current-replicas'], bools: [] })
  if (typeof flags === 'string') return usageError(flags, 'scale')
  const replicasText = flags.values.get('--replicas')
  if (replicasText === undefined) return usageError('required flag(s) "replicas" not set', 'scale')
  const replicas = Number(replicasText)
  if (!/^\d+$/.test(replicasText)) return usageError(`invalid argument "${replicasText}" for "--replicas" flag: strconv.ParseInt: parsing "${replicasText}": invalid syntax`, 'scale')
  const objs = objectArgs(flags.positional)
  if (typeof objs === 'string') return usageError(objs, 'scale')
  if (objs.refs.length === 0) return usageError('resource(s) were provided, but no name was specified', 'scale')
  const noEditor = needsEditor(ctx)
  if (noEditor) return noEditor
  let files = ctx.sim.scenario.files
  const changed: string[] = []
  let stdout = ''
  for (const { type, name } of objs.refs) {
    const ns = namespaceOf(type, flags)
    if (!SCALABLE.has(type.kind)) return { stdout, stderr: `error: no scaler has been implemented for {"${type.group}" "${type.kind}"}\n`, exitCode: 1 }
    const at = locateObject(files, type, ns, name)
    if (!at) return { ...notFound(type, name), stdout }
    const current = flags.values.get('--current-replicas')
    if (current !== undefined && String(readString(at, 'spec', 'replicas') ?? at.node.getIn(['spec', 'replicas']) ?? 1) !== current) {
      return { stdout, stderr: `error: Expected replicas to be ${current}, was ${at.node.getIn(['spec', 'replicas']) ?? 1}\n`, exitCode: 1 }
    }
    const r = applyWhatIf(files, { op: 'scale', workload: `${type.kind}/${ns}/${name}`, replicas })
    if ('error' in r) return { stdout, stderr: `error: ${formatMessage(r.error.code, r.error.params, ctx.lang)}\n`, exitCode: 1 }
    files = r.files
    changed.push(...r.changed)
    stdout += `${objectName(type, name)} scaled\n`
  }
  ctx.edit!.apply({ files, changed: [...new Set(changed)], summary: stdout.trimEnd().split('\n') })
  return { stdout, stderr: '', exitCode: 0 }
}
