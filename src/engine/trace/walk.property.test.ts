import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeCluster, type PodSpec, type ServiceSpec } from '../dataplane/kubeproxy/testing/fixture'
import { Simulation } from '../sim/simulation'
import { traceRequest } from './walk'

/**
 * Invariants of the walk over random small clusters (DESIGN.md: every trace ends, every hop's object exists, every
 * DNAT target is an endpoint): random pods on the two workers, one Service with random traffic policies, affinity and
 * type, requests from random sources to its cluster IP or a node's NodePort.
 */
const podArb = fc.record({
  node: fc.constantFrom('node1', 'node2'),
  ready: fc.boolean(),
  terminating: fc.boolean(),
})

const caseArb = fc.record({
  pods: fc.array(podArb, { minLength: 0, maxLength: 5 }),
  eTP: fc.constantFrom<'Cluster' | 'Local'>('Cluster', 'Local'),
  iTP: fc.constantFrom<'Cluster' | 'Local'>('Cluster', 'Local'),
  affinity: fc.boolean(),
  source: fc.constantFrom('Pod/default/client', 'Node/node1', 'Node/node2', 'Client/workstation'),
  target: fc.constantFrom('clusterIP', 'nodePort1', 'nodePort2'),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
})

describe('walk invariants', () => {
  it('every trace ends, names existing objects, and DNATs only to endpoints of the Service', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const pods: PodSpec[] = c.pods.map((p, i) => ({ name: `web-${i}`, node: p.node, ip: `10.244.${p.node === 'node1' ? 1 : 2}.${10 + i}`, labels: { app: 'web' }, ready: p.ready, terminating: p.terminating }))
        pods.push({ name: 'client', node: 'node2', ip: '10.244.2.99', labels: {}, ports: [] })
        const svc: ServiceSpec = {
          name: 'web', type: 'NodePort', clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, nodePort: 30080 }],
          externalTrafficPolicy: c.eTP, internalTrafficPolicy: c.iTP, sessionAffinity: c.affinity ? 'ClientIP' : 'None',
        }
        const cluster = makeCluster({ pods, services: [svc] })
        const sim = new Simulation({ files: [], objects: [], cluster, diagnostics: [] }, c.seed)
        const host = c.target === 'clusterIP' ? '10.96.0.50' : c.target === 'nodePort1' ? '192.168.100.21' : '192.168.100.22'
        const port = c.target === 'clusterIP' ? 80 : 30080
        const t = traceRequest(sim, { from: c.source, protocol: 'TCP', host, port })
        expect(t.hops.length).toBeLessThan(200)
        const ids = new Set<string>([...cluster.pods.map((p) => p.id), ...cluster.nodes.map((n) => n.id), ...cluster.clients.map((x) => x.id)])
        for (const h of t.hops) {
          expect(ids.has(h.at)).toBe(true)
          if (h.rule?.includes('-j DNAT --to-destination ')) {
            const to = h.rule.split('--to-destination ')[1]
            expect(pods.some((p) => `${p.ip}:80` === to && p.name !== 'client')).toBe(true)
          }
        }
        if (t.outcome.result === 'ok') expect(t.outcome.pod?.startsWith('default/web-')).toBe(true)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    )
  }, 60_000)
})
