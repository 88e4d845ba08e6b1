import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../scenario'
import { Simulation } from '../../sim/simulation'
import { traceRequest } from '../../trace/walk'
import type { RequestSpec } from '../../trace/types'
import { backend, ingress } from './fixtures'

/** The packet walk through the controller, for each way of deploying it (issue 6 acceptance). */
const clusterDoc = (mode: string) => `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: { name: lab }
spec:
  nodes:
  - { name: master, ip: 192.168.100.20, controlPlane: true }
  - { name: node1, ip: 192.168.100.21, labels: { ingress: "true" } }
  - { name: node2, ip: 192.168.100.22, labels: { ingress: "true" } }
  clients:
  - name: workstation
    ip: 192.168.100.10
    hosts: { nginx.example.com: ${mode === 'loadBalancer' ? '192.168.100.200' : '192.168.100.21'} }
  ingressController: { mode: ${mode} }
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: { name: lab, namespace: metallb-system }
spec: { addresses: [192.168.100.200-192.168.100.210] }
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: { name: lab, namespace: metallb-system }
`
const app = backend('nginx-service') + ingress('domain-ingress', 'nginx.example.com', [['/', 'Prefix', 'nginx-service']])

function curl(mode: string, port: number, extra: Partial<RequestSpec['http']> = {}) {
  const compiled = compileScenario([{ path: 'lab.yaml', text: clusterDoc(mode) + app }])
  const sim = new Simulation(compiled, 7)
  const t = traceRequest(sim, {
    from: 'Client/workstation', protocol: 'TCP', host: 'nginx.example.com', port,
    http: { method: 'GET', path: '/', scheme: 'http', headers: { 'User-Agent': 'curl/7.88.1', Accept: '*/*' }, ...extra },
  })
  return { t, compiled }
}

describe('curl through ingress-nginx, three deployment modes', () => {
  const modes: [string, number, string][] = [
    ['hostNetwork', 80, 'straight to the node\'s port 80 (hostNetwork), no kube-proxy DNAT'],
    ['nodePort', 30080, 'NodePort 30080 → kube-proxy DNAT → controller pod :80'],
    ['loadBalancer', 80, 'MetalLB IP :80 → kube-proxy DNAT → controller pod :80'],
  ]
  for (const [mode, port, path] of modes) {
    it(`${mode}: ${path}, then the controller sends to the pod IP`, () => {
      const { t, compiled } = curl(mode, port)
      expect(t.outcome.result, JSON.stringify(t.outcome)).toBe('ok')
      expect(t.outcome.httpStatus).toBe(200)
      expect(t.httpReply?.body).toContain('Welcome to nginx!')
      const backendPod = compiled.cluster.pods.find((p) => p.name === 'nginx-service-1')!
      expect(t.outcome.pod).toBe(`default/${backendPod.name}`)
      const ingressHops = t.hops.filter((h) => h.stage === 'ingress')
      expect(ingressHops.map((h) => h.note.code)).toContain('ingress.upstream.endpoint')
      expect(ingressHops.find((h) => h.note.code === 'ingress.location.prefix')?.rule).toBe('location "/" {')
      const ctlIndex = t.hops.findIndex((h) => h.stage === 'ingress')
      const dnatBefore = t.hops.slice(0, ctlIndex).some((h) => h.stage === 'kube-proxy' && h.verdict === 'translated')
      expect(dnatBefore).toBe(mode !== 'hostNetwork')
      // the controller's connection goes to the pod IP itself: no kube-proxy DNAT after the ingress decision
      const after = t.hops.slice(ctlIndex)
      expect(after.some((h) => h.stage === 'kube-proxy' && h.verdict === 'translated' && h.after.dst === backendPod.podIP && h.before.dst !== backendPod.podIP)).toBe(false)
      expect(after.some((h) => h.stage === 'pod' && h.at === backendPod.id)).toBe(true)
    })
  }
  it('an unknown path on a host the controller serves, 404 from the default backend', () => {
    const compiled = compileScenario([{ path: 'lab.yaml', text: clusterDoc('hostNetwork') + backend('nginx-service') + ingress('d', 'nginx.example.com', [['/app', 'Prefix', 'nginx-service']]) }])
    const t = traceRequest(new Simulation(compiled, 1), { from: 'Client/workstation', protocol: 'TCP', host: 'nginx.example.com', port: 80, http: { method: 'GET', path: '/nope', scheme: 'http', headers: {} } })
    expect(t.outcome.httpStatus).toBe(404)
    expect(t.httpReply?.body).toContain('<center>nginx</center>')
    expect(t.httpReply?.headers.some(([k]) => k === 'Server')).toBe(false)
  })
})

describe('determinism', () => {
  it('same scenario and seed give byte-identical traces (canary draws, endpoint rotation, request ids)', () => {
    const yaml = clusterDoc('nodePort') + backend('app-v1', 80, 'default', 3) + backend('app-v2', 80, 'default', 2) +
      ingress('main', 'nginx.example.com', [['/', 'Prefix', 'app-v1']]) +
      ingress('canary', 'nginx.example.com', [['/', 'Prefix', 'app-v2']], { canary: 'true', 'canary-weight': '30' })
    const runs = () => {
      const sim = new Simulation(compileScenario([{ path: 'lab.yaml', text: yaml }]), 99)
      return JSON.stringify(Array.from({ length: 20 }, () => traceRequest(sim, { from: 'Client/workstation', protocol: 'TCP', host: 'nginx.example.com', port: 30080, http: { method: 'GET', path: '/', scheme: 'http', headers: {} } })))
    }
    const a = runs()
    expect(runs()).toBe(a)
    expect(a).toContain('app-v2')
    expect(a).toContain('app-v1')
  })
})

describe('a backend that does not listen on the target port', () => {
  it('the controller answers 502 Bad Gateway (the proxied connection is refused)', () => {
    const svc = `---
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec: { containers: [{ name: web, image: nginx:1.20 }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
`
    const compiled = compileScenario([{ path: 'lab.yaml', text: clusterDoc('hostNetwork').replace('nginx.example.com: 192.168.100.21', 'web.example.com: 192.168.100.21') + svc + ingress('web', 'web.example.com', [['/', 'Prefix', 'web']]) }])
    const t = traceRequest(new Simulation(compiled, 1), { from: 'Client/workstation', protocol: 'TCP', host: 'web.example.com', port: 80, http: { method: 'GET', path: '/', scheme: 'http', headers: {} } })
    expect(t.outcome.httpStatus).toBe(502)
    expect(t.httpReply?.body).toContain('<center><h1>502 Bad Gateway</h1></center>')
    expect(t.hops.some((h) => h.note.code === 'ingress.upstream.error')).toBe(true)
  })
})
