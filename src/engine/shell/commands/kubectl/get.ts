import type { ShellContext, CommandResult } from '../../types'
import { KUBECTL_GET_TABS, tabwrite } from '../../tabwriter'
import { listObjects, type ApiObject } from './api'
import type { KubectlFlags } from './args'
import { formatLabels } from './format'
import { apiVersionOf, gvrString, kindPrefix, resolveResource, type ResourceType } from './resources'
import { parseSelector, selectorMatches } from '../../selector'
import { toJson, toYaml } from './serialize'
import { tableFor } from './tables'

const OUTPUT_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml'

/** One resource type's share of the answer: what kubectl's builder would hand the printer as one info. */
interface Group {
  type: ResourceType
  objects: ApiObject[]
}

export const DEFAULT_NAMESPACE = 'default'

/** `TYPE[,TYPE] [NAME...]` or `TYPE/NAME ...` into resource groups; errors in kubectl's words. */
export function resolveTargets(positional: string[]):
  { ok: true; targets: { type: ResourceType; names: string[] }[] } | { ok: false; error: string } {
  const targets: { type: ResourceType; names: string[] }[] = []
  if (positional.some((p) => p.includes('/'))) {
    // resource.Builder: every argument must then be TYPE/NAME.
    for (const p of positional) {
      const slash = p.indexOf('/')
      if (slash < 0) return { ok: false, error: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` }
      const types = resolveResource(p.slice(0, slash))
      if (!types) return { ok: false, error: `the server doesn't have a resource type "${p.slice(0, slash)}"` }
      const last = targets[targets.length - 1]
      if (last && last.type === types[0]) last.names.push(p.slice(slash + 1))
      else targets.push({ type: types[0], names: [p.slice(slash + 1)] })
    }
    return { ok: true, targets }
  }
  const [typeArg, ...names] = positional
  for (const t of typeArg.split(',')) {
    if (!t) continue
    const types = resolveResource(t)
    if (!types) return { ok: false, error: `the server doesn't have a resource type "${t}"` }
    for (const type of types) if (!targets.some((x) => x.type === type)) targets.push({ type, names: [...names] })
  }
  return { ok: true, targets }
}

const notFound = (type: ResourceType, name: string) =>
  `Error from server (NotFound): ${type.group ? `${type.resource}.${type.group}` : type.resource} "${name}" not found`

/** kubectl get. Text mirrors kubectl's printers byte for byte; `json` is the API list. */
export function kubectlGet(positional: string[], flags: KubectlFlags, ctx: ShellContext): CommandResult {
  const output = flags.output ?? ''
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) {
    return { stdout: '', stderr: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUT_FORMATS}\n`, exitCode: 1 }
  }
  if (positional.length === 0) {
    return { stdout: '', stderr: 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n', exitCode: 1 }
  }
  const resolved = resolveTargets(positional)
  if (!resolved.ok) return { stdout: '', stderr: `error: ${resolved.error}\n`, exitCode: 1 }
  const hasNames = resolved.targets.some((t) => t.names.length > 0)
  if (hasNames && flags.selector) return { stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 }
  if (hasNames && flags.allNamespaces) return { stdout: '', stderr: 'error: a resource cannot be retrieved by name across all namespaces\n', exitCode: 1 }
  let requirements: ReturnType<typeof parseSelector> = { ok: true, requirements: [] }
  if (flags.selector) requirements = parseSelector(flags.selector)
  const namespace = flags.namespace ?? DEFAULT_NAMESPACE
  const errors: string[] = []
  const warnings: string[] = []
  const groups: Group[] = []
  for (const { type, names } of resolved.targets) {
    if (!requirements.ok) {
      errors.push(`Error from server (BadRequest): Unable to find "${gvrString(type)}" that match label selector "${flags.selector}", field selector "": ${requirements.error}`)
      continue
    }
    // kube-apiserver 1.33+ answers v1 Endpoints requests with this deprecation warning; kubectl prints it.
    if (type.kind === 'Endpoints') warnings.push('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice')
    const inScope = listObjects(ctx.sim, type).filter((o) => !type.namespaced || flags.allNamespaces || o.metadata.namespace === namespace)
    if (names.length) {
      const found: ApiObject[] = []
      for (const name of names) {
        const o = inScope.find((x) => x.metadata.name === name)
        if (o) found.push(o)
        else errors.push(notFound(type, name))
      }
      if (found.length) groups.push({ type, objects: found })
    } else {
      const reqs = requirements.requirements
      groups.push({ type, objects: inScope.filter((o) => selectorMatches(reqs, o.metadata.labels ?? {})) })
    }
  }
  const objects = groups.flatMap((g) => g.objects)
  const single = hasNames && objects.length === 1 && resolved.targets.length === 1 && resolved.targets[0].names.length === 1
  const data = single ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } }
  let stdout = ''
  let stderr = warnings.map((w) => w + '\n').join('')
  if (output === 'yaml' || output === 'json') {
    if (objects.length || !hasNames) stdout = output === 'yaml' ? toYaml(data) : toJson(data)
  } else if (output === 'name') {
    stdout = objects.map((o) => `${kindPrefix(typeOf(groups, o))}/${o.metadata.name}\n`).join('')
  } else {
    stdout = printTables(groups, flags, ctx.sim.clock.now())
    const nothingPrinted = stdout === '' && errors.length === 0
    // get.go: when nothing was written and nothing failed, say so on stderr.
    if (nothingPrinted) {
      const allNamespaced = !flags.allNamespaces && resolved.targets.every((t) => t.type.namespaced)
      stderr += allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n'
    }
  }
  stderr += errors.map((e) => e + '\n').join('')
  return { stdout, stderr, exitCode: errors.length ? 1 : 0, json: data }
}

function typeOf(groups: Group[], o: ApiObject): ResourceType {
  return (groups.find((g) => g.objects.includes(o)) as Group).type
}

/**
 * The human-readable printer over all groups: one table per resource type through one tabwriter, flushed between
 * types, a blank line before each later table that prints, kind-prefixed names when more than one kind was asked
 * for (get.go multipleGVKsRequested), NAMESPACE first with -A, LABELS last with --show-labels.
 */
export function printTables(groups: Group[], flags: KubectlFlags, nowMs: number): string {
  const withKind = groups.length > 1 && groups.some((g) => apiVersionOf(g.type) + g.type.kind !== apiVersionOf(groups[0].type) + groups[0].type.kind)
  const wide = flags.output === 'wide'
  let out = ''
  for (const g of groups) {
    if (g.objects.length === 0) continue // printTable prints nothing, not even headers, for an empty table
    const def = tableFor(g.type.kind)
    const visible = def.columns.map((c, i) => ({ c, i })).filter(({ c }) => wide || !c.wide)
    const withNamespace = flags.allNamespaces && g.type.namespaced
    const header = [...(withNamespace ? ['NAMESPACE'] : []), ...visible.map(({ c }) => c.name), ...(flags.showLabels ? ['LABELS'] : [])]
    const rows = g.objects.map((o) => {
      const cells = def.row(o, nowMs)
      if (withKind) cells[0] = `${kindPrefix(g.type)}/${cells[0]}`
      return [
        ...(withNamespace ? [o.metadata.namespace ?? ''] : []),
        ...visible.map(({ i }) => cells[i]),
        ...(flags.showLabels ? [formatLabels(o.metadata.labels)] : []),
      ]
    })
    const text = [...(flags.noHeaders ? [] : [header]), ...rows].map((r) => r.join('\t') + '\n').join('')
    if (out !== '' && !flags.noHeaders) out += '\n'
    out += tabwrite(text, KUBECTL_GET_TABS)
  }
  return out
}
