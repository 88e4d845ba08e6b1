import type { Command, CommandResult } from '../../types'
import { joinLines, linesOf, readInputs } from './input'

type Range = [number, number]

// GNU cut's LIST: N, N-M, N-, -M, comma-separated, 1-based
function parseList(list: string): Range[] | undefined {
  const out: Range[] = []
  for (const item of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item)
    if (!m || (m[1] === '' && m[3] === '') || (!m[2] && m[3] !== '')) return undefined
    const from = m[1] === '' ? 1 : Number(m[1])
    const to = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : from
    if (from < 1) return undefined
    out.push([from, to])
  }
  return out
}

const selected = (ranges: Range[], i: number): boolean => ranges.some(([a, b]) => i >= a && i <= b)

/** GNU cut -d DELIM -f LIST [-s] | -c LIST: fields keep their order in the line; lines without DELIM pass whole unless -s. */
export const cut: Command = {
  name: 'cut',
  run(args, ctx): CommandResult {
    let delim = '\t'
    let fields: Range[] | undefined
    let chars: Range[] | undefined
    let onlyDelimited = false
    const files: string[] = []
    const usage = (msg: string): CommandResult => ({ stdout: '', stderr: `cut: ${msg}\nTry 'cut --help' for more information.\n`, exitCode: 1 })
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      const value = (flag: string) => (a === flag ? args[++i] : a.slice(2))
      if (a.startsWith('-d')) {
        const d = value('-d') ?? ''
        if ([...d].length !== 1) return usage('the delimiter must be a single character')
        delim = d
      } else if (a.startsWith('-f')) {
        fields = parseList(value('-f') ?? '')
        if (!fields) return usage('invalid field value')
      } else if (a.startsWith('-c') || a.startsWith('-b')) {
        chars = parseList(value(a.slice(0, 2)) ?? '')
        if (!chars) return usage('invalid byte or character range')
      } else if (a === '-s') onlyDelimited = true
      else if (a.startsWith('-') && a !== '-') return usage(`invalid option -- '${a.slice(1)}'`)
      else files.push(a)
    }
    if (!fields && !chars) return usage('you must specify a list of bytes, characters, or fields')
    const input = readInputs('cut', files, ctx)
    const out: string[] = []
    for (const line of linesOf(input.text)) {
      if (chars) { out.push([...line].filter((_, i) => selected(chars!, i + 1)).join('')); continue }
      if (!line.includes(delim)) { if (!onlyDelimited) out.push(line); continue }
      out.push(line.split(delim).filter((_, i) => selected(fields!, i + 1)).join(delim))
    }
    return { stdout: joinLines(out), stderr: input.stderr, exitCode: input.ok ? 0 : 1 }
  },
}
