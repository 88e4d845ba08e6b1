import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../scenario'
import type { SourceFile } from '../../manifest/types'
import { Simulation } from '../../sim/simulation'
import { traceRequest } from '../../trace/walk'
import type { RequestSpec } from '../../trace/types'
import { electL2Speaker } from './l2'

function sim(dir: string, drop: string[] = [], seed = 1): Simulation {
  const root = new URL(`../../../scenarios/${dir}/`, import.meta.url)
  const meta = JSON.parse(readFileSync(new URL('scenario.json', root), 'utf8')) as { files: string[] }
  const files: SourceFile[] = meta.files.filter((f) => !drop.includes(f)).map((f) => ({ path: f, text: readFileSync(new URL(f, root), 'utf8') }))
  return new Simulation(compileScenario(files), seed)
}

const curl = (host: string): RequestSpec => ({
  from: 'Client/workstation', protocol: 'TCP', host, port: 80,
  http: { method: 'GET', path: '/', scheme: 'http', headers: {} },
})

// The acceptance: `curl http://192.168.100.100` from the workstation shows ARP, the winning node, kube-proxy, a pod.
describe('a curl from the workstation to a MetalLB address (trace/walk.ts with dataplane/metallb)', () => {
  it('L2: ARP answered by the elected node, then that node\'s kube-proxy, then a pod', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const s = sim('loadbalancer-metallb-l2', [], seed)
      const svc = s.scenario.cluster.services.find((x) => x.name === 'nginx-loadbalancer')!
      const winner = electL2Speaker(s.scenario.cluster, svc).node!
      const t = traceRequest(s, curl('192.168.100.100'))
      expect(t.outcome).toMatchObject({ result: 'ok', service: 'default/nginx-loadbalancer' })
      expect(t.hops.slice(0, 2).map((h) => [h.stage, h.at, h.verdict])).toEqual([
        ['arp', 'Client/workstation', 'forwarded'],
        ['arp', `Node/${winner}`, 'answered'],
      ])
      const firstKubeProxy = t.hops.find((h) => h.stage === 'kube-proxy')!
      expect(firstKubeProxy.node).toBe(winner) // the packet enters the node that answered ARP
      expect(t.hops.map((h) => h.seq)).toEqual(t.hops.map((_, i) => i))
      expect(t.outcome.pod).toMatch(/^default\/nginx-pod-[123]$/)
    }
  })

  it('without MetalLB: the Service is <pending> and the request fails with "No route to host" after an unanswered ARP', () => {
    const s = sim('loadbalancer-metallb-l2', ['metallb.yaml'])
    const t = traceRequest(s, curl('192.168.100.100'))
    expect(t.outcome.result).toBe('no-route')
    expect(t.hops.map((h) => [h.stage, h.verdict])).toEqual([['arp', 'forwarded'], ['arp', 'dropped']])
  })

  it('BGP: the client\'s gateway, the router\'s ECMP choice, then that node\'s kube-proxy', () => {
    const s = sim('loadbalancer-metallb-bgp')
    const t = traceRequest(s, curl('172.16.10.1'))
    expect(t.outcome.result).toBe('ok')
    const stages = t.hops.map((h) => h.stage)
    expect(stages.slice(0, 6)).toEqual(['route', 'arp', 'arp', 'bgp', 'arp', 'arp'])
    // Every hop happens at an object the canvas draws.
    const c = s.scenario.cluster
    const ids = new Set([...c.nodes.map((n) => n.id), ...c.clients.map((x) => x.id), c.router!.id, ...c.pods.map((p) => p.id)])
    for (const h of t.hops) expect(ids.has(h.at), `${h.seq} ${h.at}`).toBe(true)
    const bgp = t.hops[3]
    const chosen = bgp.note.params.node
    expect(['node1', 'node2']).toContain(chosen)
    expect(t.hops.find((h) => h.stage === 'kube-proxy')!.node).toBe(chosen)
  })
})
