import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProxyMode } from '../../../cluster/types'
import type { CompiledScenario } from '../../../scenario'
import { Simulation } from '../../../sim/simulation'
import { traceRequest } from '../../../trace/walk'
import { buildServicePorts, categorizeEndpoints } from '../serviceports'
import { makeCluster, type PodSpec } from '../testing/fixture'

/**
 * The three kube-proxy modes side by side (iptables, IPVS, nftables): the same cluster and request must reach the
 * same set of endpoints, masquerade alike and fail alike wherever the real proxiers agree (k/k pkg/proxy:
 * every backend compiles the same CategorizeEndpoints model).
 */

const MODES: ProxyMode[] = ['iptables', 'ipvs', 'nftables']
const NODES = ['master', 'node1', 'node2']

function scenario(pods: PodSpec[], svc: Parameters<typeof makeCluster>[0]['services'], mode: ProxyMode): CompiledScenario {
  const cluster = makeCluster({ pods, services: svc, mode })
  return { files: [], objects: [], cluster, diagnostics: [] }
}

describe('load is spread evenly in every mode (iptables statistic, IPVS rr, nftables numgen)', () => {
  const pods: PodSpec[] = [
    { name: 'web-a', node: 'node1', ip: '10.244.1.10', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
    { name: 'web-b', node: 'node2', ip: '10.244.2.10', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
    { name: 'web-c', node: 'node2', ip: '10.244.2.11', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
    { name: 'client', node: 'node1', ip: '10.244.1.20', labels: { app: 'client' } },
  ]
  const svc = [{ name: 'web', clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] }]
  for (const mode of MODES) {
    it(`${mode}: 3000 requests to three ready pods land within 3 points of a third each`, () => {
      const sim = new Simulation(scenario(pods, svc, mode), 7)
      const counts = new Map<string, number>()
      for (let i = 0; i < 3000; i++) {
        sim.clock.advance(50)
        const t = traceRequest(sim, { from: 'Pod/default/client', protocol: 'TCP', host: '10.96.0.50', port: 80 })
        expect(t.outcome.result).toBe('ok')
        counts.set(t.outcome.pod!, (counts.get(t.outcome.pod!) ?? 0) + 1)
      }
      expect(counts.size).toBe(3)
      for (const n of counts.values()) expect(Math.abs(n / 3000 - 1 / 3)).toBeLessThan(0.03)
    })
  }
})

describe('the three modes agree where the real proxiers agree (property)', () => {
  const endpointArb = fc.record({
    node: fc.constantFrom(...NODES),
    state: fc.constantFrom('ready', 'ready', 'notready', 'terminating-serving', 'terminating'),
  })
  const caseArb = fc.record({
    endpoints: fc.array(endpointArb, { minLength: 0, maxLength: 4 }),
    type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const),
    itp: fc.constantFrom('Cluster' as const, 'Local' as const),
    etp: fc.constantFrom('Cluster' as const, 'Local' as const),
    clientNode: fc.constantFrom(...NODES),
    viaNodePort: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1000 }),
  })

  it('same verdict class, endpoints from the same CategorizeEndpoints set, masquerade alike', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const pods: PodSpec[] = c.endpoints.map((e, i) => {
          const idx = NODES.indexOf(e.node)
          return {
            name: `web-${i}`, node: e.node, ip: `10.244.${idx}.${10 + i}`, labels: { app: 'web' }, ports: [{ containerPort: 80 }],
            ready: e.state === 'ready' || e.state === 'terminating-serving',
            terminating: e.state.startsWith('terminating'),
          }
        })
        pods.push({ name: 'client', node: c.clientNode, ip: `10.244.${NODES.indexOf(c.clientNode)}.99`, labels: { app: 'client' } })
        const svc = [{
          name: 'web', clusterIP: '10.96.0.50', type: c.type, selector: { app: 'web' },
          ports: [{ port: 80, targetPort: 80, ...(c.type === 'NodePort' ? { nodePort: 30080 } : {}) }],
          internalTrafficPolicy: c.itp, externalTrafficPolicy: c.etp,
        }]
        const nodePort = c.type === 'NodePort' && c.viaNodePort
        const entry = c.clientNode
        const entryIP = `192.168.100.${20 + NODES.indexOf(entry)}`
        const results = MODES.map((mode) => {
          const sc = scenario(pods, svc, mode)
          const sim = new Simulation(sc, c.seed)
          const t = nodePort
            ? traceRequest(sim, { from: 'Client/workstation', protocol: 'TCP', host: entryIP, port: 30080 })
            : traceRequest(sim, { from: 'Pod/default/client', protocol: 'TCP', host: '10.96.0.50', port: 80 })
          const sp = buildServicePorts(sc.cluster)[0]
          const cat = categorizeEndpoints(sp, entry)
          const local = nodePort ? sp.externalPolicyLocal : sp.internalPolicyLocal
          const allowed = (local ? cat.localEndpoints : cat.clusterEndpoints).map((e) => e.hostPort)
          return { mode, t, allowed }
        })
        const ok = results.map((r) => r.t.outcome.result === 'ok')
        // serve or fail alike (the failure's form may differ: iptables DROPs eTP=Local NodePort traffic with no
        // local endpoint where IPVS answers ICMP port unreachable from ip_vs_leave)
        expect(ok, JSON.stringify(results.map((r) => [r.mode, r.t.outcome]))).toEqual([ok[0], ok[0], ok[0]])
        for (const r of results) {
          if (!ok[0]) continue
          expect(r.allowed).toContain(r.t.outcome.endpoint)
        }
        if (ok[0]) {
          // masqueraded or not (the new source is the outgoing interface's address, which depends on the endpoint drawn)
          const src = nodePort ? '192.168.100.10' : `10.244.${NODES.indexOf(c.clientNode)}.99`
          const seen = results.map((r) => r.t.outcome.clientIP === src)
          expect(seen, JSON.stringify(results.map((r) => [r.mode, r.t.outcome]))).toEqual([seen[0], seen[0], seen[0]])
        }
        if (!ok[0] && !nodePort) {
          // the ClusterIP with nothing to serve: every mode rejects (REJECT / ip_vs_leave / reject-chain) unless a
          // Local policy drops (iptables, nftables) where IPVS rejects
          for (const r of results) expect(['rejected', 'dropped']).toContain(r.t.outcome.result)
        }
      }),
      { numRuns: 150, seed: 4242 },
    )
  })
})
