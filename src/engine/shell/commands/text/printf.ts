import type { Command, CommandResult } from '../../types'
import { unescape } from './echo'

/**
 * bash's builtin printf: %s %b %c %d %i %u %x %X %o %f %e %g %% with flags (-+ 0#), width and precision; the format
 * is reused while arguments remain; a missing argument is an empty string or zero.
 */
export const printf: Command = {
  name: 'printf',
  run(args): CommandResult {
    if (args.length === 0) return { stdout: '', stderr: 'printf: usage: printf [-v var] format [arguments]\n', exitCode: 2 }
    const [format, ...rest] = args[0] === '--' ? args.slice(1) : args
    let out = ''
    let stderr = ''
    let status = 0
    let next = 0
    const take = (): string | undefined => (next < rest.length ? rest[next++] : undefined)
    do {
      const consumedBefore = next
      let stop = false
      const spec = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([sbcdiuxXofeEgG%])/g
      let last = 0
      let m: RegExpExecArray | null
      while ((m = spec.exec(format))) {
        out += unescape(format.slice(last, m.index), false).text
        last = spec.lastIndex
        const [, flags, widthSpec, precSpec, conv] = m
        if (conv === '%') { out += '%'; continue }
        const width = widthSpec === '*' ? Number(take() ?? 0) : widthSpec ? Number(widthSpec) : 0
        const prec = precSpec === '*' ? Number(take() ?? 0) : precSpec !== undefined ? Number(precSpec || 0) : undefined
        const arg = take()
        let s: string
        if (conv === 's' || conv === 'b' || conv === 'c') {
          s = arg ?? ''
          if (conv === 'b') { const u = unescape(s, true); s = u.text; stop = u.stop }
          if (conv === 'c') s = s.slice(0, 1)
          if (prec !== undefined) s = s.slice(0, prec)
        } else {
          const raw = arg ?? '0'
          let n = /^'/.test(raw) || /^"/.test(raw) ? raw.codePointAt(1) ?? 0 : Number(raw.trim())
          if (Number.isNaN(n)) {
            stderr += `printf: ${raw}: invalid number\n`
            status = 1
            n = 0
          }
          const neg = n < 0
          const abs = Math.abs(n)
          switch (conv) {
            case 'd': case 'i': case 'u': s = String(Math.trunc(abs)); if (prec !== undefined) s = s.padStart(prec, '0'); break
            case 'x': s = Math.trunc(abs).toString(16); break
            case 'X': s = Math.trunc(abs).toString(16).toUpperCase(); break
            case 'o': s = Math.trunc(abs).toString(8); break
            case 'f': s = abs.toFixed(prec ?? 6); break
            case 'e': case 'E': { s = abs.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2'); if (conv === 'E') s = s.toUpperCase(); break }
            default: s = String(Number(abs.toPrecision(prec || 6)))
          }
          if (neg) s = '-' + s
          else if (flags.includes('+')) s = '+' + s
          else if (flags.includes(' ')) s = ' ' + s
          if (flags.includes('0') && !flags.includes('-') && s.length < width) {
            const sign = /^[-+ ]/.test(s) ? s[0] : ''
            s = sign + s.slice(sign.length).padStart(width - sign.length, '0')
          }
        }
        out += flags.includes('-') ? s.padEnd(width) : s.padStart(width)
        if (stop) break
      }
      if (stop) break
      out += unescape(format.slice(last), false).text
      if (next === consumedBefore) break
    } while (next < rest.length)
    return { stdout: out, stderr, exitCode: status }
  },
}
