import type { Command, CommandResult } from '../../types'
import { joinLines, linesOf, readInputs } from './input'

/**
 * awk, only the print form: `awk [-F SEP] '{print $N, $M, "text"}'` (also `{print}`, `$0`, `$NF`, `$(NF-1)`, an
 * optional /regex/ pattern before the action). Fields split as POSIX awk does: on runs of blanks by default (leading
 * blanks ignored), on SEP otherwise; a comma prints OFS (a space). Any other program is refused with status 2.
 */
type Item = { k: 'field'; n: number | 'NF' | ['NF', number] } | { k: 'text'; s: string } | { k: 'nf' } | { k: 'nr' }

interface Program { pattern?: RegExp; items: Item[][] }

function parseProgram(src: string): Program | undefined {
  const m = /^\s*(?:\/((?:[^/\\]|\\.)*)\/\s*)?\{\s*print(?:\s+(.*?))?\s*;?\s*\}\s*$/s.exec(src)
  if (!m) return undefined
  let pattern: RegExp | undefined
  if (m[1] !== undefined) {
    try { pattern = new RegExp(m[1]) } catch { return undefined }
  }
  const items: Item[][] = []
  if (!m[2]) return { pattern, items: [[{ k: 'field', n: 0 }]] }
  // comma-separated expressions; each a concatenation of $N, $NF, $(NF-k), NF, NR and "strings"
  const tokens = m[2].match(/\$\(NF-\d+\)|\$NF|\$\d+|"(?:[^"\\]|\\.)*"|NF|NR|,|\s+|./g) ?? []
  let cur: Item[] = []
  for (const t of tokens) {
    if (/^\s+$/.test(t)) continue
    if (t === ',') { items.push(cur); cur = []; continue }
    if (t === '$NF') cur.push({ k: 'field', n: 'NF' })
    else if (t.startsWith('$(NF-')) cur.push({ k: 'field', n: ['NF', Number(t.slice(5, -1))] })
    else if (t.startsWith('$')) cur.push({ k: 'field', n: Number(t.slice(1)) })
    else if (t.startsWith('"')) cur.push({ k: 'text', s: t.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1') })
    else if (t === 'NF') cur.push({ k: 'nf' })
    else if (t === 'NR') cur.push({ k: 'nr' })
    else return undefined
  }
  items.push(cur)
  if (items.some((e) => e.length === 0)) return undefined
  return { pattern, items }
}

export const awk: Command = {
  name: 'awk',
  run(args, ctx): CommandResult {
    let sep: string | undefined
    const rest: string[] = []
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-F') sep = args[++i]
      else if (a.startsWith('-F')) sep = a.slice(2)
      else rest.push(a)
    }
    const [source, ...files] = rest
    if (source === undefined) return { stdout: '', stderr: 'usage: awk [-F fs] \'prog\' [file ...]\n', exitCode: 2 }
    const program = parseProgram(source)
    if (!program) return { stdout: '', stderr: `awk: only '{print $N, ...}' programs are supported in the playground: ${source}\n`, exitCode: 2 }
    const input = readInputs('awk', files, ctx)
    const out: string[] = []
    linesOf(input.text).forEach((line, index) => {
      if (program.pattern && !program.pattern.test(line)) return
      const fields = sep === undefined || sep === ' ' ? line.trim().split(/[ \t]+/).filter((f) => f !== '') : line.split(sep.length === 1 ? sep : new RegExp(sep))
      const field = (n: number) => (n === 0 ? line : fields[n - 1] ?? '')
      out.push(program.items.map((expr) => expr.map((it) => {
        switch (it.k) {
          case 'text': return it.s
          case 'nf': return String(fields.length)
          case 'nr': return String(index + 1)
          case 'field': return field(it.n === 'NF' ? fields.length : Array.isArray(it.n) ? fields.length - it.n[1] : it.n)
        }
      }).join('')).join(' '))
    })
    return { stdout: joinLines(out), stderr: input.stderr, exitCode: input.ok ? 0 : 2 }
  },
}
