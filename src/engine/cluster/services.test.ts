import { describe, expect, it } from 'vitest'
import { parseManifests } from '../manifest/parse'
import { buildCluster } from './build'

function build(yaml: string) {
  const { objects } = parseManifests([{ path: 'svc.yaml', text: yaml }])
  return buildCluster(objects, {})
}
const service = (yaml: string, name: string) => build(yaml).cluster.services.find((s) => s.name === name)

describe('Service defaults, as the API server applies them (core/v1 SetDefaults_Service)', () => {
  it('ClusterIP: type, protocol TCP, targetPort = port, affinity None/10800, traffic policies Cluster', () => {
    const s = service('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}, ports: [{port: 80}]}\n', 'a')
    expect(s).toMatchObject({
      type: 'ClusterIP',
      clusterIP: '10.96.0.11',
      ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 80 }],
      sessionAffinity: 'None',
      affinityTimeoutSeconds: 10800,
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      publishNotReadyAddresses: false,
      loadBalancerIngress: [],
    })
    expect(s!.ports[0].nodePort).toBeUndefined()
  })

  it('NodePort: every port gets a nodePort from the bottom of 30000-32767, skipping written ones', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: a}
spec: {type: NodePort, selector: {app: a}, ports: [{name: http, port: 80}, {name: https, port: 443}]}
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec: {type: NodePort, selector: {app: b}, ports: [{port: 80, nodePort: 30001}]}
`
    const { cluster } = build(yaml)
    expect(cluster.services.find((s) => s.name === 'a')!.ports.map((p) => p.nodePort)).toEqual([30000, 30002])
    expect(cluster.services.find((s) => s.name === 'b')!.ports[0].nodePort).toBe(30001)
  })

  it('LoadBalancer: nodePorts allocated, ingress pending (empty) or read from status; eTP Local gets a healthCheckNodePort', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: lb}
spec: {type: LoadBalancer, externalTrafficPolicy: Local, selector: {app: a}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: imported}
spec: {type: LoadBalancer, selector: {app: a}, ports: [{port: 80}], allocateLoadBalancerNodePorts: false}
status: {loadBalancer: {ingress: [{ip: 192.168.100.100}]}}
`
    const { cluster } = build(yaml)
    const lb = cluster.services.find((s) => s.name === 'lb')!
    expect(lb.ports[0].nodePort).toBe(30000)
    expect(lb.healthCheckNodePort).toBe(30001)
    const imported = cluster.services.find((s) => s.name === 'imported')!
    expect(imported.ports[0].nodePort).toBeUndefined()
    expect(imported.loadBalancerIngress).toEqual(['192.168.100.100'])
  })

  it('headless keeps clusterIP None; ExternalName gets no ClusterIP', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: h}
