import fc from 'fast-check'
import type { SourceFile } from '../manifest/types'

/**
 * Mutations of real YAML, the edits a user makes by mistake while typing in the editor: a line deleted, doubled or
 * moved, indentation off by one, a value replaced by something of the wrong type or range, the text cut short.
 */
export type Mutation =
  | { op: 'delete'; line: number }
  | { op: 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'indent'; line: number; by: number }
  | { op: 'value'; line: number; value: string }
  | { op: 'truncate'; at: number }

// Values that break types and ranges: negative and out-of-range ports, wrong types, flow syntax, aliases, markup.
const VALUES = ['0', '-1', '65536', '99999', '""', 'null', '~', 'None', '[]', '{}', 'yes', '0x50', '1.5', '*nope', '&a x',
  '"<script>alert(1)</script>"', 'ExternalName', 'LoadBalancer', 'Local', '10.96.0.1', '256.1.1.1', '::1', 'a'.repeat(300), '{', ']']

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.constantFrom(-2, -1, 1, 2) }),
  fc.record({ op: fc.constant('value' as const), line: fc.nat(), value: fc.constantFrom(...VALUES) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
)

export function mutateText(text: string, m: Mutation): string {
  if (m.op === 'truncate') return text.slice(0, text.length === 0 ? 0 : m.at % text.length)
  const lines = text.split('\n')
  const i = lines.length === 0 ? 0 : m.line % lines.length
  switch (m.op) {
    case 'delete': lines.splice(i, 1); break
    case 'duplicate': lines.splice(i, 0, lines[i]); break
    case 'swap': { const j = m.other % lines.length; [lines[i], lines[j]] = [lines[j], lines[i]]; break }
    case 'indent': lines[i] = m.by > 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), ''); break
    case 'value': {
      // replace what follows `key:` or `- `, keeping the key so the value lands in a real field
      const match = /^(\s*(?:- )?[^:#]*:\s*|\s*- )(.*)$/.exec(lines[i])
      lines[i] = match ? match[1] + m.value : m.value
      break
    }
  }
  return lines.join('\n')
}

/** Apply each mutation to one of the files, chosen by the mutation's index. */
export function mutateFiles(files: SourceFile[], mutations: { file: number; m: Mutation }[]): SourceFile[] {
  const out = files.map((f) => ({ ...f }))
  if (out.length === 0) return out
  for (const { file, m } of mutations) {
    const f = out[file % out.length]
    f.text = mutateText(f.text, m)
  }
  return out
}
