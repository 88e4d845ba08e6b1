import type { Command, CommandResult } from '../../types'
import { joinLines, linesOf, readInputs } from './input'

/**
 * GNU sort in the C locale (the lab images set no LANG): -n -r -u -k N[,M] -t SEP. A key without -t is a run of
 * blanks and non-blanks (GNU: fields include their leading blanks); lines with equal keys fall back to a byte
 * comparison of the whole line, except with -u, which keeps the first line of each run of equal keys.
 */
interface SortOptions { numeric: boolean; reverse: boolean; unique: boolean; key?: [number, number | undefined]; sep?: string }

function fieldsOf(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  if (sep !== undefined) {
    let start = 0
    for (;;) {
      const i = line.indexOf(sep, start)
      out.push({ start, end: i < 0 ? line.length : i })
      if (i < 0) return out
      start = i + sep.length
    }
  }
  const re = /[ \t]*[^ \t]+|[ \t]+$/g
  let m: RegExpExecArray | null
  while ((m = re.exec(line))) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

function keyOf(line: string, o: SortOptions): string {
  if (!o.key) return line
  const f = fieldsOf(line, o.sep)
  const [from, to] = o.key
  if (from > f.length) return ''
  const start = f[from - 1].start
  const end = to === undefined ? line.length : (f[Math.min(to, f.length) - 1]?.end ?? line.length)
  return line.slice(start, Math.max(start, end))
}

// GNU numeric compare: leading blanks, an optional minus, digits and a decimal point; anything else counts as 0
function numberOf(key: string): number {
  const m = /^[ \t]*(-?\d*\.?\d*)/.exec(key)
  const n = m ? Number(m[1]) : 0
  return Number.isFinite(n) ? n : 0
}

const bytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export const sort: Command = {
  name: 'sort',
  run(args, ctx): CommandResult {
    const o: SortOptions = { numeric: false, reverse: false, unique: false }
    const files: string[] = []
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-k' || a.startsWith('-k') || a.startsWith('--key=')) {
        const spec = a === '-k' ? args[++i] : a.startsWith('--key=') ? a.slice(6) : a.slice(2)
        const m = /^(\d+)(?:\.\d+)?([nr]*)(?:,(\d+)(?:\.\d+)?([nr]*))?$/.exec(spec ?? '')
        if (!m || Number(m[1]) === 0) return { stdout: '', stderr: `sort: invalid number at field start: invalid count at start of '${spec ?? ''}'\n`, exitCode: 2 }
        o.key = [Number(m[1]), m[3] ? Number(m[3]) : undefined]
        if ((m[2] + (m[4] ?? '')).includes('n')) o.numeric = true
        if ((m[2] + (m[4] ?? '')).includes('r')) o.reverse = true
      } else if (a === '-t' || (a.startsWith('-t') && a.length > 2)) {
        o.sep = a === '-t' ? args[++i] : a.slice(2)
      } else if (/^-[nruhb]+$/.test(a)) {
        for (const f of a.slice(1)) {
          if (f === 'n' || f === 'h') o.numeric = true
          else if (f === 'r') o.reverse = true
          else if (f === 'u') o.unique = true
        }
      } else if (a === '--numeric-sort') o.numeric = true
      else if (a === '--reverse') o.reverse = true
      else if (a === '--unique') o.unique = true
      else if (a.startsWith('-') && a !== '-') return { stdout: '', stderr: `sort: invalid option -- '${a.slice(1)}'\nTry 'sort --help' for more information.\n`, exitCode: 2 }
      else files.push(a)
    }
    const input = readInputs('sort', files, ctx)
    if (!input.ok) return { stdout: '', stderr: input.stderr.replace(/^sort: (.*): No such/gm, 'sort: cannot read: $1: No such'), exitCode: 2 }
    const compareKeys = (a: string, b: string): number => {
      const ka = keyOf(a, o), kb = keyOf(b, o)
      return o.numeric ? Math.sign(numberOf(ka) - numberOf(kb)) : bytes(ka, kb)
    }
    const lines = linesOf(input.text).map((line, index) => ({ line, index }))
    lines.sort((x, y) => {
      let c = compareKeys(x.line, y.line)
      if (c === 0 && !o.unique) c = bytes(x.line, y.line)
      if (o.reverse) c = -c
      return c || x.index - y.index
    })
    let out = lines.map((l) => l.line)
    if (o.unique) out = out.filter((l, i) => i === 0 || compareKeys(out[i - 1], l) !== 0)
    return { stdout: joinLines(out), stderr: '', exitCode: 0 }
  },
}