spec: {clusterIP: None, selector: {app: a}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: e}
spec: {type: ExternalName, externalName: db.example.com.}
`
    const { cluster } = build(yaml)
    expect(cluster.services.find((s) => s.name === 'h')!.clusterIP).toBe('None')
    expect(cluster.services.find((s) => s.name === 'e')).toMatchObject({ clusterIP: '', externalName: 'db.example.com', ports: [] })
  })

  it('an empty selector is no selector (omitempty): the Service is selectorless', () => {
    expect(service('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {}, ports: [{port: 80}]}\n', 'a')!.selector).toBeUndefined()
  })

  it('system Services: kubernetes holds .1 (https 443→6443), kube-dns .10 (dns/dns-tcp/metrics, kubeadm labels)', () => {
    const { cluster } = build('')
    expect(cluster.services.map((s) => [s.id, s.clusterIP, s.system])).toEqual([
      ['Service/default/kubernetes', '10.96.0.1', true],
      ['Service/kube-system/kube-dns', '10.96.0.10', true],
    ])
    const dns = cluster.services[1]
    expect(dns.labels).toEqual({ 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' })
    expect(dns.ports.map((p) => `${p.name}:${p.port}/${p.protocol}`)).toEqual(['dns:53/UDP', 'dns-tcp:53/TCP', 'metrics:9153/TCP'])
    expect(cluster.services[0].ports).toEqual([{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }])
  })

  it('a different serviceCIDR moves the well-known addresses with it', () => {
    const { cluster } = build('apiVersion: kube-hops.dev/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec: {serviceCIDR: 10.100.0.0/16}\n')
    expect(cluster.services.map((s) => s.clusterIP)).toEqual(['10.100.0.1', '10.100.0.10'])
  })

  it('a scenario\'s own kube-dns without a clusterIP still gets .10 (the kubelet\'s clusterDNS)', () => {
    const s = service('apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: kube-system}\nspec: {selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]}\n', 'kube-dns')
    expect(s!.clusterIP).toBe('10.96.0.10')
    expect(s!.system).toBeUndefined()
  })
})

describe('written ClusterIPs and NodePorts (ipallocator / portallocator)', () => {
  it.each([
    {
      case: 'a written clusterIP is honoured and skipped by later allocation',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec:\n  clusterIP: 10.96.0.11\n  ports: [{port: 80}]\n',
      ips: { a: '10.96.0.12', b: '10.96.0.11' },
      diag: undefined,
    },
    {
      case: 'out of the Service CIDR: refused, error on spec.clusterIP',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  clusterIP: 10.200.0.5\n  ports: [{port: 80}]\n',
      ips: {},
      diag: { code: 'cluster.service.clusterIpRange', line: 5, detail: '10.200.0.5: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12' },
    },
    {
      case: 'already allocated (kube-dns holds .10): refused, error on spec.clusterIP',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  clusterIP: 10.96.0.10\n  ports: [{port: 80}]\n',
      ips: {},
      diag: { code: 'cluster.service.clusterIpTaken', line: 5, detail: '10.96.0.10: provided IP is already allocated' },
    },
    {
      case: 'two Services writing the same clusterIP: the second is refused',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  clusterIP: 10.96.5.5\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec:\n  clusterIP: 10.96.5.5\n  ports: [{port: 80}]\n',
      ips: { a: '10.96.5.5' },
      diag: { code: 'cluster.service.clusterIpTaken', line: 12, detail: '10.96.5.5: provided IP is already allocated' },
    },
  ])('$case', ({ yaml, ips, diag }) => {
    const { cluster, diagnostics } = build(yaml)
    const got = Object.fromEntries(cluster.services.filter((s) => !s.system).map((s) => [s.name, s.clusterIP]))
    expect(got).toEqual(ips)
    if (!diag) expect(diagnostics).toEqual([])
    else expect(diagnostics).toEqual([expect.objectContaining({ code: diag.code, severity: 'error', params: expect.objectContaining({ detail: diag.detail }), range: expect.objectContaining({ startLine: diag.line }) })])
  })

  it.each([
    {
      case: 'nodePort outside 30000-32767: refused, error on the nodePort line',
      ports: '  - port: 80\n    nodePort: 8080\n',
      diag: { code: 'cluster.service.nodePortRange', detail: '8080: provided port is not in the valid range. The range of valid ports is 30000-32767' },
    },
    {
      case: 'nodePort already used by another Service: refused',
      ports: '  - port: 80\n    nodePort: 30080\n',
      first: true,
      diag: { code: 'cluster.service.nodePortTaken', detail: '30080: provided port is already allocated' },
    },
  ])('$case', ({ ports, first, diag }) => {
    const before = first ? 'apiVersion: v1\nkind: Service\nmetadata: {name: first}\nspec: {type: NodePort, ports: [{port: 80, nodePort: 30080}]}\n---\n' : ''
    const yaml = `${before}apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  type: NodePort\n  ports:\n${ports}`
    const { cluster, diagnostics } = build(yaml)
    expect(cluster.services.find((s) => s.name === 'a')).toBeUndefined()
    const line = yaml.split('\n').findIndex((l) => l.includes('nodePort: ') && !l.includes('{')) + 1
    expect(diagnostics).toEqual([expect.objectContaining({ code: diag.code, params: expect.objectContaining({ detail: diag.detail }), range: expect.objectContaining({ startLine: line }) })])
  })

  it('initNodePorts: 53/UDP and 53/TCP share one nodePort, a written one later in the list included', () => {
    const allocated = service('apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  type: NodePort\n  ports:\n  - {name: udp, port: 53, protocol: UDP}\n  - {name: tcp, port: 53, protocol: TCP}\n', 'dns')
    expect(allocated!.ports.map((p) => p.nodePort)).toEqual([30000, 30000])
    const written = service('apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  type: NodePort\n  ports:\n  - {name: udp, port: 53, protocol: UDP}\n  - {name: tcp, port: 53, protocol: TCP, nodePort: 30053}\n', 'dns')
    expect(written!.ports.map((p) => p.nodePort)).toEqual([30053, 30053])
  })

  it('an import carrying only spec.clusterIPs keeps its first address', () => {
    expect(service('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {clusterIPs: [10.96.44.44], ports: [{port: 80}]}\n', 'a')!.clusterIP).toBe('10.96.44.44')
  })

  it('one Service may reuse its nodePort for TCP and UDP of the same port', () => {
    const s = service('apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  type: NodePort\n  ports:\n  - {name: udp, port: 53, protocol: UDP, nodePort: 30053}\n  - {name: tcp, port: 53, protocol: TCP, nodePort: 30053}\n', 'dns')
    expect(s!.ports.map((p) => p.nodePort)).toEqual([30053, 30053])
  })

  it('a nodePortRange from the Cluster document bounds allocation', () => {
    const { cluster } = build('apiVersion: kube-hops.dev/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec: {nodePortRange: 31000-31010}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: NodePort, ports: [{port: 80}]}\n')
    expect(cluster.services.find((s) => s.name === 'a')!.ports[0].nodePort).toBe(31000)
  })
})
