import type { Command, CommandResult } from '../../types'
import { joinLines, linesOf, readInputs } from './input'

/** GNU uniq [-c] [-d] [-u] [-i] [INPUT]: adjacent equal lines collapse; -c prefixes the count as "%7d " (uniq.c). */
export const uniq: Command = {
  name: 'uniq',
  run(args, ctx): CommandResult {
    let count = false, repeated = false, unique = false, ignoreCase = false
    const files: string[] = []
    for (const a of args) {
      if (/^-[cdui]+$/.test(a)) {
        for (const f of a.slice(1)) {
          if (f === 'c') count = true
          else if (f === 'd') repeated = true
          else if (f === 'u') unique = true
          else ignoreCase = true
        }
      } else if (a === '--count') count = true
      else if (a.startsWith('-') && a !== '-') return { stdout: '', stderr: `uniq: invalid option -- '${a.slice(1)}'\nTry 'uniq --help' for more information.\n`, exitCode: 1 }
      else files.push(a)
    }
    const input = readInputs('uniq', files.slice(0, 1), ctx)
    if (!input.ok) return { stdout: '', stderr: input.stderr, exitCode: 1 }
    const lines = linesOf(input.text)
    const same = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b)
    const out: string[] = []
    for (let i = 0; i < lines.length;) {
      let j = i + 1
      while (j < lines.length && same(lines[i], lines[j])) j++
      const n = j - i
      if ((!repeated || n > 1) && (!unique || n === 1)) out.push(count ? `${String(n).padStart(7)} ${lines[i]}` : lines[i])
      i = j
    }
    return { stdout: joinLines(out), stderr: '', exitCode: 0 }
  },
}
