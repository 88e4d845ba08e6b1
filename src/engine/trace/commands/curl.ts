import { utf8ToBytes } from '@noble/hashes/utils.js'
import { fail, type Command, type CommandResult } from '../../shell/types'
import type { HttpReply } from '../apps'
import { traceRequest, type WalkResult } from '../walk'
import { fromOf, modeNotSimulated, plainTrace, traceJson } from './common'
import { CURL_CA_CERT_ERRORMSG } from '../../dataplane/ingress/tls-select'
import { encodeBase64Text } from '../../dataplane/ingress/secrets'

/**
 * curl 7.88.1 (Debian 12, the nginx and httpd images' curl): `curl [-v] [-s] [-S] [-I] [-i] [-L] [-m SECS]
 * [--connect-timeout SECS] [-o FILE] [-w FORMAT] [-H 'Name: value'] [-X METHOD] [-d DATA] [-b COOKIE] [-u USER:PASS]
 * [-A AGENT] [--resolve HOST:PORT:ADDR] [-k] URL`. The request is walked through the cluster; `--json` prints the
 * trace, with the response's headers and body in its outcome.
 */

interface CurlOptions {
  url?: string
  verbose: boolean
  silent: boolean
  showError: boolean
  head: boolean
  include: boolean
  maxTime?: number
  connectTimeout?: number
  output?: string
  writeOut?: string
  headers: Record<string, string>
  method?: string
  insecure: boolean
  followRedirects: boolean
  maxRedirs: number
  data?: string
  userAgent?: string
  /** --resolve HOST:PORT:ADDR pins a name to an address without DNS (tool_getparam.c, CURLOPT_RESOLVE). */
  resolve: { host: string; port: number; address: string }[]
}

const VERSION = '7.88.1'

// curl's short options that take a value; the others are flags that may be bundled (-sSI, -vk, -sm 3)
const SHORT_WITH_VALUE = new Set(['m', 'o', 'w', 'H', 'X', 'd', 'u', 'A', 'e', 'b', 'c', 'x', 'r'])

