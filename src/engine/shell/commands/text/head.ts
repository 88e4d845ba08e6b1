import type { Command, CommandResult } from '../../types'
import { joinLines, linesOf, numberOption, readInputs } from './input'

function lineCount(tool: string, value: string | undefined, fallback: number): { n: number; fromStart: boolean } | string {
  if (value === undefined) return { n: fallback, fromStart: false }
  const m = /^([+-]?)(\d+)$/.exec(value)
  if (!m) return `${tool}: invalid number of lines: '${value}'\n`
  return { n: Number(m[2]), fromStart: m[1] === '+' }
}

/** GNU head [-n N | -N] [FILE]: the first N lines (10 by default); -n -N: all but the last N. */
export const head: Command = {
  name: 'head',
  run(args, ctx): CommandResult {
    const opt = numberOption(args, 'n', 'lines')
    if (opt.bad) return { stdout: '', stderr: `head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n`, exitCode: 1 }
    const allBut = opt.value?.startsWith('-') ?? false
    const count = lineCount('head', allBut ? opt.value!.slice(1) : opt.value, 10)
    if (typeof count === 'string') return { stdout: '', stderr: count, exitCode: 1 }
    const input = readInputs('head', opt.rest, ctx)
    const lines = linesOf(input.text)
    const kept = allBut ? lines.slice(0, Math.max(0, lines.length - count.n)) : lines.slice(0, count.n)
    return { stdout: joinLines(kept), stderr: input.stderr, exitCode: input.ok ? 0 : 1 }
  },
}

/** GNU tail [-n N | -N | -n +N] [FILE]: the last N lines (10 by default); +N starts at line N. */
export const tail: Command = {
  name: 'tail',
  run(args, ctx): CommandResult {
    const opt = numberOption(args.map((a, i) => (/^\+\d+$/.test(a) && args[i - 1] !== '-n' && args[i - 1] !== '--lines' ? `-n${a}` : a)), 'n', 'lines')
    if (opt.bad) return { stdout: '', stderr: `tail: option requires an argument -- 'n'\nTry 'tail --help' for more information.\n`, exitCode: 1 }
    const count = lineCount('tail', opt.value, 10)
    if (typeof count === 'string') return { stdout: '', stderr: count, exitCode: 1 }
    const input = readInputs('tail', opt.rest, ctx)
    const lines = linesOf(input.text)
    const kept = count.fromStart ? lines.slice(Math.max(0, count.n - 1)) : count.n === 0 ? [] : lines.slice(-count.n)
    return { stdout: joinLines(kept), stderr: input.stderr, exitCode: input.ok ? 0 : 1 }
  },
}
