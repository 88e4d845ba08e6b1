import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backend, ingress, ingressWorld } from './fixtures'
import { findLocation, findServer } from './match'
import type { IngressModel } from './model'
import { buildLocation, buildServerName } from './render'

/**
 * Real nginx as the judge of match.ts and render.ts: the model's servers and locations are written with the same
 * server_name and location lines ingress-nginx writes, each location proxying (as ingress-nginx's do, which matters for
 * nginx's trailing-slash 301) to a backend that echoes which location served. Runs where an `nginx` binary exists
 * (Debian's nginx 1.22 here; ingress-nginx ships OpenResty on nginx 1.25 — location choice is the same); skipped elsewhere.
 */
const nginxBin = (() => {
  const probe = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' })
  return probe.status === 0 ? probe.stdout.trim().split('\n')[0] : undefined
})()

const svcs = ['svc-a', 'svc-b', 'svc-c'].map((s) => backend(s)).join('')
const cases: { name: string; yaml: string; host: string; requests: string[] }[] = [
  {
    name: 'Prefix, Exact and ImplementationSpecific paths',
    yaml: svcs + ingress('t', 'foo.example.com', [['/foo', 'Prefix', 'svc-a'], ['/foo/bar', 'Exact', 'svc-b'], ['/aaa/bbb/', 'Prefix', 'svc-c'], ['/impl', 'ImplementationSpecific', 'svc-a'], ['/x/', 'Exact', 'svc-b']]),
    host: 'foo.example.com',
    requests: ['/', '/foo', '/foo/', '/foo/x', '/foobar', '/foo/bar', '/foo/bar/', '/aaa/bbb', '/aaa/bbb/', '/aaa/bbb/c', '/aaa/bbbxyz', '/impl', '/implx', '/x', '/x/', '/FOO', '/nothing'],
  },
  {
    name: 'regex locations (use-regex), first match in length order',
    yaml: svcs + ingress('r', 'test.com', [['/foo/bar/bar', 'Prefix', 'svc-a'], ['/foo/bar/[A-Z0-9]{3}', 'ImplementationSpecific', 'svc-b'], ['/api', 'Prefix', 'svc-c']], { 'use-regex': 'true' }),
    host: 'test.com',
    requests: ['/foo/bar/bar', '/foo/bar/ABC', '/foo/bar/ab', '/API/v1', '/api', '/apix', '/', '/other'],
  },
  {
    name: 'rewrite-target capture paths',
    yaml: svcs + ingress('w', 'api.example.com', [['/nginx(/|$)(.*)', 'ImplementationSpecific', 'svc-a'], ['/httpd(/|$)(.*)', 'ImplementationSpecific', 'svc-b']], { 'rewrite-target': '/$2' }),
    host: 'api.example.com',
    requests: ['/nginx', '/nginx/', '/nginx/index.html', '/nginxx', '/httpd', '/HTTPD/a', '/', '/x'],
  },
  {
    name: 'wildcard and exact hosts',
    yaml: svcs + ingress('e', 'bar.foo.com', [['/', 'Prefix', 'svc-a']]) + ingress('w2', '*.foo.com', [['/', 'Prefix', 'svc-b']]),
    host: 'baz.foo.com',
    requests: ['/'],
  },
]

const PORT = 20000 + (process.pid % 20000)
const BACKEND = PORT + 1

function renderForNginx(models: IngressModel[], dir: string): string {
  const servers: string[] = []
  models.forEach((model, m) => {
    for (const server of model.servers) {
      const name = server.hostname === '_' ? `_m${m}` : `${buildServerName(server.hostname)}`
      const locs = server.locations.map((loc, i) =>
        `    location ${buildLocation(loc, server.enforceRegex)} {\n      proxy_set_header X-Loc "m${m}s${server.hostname}l${i}";\n      proxy_pass http://127.0.0.1:${BACKEND};\n    }`)
      servers.push(`  server {\n    listen 127.0.0.1:${PORT + 2 + m};\n    server_name "${name.replace(/\\/g, '\\\\')}";\n${locs.join('\n')}\n  }`)
    }
  })
  return `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  fastcgi_temp_path ${dir};\n  uwsgi_temp_path ${dir};\n  scgi_temp_path ${dir};\n  server_name_in_redirect off;\n  port_in_redirect off;\n` +
    `  server {\n    listen 127.0.0.1:${BACKEND};\n    location / { return 200 "$http_x_loc"; }\n  }\n${servers.join('\n')}\n}\n`
}

function get(port: number, host: string, path: string): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, location: res.headers.location }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe.skipIf(!nginxBin)('real nginx agrees with the emulated server and location choice', () => {
  const worlds = cases.map((c) => ingressWorld(c.yaml))
  let proc: ChildProcess | undefined
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-hops-nginx-'))
    const conf = join(dir, 'nginx.conf')
    writeFileSync(conf, renderForNginx(worlds.map((w) => w.model), dir))
    const test = spawnSync(nginxBin!, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' })
    if (test.status !== 0) throw new Error(test.stderr)
    proc = spawn(nginxBin!, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' })
    for (let i = 0; i < 50; i++) {
      try { await get(BACKEND, 'x', '/'); return } catch { await new Promise((r) => setTimeout(r, 100)) }
    }
  })
  afterAll(() => { proc?.kill() })

  cases.forEach((c, m) => {
    it(c.name, async () => {
      const model = worlds[m].model
      for (const path of c.requests) {
        const { server } = findServer(model, c.host)
        const match = findLocation(server, decodeURIComponent(path))
        const real = await get(PORT + 2 + m, c.host, path)
        if (match.kind === 'auto-redirect') {
          expect(real.status, path).toBe(301)
          expect(real.location, path).toBe(`http://${c.host}${path}/`)
        } else if (match.kind === 'location') {
          expect(real.status, path).toBe(200)
          expect(real.body, path).toBe(`m${m}s${server.hostname}l${server.locations.indexOf(match.location)}`)
        } else {
          expect(real.status, path).toBe(404)
        }
      }
    })
  })
})
