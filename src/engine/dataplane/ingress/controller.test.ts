import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../scenario'
import { controllerEntryFor, findIngressController } from './controller'
import { backend, ingress } from './fixtures'

const cluster = (controller: string, nodes = '') => `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: { name: lab }
spec:
${nodes}  ingressController: ${controller}
`
const labelledNodes = `  nodes:
  - { name: master, ip: 192.168.100.20, controlPlane: true }
  - { name: node1, ip: 192.168.100.21, labels: { ingress: "true" } }
  - { name: node2, ip: 192.168.100.22, labels: { ingress: "true" } }
`
const app = backend('nginx-service') + ingress('domain-ingress', 'nginx.example.com', [['/', 'Prefix', 'nginx-service']])
const compile = (yaml: string) => compileScenario([{ path: 'lab.yaml', text: yaml }])

describe('the controller from the Cluster kind short form (deploy/static/provider/*/deploy.yaml)', () => {
  it('hostNetwork: a DaemonSet pod on each node labelled ingress=true, reachable on the node IP:80/443', () => {
    const c = compile(cluster('{ mode: hostNetwork }', labelledNodes) + '---\n' + app)
    const ctl = findIngressController(c.cluster)!
    expect(ctl.mode).toBe('hostNetwork')
    expect(ctl.pods.map((p) => p.nodeName).sort()).toEqual(['node1', 'node2'])
    expect(ctl.pods.every((p) => p.hostNetwork && p.podIP === p.hostIP && p.system)).toBe(true)
    expect(controllerEntryFor(ctl, '192.168.100.21', 80)).toMatchObject({ kind: 'hostNetwork', node: 'node1', scheme: 'http' })
    expect(controllerEntryFor(ctl, '192.168.100.22', 443)).toMatchObject({ kind: 'hostNetwork', scheme: 'https' })
    expect(controllerEntryFor(ctl, '192.168.100.20', 80)).toBeUndefined()
    expect(c.ingress?.installed).toBe(true)
  })
  it('nodePort: a Deployment behind a NodePort Service on 30080/30443 of every node', () => {
    const c = compile(cluster('{ mode: nodePort }') + '---\n' + app)
    const ctl = findIngressController(c.cluster)!
    expect(ctl.mode).toBe('nodePort')
    const svc = ctl.services[0]
    expect(svc.type).toBe('NodePort')
    expect(svc.ports.map((p) => p.nodePort)).toEqual([30080, 30443])
    expect(controllerEntryFor(ctl, '192.168.100.21', 30080)).toMatchObject({ kind: 'nodePort', targetPort: 80, scheme: 'http' })
    expect(controllerEntryFor(ctl, '192.168.100.20', 30443)).toMatchObject({ kind: 'nodePort', targetPort: 443, scheme: 'https' })
  })
  it('loadBalancer: a Deployment behind a LoadBalancer Service (its IP comes from MetalLB when a pool exists)', () => {
    const pool = `---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: { name: lab, namespace: metallb-system }
spec: { addresses: [192.168.100.200-192.168.100.210] }
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: { name: lab, namespace: metallb-system }
`
    const c = compile(cluster('{ mode: loadBalancer }') + pool + '---\n' + app)
    const ctl = findIngressController(c.cluster)!
    expect(ctl.mode).toBe('loadBalancer')
    const svc = ctl.services[0]
    expect(svc.type).toBe('LoadBalancer')
    expect(svc.externalTrafficPolicy).toBe('Local')
    expect(svc.loadBalancerIngress).toEqual(['192.168.100.200'])
    expect(controllerEntryFor(ctl, '192.168.100.200', 80)).toMatchObject({ kind: 'loadBalancer', targetPort: 80 })
    expect(controllerEntryFor(ctl, '192.168.100.200', 443)).toMatchObject({ kind: 'loadBalancer', targetPort: 443, scheme: 'https' })
  })
  it('all three modes serve the same Ingress the same way', () => {
    for (const mode of ['hostNetwork', 'nodePort', 'loadBalancer']) {
      const c = compile(cluster(`{ mode: ${mode} }`, labelledNodes) + '---\n' + app)
      const server = c.ingress!.servers.find((s) => s.hostname === 'nginx.example.com')
      expect(server?.locations[0].backend, mode).toBe('default-nginx-service-80')
    }
  })
  it('without any controller the Ingress is served by nothing, and says so', () => {
    const c = compile(app)
    expect(c.ingress?.installed).toBe(false)
    expect(c.diagnostics.map((d) => d.code)).toContain('ingress.class.no-controller')
  })
  it('recognises a controller the scenario deploys itself, by its image (the tutorial\'s DaemonSet)', () => {
    const ds = `---
apiVersion: v1
kind: Namespace
metadata: { name: ingress-nginx }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: nginx-ingress-controller, namespace: ingress-nginx }
spec:
  selector: { matchLabels: { app: nginx-ingress } }
  template:
    metadata: { labels: { app: nginx-ingress } }
    spec:
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      containers:
      - name: nginx-ingress-controller
        image: k8s.gcr.io/ingress-nginx/controller:v1.0.0
        args: [/nginx-ingress-controller]
        ports:
        - { name: http, containerPort: 80, hostPort: 80 }
        - { name: https, containerPort: 443, hostPort: 443 }
      nodeSelector: { ingress: "true" }
`
    const c = compile(cluster('null', labelledNodes).replace('  ingressController: null\n', '') + ds + app)
    const ctl = findIngressController(c.cluster)!
    expect(ctl.pods.length).toBe(2)
    expect(controllerEntryFor(ctl, '192.168.100.21', 80)?.kind).toBe('hostNetwork')
    expect(c.ingress?.installed).toBe(true)
  })
})
