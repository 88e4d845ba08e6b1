import { isMap, parseAllDocuments } from 'yaml'
import type { SourceFile } from '../../../../manifest/types'
import { locate, type Located } from '../../../../whatif/yamlEdit'
import type { CommandResult, ShellContext } from '../../../types'
import { kindPrefix, resolveResource, RESOURCE_TYPES, type ResourceType } from '../resources'

/** Flags of kubectl's mutating verbs (cobra/pflag): `--name=value`, `--name value`, `-x value`, `-xvalue`, bool flags. */
export interface FlagSpec {
  values: string[]
  bools: string[]
}

export type Flags = { values: Map<string, string>; bools: Set<string>; positional: string[]; afterDash?: string[] }

export function parseFlags(args: string[], spec: FlagSpec): Flags | string {
  const out: Flags = { values: new Map(), bools: new Set(), positional: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') { out.afterDash = args.slice(i + 1); break }
    if (!a.startsWith('-') || a === '-') { out.positional.push(a); continue }
    const eq = a.indexOf('=')
    if (a.startsWith('--')) {
      const name = eq > 0 ? a.slice(0, eq) : a
      if (spec.values.includes(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : args[++i]
        if (v === undefined) return `flag needs an argument: ${name}`
        out.values.set(name, v)
      } else if (spec.bools.includes(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : 'true'
        if (v !== 'true' && v !== 'false') return `invalid argument "${v}" for "${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`
        if (v === 'true') out.bools.add(name)
      } else return `unknown flag: ${name}`
      continue
    }
    // short flags bundle (-it); a value flag takes the rest of the word or the next argument
    for (let j = 1; j < a.length; j++) {
      const f = `-${a[j]}`
      if (spec.values.includes(f)) {
        let v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
        if (v?.startsWith('=')) v = v.slice(1)
        if (v === undefined) return `flag needs an argument: '${a[j]}' in ${f}`
        out.values.set(f, v)
        break
      }
      if (spec.bools.includes(f)) { out.bools.add(f); continue }
      return `unknown shorthand flag: '${a[j]}' in ${a}`
    }
  }
  return out
}

export const usageError = (msg: string, verb: string): CommandResult => ({ stdout: '', stderr: `error: ${msg}\nSee 'kubectl ${verb} -h' for help and examples\n`, exitCode: 1 })
export const serverError = (msg: string): CommandResult => ({ stdout: '', stderr: `Error from server ${msg}\n`, exitCode: 1 })

/** `pods "x" not found` as the API server words it (resource plural with its group). */
export function notFound(t: ResourceType, name: string): CommandResult {
  return serverError(`(NotFound): ${t.resource}${t.group ? `.${t.group}` : ''} "${name}" not found`)
}

export function namespaceOf(t: ResourceType, flags: Flags): string {
  return t.namespaced ? (flags.values.get('-n') ?? flags.values.get('--namespace') ?? 'default') : ''
}

/** `TYPE NAME...` or `TYPE/NAME...` (kubectl's resource builder), each to a resource type and a name. */
export function objectArgs(positional: string[]): { refs: { type: ResourceType; name: string }[]; rest: string[] } | string {
  if (positional.length === 0) return 'you must specify the type of resource'
  const refs: { type: ResourceType; name: string }[] = []
  if (positional[0].includes('/')) {
    let i = 0
    for (; i < positional.length && positional[i].includes('/') && !positional[i].includes('='); i++) {
      const [typeArg, name] = positional[i].split('/', 2)
      const t = resolveResource(typeArg)
      if (!t || t.length !== 1) return `the server doesn't have a resource type "${typeArg}"`
      refs.push({ type: t[0], name })
    }
    return { refs, rest: positional.slice(i) }
  }
  const t = resolveResource(positional[0])
  if (!t || t.length !== 1) return `the server doesn't have a resource type "${positional[0]}"`
  let i = 1
  for (; i < positional.length && !/[=]|-$/.test(positional[i]); i++) refs.push({ type: t[0], name: positional[i] })
  return { refs, rest: positional.slice(i) }
}

export function typeOfKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind)
}

/** `pod/x`: how kubectl names an object in its one-line results. */
export const objectName = (t: ResourceType, name: string): string => `${kindPrefix(t)}/${name}`

export function locateObject(files: SourceFile[], t: ResourceType, namespace: string, name: string): Located | undefined {
  return locate(files, t.kind, namespace, name)
}

export { withFile } from '../../../../whatif/yamlEdit'

/** The objects of YAML text (kubectl apply -f): each document's mapping as JSON, with its own text. */
export function documentsOf(text: string): { json: Record<string, unknown>; text: string }[] | string {
  const docs = parseAllDocuments(text)
  if (!Array.isArray(docs)) return 'error parsing YAML'
  const out: { json: Record<string, unknown>; text: string }[] = []
  for (const d of docs) {
    if (d.errors.length) return d.errors[0].message
    if (!isMap(d.contents)) continue
    const json = d.toJSON() as Record<string, unknown>
    const r = d.contents.range
    out.push({ json, text: text.slice(r[0], r[2]).replace(/\s*$/, '\n') })
  }
  return out
}

/** kubectl's mutating verbs need a shell that can hand the edit to the app. */
export function needsEditor(ctx: ShellContext): CommandResult | undefined {
  return ctx.edit ? undefined : { stdout: '', stderr: 'error: this shell cannot change the scenario; run the command in the terminal\n', exitCode: 1 }
}

/** Deep equality of JSON values with key order ignored (unchanged objects in kubectl apply). */
export function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown => Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b))
}
