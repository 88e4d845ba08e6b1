import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SourceFile } from '../../manifest/types'
import { parseManifests } from '../../manifest/parse'
import { compileScenario } from '../../scenario'
import { resolveWhere } from '../../shell/location'
import { runLine } from '../../shell/sh'
import { runRepeated } from '../../shell/repeat'
import { controllerLog } from './accesslog'
import { Simulation } from '../../sim/simulation'
import type { SuggestedRequest } from '../../../scenarios/types'
import type { Trace } from '../../trace/types'

/** The gallery's Ingress labs: each suggested request, run as the terminal runs it, gives the real controller's result. */
interface Meta { files: string[]; requests: SuggestedRequest[] }

function load(dir: string): { files: SourceFile[]; meta: Meta } {
  const root = new URL(`../../../scenarios/${dir}/`, import.meta.url)
  const meta = JSON.parse(readFileSync(new URL('scenario.json', root), 'utf8')) as Meta
  return { meta, files: meta.files.map((f) => ({ path: f, text: readFileSync(new URL(f, root), 'utf8') })) }
}

function run(sim: Simulation, from: string, line: string) {
  const where = resolveWhere(sim.scenario.cluster, from)
  if (!where.ok) throw new Error(`unknown ${from}`)
  return runLine(sim, where.where, line)
}

const LABS = [
  'ingress-host-routing', 'ingress-path-rewrite', 'ingress-https-redirect', 'ingress-canary-weight', 'ingress-canary-header',
  'ingress-ab-cookie', 'ingress-advanced-annotations', 'ingress-controller-hostnetwork', 'ingress-controller-nodeport',
  'ingress-controller-loadbalancer',
]

