/**
 * A Corefile parser: server blocks (`.:53 { ... }`), each a list of plugin directives with arguments and optional
 * nested blocks, as CoreDNS's Caddy-derived lexer reads them (coredns/caddy caddyfile/lexer.go: words split on
 * whitespace, `"..."` quotes, `#` comments to end of line, `{`/`}` open and close blocks). Pure: text in, a tree and
 * findings (with 1-based line numbers inside the Corefile) out.
 */

export interface Directive {
  name: string
  args: string[]
  /** Sub-directives of a `{ ... }` block, each one line. */
  block?: Directive[]
  line: number
}

export interface ServerKey {
  /** The zone, absolute and lower-cased: `.`, `cluster.local.`. */
  zone: string
  port: number
  text: string
}

export interface ServerBlock {
  keys: ServerKey[]
  directives: Directive[]
  line: number
}

export interface CorefileFinding {
  code: string
  severity: 'error' | 'warning'
  line: number
  params: Record<string, string>
}

export interface ParsedCorefile {
  blocks: ServerBlock[]
  findings: CorefileFinding[]
}

interface Token {
  text: string
  line: number
  /** True for `{`/`}` written as syntax, false for a quoted "{" (which is a word). */
  brace: boolean
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = i + 1
    let j = 0
    while (j < raw.length) {
      const c = raw[j]
      if (c === ' ' || c === '\t') {
        j++
        continue
      }
      if (c === '#') break
      if (c === '"') {
        let k = j + 1
        let word = ''
        while (k < raw.length && raw[k] !== '"') {
          if (raw[k] === '\\' && k + 1 < raw.length) k++
          word += raw[k]
          k++
        }
        tokens.push({ text: word, line, brace: false })
        j = k + 1
        continue
      }
      let k = j
      while (k < raw.length && raw[k] !== ' ' && raw[k] !== '\t' && raw[k] !== '#') k++
      let word = raw.slice(j, k)
      // `.:53{` and `}` glued to words: the brace is still syntax
      const trailing: Token[] = []
      while (word.length > 1 && (word.endsWith('{') || word.endsWith('}'))) {
        trailing.unshift({ text: word.slice(-1), line, brace: true })
        word = word.slice(0, -1)
      }
      tokens.push({ text: word, line, brace: word === '{' || word === '}' })
      tokens.push(...trailing)
      j = k
    }
  })
  return tokens
}

/** `.:53`, `dns://cluster.local:53`, `example.org` → zone and port (CoreDNS dnsserver normalizeZone). */
export function parseServerKey(text: string): ServerKey | undefined {
  let t = text.replace(/^dns:\/\//i, '')
  let port = 53
  const colon = t.lastIndexOf(':')
  if (colon >= 0) {
    const p = t.slice(colon + 1)
    if (!/^\d+$/.test(p)) return undefined
    port = Number(p)
    if (port < 1 || port > 65535) return undefined
    t = t.slice(0, colon)
  }
  if (t === '') return undefined
  const zone = t === '.' ? '.' : `${t.replace(/\.$/, '')}.`.toLowerCase()
  if (!/^(\.|([a-z0-9_*]([-a-z0-9_]*[a-z0-9_])?\.)+)$/.test(zone)) return undefined
  return { zone, port, text }
}

export function parseCorefile(text: string): ParsedCorefile {
  const tokens = tokenize(text)
  const findings: CorefileFinding[] = []
  const blocks: ServerBlock[] = []
  let i = 0

  const finding = (code: string, line: number, params: Record<string, string> = {}, severity: 'error' | 'warning' = 'error') =>
    findings.push({ code, severity, line, params })

  // Reads the lines of a `{ ... }` body until its `}`; i points after the `{`.
  const readBody = (openLine: number): Directive[] => {
    const out: Directive[] = []
    while (i < tokens.length) {
      const t = tokens[i]
      if (t.brace && t.text === '}') {
        i++
        return out
      }
      if (t.brace && t.text === '{') {
        finding('dns.corefile.unexpectedBrace', t.line, { token: '{' })
        i++
        continue
      }
      const line = t.line
      const d: Directive = { name: t.text, args: [], line }
      i++
      while (i < tokens.length && tokens[i].line === line && !tokens[i].brace) {
        d.args.push(tokens[i].text)
        i++
      }
      if (i < tokens.length && tokens[i].line === line && tokens[i].brace && tokens[i].text === '{') {
        i++
        d.block = readBody(line)
      }
      out.push(d)
    }
    finding('dns.corefile.unclosedBlock', openLine)
    return out
  }

  while (i < tokens.length) {
    const t = tokens[i]
    if (t.brace) {
      finding('dns.corefile.unexpectedBrace', t.line, { token: t.text })
      i++
      continue
    }
    const line = t.line
    const keyTexts: string[] = []
    while (i < tokens.length && !tokens[i].brace) {
      // keys may be separated by spaces or commas and continue on following lines until the `{`
      for (const part of tokens[i].text.split(',')) if (part) keyTexts.push(part)
      i++
    }
    if (i >= tokens.length) {
      finding('dns.corefile.missingBlock', line, { keys: keyTexts.join(' ') })
      break
    }
    if (tokens[i].text !== '{') {
      finding('dns.corefile.unexpectedBrace', tokens[i].line, { token: tokens[i].text })
      i++
      continue
    }
    i++
    const keys: ServerKey[] = []
    for (const k of keyTexts) {
      const key = parseServerKey(k)
      if (key) keys.push(key)
      else finding('dns.corefile.badServerKey', line, { key: k })
    }
    const directives = readBody(line)
    if (keys.length > 0) blocks.push({ keys, directives, line })
  }
  if (blocks.length === 0 && findings.length === 0) finding('dns.corefile.empty', 1)
  return { blocks, findings }
}
