import { fail, type Command, type CommandResult } from '../../shell/types'
import { writeOverlayFile } from '../../shell/files/overlay'
import { traceRequest } from '../walk'
import { fromOf, modeNotSimulated, plainTrace, traceJson } from './common'

/**
 * busybox wget (1.36, networking/wget.c) as the tutorial's busybox pods run it: `wget -qO- URL`, `-O FILE`, `-q`,
 * `-T SECS`, `-U AGENT`, `--header 'Name: value'`, `-S`. The request walks the cluster like curl's; errors use
 * busybox's messages (`bad address`, `can't connect to remote host`, `server returned error`).
 */
interface WgetOptions { url?: string; quiet: boolean; output?: string; headers: Record<string, string>; serverResponse: boolean; timeout?: number }

function parse(args: string[]): WgetOptions | string {
  const o: WgetOptions = { quiet: false, headers: {}, serverResponse: false }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--header') {
      const h = args[++i] ?? ''
      const c = h.indexOf(':')
      if (c > 0) o.headers[h.slice(0, c).trim()] = h.slice(c + 1).trim()
      continue
    }
    if (a === '-q' || a === '--quiet') { o.quiet = true; continue }
    if (a.startsWith('--output-document=')) { o.output = a.slice(18); continue }
    if (a === '--output-document') { o.output = args[++i]; continue }
    if (a === '--spider') return 'wget: --spider is not simulated here\n'
    if (/^-[qSOTU]+/.test(a) && !a.startsWith('--')) {
      // busybox getopt32: flags bundle, a value-taking letter takes the rest of the word or the next one
      for (let j = 1; j < a.length; j++) {
        const f = a[j]
        if (f === 'q') o.quiet = true
        else if (f === 'S') o.serverResponse = true
        else if (f === 'O' || f === 'T' || f === 'U') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
          if (v === undefined) return `wget: option requires an argument -- '${f}'\n`
          if (f === 'O') o.output = v
          else if (f === 'T') o.timeout = Number(v)
          else o.headers['User-Agent'] = v
          break
        }
      }
      continue
    }
    if (a.startsWith('-')) return `wget: unrecognized option '${a}'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`
    o.url = a
  }
  return o
}

export const wget: Command = {
  name: 'wget',
  run(args, ctx): CommandResult {
    const o = parse(args)
    if (typeof o === 'string') return fail(o, 1)
    if (!o.url) return fail('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n', 1)
    const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)?(\?[^#]*)?/.exec(o.url)
    if (!m) return fail(`wget: bad address '${o.url}'\n`, 1)
    const scheme = (m[1] ?? 'http') as 'http' | 'https'
    const host = m[2]
    const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80
    const path = (m[4] || '/') + (m[5] ?? '')
    // busybox sends Host, User-Agent: Wget and Connection: close (wget.c)
    const headers: Record<string, string> = { Host: m[3] ? `${host}:${port}` : host, 'User-Agent': 'Wget', Connection: 'close', ...o.headers }
    const t = traceRequest(ctx.sim, { from: fromOf(ctx.where), protocol: 'TCP', host, port, http: { method: 'GET', path, scheme, headers } })
    const traces = [plainTrace(t)]
    const json = ctx.json ? traceJson(t, ctx.lang) : undefined
    const notSimulated = modeNotSimulated(t, ctx.lang, json)
    if (notSimulated) return notSimulated
    const err = (msg: string): CommandResult => ({ stdout: '', stderr: msg, exitCode: 1, json, traces })
    let stderr = o.quiet || !t.address ? '' : `Connecting to ${host}${m[3] ? `:${port}` : ''} (${t.address}:${port})\n`
    switch (t.outcome.result) {
      case 'dns-failure': return err(`wget: bad address '${host}${m[3] ? `:${port}` : ''}'\n`)
      case 'refused': case 'rejected': case 'error': return err(stderr + `wget: can't connect to remote host (${t.address ?? host}): Connection refused\n`)
      case 'no-route': return err(stderr + `wget: can't connect to remote host (${t.address ?? host}): Host is unreachable\n`)
      case 'timeout': case 'dropped': return err(stderr + 'wget: download timed out\n')
      case 'tls-error': return err(stderr + 'wget: TLS error from peer (alert code 48): unknown CA\nwget: error getting response: Connection reset by peer\n')
    }
    const reply = t.httpReply
    if (!reply) return err(stderr + 'wget: error getting response\n')
    if (o.serverResponse) stderr += `  HTTP/1.1 ${reply.status} ${reply.reason}\n` + reply.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')
    if (reply.status >= 400) return err(stderr + `wget: server returned error: HTTP/1.1 ${reply.status} ${reply.reason}\n`)
    const toStdout = o.output === '-'
    const file = o.output ?? (path.split('?')[0].split('/').pop() || 'index.html')
    if (!toStdout) writeOverlayFile(ctx.sim, ctx.where, file, reply.body)
    if (!o.quiet) {
      const name = toStdout ? 'stdout' : `'${file}'`
      // the progress line as busybox draws it at the end of a small transfer
      const bar = `${(toStdout ? '-' : file).padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${String(reply.body.length).padStart(5)}  0:00:00 ETA\n`
      stderr += `${toStdout ? 'writing to stdout' : `saving to ${name}`}\n${bar}${toStdout ? 'written to stdout' : `${name} saved`}\n`
    }
    return { stdout: toStdout ? reply.body : '', stderr, exitCode: 0, json, traces }
  },
}