describe('gallery Ingress labs', () => {
  for (const lab of LABS) {
    it(`${lab}: validates, and every suggested request gives what it promises`, () => {
      const { files, meta } = load(lab)
      expect(parseManifests(files).diagnostics).toEqual([])
      const sim = new Simulation(compileScenario(files), 1)
      for (const r of meta.requests) {
        const out = run(sim, r.from, r.command)
        const trace = out.traces?.[0] as Trace | undefined
        if (r.expect) expect(trace?.outcome, `${lab}: ${r.command}\n${out.stderr}`).toMatchObject(r.expect)
      }
    })
  }

  it('host routing: nginx welcome page, "It works!", and the default backend for other hosts', () => {
    const sim = new Simulation(compileScenario(load('ingress-host-routing').files), 1)
    expect(run(sim, 'client/workstation', 'curl http://nginx.example.com').stdout).toContain('<title>Welcome to nginx!</title>')
    expect(run(sim, 'client/workstation', 'curl http://httpd.example.com').stdout).toBe('<html><body><h1>It works!</h1></body></html>\n')
    expect(run(sim, 'client/workstation', 'curl http://other.example.com').stdout).toContain('<center><h1>404 Not Found</h1></center>')
  })
  it('path rewrite: /nginx and /httpd reach their services at /', () => {
    const sim = new Simulation(compileScenario(load('ingress-path-rewrite').files), 1)
    expect(run(sim, 'client/workstation', 'curl http://api.example.com/nginx').stdout).toContain('Welcome to nginx!')
    expect(run(sim, 'client/workstation', 'curl http://api.example.com/httpd').stdout).toContain('It works!')
  })
  it('https: -k works, the 308 and its Location, curl (60) without -k', () => {
    const sim = new Simulation(compileScenario(load('ingress-https-redirect').files), 1)
    expect(run(sim, 'client/workstation', 'curl -k https://secure.example.com').stdout).toContain('Welcome to nginx!')
    const head = run(sim, 'client/workstation', 'curl -I http://secure.example.com').stdout
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 308 Permanent Redirect')
    expect(head).toContain('Location: https://secure.example.com\r\n')
    const fail = run(sim, 'client/workstation', 'curl https://secure.example.com')
    expect(fail.exitCode).toBe(60)
    expect(fail.stderr.split('\n')[0]).toBe('curl: (60) SSL certificate problem: self-signed certificate')
  })
  it('canary weight 10: about 90/10 over the tutorial\'s 100 requests', () => {
    const sim = new Simulation(compileScenario(load('ingress-canary-weight').files), 1)
    const pages = Array.from({ length: 100 }, () => run(sim, 'client/workstation', 'curl -s http://app.example.com').stdout)
    const v2 = pages.filter((p) => p.includes('Version 2')).length
    expect(pages.filter((p) => p.includes('Version 1')).length + v2).toBe(100)
    expect(v2).toBeGreaterThanOrEqual(4)
    expect(v2).toBeLessThanOrEqual(16)
  })
  it('canary header: X-Canary: true → v2, none → v1', () => {
    const sim = new Simulation(compileScenario(load('ingress-canary-header').files), 1)
    for (let i = 0; i < 10; i++) {
      expect(run(sim, 'client/workstation', 'curl -H "X-Canary: true" http://app.example.com').stdout).toContain('Version 2 - Canary')
      expect(run(sim, 'client/workstation', 'curl http://app.example.com').stdout).toContain('Version 1')
    }
  })
  it('A/B cookie: the tutorial\'s value reaches A with a warning on its line; always reaches B', () => {
    const { files } = load('ingress-ab-cookie')
    const compiled = compileScenario(files)
    const d = compiled.diagnostics.find((x) => x.code === 'ingress.annotation.unknown.cookie-value')!
    expect(files.find((f) => f.path === d.range?.file)!.text.split('\n')[d.range!.startLine - 1]).toContain('canary-by-cookie-value')
    const sim = new Simulation(compiled, 1)
    expect(run(sim, 'client/workstation', 'curl -b "ab_test=version_b" http://app.example.com').stdout).toContain('Version 1')
    expect(run(sim, 'client/workstation', 'curl -b "ab_test=always" http://app.example.com').stdout).toContain('Version 2')
  })
  it('advanced annotations: 503 past the burst, 403, 401 with WWW-Authenticate then 200, the CORS preflight headers', () => {
    const sim = new Simulation(compileScenario(load('ingress-advanced-annotations').files), 1)
    const codes = Array.from({ length: 27 }, () => run(sim, 'client/workstation', 'curl -s -o /dev/null -w %{http_code} http://api.example.com/').stdout)
    expect(codes.slice(0, 26).every((c) => c === '200')).toBe(true)
    expect(codes[26]).toBe('503')
    expect(run(sim, 'client/workstation', 'curl -I http://admin.example.com').stdout.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden')
    const auth = run(sim, 'client/workstation', 'curl -I http://auth.example.com').stdout
    expect(auth.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized')
    expect(auth).toContain('WWW-Authenticate: Basic realm="Authentication Required"\r\n')
    expect(run(sim, 'client/workstation', 'curl -u admin:admin123 http://auth.example.com').stdout).toContain('Request Information:')
    const pre = run(sim, 'client/workstation', 'curl -i -X OPTIONS -H "Origin: https://frontend.example.com" http://cors.example.com').stdout
    expect(pre.split('\r\n')[0]).toBe('HTTP/1.1 204 No Content')
    expect(pre).toContain('Access-Control-Allow-Origin: https://frontend.example.com\r\n')
    expect(pre).toContain('Access-Control-Allow-Methods: GET, POST, PUT, DELETE\r\n')
  })
  it('limit-connections 5: exec --repeat 12 --concurrency 6 trips it for the sixth connection of each wave', () => {
    const sim = new Simulation(compileScenario(load('ingress-advanced-annotations').files), 1)
    const where = resolveWhere(sim.scenario.cluster, 'client/workstation')
    if (!where.ok) throw new Error('no workstation')
    const out = runRepeated(sim, where.where, 'curl -s http://api.example.com/', { repeat: 12, concurrency: 6, intervalMs: 1000 })
    const statuses = (out.traces ?? []).map((t) => t.outcome.httpStatus)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503, 200, 200, 200, 200, 200, 503])
  })
  it('cat /etc/nginx/nginx.conf in the controller pod shows the generated servers and locations', () => {
    const sim = new Simulation(compileScenario(load('ingress-path-rewrite').files), 1)
    const ctl = sim.scenario.cluster.pods.find((p) => p.namespace === 'ingress-nginx')!
    const conf = run(sim, `ingress-nginx/${ctl.name}`, 'cat /etc/nginx/nginx.conf').stdout
    expect(conf).toContain('server_name "api.example.com" ;')
    expect(conf).toContain('location ~* "^/nginx(/|$)(.*)" {')
    expect(conf).toContain('rewrite "(?i)/nginx(/|$)(.*)" /$2 break;')
    expect(run(sim, 'client/workstation', 'cat /etc/nginx/nginx.conf').exitCode).not.toBe(0)
  })
  it('the weight draw is on the canary hop', () => {
    const sim = new Simulation(compileScenario(load('ingress-canary-weight').files), 1)
    const t = run(sim, 'client/workstation', 'curl -s http://app.example.com').traces![0]
    const hop = t.hops.find((h) => h.note.code.startsWith('ingress.canary.weight'))!
    expect(hop.draw?.threshold).toBe(10)
    expect(hop.draw!.value).toBeGreaterThanOrEqual(1)
    expect(hop.draw!.value).toBeLessThanOrEqual(100)
  })
  it('kubectl get ingress shows the address the controller publishes (status.go runningAddresses)', () => {
    const host = new Simulation(compileScenario(load('ingress-host-routing').files), 1)
    const out = run(host, 'client/workstation', 'kubectl get ingress').stdout.split('\n')
    expect(out[0]).toMatch(/^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE$/)
    expect(out[1]).toMatch(/^domain-ingress\s+nginx\s+nginx\.example\.com,httpd\.example\.com\s+192\.168\.100\.21,192\.168\.100\.22\s+80\s+/)
    const lb = new Simulation(compileScenario(load('ingress-controller-loadbalancer').files), 1)
    expect(run(lb, 'client/workstation', 'kubectl get ingress').stdout.split('\n')[1]).toMatch(/\s192\.168\.100\.100\s+80\s/)
  })
  it('the controller\'s access log has one line per request in ingress-nginx\'s log format', () => {
    const sim = new Simulation(compileScenario(load('ingress-canary-header').files), 1)
    run(sim, 'client/workstation', 'curl http://app.example.com/')
    run(sim, 'client/workstation', 'curl -H "X-Canary: true" http://app.example.com/')
    const ctl = sim.scenario.cluster.pods.find((p) => p.namespace === 'ingress-nginx' && p.nodeName === 'node1')!
    const lines = controllerLog(sim, ctl).trimEnd().split('\n')
    expect(lines.length).toBe(2)
    const re = /^192\.168\.100\.10 - - \[01\/Jan\/2026:00:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 (\d+) "-" "curl\/7\.88\.1" (\d+) 0\.000 \[default-app-v1-service-80\] \[(.*)\] (10\.244\.\d+\.\d+:80) \1 0\.000 200 [0-9a-f]{32}$/
    expect(lines[0]).toMatch(re)
    expect(re.exec(lines[0])![3]).toBe('')
    expect(re.exec(lines[1])![3]).toBe('default-app-v2-service-80')
  })
  it('kubectl describe ingress lists the controller pods\' Sync events', () => {
    const sim = new Simulation(compileScenario(load('ingress-host-routing').files), 1)
    const out = run(sim, 'client/workstation', 'kubectl describe ingress domain-ingress').stdout
    const sync = out.split('\n').filter((l) => /^\s+Normal\s+Sync\s+\S+\s+nginx-ingress-controller\s+Scheduled for sync$/.test(l))
    expect(sync.length).toBe(2)
    expect(out).toMatch(/Address:\s+192\.168\.100\.21,192\.168\.100\.22/)
  })
})
