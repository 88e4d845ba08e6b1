import type { Command, CommandResult } from '../../types'
import { readInputs } from './input'

// UTF-8 byte count without TextEncoder (the engine's lib has no DOM)
const utf8Length = (s: string): number => {
  let n = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

/**
 * GNU wc [-l] [-w] [-c] [-m] [FILE...]: counts in the order lines, words, characters, bytes. Width (wc.c
 * compute_number_width): one count of one input is printed bare; standard input otherwise pads to 7; files pad to
 * the digits of their total size.
 */
export const wc: Command = {
  name: 'wc',
  run(args, ctx): CommandResult {
    const want = { l: false, w: false, m: false, c: false }
    const files: string[] = []
    for (const a of args) {
      if (/^-[lwcm]+$/.test(a)) for (const f of a.slice(1)) want[f as keyof typeof want] = true
      else if (a === '--lines') want.l = true
      else if (a === '--words') want.w = true
      else if (a === '--bytes') want.c = true
      else if (a === '--chars') want.m = true
      else if (a.startsWith('-') && a !== '-') return { stdout: '', stderr: `wc: invalid option -- '${a.slice(1)}'\nTry 'wc --help' for more information.\n`, exitCode: 1 }
      else files.push(a)
    }
    if (!want.l && !want.w && !want.m && !want.c) { want.l = true; want.w = true; want.c = true }
    const input = readInputs('wc', files, ctx)
    const rows = input.texts.map((t, i) => ({
      name: files.length ? input.names[i] : '',
      counts: [
        want.l ? (t.match(/\n/g) ?? []).length : undefined,
        want.w ? t.split(/\s+/).filter((x) => x !== '').length : undefined,
        want.m ? [...t].length : undefined,
        want.c ? utf8Length(t) : undefined,
      ].filter((n): n is number => n !== undefined),
    }))
    if (rows.length > 1) rows.push({ name: 'total', counts: rows[0].counts.map((_, k) => rows.reduce((s, r) => s + r.counts[k], 0)) })
    const fromStdin = files.length === 0 || files.includes('-')
    const single = rows.length === 1 && rows[0].counts.length === 1
    const width = single ? 1 : fromStdin ? 7 : Math.max(1, String(input.texts.reduce((s, t) => s + utf8Length(t), 0)).length)
    const stdout = rows.map((r) => r.counts.map((n) => String(n).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n').join('')
    return { stdout, stderr: input.stderr, exitCode: input.ok ? 0 : 1 }
  },
}
