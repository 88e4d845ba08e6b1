import { readFile } from '../../files/registry'
import type { ShellContext } from '../../types'

/** The text a filter reads: its file operands in order (`-` is standard input), or standard input alone. */
export function readInputs(tool: string, files: string[], ctx: ShellContext): { text: string; stderr: string; ok: boolean; names: string[]; texts: string[] } {
  let stderr = ''
  let ok = true
  const names: string[] = []
  const texts: string[] = []
  for (const f of files.length ? files : ['-']) {
    const t = f === '-' ? (ctx.stdin ?? '') : readFile(ctx.sim, ctx.where, f)
    if (t === undefined) {
      stderr += `${tool}: ${f}: No such file or directory\n`
      ok = false
      continue
    }
    names.push(f)
    texts.push(t)
  }
  return { text: texts.join(''), stderr, ok, names, texts }
}

/** Lines of a text as the coreutils read them: a missing final newline still ends a line. */
export function linesOf(text: string): string[] {
  if (text === '') return []
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n')
}

export const joinLines = (lines: string[]): string => lines.map((l) => l + '\n').join('')

/** `-n 5`, `-n5`, `-5`, `--lines=5` style options: returns the value and the rest of the arguments. */
export function numberOption(args: string[], short: string, long: string): { value?: string; rest: string[]; bad?: string } {
  const rest: string[] = []
  let value: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === `-${short}` || a === `--${long}`) {
      if (i + 1 >= args.length) return { rest, bad: a }
      value = args[++i]
    } else if (a.startsWith(`-${short}`) && a.length > 2) value = a.slice(2)
    else if (a.startsWith(`--${long}=`)) value = a.slice(long.length + 3)
    else if (/^-[0-9]+$/.test(a)) value = a.slice(1)
    else rest.push(a)
  }
  return { value, rest }
}
