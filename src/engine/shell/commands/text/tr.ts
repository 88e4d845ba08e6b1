import type { Command, CommandResult } from '../../types'

// tr's SET syntax: ranges a-z, escapes \n \t \\, and the classes [:lower:] [:upper:] [:digit:] [:space:] [:alpha:]
const CLASSES: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', digit: '0123456789', space: ' \t\n\r\f\v',
  alpha: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', alnum: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
}

function expandSet(set: string): string[] {
  const out: string[] = []
  const chars: string[] = []
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(set.slice(i))
    if (cls && CLASSES[cls[1]]) { chars.push(...CLASSES[cls[1]].split('').map((c) => `\0${c}`)); i += cls[0].length - 1; continue }
    if (set[i] === '\\' && i + 1 < set.length) {
      const n = set[++i]
      chars.push({ n: '\n', t: '\t', r: '\r', '\\': '\\' }[n] ?? n)
    } else chars.push(set[i])
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i].replace(/^\0/, '')
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const end = chars[i + 2].replace(/^\0/, '')
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) out.push(String.fromCharCode(code))
      i += 2
    } else out.push(c)
  }
  return out
}

/** GNU tr [-d] [-s] SET1 [SET2]: translate, delete (-d) or squeeze repeats (-s) of standard input. */
export const tr: Command = {
  name: 'tr',
  run(args, ctx): CommandResult {
    let del = false, squeeze = false
    const sets: string[] = []
    for (const a of args) {
      if (/^-[ds]+$/.test(a)) { if (a.includes('d')) del = true; if (a.includes('s')) squeeze = true } else sets.push(a)
    }
    if (sets.length === 0 || (!del && !squeeze && sets.length < 2)) {
      return { stdout: '', stderr: `tr: missing operand${sets.length ? ` after '${sets[0]}'\nTwo strings must be given when translating.` : ''}\nTry 'tr --help' for more information.\n`, exitCode: 1 }
    }
    const from = expandSet(sets[0])
    const to = sets[1] !== undefined ? expandSet(sets[1]) : []
    let out = ''
    let prev = ''
    for (const c of ctx.stdin ?? '') {
      const i = from.indexOf(c)
      if (del && i >= 0) continue
      const mapped = !del && i >= 0 && to.length ? to[Math.min(i, to.length - 1)] : c
      const squeezeSet = del ? to : to.length ? to : from
      if (squeeze && mapped === prev && squeezeSet.includes(mapped)) continue
      out += mapped
      prev = mapped
    }
    return { stdout: out, stderr: '', exitCode: 0 }
  },
}
