import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../scenario'
import type { SourceFile } from '../../manifest/types'
import { computeBGP } from './bgp'
import { electL2Speaker } from './l2'
import { showIpBgp } from './render'

function load(dir: string, drop: string[] = []): SourceFile[] {
  const root = new URL(`../../../scenarios/${dir}/`, import.meta.url)
  const meta = JSON.parse(readFileSync(new URL('scenario.json', root), 'utf8')) as { files: string[] }
  return meta.files.filter((f) => !drop.includes(f)).map((f) => ({ path: f, text: readFileSync(new URL(f, root), 'utf8') }))
}

describe('gallery: loadbalancer-metallb-l2 (the tutorial\'s lab 3 with its MetalLB pool)', () => {
  it('gives nginx-loadbalancer 192.168.100.100 and elects the speaker by hash, not "node1" by fiat', () => {
    const s = compileScenario(load('loadbalancer-metallb-l2'))
    const svc = s.cluster.services.find((x) => x.name === 'nginx-loadbalancer')!
    expect(svc.loadBalancerIngress).toEqual(['192.168.100.100'])
    expect(s.loadBalancers?.find((a) => a.service === svc.id)?.events.map((e) => e.message)).toEqual(['Assigned IP ["192.168.100.100"]'])
    const h = (n: string) => createHash('sha256').update(`${n}#192.168.100.100`).digest('hex')
    const expected = ['node1', 'node2'].sort((a, b) => (h(a) < h(b) ? -1 : 1))[0]
    expect(electL2Speaker(s.cluster, svc).node).toBe(expected)
    expect(s.diagnostics.filter((d) => d.code.startsWith('metallb.'))).toEqual([])
  })

  it('without metallb.yaml the Service stays <pending> and a diagnostic explains the fix', () => {
    const s = compileScenario(load('loadbalancer-metallb-l2', ['metallb.yaml']))
    const svc = s.cluster.services.find((x) => x.name === 'nginx-loadbalancer')!
    expect(svc.loadBalancerIngress).toEqual([])
    const d = s.diagnostics.filter((x) => x.code.startsWith('metallb.'))
    expect(d.map((x) => [x.code, x.objectId, x.range?.file])).toEqual([['metallb.svc.noMetalLB', svc.id, 'nginx-loadbalancer.yaml']])
  })
})

describe('gallery: loadbalancer-metallb-bgp', () => {
  it('advertises the /32 and /24 from both workers and the router holds both as ECMP routes', () => {
    const s = compileScenario(load('loadbalancer-metallb-bgp'))
    const svc = s.cluster.services.find((x) => x.name === 'nginx-loadbalancer')!
    expect(svc.loadBalancerIngress).toEqual(['172.16.10.1'])
    const routes = computeBGP(s.cluster).routes
    expect(routes.map((r) => [r.prefix, r.multipath.map((p) => p.node)])).toEqual([
      ['172.16.10.0/24', ['node1', 'node2']],
      ['172.16.10.1/32', ['node1', 'node2']],
    ])
    expect(routes[1].best.communities).toEqual(['65535:65282'])
    expect(showIpBgp(s.cluster)).toContain('*> 172.16.10.1/32   192.168.100.21           0             0 64500 i\n')
    expect(s.diagnostics.filter((d) => d.code.startsWith('metallb.'))).toEqual([])
  })
})

describe('gallery: every suggested request of the MetalLB labs runs and meets its expectation', () => {
  for (const dir of ['loadbalancer-metallb-l2', 'loadbalancer-metallb-bgp']) {
    it(dir, async () => {
      const { Simulation } = await import('../../sim/simulation')
      const { resolveWhere } = await import('../../shell/location')
      const { runLine } = await import('../../shell/sh')
      const root = new URL(`../../../scenarios/${dir}/`, import.meta.url)
      const meta = JSON.parse(readFileSync(new URL('scenario.json', root), 'utf8')) as { requests: { from: string; command: string; expect?: Record<string, unknown> }[] }
      const sim = new Simulation(compileScenario(load(dir)), 1)
      for (const r of meta.requests) {
        const where = resolveWhere(sim.scenario.cluster, r.from)
        if (!where.ok) throw new Error(`${dir}: cannot run ${r.from} ${r.command}`)
        const out = runLine(sim, where.where, r.command)
        expect(out.exitCode, `${dir}: ${r.command}\n${out.stderr}`).toBe(0)
        expect(out.stdout, `${dir}: ${r.command}`).not.toBe('')
        if (r.expect) expect(out.traces?.[0]?.outcome).toMatchObject(r.expect)
      }
    })
  }
})
