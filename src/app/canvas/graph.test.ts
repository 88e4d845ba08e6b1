import { describe, expect, it } from 'vitest'
import type { Service } from '../../engine/cluster/types'
import { deriveCanvasGraph } from './graph'
import { pod, service, slice, tutorialCluster } from './clusterFixture'
import { podReadyColumn, podStatusColumn, serviceExternalIPColumn, servicePortsColumn } from './kubectlColumns'
import type { PodView, ServiceView } from './model'

describe('deriveCanvasGraph', () => {
  it('draws the tutorial cluster: client, node boxes holding their pods, Services linked to their endpoints', () => {
    const g = deriveCanvasGraph(tutorialCluster())
    expect(g.nodes.map((n) => [n.id, n.kind, n.parent ?? ''])).toEqual([
      ['Client/workstation', 'client', ''],
      ['Node/master', 'node', ''],
      ['Node/node1', 'node', ''],
      ['Node/node2', 'node', ''],
      ['Pod/default/mysql-pod', 'pod', 'Node/node1'],
      ['Pod/default/nginx-pod-1', 'pod', 'Node/node2'],
      ['Pod/default/nginx-pod-2', 'pod', 'Node/node1'],
      ['Pod/default/nginx-pod-3', 'pod', 'Node/node2'],
      ['Service/default/mysql-service', 'service', ''],
      ['Service/default/nginx-nodeport', 'service', ''],
    ])
    expect(g.edges.map((e) => [e.source, e.target, e.ready])).toEqual([
      ['Service/default/mysql-service', 'Pod/default/mysql-pod', true],
      ['Service/default/nginx-nodeport', 'Pod/default/nginx-pod-1', true],
      ['Service/default/nginx-nodeport', 'Pod/default/nginx-pod-2', true],
      ['Service/default/nginx-nodeport', 'Pod/default/nginx-pod-3', true],
    ])
    const nginx = g.nodes.find((n) => n.id === 'Service/default/nginx-nodeport')!.data as ServiceView
    expect([nginx.type, nginx.clusterIP, nginx.ports, nginx.externalIP]).toEqual(['NodePort', '10.96.0.200', '80:30080/TCP', '<none>'])
    expect(nginx.dnsName).toBe('nginx-nodeport.default.svc.cluster.local')
    const mysqlPod = g.nodes.find((n) => n.id === 'Pod/default/mysql-pod')!
    expect(mysqlPod.source).toEqual({ file: 'mysql.yaml', startLine: 2, startCol: 1, endLine: 22, endCol: 1 })
    expect((mysqlPod.data as PodView).readyText).toBe('1/1')
  })

  it('counts the pods on each node, so an empty box can say so', () => {
    const g = deriveCanvasGraph(tutorialCluster())
    const count = (id: string) => (g.nodes.find((n) => n.id === id)!.data as { podCount: number }).podCount
    expect([count('Node/master'), count('Node/node1'), count('Node/node2')]).toEqual([0, 2, 2])
  })

  it('puts every group box before its children (React Flow needs parents first)', () => {
    const g = deriveCanvasGraph(tutorialCluster())
    const seen = new Set<string>()
    for (const n of g.nodes) {
      if (n.parent) expect(seen.has(n.parent)).toBe(true)
      seen.add(n.id)
    }
  })

  it('is deterministic: the same cluster gives the same graph', () => {
    expect(JSON.stringify(deriveCanvasGraph(tutorialCluster()))).toBe(JSON.stringify(deriveCanvasGraph(tutorialCluster())))
  })

  // Endpoint conditions come from the EndpointSlice controller (semantics.md section 1); the canvas only reflects them.
  const edgeCases: { name: string; edit: (c: ReturnType<typeof tutorialCluster>) => void; expected: [string, boolean, boolean, boolean][] }[] = [
    {
      name: 'a not-ready endpoint gives a not-ready (dashed) edge',
      edit: (c) => { c.endpointSlices[0] = slice('mysql-service', [['mysql-pod', '10.244.1.2', 'node1']], 3306, 'mysql', { ready: false, serving: false, terminating: false }) },
      expected: [['Pod/default/mysql-pod', false, false, false]],
    },
    {
      name: 'a terminating but serving endpoint keeps serving, not ready',
      edit: (c) => { c.endpointSlices[0] = slice('mysql-service', [['mysql-pod', '10.244.1.2', 'node1']], 3306, 'mysql', { ready: false, serving: true, terminating: true }) },
      expected: [['Pod/default/mysql-pod', false, true, true]],
    },
    {
      name: 'two slices (two port sets) naming the same pod give one edge, ready if either is',
      edit: (c) => {
        c.endpointSlices.push(slice('mysql-service', [['mysql-pod', '10.244.1.2', 'node1']], 33060, 'x', { ready: false, serving: false, terminating: false }))
      },
      expected: [['Pod/default/mysql-pod', true, true, false]],
    },
    {
      name: 'an endpoint without targetRef is matched to a pod by its address',
      edit: (c) => {
        const s = slice('mysql-service', [['mysql-pod', '10.244.1.2', 'node1']], 3306, 'mysql')
        delete s.endpoints[0].targetRef
        c.endpointSlices[0] = s
      },
      expected: [['Pod/default/mysql-pod', true, true, false]],
    },
    {
      name: 'a slice of another namespace does not link',
      edit: (c) => { c.endpointSlices[0].namespace = 'other' },
      expected: [],
    },
  ]
  for (const tc of edgeCases) {
    it(tc.name, () => {
      const c = tutorialCluster()
      tc.edit(c)
      const g = deriveCanvasGraph(c)
      const mysqlEdges = g.edges.filter((e) => e.source === 'Service/default/mysql-service')
      expect(mysqlEdges.map((e) => [e.target, e.ready, e.serving, e.terminating])).toEqual(tc.expected)
    })
  }

  it('lists endpoint addresses that are no pod (a selectorless Service pointing outside)', () => {
    const c = tutorialCluster()
    const s = slice('mysql-service', [['x', '192.168.100.50', '']], 3306, 'mysql')
    delete s.endpoints[0].targetRef
    c.endpointSlices[0] = s
    delete c.services[0].selector
    const data = deriveCanvasGraph(c).nodes.find((n) => n.id === 'Service/default/mysql-service')!.data as ServiceView
    expect(data.otherEndpoints).toEqual(['192.168.100.50'])
    expect(data.selectorless).toBe(true)
  })

  it('leaves an unscheduled pod outside every node box', () => {
    const c = tutorialCluster()
    c.pods.push({ ...pod('pending', '', '', {}, 'x.yaml', 1), phase: 'Pending' })
    const n = deriveCanvasGraph(c).nodes.find((x) => x.id === 'Pod/default/pending')!
    expect(n.parent).toBeUndefined()
    expect((n.data as PodView).status).toBe('Pending')
  })

  it('marks playground-made objects as system, to be drawn quieter', () => {
    const c = tutorialCluster()
    c.pods.push({ ...pod('coredns-0', 'master', '10.244.0.254', { 'k8s-app': 'kube-dns' }, 'x.yaml', 1), namespace: 'kube-system', id: 'Pod/kube-system/coredns-0', system: true })
    c.services.push({ ...service('kube-dns', 'ClusterIP', '10.96.0.10', []), system: true })
    const g = deriveCanvasGraph(c)
    expect(g.nodes.filter((n) => n.system).map((n) => n.id)).toEqual(['Pod/kube-system/coredns-0', 'Service/default/kube-dns'])
  })
})

