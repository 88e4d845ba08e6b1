import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CompiledScenario } from '../../src/engine/scenario'
import { findLocation, findServer } from '../../src/engine/dataplane/ingress/match'
import type { IngressModel } from '../../src/engine/dataplane/ingress/model'
import { buildProxyPass, locationLine, serverNameLine } from '../../src/engine/dataplane/ingress/render'
import { resolveWhere } from '../../src/engine/shell/location'
import { runLine } from '../../src/engine/shell/sh'
import { Simulation } from '../../src/engine/sim/simulation'
import type { Report } from './report'
import { run } from './sh'

/**
 * nginx, for real: the servers and locations the engine built for a scenario's Ingresses, written with the renderer's
 * own server_name, location and rewrite lines, loaded into Debian's nginx on loopback. Each location proxies (as
 * ingress-nginx's do: nginx's trailing-slash 301 depends on it) to a judge server in the same nginx that answers
 * with the location's identity and the URI it received after the rewrite. The scenario's requests, and a few paths
 * around each location, are sent with real curl and compared with the engine's choice (match.ts).
 */

const SUITE = 'nginx'

export interface Probe {
  host: string
  path: string
  /** The URI the engine's walk handed the backend after rewrite-target (its `ingress.rewrite` hop), if it rewrote. */
  rewrittenTo?: string
}

function judgeConfig(model: IngressModel, dir: string, port: number, judge: number): string {
  const servers: string[] = []
  for (const server of model.servers) {
    const locs = server.locations.map((loc, i) => {
      // the renderer's rewrite line when rewrite-target applies; proxy_pass then sends the rewritten URI on
      const rewrite = buildProxyPass(loc).filter((l) => l.startsWith('rewrite '))
      return [`    ${locationLine(server, loc)}`, ...rewrite.map((l) => `      ${l}`),
        `      proxy_set_header X-Loc "${i}";`, `      proxy_set_header X-Srv "${server.hostname}";`, `      proxy_pass http://127.0.0.1:${judge};`, '    }'].join('\n')
    })
    const listen = server.hostname === '_' ? `listen 127.0.0.1:${port} default_server;` : `listen 127.0.0.1:${port};`
    servers.push(`  server {\n    ${serverNameLine(server)}\n    ${listen}\n${locs.join('\n')}\n  }`)
  }
  return `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n` +
    ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};\n`).join('') +
    // ingress-nginx's nginx.tmpl: server_name_in_redirect off, port_in_redirect off (its redirects name the Host)
    '  server_name_in_redirect off;\n  port_in_redirect off;\n' +
    `  server {\n    listen 127.0.0.1:${judge};\n    location / { return 200 "srv=$http_x_srv loc=$http_x_loc uri=$uri"; }\n  }\n` +
    servers.join('\n') + '\n}\n'
}

/** The engine's answer for a request: which server and location, and the URI the backend receives. */
function engineChoice(model: IngressModel, p: Probe): string {
  const { server } = findServer(model, p.host)
  const match = findLocation(server, decodeURIComponent(p.path.split('?')[0]))
  if (match.kind === 'auto-redirect') return `301 to ${p.path}/`
  if (match.kind !== 'location') return '404'
  const i = server.locations.indexOf(match.location)
  return `${server.hostname} ${locationLine(server, match.location)} [${i}]`
}

function realChoice(model: IngressModel, port: number, p: Probe): { choice: string; uri?: string } {
  const r = run(['curl', '-s', '-o', '-', '-w', '\\n%{http_code} %{redirect_url}', '-H', `Host: ${p.host}`, `http://127.0.0.1:${port}${p.path}`])
  const lines = r.stdout.split('\n')
  const [code, redirect] = (lines.pop() ?? '').split(' ')
  const body = lines.join('\n')
  if (code === '301') return { choice: `301 to ${redirect?.replace(/^https?:\/\/[^/]+/, '')}` }
  if (code !== '200') return { choice: code }
  const m = /srv=(\S+) loc=(\d+) uri=(.*)/.exec(body)
  if (!m) return { choice: `unparsed ${body}` }
  // the judge names the server nginx chose and the location by its index there
  const server = model.servers.find((s) => s.hostname === m[1])
  const loc = server?.locations[Number(m[2])]
  return { choice: server && loc ? `${server.hostname} ${locationLine(server, loc)} [${m[2]}]` : `server ${m[1]} location #${m[2]}`, uri: m[3] }
}

