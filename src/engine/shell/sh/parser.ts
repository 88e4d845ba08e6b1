import type { AndOr, Command, List, Pipeline, Redirect, SimpleCommand, Word } from './ast'
import { ShSyntaxError, tokenize, type ShErrorKind, type Token } from './lexer'

export type ParseResult = { ok: true; list: List } | { ok: false; kind: ShErrorKind; message: string }

/** Words that are reserved at the start of a command (POSIX 2.4), and the ones this shell refuses. */
const RESERVED = new Set(['for', 'in', 'do', 'done', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', '{', '}', '!'])
const REFUSED: Record<string, string> = {
  case: 'case ... esac', select: 'select', function: 'function definitions', '[[': '[[ ... ]] (use test or [ ... ])',
  '((': 'arithmetic commands ((...))', coproc: 'coproc', time: 'time',
}

/** The text of a word if it is one unquoted literal (how reserved words are recognized). */
function plain(word: Word): string | undefined {
  return word.parts.length === 1 && word.parts[0].k === 'lit' && !word.parts[0].quoted ? word.parts[0].s : undefined
}

/**
 * A line (or pasted lines) of the shell subset into its syntax tree. Never throws: syntax errors, refused syntax and
 * input that needs another line (an open quote, `do` without `done`) come back as results.
 */
export function parse(src: string): ParseResult {
  try {
    return { ok: true, list: parseText(src) }
  } catch (e) {
    if (e instanceof ShSyntaxError) return { ok: false, kind: e.kind, message: e.message }
    // a bug in the parser must not break the terminal; report it as a syntax error of the line
    return { ok: false, kind: 'syntax', message: `syntax error: ${e instanceof Error ? e.message : String(e)}` }
  }
}

function parseText(src: string): List {
  const tokens = tokenize(src, parseText)
  let pos = 0
  const peek = (): Token => tokens[pos]
  const next = (): Token => tokens[pos++]
  const describe = (t: Token): string => t.t === 'eof' ? 'newline' : t.t === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.t === 'redir' ? '>' : (plain(t.word) ?? 'word')
  const fail = (t: Token): never => {
    if (t.t === 'eof') throw new ShSyntaxError('incomplete', 'syntax error: unexpected end of file')
    if (t.t === 'op' && t.op === '&') throw new ShSyntaxError('unsupported', 'syntax not supported: background jobs (&)')
    if (t.t === 'op' && t.op === '(') throw new ShSyntaxError('unsupported', 'syntax not supported: subshells and function definitions ( ... )')
    throw new ShSyntaxError('syntax', `syntax error near unexpected token \`${describe(t)}'`)
  }
  const reservedAt = (): string | undefined => {
    const t = peek()
    if (t.t !== 'word') return undefined
    const p = plain(t.word)
    return p !== undefined && (RESERVED.has(p) || p in REFUSED) ? p : undefined
  }
  const skipNewlines = () => {
    while (peek().t === 'op' && (peek() as { op: string }).op === '\n') pos++
  }
  const expectReserved = (word: string) => {
    skipNewlines()
    if (reservedAt() !== word) fail(peek())
    pos++
  }

  /** and-or lists separated by `;` or newlines, until a reserved word in `stop` (or the end). */
  const list = (stop: string[]): List => {
    const out: AndOr[] = []
    for (;;) {
      skipNewlines()
      const t = peek()
      if (t.t === 'eof') break
      const r = reservedAt()
      if (r !== undefined && stop.includes(r)) break
      out.push(andOr())
      const sep = peek()
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '\n')) { pos++; continue }
      if (sep.t === 'eof') break
      if (sep.t === 'word' && stop.includes(plain(sep.word) ?? '')) fail(sep)
      fail(sep)
    }
    return out
  }

  /** A compound command's body: at least one command (bash: `do done` is a syntax error). */
  const body = (stop: string[]): List => {
    const l = list(stop)
    if (l.length === 0) fail(peek())
    return l
  }

  const andOr = (): AndOr => {
    const first = pipeline()
    const rest: AndOr['rest'] = []
    for (;;) {
      const t = peek()
      if (t.t !== 'op' || (t.op !== '&&' && t.op !== '||')) break
      pos++
      skipNewlines()
      rest.push({ op: t.op, pipeline: pipeline() })
    }
    return { first, rest }
  }

  const pipeline = (): Pipeline => {
    let negate = false
    if (reservedAt() === '!') { pos++; negate = true }
    const commands = [command()]
    while (peek().t === 'op' && (peek() as { op: string }).op === '|') {
      pos++
      skipNewlines()
      commands.push(command())
    }
    return { negate, commands }
  }

  const redirects = (): Redirect[] => {
    const out: Redirect[] = []
    while (peek().t === 'redir') out.push(...(next() as { redirects: Redirect[] }).redirects)
    return out
  }

  const command = (): Command => {
    const r = reservedAt()
    if (r !== undefined) {
      if (r in REFUSED) throw new ShSyntaxError('unsupported', `syntax not supported: ${REFUSED[r]}`)
      switch (r) {
        case 'for': { pos++; return forCommand() }
        case 'while': case 'until': {
          pos++
          const cond = body(['do'])
          expectReserved('do')
          const loop = body(['done'])
          expectReserved('done')
          return { type: 'while', until: r === 'until', cond, body: loop, redirects: redirects() }
        }
        case 'if': {
          pos++
          const branches: { cond: List; body: List }[] = []
          let otherwise: List | undefined
          for (;;) {
            const cond = body(['then'])
            expectReserved('then')
            branches.push({ cond, body: body(['elif', 'else', 'fi']) })
            const w = reservedAt()
            if (w !== 'elif' && w !== 'else' && w !== 'fi') fail(peek())
            pos++
            if (w === 'elif') continue
            if (w === 'else') {
              otherwise = body(['fi'])
              expectReserved('fi')
            }
            break
          }
          return { type: 'if', branches, ...(otherwise ? { otherwise } : {}), redirects: redirects() }
        }
        case '{': {
          pos++
          const group = body(['}'])
          expectReserved('}')
          return { type: 'group', body: group, redirects: redirects() }
        }
        default: fail(peek())
      }
    }
    return simple()
  }

  const forCommand = (): Command => {
    const nameTok = next()
    const name = nameTok.t === 'word' ? plain(nameTok.word) : undefined
    if (nameTok.t === 'eof') fail(nameTok)
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new ShSyntaxError('syntax', `\`${nameTok.t === 'word' ? (plain(nameTok.word) ?? 'word') : describe(nameTok)}': not a valid identifier`)
    }
    skipNewlines()
    let items: Word[] | undefined
    if (reservedAt() === 'in') {
      pos++
      items = []
      while (peek().t === 'word') items.push((next() as { word: Word }).word)
      const sep = peek()
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '\n')) pos++
      else fail(sep)
    } else if (peek().t === 'op' && (peek() as { op: string }).op === ';') pos++
    expectReserved('do')
    const loop = body(['done'])
    expectReserved('done')
    return { type: 'for', name, items, body: loop, redirects: redirects() }
  }

  const simple = (): SimpleCommand => {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] }
    for (;;) {
      const t = peek()
      if (t.t === 'redir') { cmd.redirects.push(...t.redirects); pos++; continue }
      if (t.t !== 'word') break
      pos++
      const first = t.word.parts[0]
      const m = cmd.words.length === 0 && first?.k === 'lit' && !first.quoted ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.s) : null
      if (m && first?.k === 'lit') {
        const rest = first.s.slice(m[0].length)
        const value: Word = { parts: [...(rest ? [{ ...first, s: rest }] : []), ...t.word.parts.slice(1)] }
        cmd.assigns.push({ name: m[1], value })
        continue
      }
      cmd.words.push(t.word)
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) fail(peek())
    return cmd
  }

  const program = list([])
  if (peek().t !== 'eof') fail(peek())
  return program
}
