import type { SourceFile } from '../../../../manifest/types'
import { nodeSite } from '../../../../whatif/apply'
import { deleteIn, locate, readNode, setIn, type Located } from '../../../../whatif/yamlEdit'
import { isMap } from 'yaml'
import type { CommandResult, ShellContext } from '../../../types'
import { locateObject, namespaceOf, needsEditor, notFound, objectArgs, objectName, parseFlags, usageError, withFile } from './common'

// apimachinery validation: a qualified name (optional DNS-1123 prefix/) and a value of at most 63 characters
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

/**
 * kubectl label TYPE NAME KEY=VAL... [KEY-...] [--overwrite] [-n NS]: the labels of the object's metadata in the YAML.
 * Messages follow kubectl/pkg/cmd/label/label.go (updateDataChangeMsg: labeled, unlabeled without --overwrite
 * when the object got smaller, not labeled).
 */
export function kubectlLabel(args: string[], ctx: ShellContext): CommandResult {
  const flags = parseFlags(args, { values: ['-n', '--namespace'], bools: ['--overwrite', '--dry-run'] })
  if (typeof flags === 'string') return usageError(flags, 'label')
  const objs = objectArgs(flags.positional)
  if (typeof objs === 'string') return usageError(objs, 'label')
  if (objs.refs.length === 0) return usageError('one or more resources must be specified as <resource> <name> or <resource>/<name>', 'label')
  if (objs.rest.length === 0) return usageError('at least one label update is required', 'label')
  const set: [string, string][] = []
  const remove: string[] = []
  for (const spec of objs.rest) {
    if (spec.endsWith('-') && !spec.includes('=')) { remove.push(spec.slice(0, -1)); continue }
    const eq = spec.indexOf('=')
    if (eq < 0) return usageError(`at least one label update is required`, 'label')
    const [k, v] = [spec.slice(0, eq), spec.slice(eq + 1)]
    if (!LABEL_KEY.test(k) || k.length > 316) return usageError(`invalid label spec: ${spec}`, 'label')
    if (!LABEL_VALUE.test(v) || v.length > 63) return usageError(`invalid label value: "${spec}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`, 'label')
    set.push([k, v])
  }
  const noEditor = needsEditor(ctx)
  if (noEditor) return noEditor
  let files: SourceFile[] = ctx.sim.scenario.files
  const changed: string[] = []
  let stdout = ''
  let stderr = ''
  for (const { type, name } of objs.refs) {
    const ns = namespaceOf(type, flags)
    // where the labels live: the object's metadata, or a lab machine's entry in the Cluster document
    let labelsPath: (string | number)[] = ['metadata', 'labels']
    let find = (): Located | undefined => locateObject(files, type, ns, name)
    if (type.kind === 'Node') {
      const node = ctx.sim.scenario.cluster.nodes.find((n) => n.name === name)
      if (!node) return { ...notFound(type, name), stdout }
      const site = nodeSite(files, node)
      if (site?.kind === 'cluster') {
        labelsPath = ['spec', 'nodes', site.index, 'labels']
        const clusterName = String((site.at.node.toJSON() as { metadata?: { name?: string } }).metadata?.name ?? '')
        find = () => locate(files, 'Cluster', '', clusterName)
      } else if (site?.kind !== 'node') return { stdout, stderr: stderr + `error: node "${name}" is one of the playground's default machines: write a Cluster document (or a Node object) to give it labels\n`, exitCode: 1 }
    }
    let at = find()
    if (!at) {
      const generated = type.kind === 'Pod' && ctx.sim.scenario.cluster.pods.find((p) => p.namespace === ns && p.name === name)
      if (generated) return { stdout, stderr: stderr + `error: pod "${name}" comes from ${generated.owner ? `${generated.owner.kind}/${generated.owner.name}` : 'the cluster'}: the playground keeps labels in the YAML, so label its template there\n`, exitCode: 1 }
      return { ...notFound(type, name), stdout }
    }
    const labelsNode = readNode(at, ...labelsPath)
    const before: Record<string, string> = isMap(labelsNode) ? (labelsNode.toJSON() as Record<string, string>) : {}
    for (const [k, v] of set) {
      if (k in before && before[k] !== v && !flags.bools.has('--overwrite')) {
        return { stdout, stderr: stderr + `error: '${k}' already has a value (${before[k]}), and --overwrite is false\n`, exitCode: 1 }
      }
    }
    const after = { ...before }
    for (const k of remove) {
      if (!(k in after)) stderr += `label "${k}" not found.\n`
      delete after[k]
    }
    for (const [k, v] of set) after[k] = v
    for (const k of remove) {
      if (!(k in before)) continue
      files = withFile(files, at.file.path, deleteIn(at, [...labelsPath, k] as string[]))
      at = find()!
    }
    for (const [k, v] of set) {
      if (before[k] === v) continue
      files = withFile(files, at.file.path, setIn(at, [...labelsPath, k], v))
      at = find()!
    }
    const same = JSON.stringify(before) === JSON.stringify(after)
    if (!same) changed.push(at.file.path)
    const msg = same ? 'not labeled' : !flags.bools.has('--overwrite') && JSON.stringify(after).length < JSON.stringify(before).length ? 'unlabeled' : 'labeled'
    stdout += `${objectName(type, name)} ${msg}\n`
  }
  if (changed.length && !flags.bools.has('--dry-run')) ctx.edit!.apply({ files, changed: [...new Set(changed)], summary: stdout.trimEnd().split('\n') })
  return { stdout, stderr, exitCode: 0 }
}