/** Requests the scenario suggests (their Host and path, from the engine's traces), and paths around each location. */
export function probesOf(compiled: CompiledScenario, requests: { from: string; command: string }[]): Probe[] {
  const model = compiled.ingress!
  const out = new Map<string, Probe>()
  const sim = new Simulation(compiled, 1)
  for (const r of requests) {
    const where = resolveWhere(compiled.cluster, r.from)
    if (!where.ok) continue
    for (const t of runLine(sim, where.where, r.command, { json: true }).traces ?? []) {
      const http = t.request.http
      if (!http) continue
      const host = Object.entries(http.headers).find(([k]) => k.toLowerCase() === 'host')?.[1] ?? t.request.host
      const rewrite = t.hops.find((h) => h.note.code === 'ingress.rewrite')
      out.set(`${host} ${http.path}`, { host: host.replace(/:\d+$/, ''), path: http.path, ...(rewrite ? { rewrittenTo: rewrite.note.params.to } : {}) })
    }
  }
  for (const s of model.servers) {
    const host = s.hostname === '_' ? 'unknown.example' : s.hostname.replace(/^\*/, 'any')
    for (const l of s.locations) {
      const base = l.path.replace(/[()[\]{}|^$*+?\\]/g, '').replace(/\/+/g, '/') || '/'
      for (const path of [base, base + 'x', base.endsWith('/') ? base + 'sub/page' : base + '/sub', base.toUpperCase()]) {
        if (path.startsWith('/')) out.set(`${host} ${path}`, { host, path })
      }
    }
    out.set(`${host} /nothing-here`, { host, path: '/nothing-here' })
  }
  return [...out.values()]
}

export async function runNginxScenario(name: string, compiled: CompiledScenario, requests: { from: string; command: string }[], report: Report): Promise<void> {
  process.stdout.write(`\n${name} [nginx]\n`)
  const model = compiled.ingress
  if (!model?.installed || model.servers.length === 0) return
  const dir = mkdtempSync(join(tmpdir(), 'kh-nginx-'))
  const port = 20000 + (process.pid % 10000)
  const judge = port + 1
  let proc: ChildProcess | undefined
  try {
    const conf = join(dir, 'nginx.conf')
    writeFileSync(conf, judgeConfig(model, dir, port, judge))
    const test = run(['nginx', '-t', '-p', dir, '-c', conf])
    if (!report.check(SUITE, `${name}: nginx -t accepts the engine's server and location lines`, test.status === 0, test.stderr)) return
    proc = spawn('nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' })
    for (let i = 0; i < 50 && run(['curl', '-s', `http://127.0.0.1:${judge}/`]).status !== 0; i++) await new Promise((r) => setTimeout(r, 100))
    for (const p of probesOf(compiled, requests)) {
      report.count('nginx requests')
      const ours = engineChoice(model, p)
      const real = realChoice(model, port, p)
      report.check(SUITE, `${name}: ${p.host}${p.path} -> ${ours}`, real.choice === ours, `real nginx: ${real.choice}`)
      if (p.rewrittenTo !== undefined) {
        const expected = p.rewrittenTo.split('?')[0]
        report.check(SUITE, `${name}: ${p.host}${p.path} reaches the backend as ${expected}`, real.uri === expected, `real nginx: ${real.uri}`)
      }
    }
  } finally {
    if (proc?.pid !== undefined && proc.exitCode === null) proc.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 100))
    rmSync(dir, { recursive: true, force: true })
  }
}

