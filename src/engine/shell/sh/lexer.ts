import type { List, Part, Redirect, Word } from './ast'

/**
 * The shell's tokens (POSIX 2.3 token recognition): words with their quoting kept as parts, control operators,
 * and redirections with their target already read. Here-document bodies are read after the newline that ends
 * their line, as sh does.
 */
export type Token =
  | { t: 'word'; word: Word }
  | { t: 'op'; op: '|' | '||' | '&&' | ';' | '\n' | ';;' | '(' | ')' | '&' }
  | { t: 'redir'; redirects: Redirect[] }
  | { t: 'eof' }

/** Why a line cannot run: bad syntax, syntax this shell refuses, or a line that needs more input (PS2). */
export type ShErrorKind = 'syntax' | 'unsupported' | 'incomplete'

export class ShSyntaxError extends Error {
  constructor(readonly kind: ShErrorKind, message: string) {
    super(message)
  }
}

const unexpected = (token: string) => new ShSyntaxError('syntax', `syntax error near unexpected token \`${token}'`)
const unsupported = (what: string) => new ShSyntaxError('unsupported', `syntax not supported: ${what}`)
const incomplete = (message: string) => new ShSyntaxError('incomplete', message)

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/
const METACHARS = ' \t\n|&;()<>'

interface PendingHeredoc {
  redirect: { op: '<<'; fd: number; body: Word }
  delimiter: string
  expand: boolean
  stripTabs: boolean
}

