/**
 * kubectl's flags as cobra/pflag read them: `-n ns`, `-nns`, `--namespace ns`, `--namespace=ns`, `-A`, `-l sel`,
 * `-o fmt`, booleans like `--show-labels`, and `--` ending the flags. Unknown flags are errors, as in kubectl.
 */
export interface KubectlFlags {
  namespace?: string
  allNamespaces: boolean
  selector?: string
  output?: string
  showLabels: boolean
  noHeaders: boolean
}

export type ParsedKubectlArgs = { ok: true; flags: KubectlFlags; positional: string[] } | { ok: false; error: string }

const VALUE_FLAGS: Record<string, keyof KubectlFlags> = {
  '-n': 'namespace', '--namespace': 'namespace',
  '-l': 'selector', '--selector': 'selector',
  '-o': 'output', '--output': 'output',
}
const BOOL_FLAGS: Record<string, keyof KubectlFlags> = {
  '-A': 'allNamespaces', '--all-namespaces': 'allNamespaces',
  '--show-labels': 'showLabels',
  '--no-headers': 'noHeaders',
}

export function parseKubectlArgs(args: string[]): ParsedKubectlArgs {
  const flags: KubectlFlags = { allNamespaces: false, showLabels: false, noHeaders: false }
  const positional: string[] = []
  const set = (name: keyof KubectlFlags, value: string | boolean) => { (flags as unknown as Record<string, unknown>)[name] = value }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      positional.push(...args.slice(i + 1))
      break
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a)
      continue
    }
    const eq = a.indexOf('=')
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a
    if (a.startsWith('--')) {
      if (VALUE_FLAGS[name]) {
        const value = eq > 0 ? a.slice(eq + 1) : args[++i]
        if (value === undefined) return { ok: false, error: `flag needs an argument: ${name}` }
        set(VALUE_FLAGS[name], value)
      } else if (BOOL_FLAGS[name]) {
        const value = eq > 0 ? a.slice(eq + 1) : 'true'
        if (value !== 'true' && value !== 'false') return { ok: false, error: `invalid argument "${value}" for "${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax` }
        set(BOOL_FLAGS[name], value === 'true')
      } else {
        return { ok: false, error: `unknown flag: ${name}` }
      }
      continue
    }
    // Short flags: `-A`, `-n ns`, `-nns`, `-n=ns`.
    const short = a.slice(0, 2)
    if (VALUE_FLAGS[short]) {
      let value = a.length > 2 ? a.slice(2) : args[++i]
      if (value?.startsWith('=')) value = value.slice(1)
      if (value === undefined) return { ok: false, error: `flag needs an argument: '${short[1]}' in ${short}` }
      set(VALUE_FLAGS[short], value)
    } else if (BOOL_FLAGS[short] && a.length === 2) {
      set(BOOL_FLAGS[short], true)
    } else {
      return { ok: false, error: `unknown shorthand flag: '${a[1]}' in ${a}` }
    }
  }
  return { ok: true, flags, positional }
}
