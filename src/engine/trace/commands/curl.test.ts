import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../scenario'
import { resolveWhere } from '../../shell/location'
import { runCommandLine } from '../../shell/runner'
import { Simulation } from '../../sim/simulation'
import { gallery } from '../../../scenarios/gallery.generated'

function workstation(scenario: string) {
  const compiled = compileScenario(gallery.find((g) => g.name === scenario)!.files)
  const sim = new Simulation(compiled, 1)
  const w = resolveWhere(compiled.cluster, 'client/workstation')
  if (!w.ok) throw new Error('no workstation')
  return { cluster: compiled.cluster, curl: (args: string[], json = false) => runCommandLine(sim, w.where, ['curl', ...args], { json }) }
}

// curl 7.88's redirect, data and --resolve handling (tool_getparam.c, lib/transfer.c Curl_follow)
describe('curl: redirects, data, --resolve and the JSON outcome', () => {
  it('without -L a 308 is printed, not followed', () => {
    const r = workstation('ingress-https-redirect').curl(['-sI', 'http://secure.example.com'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/^HTTP\/1\.1 308 Permanent Redirect\r\n/)
    expect(r.traces).toHaveLength(1)
  })

  it('-L follows the 308 to https and then fails the self-signed certificate like curl (60)', () => {
    const r = workstation('ingress-https-redirect').curl(['-sSL', 'http://secure.example.com'])
    expect(r.exitCode).toBe(60)
    expect(r.stderr).toContain('curl: (60) SSL certificate problem')
    expect(r.traces).toHaveLength(2)
    expect(r.traces![1].request.http?.scheme).toBe('https')
  })

  it('-kL follows the redirect and prints the final page; -i shows each response head', () => {
    const r = workstation('ingress-https-redirect').curl(['-kLi', 'http://secure.example.com'])
    expect(r.exitCode).toBe(0)
    const heads = r.stdout.match(/^HTTP\/1\.1 \d+/gm)
    expect(heads).toEqual(['HTTP/1.1 308', 'HTTP/1.1 200'])
    expect(r.stdout).toContain('Welcome to nginx!')
  })

  it('--json carries the response headers and body in the outcome', () => {
    const r = workstation('ingress-https-redirect').curl(['-s', 'http://secure.example.com'], true)
    const out = (r.json as { outcome: { headers: Record<string, string>; body: string; httpStatus: number } }).outcome
    expect(out.httpStatus).toBe(308)
    expect(out.headers.location).toBe('https://secure.example.com')
    expect(typeof out.body).toBe('string')
  })

  it('-d makes a POST with a form body', () => {
    const r = workstation('service-basics').curl(['-s', '-d', 'a=1', '-d', 'b=2', 'http://192.168.100.21:30080/'])
    expect(r.traces![0].request.http).toMatchObject({ method: 'POST', body: 'a=1&b=2' })
    expect(r.traces![0].request.http?.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
    expect(r.traces![0].request.http?.headers['Content-Length']).toBe('7')
  })

  it('--resolve pins a name to an address without DNS, keeping the Host header', () => {
    const ws = workstation('ingress-host-routing')
    const node1 = ws.cluster.nodes.find((n) => n.name === 'node1')!
    const r = ws.curl(['-s', '--resolve', `nowhere.example.com:80:${node1.ip}`, 'http://nowhere.example.com/'])
    expect(r.traces![0].request.host).toBe(node1.ip)
    expect(r.traces![0].request.http?.headers.Host).toBe('nowhere.example.com')
    expect(r.traces![0].hops.some((h) => h.stage === 'dns')).toBe(false)
  })

  it('a bad --resolve argument is a usage error', () => {
    expect(workstation('service-basics').curl(['--resolve', 'nonsense', 'http://x']).exitCode).toBe(2)
  })
})