export function tokenize(src: string, parseSub: (text: string) => List): Token[] {
  const tokens: Token[] = []
  const pending: PendingHeredoc[] = []
  let i = 0

  const lit = (parts: Part[], s: string, quoted: boolean) => {
    const last = parts[parts.length - 1]
    if (last && last.k === 'lit' && last.quoted === quoted) last.s += s
    else parts.push({ k: 'lit', s, quoted })
  }

  /** The end (index of the closing paren) of a `$(` starting its body at `start`, quotes and nesting respected. */
  const matchParen = (text: string, start: number): number => {
    let depth = 1
    for (let j = start; j < text.length; j++) {
      const c = text[j]
      if (c === '\\') j++
      else if (c === "'") {
        const end = text.indexOf("'", j + 1)
        if (end < 0) return -1
        j = end
      } else if (c === '"') {
        for (j++; j < text.length && text[j] !== '"'; j++) if (text[j] === '\\') j++
        if (j >= text.length) return -1
      } else if (c === '(') depth++
      else if (c === ')' && --depth === 0) return j
    }
    return -1
  }

  /** `$…` at text[j] (text[j] === '$'); returns the index after it. */
  const dollar = (text: string, j: number, parts: Part[], quoted: boolean): number => {
    const next = text[j + 1]
    if (next === '(') {
      if (text[j + 2] === '(') throw unsupported('arithmetic expansion $((...))')
      const end = matchParen(text, j + 2)
      if (end < 0) throw incomplete("unexpected EOF while looking for matching `)'")
      parts.push({ k: 'sub', list: parseSub(text.slice(j + 2, end)), quoted })
      return end + 1
    }
    if (next === '{') {
      const end = text.indexOf('}', j + 2)
      if (end < 0) throw incomplete("unexpected EOF while looking for matching `}'")
      const inner = text.slice(j + 2, end)
      if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#$!@*-])$/.test(inner)) throw unsupported(`parameter expansion \${${inner}}`)
      parts.push({ k: 'var', name: inner, quoted })
      return end + 1
    }
    const name = NAME.exec(text.slice(j + 1))
    if (name) {
      parts.push({ k: 'var', name: name[0], quoted })
      return j + 1 + name[0].length
    }
    if (next !== undefined && '?#$!@*-0123456789'.includes(next)) {
      parts.push({ k: 'var', name: next, quoted })
      return j + 2
    }
    lit(parts, '$', quoted)
    return j + 1
  }

  /** Double-quoted text (or an unquoted here-document body when `untilQuote` is false) from text[j]. */
  const doubleQuoted = (text: string, j: number, parts: Part[], untilQuote: boolean): number => {
    const start = parts.length
    while (j < text.length) {
      const c = text[j]
      if (untilQuote && c === '"') {
        if (parts.length === start) lit(parts, '', true)
        return j + 1
      }
      if (c === '\\' && j + 1 < text.length && (untilQuote ? '$`"\\\n' : '$`\\\n').includes(text[j + 1])) {
        if (text[j + 1] !== '\n') lit(parts, text[j + 1], true)
        j += 2
      } else if (c === '$') {
        j = dollar(text, j, parts, true)
      } else if (c === '`') {
        throw unsupported('command substitution with backquotes (use $(...))')
      } else {
        lit(parts, c, true)
        j++
      }
    }
    if (untilQuote) throw incomplete('unexpected EOF while looking for matching `"\'')
    if (parts.length === start) lit(parts, '', true)
    return j
  }

  /** A word starting at src[i]; stops at a metacharacter. */
  const word = (): Word => {
    const parts: Part[] = []
    while (i < src.length && !METACHARS.includes(src[i])) {
      const c = src[i]
      if (c === '\\') {
        if (src[i + 1] === '\n') i += 2
        else if (i + 1 < src.length) {
          lit(parts, src[i + 1], true)
          i += 2
        } else {
          lit(parts, '\\', false)
          i++
        }
      } else if (c === "'") {
        const end = src.indexOf("'", i + 1)
        if (end < 0) throw incomplete("unexpected EOF while looking for matching `''")
        lit(parts, src.slice(i + 1, end), true)
        i = end + 1
      } else if (c === '"') {
        i = doubleQuoted(src, i + 1, parts, true)
      } else if (c === '$') {
        i = dollar(src, i, parts, false)
      } else if (c === '`') {
        throw unsupported('command substitution with backquotes (use $(...))')
      } else {
        lit(parts, c, false)
        i++
      }
    }
    return { parts }
  }

  const skipBlanks = () => {
    for (;;) {
      if (src[i] === ' ' || src[i] === '\t') i++
      else if (src[i] === '\\' && src[i + 1] === '\n') i += 2
      else break
    }
  }

  /** The word after a redirection operator. */
  const target = (): Word => {
    skipBlanks()
    if (i >= src.length) throw unexpected('newline')
    if (METACHARS.includes(src[i])) throw unexpected(src[i] === '\n' ? 'newline' : src[i])
    return word()
  }

  const readHeredocs = () => {
    for (const h of pending) {
      let body = ''
      for (;;) {
        if (i >= src.length) throw incomplete(`here-document delimited by end-of-file (wanted \`${h.delimiter}')`)
        const nl = src.indexOf('\n', i)
        const end = nl < 0 ? src.length : nl
        let line = src.slice(i, end)
        i = nl < 0 ? src.length : nl + 1
        if (h.stripTabs) line = line.replace(/^\t+/, '')
        if (line === h.delimiter) break
        if (nl < 0) throw incomplete(`here-document delimited by end-of-file (wanted \`${h.delimiter}')`)
        body += line + '\n'
      }
      const parts: Part[] = []
      if (h.expand) doubleQuoted(body, 0, parts, false)
      else parts.push({ k: 'lit', s: body, quoted: true })
      h.redirect.body = { parts }
    }
    pending.length = 0
  }

  while (i < src.length) {
    const c = src[i]
    const two = src.slice(i, i + 2)
    if (c === ' ' || c === '\t') { i++; continue }
    if (two === '\\\n') { i += 2; continue }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    if (c === '\n') {
      i++
      tokens.push({ t: 'op', op: '\n' })
      readHeredocs()
      continue
    }
    if (two === '&&' || two === '||') { tokens.push({ t: 'op', op: two }); i += 2; continue }
    if (two === ';;') { tokens.push({ t: 'op', op: two }); i += 2; continue }
    if (two === '|&') throw unsupported('|& (use 2>&1 |)')
    if (c === '|' || c === ';') { tokens.push({ t: 'op', op: c }); i++; continue }
    if (c === '(' || c === ')') { tokens.push({ t: 'op', op: c }); i++; continue }
    // redirections, with an optional file descriptor number written right before the operator
    const io = /^([0-9]*)(&>>|&>|>>|>&|>\||>|<<<|<<-|<<|<&|<>|<)/.exec(src.slice(i))
    if (io && (io[1] === '' || io[2] !== undefined)) {
      const fdText = io[1]
      const op = io[2]
      i += io[0].length
      const fd = fdText === '' ? (op.startsWith('<') ? 0 : 1) : Number(fdText)
      if (fd > 9) throw unsupported(`file descriptor ${fdText}`)
      switch (op) {
        case '>': case '>|': tokens.push({ t: 'redir', redirects: [{ op: '>', fd, target: target() }] }); break
        case '>>': tokens.push({ t: 'redir', redirects: [{ op: '>>', fd, target: target() }] }); break
        case '<': tokens.push({ t: 'redir', redirects: [{ op: '<', fd, target: target() }] }); break
        case '&>': case '&>>':
          if (fdText !== '') throw unexpected(op)
          // bash: `&>file` is `>file 2>&1`
          tokens.push({ t: 'redir', redirects: [{ op: op === '&>' ? '>' : '>>', fd: 1, target: target() }, { op: '>&', fd: 2, to: 1 }] })
          break
        case '>&': {
          skipBlanks()
          const m = /^[0-9]/.exec(src.slice(i))
          if (!m || (i + 1 < src.length && !METACHARS.includes(src[i + 1]))) throw unsupported(`${op}${src.slice(i).split(/\s/)[0]} (only N>&M with one digit)`)
          tokens.push({ t: 'redir', redirects: [{ op: '>&', fd, to: Number(m[0]) }] })
          i++
          break
        }
        case '<<': case '<<-': {
          skipBlanks()
          const start = i
          const w = target()
          const raw = src.slice(start, i)
          const delimiter = w.parts.map((p) => (p.k === 'lit' ? p.s : '')).join('')
          if (w.parts.some((p) => p.k !== 'lit')) throw unsupported(`here-document delimiter ${raw}`)
          const redirect = { op: '<<' as const, fd, body: { parts: [] } as Word }
          pending.push({ redirect, delimiter, expand: !/['"\\]/.test(raw), stripTabs: op === '<<-' })
          tokens.push({ t: 'redir', redirects: [redirect] })
          break
        }
        default: throw unsupported(`the ${op} redirection`)
      }
      continue
    }
    if (c === '&') { tokens.push({ t: 'op', op: '&' }); i++; continue }
    tokens.push({ t: 'word', word: word() })
  }
  if (pending.length) throw incomplete(`here-document delimited by end-of-file (wanted \`${pending[0].delimiter}')`)
  tokens.push({ t: 'eof' })
  return tokens
}
