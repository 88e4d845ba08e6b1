import { fail, type Command, type CommandResult } from '../../shell/types'
import type { HttpReply } from '../apps'
import { traceRequest, type WalkResult } from '../walk'
import { fromOf, modeNotSimulated, plainTrace, traceJson } from './common'
import { CURL_CA_CERT_ERRORMSG } from '../../dataplane/ingress/tls-select'
import { encodeBase64Text } from '../../dataplane/ingress/secrets'

/**
 * curl 7.88.1 (Debian 12, the nginx and httpd images' curl): `curl [-v] [-s] [-S] [-I] [-i] [-m SECS]
 * [--connect-timeout SECS] [-o FILE] [-w FORMAT] [-H 'Name: value'] [-X METHOD] [-k] URL`. The request is walked
 * through the cluster; `--json` prints the trace.
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
  const o: CurlOptions = { verbose: false, silent: false, showError: false, head: false, include: false, headers: {}, insecure: false }
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
      case '-L': case '--location': break
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

export const curl: Command = {
  name: 'curl',
  run(args, ctx): CommandResult {
    const o = parse(args)
    if (typeof o === 'string') return fail(o, 2)
    if (!o.url) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2)
    const u = parseUrl(o.url)
    if (!u) return fail(`curl: (3) URL using bad/illegal format or missing URL\n`, 3)
    const hostHeader = o.headers.Host ?? (u.port === (u.scheme === 'https' ? 443 : 80) ? u.host : `${u.host}:${u.port}`)
    const method = o.method ?? (o.head ? 'HEAD' : 'GET')
    const headers: Record<string, string> = { Host: hostHeader, 'User-Agent': `curl/${VERSION}`, Accept: '*/*', ...o.headers }
    const t = traceRequest(ctx.sim, { from: fromOf(ctx.where), protocol: 'TCP', host: u.host, port: u.port, http: { method, path: u.path, scheme: u.scheme, headers, ...(o.insecure ? { insecure: true } : {}) }, ...(ctx.run ? { inFlight: ctx.run.index - ctx.run.wave * ctx.run.concurrency } : {}) })
    const traces = [plainTrace(t)]
    const json = ctx.json ? traceJson(t, ctx.lang) : undefined
    const notSimulated = modeNotSimulated(t, ctx.lang, json)
    if (notSimulated) return notSimulated
    const showErr = !o.silent || o.showError
    let stderr = ''
    if (o.verbose && t.address) stderr += `*   Trying ${t.address}:${u.port}...\n`
    const failWith = (code: number, msg: string): CommandResult => {
      const wo = o.writeOut ? writeOut(o.writeOut, t, u.port) : ''
      return { stdout: wo, stderr: stderr + (showErr ? `curl: (${code}) ${msg}\n` : ''), exitCode: code, json, traces }
    }
    const result = t.outcome.result
    // the certificate check fails before any HTTP (dataplane/ingress walk-step)
    if (result === 'tls-error') return failWith(60, `${t.outcome.reason?.params.error ?? 'SSL certificate problem'}\n${CURL_CA_CERT_ERRORMSG.replace(/\n$/, '')}`)
    if (result === 'dns-failure') return failWith(6, `Could not resolve host: ${u.host}`)
    if (result === 'error') return failWith(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`)
    if (result === 'refused' || result === 'rejected') return failWith(7, `Failed to connect to ${u.host} port ${u.port} after 1 ms: Couldn't connect to server`)
    // An unanswered ARP: connect() gets EHOSTUNREACH after the kernel's 3 probes 1 s apart (mcast_solicit, retrans_time).
    if (result === 'no-route') return failWith(7, `Failed to connect to ${u.host} port ${u.port} after 3002 ms: Couldn't connect to server`)
    if (result === 'timeout' || result === 'dropped') {
      const limit = o.connectTimeout ?? o.maxTime
      if (limit !== undefined) return failWith(28, `Connection timed out after ${Math.round(limit * 1000) + 1} milliseconds`)
      return failWith(28, `Failed to connect to ${u.host} port ${u.port} after 130990 ms: Couldn't connect to server`)
    }
    if (o.verbose) stderr += `* Connected to ${u.host} (${t.address}) port ${u.port} (#0)\n`
    const reply = t.httpReply
    if (!reply) {
      // a server that speaks first and not HTTP (MySQL's greeting)
      return failWith(1, 'Received HTTP/0.9 when not allowed')
    }
    if (o.verbose) {
      stderr += `> ${method} ${u.path} HTTP/1.1\n` + Object.entries(headers).map(([k, v]) => `> ${k}: ${v}\n`).join('') + '> \n'
      stderr += `< HTTP/1.1 ${reply.status} ${reply.reason}\n` + reply.headers.map(([k, v]) => `< ${k}: ${v}\n`).join('') + '< \n'
    }
    let stdout = ''
    if (o.head) stdout = headerBlock(reply)
    else {
      const body = (o.include ? headerBlock(reply) : '') + reply.body
      if (!o.output || o.output === '-') stdout = body
    }
    if (o.verbose) stderr += `* Connection #0 to host ${u.host} left intact\n`
    if (o.writeOut) stdout += writeOut(o.writeOut, t, u.port)
    return { stdout, stderr, exitCode: 0, json, traces }
  },
}
