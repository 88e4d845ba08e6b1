import { describe, expect, it } from 'vitest'
import type { Cluster } from '../cluster/types'
import { makeCluster, type PodSpec, type ServiceSpec } from '../dataplane/kubeproxy/testing/fixture'
import { Simulation } from '../sim/simulation'
import type { RequestSpec } from './types'
import { traceRequest } from './walk'

function sim(cluster: Cluster, seed = 1): Simulation {
  return new Simulation({ files: [], objects: [], cluster, diagnostics: [] }, seed)
}

const web = (name: string, node: string, ip: string): PodSpec => ({ name, node, ip, labels: { app: 'web' } })

// Three web pods (two on node1, one on node2) and a client pod on node2.
const pods: PodSpec[] = [
  web('web-1', 'node1', '10.244.1.2'),
  web('web-2', 'node1', '10.244.1.3'),
  web('web-3', 'node2', '10.244.2.2'),
  { name: 'client', node: 'node2', ip: '10.244.2.9', labels: { app: 'client' }, image: 'busybox:1.36', ports: [] },
]
const webSvc = (over: Partial<ServiceSpec> = {}): ServiceSpec => ({
  name: 'web', clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, nodePort: 30080 }], type: 'NodePort', ...over,
})

const req = (from: string, host: string, port: number): RequestSpec => ({ from, protocol: 'TCP', host, port })

interface Case {
  name: string
  source: string
  pods?: PodSpec[]
  svc: Partial<ServiceSpec>
  request: RequestSpec
  result: string
  /** The backends allowed to answer (empty: none). */
  pods_?: string[]
  clientIP?: string
  masqueraded?: boolean
}

// Table-driven packet flows in the style of k/k pkg/proxy/iptables/proxier_test.go (runPacketFlowTests).
const cases: Case[] = [
  {
    name: 'pod to cluster IP: DNAT to any endpoint, source kept',
    source: 'proxier_test.go TestClusterIPGeneral "simple clusterIP" (masq: false)',
    svc: {}, request: req('Pod/default/client', '10.96.0.50', 80), result: 'ok',
    pods_: ['default/web-1', 'default/web-2', 'default/web-3'], clientIP: '10.244.2.9', masqueraded: false,
  },
  {
    name: 'node to cluster IP: off-cluster source is masqueraded',
    source: 'proxier_test.go TestClusterIPGeneral / TestMasqueradeRule: "! -s clusterCIDR -j KUBE-MARK-MASQ"',
    svc: {}, request: req('Node/node2', '10.96.0.50', 80), result: 'ok', masqueraded: true,
    pods_: ['default/web-1', 'default/web-2', 'default/web-3'],
  },
  {
    name: 'outside to NodePort, eTP Cluster: masqueraded to the node',
    source: 'proxier_test.go TestNodePorts "external to nodePort" (masq: true)',
    svc: {}, request: req('Client/workstation', '192.168.100.22', 30080), result: 'ok', masqueraded: true,
    pods_: ['default/web-1', 'default/web-2', 'default/web-3'],
  },
  {
    name: 'outside to NodePort, eTP Local: only local endpoints, client IP kept',
    source: 'proxier_test.go TestExternalTrafficPolicyLocal "external to nodePort" (masq: false, local endpoint only)',
    svc: { externalTrafficPolicy: 'Local' }, request: req('Client/workstation', '192.168.100.22', 30080), result: 'ok',
    pods_: ['default/web-3'], clientIP: '192.168.100.10', masqueraded: false,
  },
  {
    name: 'outside to NodePort, eTP Local, no local endpoints: DROP',
    source: 'proxier_test.go TestNoEndpointsReject / "has no local endpoints" -j DROP in KUBE-EXTERNAL-SERVICES',
    pods: [web('web-1', 'node1', '10.244.1.2')],
    svc: { externalTrafficPolicy: 'Local' }, request: req('Client/workstation', '192.168.100.22', 30080), result: 'dropped', pods_: [],
  },
  {
    name: 'iTP Local: only the source node\'s endpoints',
    source: 'proxier_test.go TestInternalTrafficPolicy "internalTrafficPolicy is local and there are local endpoints"',
    svc: { internalTrafficPolicy: 'Local' }, request: req('Pod/default/client', '10.96.0.50', 80), result: 'ok', pods_: ['default/web-3'],
  },
  {
    name: 'iTP Local, no local endpoints: DROP',
    source: 'proxier_test.go TestInternalTrafficPolicy "no local endpoints" (DROP)',
    pods: [web('web-1', 'node1', '10.244.1.2'), pods[3]],
    svc: { internalTrafficPolicy: 'Local' }, request: req('Pod/default/client', '10.96.0.50', 80), result: 'dropped', pods_: [],
  },
  {
    name: 'hairpin: a pod reaching itself through its Service is masqueraded',
    source: 'proxier_test.go TestClusterIPGeneral "hairpin" (masq: true via KUBE-SEP "-s <ep> -j KUBE-MARK-MASQ")',
    pods: [web('web-1', 'node1', '10.244.1.2')],
    svc: {}, request: req('Pod/default/web-1', '10.96.0.50', 80), result: 'ok', pods_: ['default/web-1'], clientIP: '10.244.1.1', masqueraded: true,
  },
  {
    name: 'no endpoints: REJECT',
    source: 'proxier_test.go TestNoEndpointsReject ("has no endpoints" -j REJECT)',
    pods: [pods[3]],
    svc: {}, request: req('Pod/default/client', '10.96.0.50', 80), result: 'rejected', pods_: [],
  },
  {
    name: 'terminating endpoints serve when no endpoint is ready',
    source: 'proxier_test.go TestEndpointSliceWithTerminatingEndpointsTrafficPolicyLocal / topology.go CategorizeEndpoints fallback',
    pods: [{ ...web('web-1', 'node1', '10.244.1.2'), terminating: true }, pods[3]],
    svc: {}, request: req('Pod/default/client', '10.96.0.50', 80), result: 'ok', pods_: ['default/web-1'],
  },
  {
    name: 'LoadBalancer source ranges: a client inside the range is let in',
    source: 'proxier_test.go TestLoadBalancer "accepted external to LB IP" (KUBE-FW -s <range> -j KUBE-EXT)',
    svc: { type: 'LoadBalancer', loadBalancerIngress: ['192.168.100.200'], loadBalancerSourceRanges: ['192.168.100.0/28'] },
    request: req('Client/workstation', '192.168.100.200', 80), result: 'ok', pods_: ['default/web-1', 'default/web-2', 'default/web-3'],
  },
  {
    name: 'LoadBalancer source ranges: a client outside the range is dropped',
    source: 'proxier_test.go TestLoadBalancer "unaccepted external to LB IP" (KUBE-PROXY-FIREWALL DROP)',
    svc: { type: 'LoadBalancer', loadBalancerIngress: ['192.168.100.200'], loadBalancerSourceRanges: ['203.0.113.0/25'] },
    request: req('Client/workstation', '192.168.100.200', 80), result: 'dropped', pods_: [],
  },
  {
    name: 'outside to a cluster IP: no route',
    source: 'the tutorial: a ClusterIP is reachable only inside the cluster',
    svc: {}, request: req('Client/workstation', '10.96.0.50', 80), result: 'timeout', pods_: [],
  },
  {
    name: 'a port nothing listens on: connection refused',
    source: 'TCP: a SYN to a closed port is answered with RST',
    svc: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }, request: req('Pod/default/client', '10.96.0.50', 80), result: 'refused',
  },
]