/** `-sSL` → `-s -S -L`; `-sm3` → `-s -m 3` (tool_getparam.c: single-letter flags combine, a value ends the group). */
function unbundle(args: string[]): string[] {
  const out: string[] = []
  for (const a of args) {
    if (!/^-[A-Za-z0-9#]{2,}/.test(a) || a.startsWith('--')) { out.push(a); continue }
    for (let i = 1; i < a.length; i++) {
      const ch = a[i]
      out.push(`-${ch}`)
      if (SHORT_WITH_VALUE.has(ch)) {
        if (i + 1 < a.length) out.push(a.slice(i + 1))
        break
      }
    }
  }
  return out
}

function parse(input: string[]): CurlOptions | string {
  const args = unbundle(input)
  // curl's default --max-redirs is 50 (tool_cfgable.c: config->maxredirs = DEFAULT_MAXREDIRS)
  const o: CurlOptions = { verbose: false, silent: false, showError: false, head: false, include: false, headers: {}, insecure: false, followRedirects: false, maxRedirs: 50, resolve: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    const value = () => args[++i]
    switch (a) {
      case '-v': case '--verbose': o.verbose = true; break
      case '-s': case '--silent': o.silent = true; break
      case '-S': case '--show-error': o.showError = true; break
      case '-sS': case '-Ss': o.silent = true; o.showError = true; break
      case '-I': case '--head': o.head = true; break
      case '-i': case '--include': o.include = true; break
      case '-k': case '--insecure': o.insecure = true; break
      case '-L': case '--location': o.followRedirects = true; break
      case '--max-redirs': o.maxRedirs = Number(value()); break
      // -d joins repeated data with '&' (tool_getparam.c) and makes the request a POST
      case '-d': case '--data': case '--data-raw': case '--data-binary': {
        const d = value() ?? ''
        o.data = o.data === undefined ? d : `${o.data}&${d}`
        break
      }
      case '-A': case '--user-agent': o.userAgent = value(); break
      case '--resolve': {
        const m = /^([^:]+):(\d+):(.+)$/.exec(value() ?? '')
        if (!m) return `curl: option --resolve: bad argument\ncurl: try 'curl --help' or 'curl --manual' for more information\n`
        o.resolve.push({ host: m[1].toLowerCase(), port: Number(m[2]), address: m[3].replace(/^\[|\]$/g, '') })
        break
      }
      // -b NAME=VALUE sends a Cookie header; -u USER:PASS an Authorization: Basic header
      case '-b': case '--cookie': o.headers.Cookie = value() ?? ''; break
      case '-u': case '--user': o.headers.Authorization = 'Basic ' + encodeBase64Text(value() ?? ''); break
      case '-m': case '--max-time': o.maxTime = Number(value()); break
      case '--connect-timeout': o.connectTimeout = Number(value()); break
      case '-o': case '--output': o.output = value(); break
      case '-w': case '--write-out': o.writeOut = value(); break
      case '-H': case '--header': {
        const h = value() ?? ''
        const c = h.indexOf(':')
        if (c > 0) o.headers[h.slice(0, c).trim()] = h.slice(c + 1).trim()
        break
      }
      case '-X': case '--request': o.method = value(); break
      default:
        if (a.startsWith('-') && a.length > 1) return `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`
        o.url = a
    }
  }
  return o
}

function parseUrl(url: string): { scheme: 'http' | 'https'; host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)?(\?[^#]*)?/.exec(url)
  if (!m) return undefined
  const scheme = (m[1] ?? 'http') as 'http' | 'https'
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: (m[4] || '/') + (m[5] ?? '') }
}

function headerBlock(r: HttpReply): string {
  return `HTTP/1.1 ${r.status} ${r.reason}\r\n` + r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n'
}

function writeOut(format: string, t: WalkResult, port: number): string {
  return format
    .replace(/%\{http_code\}/g, String(t.outcome.httpStatus ?? 0).padStart(3, '0'))
    .replace(/%\{remote_ip\}/g, t.address ?? '')
    .replace(/%\{remote_port\}/g, String(port))
    .replace(/\\n/g, '\n')
}

/** Where a 3xx points, resolved against the URL that answered (RFC 3986 §5; curl's redirect handling). */
function redirectTarget(location: string, from: ParsedUrl): string {
  if (/^https?:\/\//i.test(location)) return location
  const origin = `${from.scheme}://${from.host}${from.port === (from.scheme === 'https' ? 443 : 80) ? '' : `:${from.port}`}`
  if (location.startsWith('/')) return origin + location
  const dir = from.path.replace(/[?#].*$/, '').replace(/[^/]*$/, '')
  return origin + dir + location
}

type ParsedUrl = NonNullable<ReturnType<typeof parseUrl>>

function headerValue(reply: HttpReply, name: string): string | undefined {
  return reply.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]
}

export const curl: Command = {
  name: 'curl',
  run(args, ctx): CommandResult {
    const o = parse(args)
    if (typeof o === 'string') return fail(o, 2)
    if (!o.url) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2)
    let u = parseUrl(o.url)
    if (!u) return fail(`curl: (3) URL using bad/illegal format or missing URL\n`, 3)
    // -d makes a POST unless -X says otherwise; -I a HEAD (tool_operate.c)
    let method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET')
    let data = o.data
    const traces: ReturnType<typeof plainTrace>[] = []
    let stdout = ''
    let stderr = ''
    const showErr = !o.silent || o.showError
    for (let redirects = 0; ; redirects++) {
      const url: ParsedUrl = u
      const hostHeader = o.headers.Host ?? (url.port === (url.scheme === 'https' ? 443 : 80) ? url.host : `${url.host}:${url.port}`)
      const headers: Record<string, string> = { Host: hostHeader, 'User-Agent': o.userAgent ?? `curl/${VERSION}`, Accept: '*/*', ...o.headers }
      if (data !== undefined) {
        headers['Content-Length'] = String(utf8ToBytes(data).length)
        headers['Content-Type'] ??= 'application/x-www-form-urlencoded'
      }
      const pinned = o.resolve.find((r) => r.host === url.host.toLowerCase() && r.port === url.port)
      if (o.verbose && pinned) stderr += `* Added ${url.host}:${url.port}:${pinned.address} to DNS cache\n`
      const t = traceRequest(ctx.sim, {
        from: fromOf(ctx.where), protocol: 'TCP', host: pinned?.address ?? url.host, port: url.port,
        http: { method, path: url.path, scheme: url.scheme, headers, ...(o.insecure ? { insecure: true } : {}), ...(data !== undefined ? { body: data } : {}) },
        ...(ctx.run ? { inFlight: ctx.run.index - ctx.run.wave * ctx.run.concurrency } : {}),
      })
      traces.push(plainTrace(t))
      const json = ctx.json ? traceJson(t, ctx.lang) as { outcome: Record<string, unknown> } : undefined
      const notSimulated = modeNotSimulated(t, ctx.lang, json)
      if (notSimulated) return notSimulated
      if (o.verbose && t.address) stderr += `*   Trying ${t.address}:${url.port}...\n`
      const failWith = (code: number, msg: string): CommandResult => {
        const wo = o.writeOut ? writeOut(o.writeOut, t, url.port) : ''
        return { stdout: stdout + wo, stderr: stderr + (showErr ? `curl: (${code}) ${msg}\n` : ''), exitCode: code, json, traces }
      }
      const result = t.outcome.result
      // the certificate check fails before any HTTP (dataplane/ingress walk-step)
      if (result === 'tls-error') return failWith(60, `${t.outcome.reason?.params.error ?? 'SSL certificate problem'}\n${CURL_CA_CERT_ERRORMSG.replace(/\n$/, '')}`)
      if (result === 'dns-failure') return failWith(6, `Could not resolve host: ${url.host}`)
      if (result === 'error') return failWith(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`)
      if (result === 'refused' || result === 'rejected') return failWith(7, `Failed to connect to ${url.host} port ${url.port} after 1 ms: Couldn't connect to server`)
      // An unanswered ARP: connect() gets EHOSTUNREACH after the kernel's 3 probes 1 s apart (mcast_solicit, retrans_time).
      if (result === 'no-route') return failWith(7, `Failed to connect to ${url.host} port ${url.port} after 3002 ms: Couldn't connect to server`)
      if (result === 'timeout' || result === 'dropped') {
        const limit = o.connectTimeout ?? o.maxTime
        if (limit !== undefined) return failWith(28, `Connection timed out after ${Math.round(limit * 1000) + 1} milliseconds`)
        return failWith(28, `Failed to connect to ${url.host} port ${url.port} after 130990 ms: Couldn't connect to server`)
      }
      if (o.verbose) stderr += `* Connected to ${url.host} (${t.address}) port ${url.port} (#${redirects})\n`
      const reply = t.httpReply
      if (!reply) {
        // a server that speaks first and not HTTP (MySQL's greeting)
        return failWith(1, 'Received HTTP/0.9 when not allowed')
      }
      if (json) {
        json.outcome.headers = Object.fromEntries(reply.headers.map(([k, v]) => [k.toLowerCase(), v]))
        json.outcome.body = reply.body
      }
      if (o.verbose) {
        stderr += `> ${method} ${url.path} HTTP/1.1\n` + Object.entries(headers).map(([k, v]) => `> ${k}: ${v}\n`).join('') + '> \n'
        stderr += `< HTTP/1.1 ${reply.status} ${reply.reason}\n` + reply.headers.map(([k, v]) => `< ${k}: ${v}\n`).join('') + '< \n'
      }
      const location = headerValue(reply, 'Location')
      const follow = o.followRedirects && reply.status >= 300 && reply.status < 400 && location !== undefined
      if (follow && redirects >= o.maxRedirs) return failWith(47, `Maximum (${o.maxRedirs}) redirects followed`)
      if (o.head || (follow && o.include)) stdout += headerBlock(reply)
      if (follow) {
        if (o.verbose) stderr += `* Connection #${redirects} to host ${url.host} left intact\n* Issue another request to this URL: '${redirectTarget(location, url)}'\n`
        const next = parseUrl(redirectTarget(location, url))
        if (!next) return failWith(3, 'URL using bad/illegal format or missing URL')
        // 301/302/303 turn a POST into a GET; 307/308 keep the method and body (lib/transfer.c Curl_follow)
        if ([301, 302, 303].includes(reply.status) && method === 'POST' && o.method === undefined) { method = 'GET'; data = undefined }
        u = next
        continue
      }
      if (!o.head) {
        const body = (o.include ? headerBlock(reply) : '') + reply.body
        if (!o.output || o.output === '-') stdout += body
      }
      if (o.verbose) stderr += `* Connection #${redirects} to host ${url.host} left intact\n`
      if (o.writeOut) stdout += writeOut(o.writeOut, t, url.port)
      return { stdout, stderr, exitCode: 0, json, traces }
    }
  },
}
