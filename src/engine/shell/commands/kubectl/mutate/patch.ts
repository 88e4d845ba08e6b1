import type { SourceFile } from '../../../../manifest/types'
import { deleteIn, setValueIn, type Located } from '../../../../whatif/yamlEdit'
import type { CommandResult, ShellContext } from '../../../types'
import { locateObject, namespaceOf, needsEditor, notFound, objectArgs, objectName, parseFlags, sameJson, usageError, withFile } from './common'

/**
 * kubectl patch TYPE NAME -p PATCH [--type merge|strategic]: a JSON merge patch (RFC 7386: objects merge, null
 * deletes, anything else replaces) applied to the object's YAML. Strategic merge differs only for lists with merge
 * keys (containers by name, ports by port); this playground replaces lists whole, as a merge patch does, and says so.
 */
export function kubectlPatch(args: string[], ctx: ShellContext): CommandResult {
  const flags = parseFlags(args, { values: ['-n', '--namespace', '-p', '--patch', '--type'], bools: [] })
  if (typeof flags === 'string') return usageError(flags, 'patch')
  const patchText = flags.values.get('-p') ?? flags.values.get('--patch')
  if (patchText === undefined) return usageError('must specify --patch or --patch-file containing the contents of the patch', 'patch')
  const type = flags.values.get('--type') ?? 'strategic'
  if (type === 'json') return { stdout: '', stderr: 'error: the playground applies merge patches (--type merge); JSON patches are not supported\n', exitCode: 1 }
  if (type !== 'merge' && type !== 'strategic') return usageError(`--type must be one of [json merge strategic], not "${type}"`, 'patch')
  let patch: unknown
  try {
    patch = JSON.parse(patchText)
  } catch {
    // kubectl accepts YAML too (yaml.ToJSON); the common case is JSON, so only JSON is read here
    return { stdout: '', stderr: `error: unable to parse "${patchText}": yaml: did not find expected node content\n`, exitCode: 1 }
  }
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return { stdout: '', stderr: 'error: unable to parse the patch: it must be a JSON object\n', exitCode: 1 }
  const objs = objectArgs(flags.positional)
  if (typeof objs === 'string') return usageError(objs, 'patch')
  if (objs.refs.length !== 1) return usageError('exactly one resource must be specified as TYPE NAME or TYPE/NAME', 'patch')
  const noEditor = needsEditor(ctx)
  if (noEditor) return noEditor
  const { type: t, name } = objs.refs[0]
  const ns = namespaceOf(t, flags)
  let files: SourceFile[] = ctx.sim.scenario.files
  let at = locateObject(files, t, ns, name)
  if (!at) return notFound(t, name)
  const before = at.node.toJSON()
  const path0 = at.file.path
  const apply = (node: Record<string, unknown>, path: string[]) => {
    for (const [k, v] of Object.entries(node)) {
      const p = [...path, k]
      const again = (): Located => locateObject(files, t, ns, name)!
      if (v === null) files = withFile(files, path0, deleteIn(at!, p))
      // RFC 7386: an object merges into an existing object; anywhere else it replaces what is there
      else if (typeof v === 'object' && !Array.isArray(v) && isObjectAt(at!, p)) apply(v as Record<string, unknown>, p)
      else files = withFile(files, path0, setValueIn(at!, p, v))
      at = again()
    }
  }
  apply(patch as Record<string, unknown>, [])
  const after = at.node.toJSON()
  if ((after as { metadata?: { name?: string } }).metadata?.name !== name) return { stdout: '', stderr: `The ${t.kind} "${name}" is invalid: metadata.name: Invalid value: "${name}": field is immutable\n`, exitCode: 1 }
  if (sameJson(before, after)) return { stdout: `${objectName(t, name)} patched (no change)\n`, stderr: '', exitCode: 0 }
  const line = `${objectName(t, name)} patched`
  ctx.edit!.apply({ files, changed: [path0], summary: [line] })
  return { stdout: line + '\n', stderr: '', exitCode: 0 }
}

function isObjectAt(at: Located, path: string[]): boolean {
  let v: unknown = at.node.toJSON()
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
  return !!v && typeof v === 'object' && !Array.isArray(v)
}
