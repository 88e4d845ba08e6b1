import { ok, type Command } from '../../types'

/** Backslash escapes of `echo -e` and printf's format (bash builtins): \n \t \\ \a \b \e \f \r \v \0NNN \xHH, \c stops. */
export function unescape(s: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue }
    const n = s[++i]
    const simple: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', r: '\r', v: '\v', '"': '"' }
    if (n in simple && (n !== '"' || !octalNeedsZero)) out += simple[n]
    else if (n === 'c') return { text: out, stop: true }
    else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))
      if (m) { out += String.fromCharCode(parseInt(m[0], 16)); i += m[0].length } else out += '\\x'
    } else if (/[0-7]/.test(n) && (!octalNeedsZero || n === '0')) {
      const digits = /^[0-7]{0,3}/.exec(s.slice(octalNeedsZero ? i + 1 : i))![0]
      out += String.fromCharCode(parseInt(digits || '0', 8) & 255)
      i += octalNeedsZero ? digits.length : digits.length - 1
    } else out += '\\' + n
  }
  return { text: out, stop: false }
}

/** bash's builtin echo: `-n` (no newline), `-e` (escapes), `-E`; flags only as leading words made of n, e, E. */
export const echo: Command = {
  name: 'echo',
  run(args) {
    let newline = true
    let escapes = false
    let i = 0
    for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
      for (const f of args[i].slice(1)) {
        if (f === 'n') newline = false
        else escapes = f === 'e'
      }
    }
    const text = args.slice(i).join(' ')
    if (!escapes) return ok(text + (newline ? '\n' : ''))
    const u = unescape(text, true)
    return ok(u.text + (newline && !u.stop ? '\n' : ''))
  },
}