describe('packet walk through the iptables rules', () => {
  it.each(cases)('$name ($source)', (c) => {
    const cluster = makeCluster({ pods: c.pods ?? pods, services: [webSvc(c.svc)] })
    for (let seed = 1; seed <= 8; seed++) {
      const t = traceRequest(sim(cluster, seed), c.request)
      expect(t.outcome.result).toBe(c.result)
      if (c.pods_ && c.result === 'ok') expect(c.pods_).toContain(t.outcome.pod)
      if (c.clientIP) expect(t.outcome.clientIP).toBe(c.clientIP)
      if (c.masqueraded !== undefined) {
        expect(t.hops.some((h) => h.note.code === 'trace.nf.masquerade')).toBe(c.masqueraded)
        expect(t.outcome.clientIPReason === 'outcome.clientip.preserved').toBe(!c.masqueraded)
      }
      if (c.result !== 'timeout') expect(t.rulesEvaluated).toBeGreaterThan(0)
      expect(t.hops.map((h) => h.seq)).toEqual(t.hops.map((_, i) => i))
    }
  })

  it('three ready pods share 3000 requests within 3 percentage points of a third each', () => {
    const s = sim(makeCluster({ pods, services: [webSvc()] }), 7)
    const counts = new Map<string, number>()
    for (let i = 0; i < 3000; i++) {
      const t = traceRequest(s, req('Pod/default/client', '10.96.0.50', 80))
      counts.set(t.outcome.pod!, (counts.get(t.outcome.pod!) ?? 0) + 1)
      s.clock.advance(10)
    }
    expect(counts.size).toBe(3)
    for (const n of counts.values()) expect(Math.abs(n / 3000 - 1 / 3)).toBeLessThan(0.03)
  }, 60_000)

  // proxier_test.go TestSessionAffinity-style: -m recent --rcheck pins a client to the endpoint it was sent to
  it('with ClientIP affinity every request from one client reaches one pod', () => {
    const s = sim(makeCluster({ pods, services: [webSvc({ sessionAffinity: 'ClientIP' })] }), 3)
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const t = traceRequest(s, req('Pod/default/client', '10.96.0.50', 80))
      seen.add(t.outcome.pod!)
      s.clock.advance(10)
    }
    expect(seen.size).toBe(1)
    const again = traceRequest(s, req('Pod/default/client', '10.96.0.50', 80))
    expect(again.hops.some((h) => h.note.code === 'trace.nf.affinity')).toBe(true)
  })

  it('affinity expires after timeoutSeconds', () => {
    const s = sim(makeCluster({ pods, services: [webSvc({ sessionAffinity: 'ClientIP', affinityTimeoutSeconds: 10 })] }), 3)
    traceRequest(s, req('Pod/default/client', '10.96.0.50', 80))
    s.clock.advance(11_000)
    const t = traceRequest(s, req('Pod/default/client', '10.96.0.50', 80))
    expect(t.hops.some((h) => h.note.code === 'trace.nf.affinity')).toBe(false)
  })

  it('is deterministic: the same scenario and seed give the same trace', () => {
    const cluster = makeCluster({ pods, services: [webSvc()] })
    const a = traceRequest(sim(cluster, 42), req('Client/workstation', '192.168.100.21', 30080))
    const b = traceRequest(sim(cluster, 42), req('Client/workstation', '192.168.100.21', 30080))
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it('the reply is translated back: the client sees the address it asked for', () => {
    const t = traceRequest(sim(makeCluster({ pods, services: [webSvc()] }), 5), req('Client/workstation', '192.168.100.21', 30080))
    const last = t.hops.at(-1)!
    expect(last.note.code).toBe('trace.reply.deliver')
    expect(last.after.src).toBe('192.168.100.21')
    expect(last.after.srcPort).toBe(30080)
    expect(t.hops.some((h) => h.stage === 'conntrack' && h.verdict === 'translated')).toBe(true)
  })
})

describe('delivery to a node\'s own process', () => {
  it('the reply comes back through conntrack (ssh to a node)', () => {
    const s = sim(makeCluster({ pods, services: [webSvc()] }), 1)
    const t = traceRequest(s, req('Client/workstation', '192.168.100.21', 22))
    expect(t.outcome.result).toBe('ok')
    expect(t.hops.at(-1)!.note.code).toBe('trace.reply.deliver')
  })
})

describe('every sentence of the walk is in the catalogue', () => {
  it('notes, reasons and client-IP explanations have English and Chinese texts', async () => {
    const { catalog } = await import('../i18n/catalog')
    const seen = new Set<string>()
    for (const c of cases) {
      const cluster = makeCluster({ pods: c.pods ?? pods, services: [webSvc(c.svc)] })
      const t = traceRequest(sim(cluster, 2), c.request)
      for (const h of t.hops) seen.add(h.note.code)
      if (t.outcome.reason) seen.add(t.outcome.reason.code)
      if (t.outcome.clientIPReason) seen.add(t.outcome.clientIPReason)
    }
    const affinity = sim(makeCluster({ pods, services: [webSvc({ sessionAffinity: 'ClientIP' })] }), 1)
    for (let i = 0; i < 3; i++) for (const h of traceRequest(affinity, req('Pod/default/client', '10.96.0.50', 80)).hops) seen.add(h.note.code)
    for (const code of seen) {
      expect(catalog[code], code).toBeDefined()
    }
    expect(seen.size).toBeGreaterThan(20)
  })
})

// k/k pkg/proxy/healthcheck/service_health.go: 200 with local endpoints, 503 without, on every node
describe('kube-proxy\'s health check node port', () => {
  it('answers 200 where the Service has local endpoints and 503 elsewhere', () => {
    const cluster = makeCluster({
      pods: [web('web-3', 'node2', '10.244.2.2')],
      services: [webSvc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, loadBalancerIngress: ['192.168.100.200'] })],
    })
    const get = (ip: string) => traceRequest(sim(cluster), { ...req('Client/workstation', ip, 32000), http: { method: 'GET', path: '/', scheme: 'http', headers: {} } })
    const ok = get('192.168.100.22')
    expect(ok.outcome.httpStatus).toBe(200)
    expect(ok.httpReply?.body).toContain('"localEndpoints": 1')
    expect(ok.httpReply?.headers).toContainEqual(['X-Load-Balancing-Endpoint-Weight', '1'])
    const none = get('192.168.100.21')
    expect(none.outcome.httpStatus).toBe(503)
    expect(none.httpReply?.body).toContain('"localEndpoints": 0')
  })
})
