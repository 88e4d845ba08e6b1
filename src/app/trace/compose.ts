/** What the send composer holds: a target as typed, and the request's HTTP details. */
export interface Composition {
  target: string
  /** `auto` picks HTTP for URLs, names without a port and web ports; a TCP connect (nc -zv) otherwise. */
  protocol: 'auto' | 'http' | 'tcp'
  method: string
  /** One `Name: value` per line. */
  headers: string
  /** `name=value; other=value`, sent as curl -b sends it. */
  cookies: string
  count: number
}

export const emptyComposition: Composition = { target: '', protocol: 'auto', method: 'GET', headers: '', cookies: '', count: 1 }

const WEB_PORTS = new Set([80, 443, 8080, 8000, 8443])

/** Single-quotes a word for the shell unless it is plain (POSIX: inside '' nothing is special but the quote itself). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** Splits `host:port` or a URL into what the protocol choice needs. */
export function parseTarget(target: string): { scheme?: 'http' | 'https'; host: string; port?: number; rest: string } {
  const t = target.trim()
  const url = /^(https?):\/\/([^/:?#]+)(?::(\d+))?(.*)$/i.exec(t)
  if (url) return { scheme: url[1].toLowerCase() as 'http' | 'https', host: url[2], port: url[3] ? Number(url[3]) : undefined, rest: url[4] }
  const hp = /^([^/:?#\s]+)(?::(\d+))?(.*)$/.exec(t)
  if (hp) return { host: hp[1], port: hp[2] ? Number(hp[2]) : undefined, rest: hp[3] }
  return { host: t, rest: '' }
}

/**
 * The command line the composer runs, as a user would type it in the pod's terminal: curl for HTTP (method, headers,
 * cookies as -X, -H, -b), `nc -zv host port` for a bare TCP connect. Returns undefined when there is nothing to send.
 */
export function composeCommand(c: Composition): string | undefined {
  const target = parseTarget(c.target)
  if (!target.host) return undefined
  const hasHttpDetails = c.method !== 'GET' || c.headers.trim() !== '' || c.cookies.trim() !== ''
  const http = c.protocol === 'http' || (c.protocol === 'auto' &&
    (target.scheme !== undefined || target.port === undefined || WEB_PORTS.has(target.port) || (target.port >= 30000 && target.port <= 32767) || hasHttpDetails))
  if (!http) return `nc -zv ${shellQuote(target.host)} ${target.port ?? 80}`
  const scheme = target.scheme ?? (target.port === 443 ? 'https' : 'http')
  const url = `${scheme}://${target.host}${target.port !== undefined ? `:${target.port}` : ''}${target.rest}`
  const words = ['curl', '-s']
  if (c.method && c.method !== 'GET') words.push('-X', c.method)
  for (const line of c.headers.split('\n').map((l) => l.trim()).filter((l) => l.includes(':'))) words.push('-H', shellQuote(line))
  if (c.cookies.trim()) words.push('-b', shellQuote(c.cookies.trim()))
  words.push(shellQuote(url))
  return words.join(' ')
}