describe('kubectl columns', () => {
  const svc = (over: Partial<Service>): Service => ({ ...service('s', 'ClusterIP', '10.96.0.1', []), ...over })
  // kubectl printService makePortString
  it.each([
    [[], '<none>'],
    [[{ name: 'a', protocol: 'TCP', port: 3306, targetPort: 3306 }], '3306/TCP'],
    [[{ name: 'a', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }], '80:30080/TCP'],
    [[{ name: 'a', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 },
      { name: 'b', protocol: 'UDP', port: 53, targetPort: 53 }], '80:30080/TCP,53/UDP'],
  ] as [Service['ports'], string][])('PORT(S) of %j is %s', (ports, want) => {
    expect(servicePortsColumn({ ports })).toBe(want)
  })

  // kubectl getServiceExternalIP
  it.each([
    ['ClusterIP without externalIPs', svc({}), '<none>'],
    ['NodePort with externalIPs', svc({ type: 'NodePort', externalIPs: ['1.2.3.4', '5.6.7.8'] }), '1.2.3.4,5.6.7.8'],
    ['LoadBalancer before MetalLB assigns', svc({ type: 'LoadBalancer' }), '<pending>'],
    ['LoadBalancer with an address', svc({ type: 'LoadBalancer', loadBalancerIngress: ['192.168.100.200'] }), '192.168.100.200'],
    ['LoadBalancer with address then externalIPs', svc({ type: 'LoadBalancer', loadBalancerIngress: ['192.168.100.200'], externalIPs: ['1.2.3.4'] }), '192.168.100.200,1.2.3.4'],
    ['ExternalName', svc({ type: 'ExternalName', clusterIP: '', externalName: 'db.example.com' }), 'db.example.com'],
  ])('EXTERNAL-IP: %s', (_name, s, want) => {
    expect(serviceExternalIPColumn(s)).toBe(want)
  })

  // kubectl printPod: READY counts containers, STATUS is Terminating once deletionTimestamp is set
  it.each([
    [{ ready: true, terminating: false, phase: 'Running' }, '1/1', 'Running'],
    [{ ready: false, terminating: false, phase: 'Running' }, '0/1', 'Running'],
    [{ ready: true, terminating: true, phase: 'Running' }, '1/1', 'Terminating'],
    [{ ready: false, terminating: false, phase: 'Pending' }, '0/1', 'Pending'],
  ] as const)('pod %j prints READY %s STATUS %s', (state, ready, status) => {
    const p = { ...pod('p', 'node1', '10.244.1.9', {}, 'x.yaml', 1), ...state }
    expect(podReadyColumn(p)).toBe(ready)
    expect(podStatusColumn(p)).toBe(status)
  })
})
