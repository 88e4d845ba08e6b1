import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OBJECT_AGE_AT_LOAD_MS, SCENARIO_EPOCH_MS } from '../core/clock'
import { parseManifests } from '../manifest/parse'
import type { ManifestObject } from '../manifest/types'
import { compileScenario } from '../scenario'
import { gallery } from '../../scenarios/gallery.generated'
import { cidrContains, parseCidr } from '../util/ip'
import { buildCluster, emptyCluster } from './build'
import type { Cluster } from './types'

function build(yaml: string) {
  const { objects } = parseManifests([{ path: 'b.yaml', text: yaml }])
  return buildCluster(objects, {})
}

describe('the default world', () => {
  it('three nodes (kubeadm master + two workers), one workstation, the system namespaces', () => {
    const c = emptyCluster()
    expect(c.nodes.map((n) => [n.name, n.ip, n.podCIDR, n.controlPlane, n.mac])).toEqual([
      ['master', '192.168.100.20', '10.244.0.0/24', true, '52:54:00:a8:64:14'],
      ['node1', '192.168.100.21', '10.244.1.0/24', false, '52:54:00:a8:64:15'],
      ['node2', '192.168.100.22', '10.244.2.0/24', false, '52:54:00:a8:64:16'],
    ])
    expect(c.nodes[0].taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])
    expect(c.nodes[0].labels).toMatchObject({
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
      'kubernetes.io/hostname': 'master',
      'kubernetes.io/os': 'linux',
    })
    expect(c.nodes[1].labels['node-role.kubernetes.io/control-plane']).toBeUndefined()
    expect(c.clients).toEqual([{ id: 'Client/workstation', name: 'workstation', ip: '192.168.100.10', mac: '52:54:00:a8:64:0a', hosts: {} }])
    expect(c.namespaces).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    expect(c.config).toEqual({ name: 'kube-hops', clusterDomain: 'cluster.local', podCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', nodePortRange: { min: 30000, max: 32767 } })
  })

  it('the Cluster document replaces the machines and settings', () => {
    const { cluster, diagnostics } = build(`apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: {name: lab}
spec:
  clusterDomain: corp.local
  podCIDR: 172.20.0.0/16
  nodes:
  - {name: cp, ip: 10.0.0.10, controlPlane: true, labels: {rack: r1}}
  - {name: w1, ip: 10.0.0.11, podCIDR: 172.20.7.0/24}
  - {name: w2, ip: 10.0.0.12}
  clients:
  - {name: laptop, ip: 10.0.0.50, hosts: {nginx.example.com: 10.0.0.11}}
  router: {name: edge, ip: 10.0.0.1, asn: 64500}
`)
    expect(diagnostics).toEqual([])
    expect(cluster.config).toMatchObject({ name: 'lab', clusterDomain: 'corp.local', podCIDR: '172.20.0.0/16' })
    // Written pod CIDRs are kept; the others get the lowest free /24 in node order.
    expect(cluster.nodes.map((n) => [n.name, n.podCIDR])).toEqual([['cp', '172.20.0.0/24'], ['w1', '172.20.7.0/24'], ['w2', '172.20.1.0/24']])
    expect(cluster.nodes[0].labels.rack).toBe('r1')
    expect(cluster.clients[0]).toMatchObject({ name: 'laptop', hosts: { 'nginx.example.com': '10.0.0.11' } })
    expect(cluster.router).toMatchObject({ id: 'Router/edge', ip: '10.0.0.1', asn: 64500 })
    expect(cluster.kubeProxy.clusterCIDR).toBe('172.20.0.0/16')
  })

  it('kind: Node objects define the nodes (InternalIP, podCIDR, labels, taints as written, NotReady, cordoned)', () => {
    const { cluster } = build(`apiVersion: v1
kind: Node
metadata: {name: k8s-master, labels: {node-role.kubernetes.io/control-plane: ""}}
spec:
  podCIDR: 10.244.0.0/24
  taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
status:
  addresses: [{type: InternalIP, address: 10.1.1.1}, {type: Hostname, address: k8s-master}]
---
apiVersion: v1
kind: Node
metadata: {name: k8s-worker}
spec: {podCIDRs: [10.244.5.0/24], unschedulable: true}
status:
  addresses: [{type: InternalIP, address: 10.1.1.2}]
  conditions: [{type: Ready, status: "False"}]
`)
    expect(cluster.nodes.map((n) => [n.name, n.ip, n.podCIDR, n.controlPlane, n.ready, n.unschedulable, n.taints.length])).toEqual([
      ['k8s-master', '10.1.1.1', '10.244.0.0/24', true, true, false, 1],
      ['k8s-worker', '10.1.1.2', '10.244.5.0/24', false, false, true, 0],
    ])
    expect(cluster.nodes[1].labels['kubernetes.io/hostname']).toBe('k8s-worker')
  })

  it('namespaces: the system ones, Namespace objects, and any namespace an object uses', () => {
    const { cluster } = build('apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: test}\nspec: {containers: [{name: c, image: nginx}]}\n')
    expect(cluster.namespaces).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop', 'test'])
  })

  it('everything the cluster stage does not consume goes to others, as read', () => {
    const { cluster } = build(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec: {rules: [{host: a.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]}
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: pool, namespace: metallb-system}
spec: {addresses: [192.168.100.100-192.168.100.110]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {a: b}
`)
    expect(cluster.others.map((o) => o.id)).toEqual(['Ingress/default/web', 'IPAddressPool/metallb-system/pool', 'ConfigMap/default/settings'])
    expect(cluster.others[0].source.range?.startLine).toBe(1)
  })

  it('createdAtMs: input objects are OBJECT_AGE_AT_LOAD_MS old at load; system objects older', () => {
    const { cluster } = build('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n')
    expect(cluster.pods.find((p) => p.name === 'p')!.createdAtMs).toBe(SCENARIO_EPOCH_MS - OBJECT_AGE_AT_LOAD_MS)
    expect(cluster.pods.find((p) => p.system)!.createdAtMs).toBeLessThan(SCENARIO_EPOCH_MS - OBJECT_AGE_AT_LOAD_MS)
  })

  it('the same object twice: the second is refused on its metadata.name', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: {containers: [{name: c, image: nginx}]}\n'
    // Parsed apart so the validation stage's own duplicate check does not drop the second first.
    const objects = [...parseManifests([{ path: 'a.yaml', text: pod }]).objects, ...parseManifests([{ path: 'b.yaml', text: pod }]).objects]
    const { cluster, diagnostics } = buildCluster(objects, {})
    expect(cluster.pods.filter((p) => p.name === 'p')).toHaveLength(1)
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'cluster.duplicateObject', range: expect.objectContaining({ file: 'b.yaml', startLine: 4 }) })])
  })

  it('never throws: a broken input object is an engine.internal diagnostic with the empty world', () => {
    const bad = { id: 'Pod/default/x', kind: 'Pod', apiVersion: 'v1', name: 'x', namespace: 'default', labels: {}, annotations: {}, known: true, fieldRanges: {} } as unknown as ManifestObject
    const { cluster, diagnostics } = buildCluster([bad], {})
    expect(diagnostics.map((d) => d.code)).toEqual(['engine.internal'])
    expect(cluster).toEqual(emptyCluster())
  })
})

describe('objects a later stage adds for the playground (range file \'\', e.g. the ingress controller)', () => {
  it('are system: their pods take addresses from the top, their Services and pass-through objects are marked', () => {
    const synthetic = (o: Omit<ManifestObject, 'range' | 'fieldRanges' | 'known' | 'labels' | 'annotations'>): ManifestObject =>
      ({ ...o, labels: {}, annotations: {}, range: { file: '', startLine: 0, startCol: 0, endLine: 0, endCol: 0 }, fieldRanges: {}, known: true })
    const extra = [
      synthetic({ id: 'Deployment/ingress-nginx/ctl', apiVersion: 'apps/v1', kind: 'Deployment', name: 'ctl', namespace: 'ingress-nginx', body: {
        spec: { selector: { matchLabels: { app: 'ctl' } }, template: { metadata: { labels: { app: 'ctl' } }, spec: { containers: [{ name: 'c', image: 'ctl' }] } } },
      } }),
      synthetic({ id: 'Service/ingress-nginx/ctl', apiVersion: 'v1', kind: 'Service', name: 'ctl', namespace: 'ingress-nginx', body: { spec: { selector: { app: 'ctl' }, ports: [{ port: 80 }] } } }),
      synthetic({ id: 'IngressClass/nginx', apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', name: 'nginx', namespace: '', body: {} }),
    ]
    const { objects } = parseManifests([{ path: 'u.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n' }])
    const { cluster, diagnostics } = buildCluster([...objects, ...extra], {})
    expect(diagnostics).toEqual([])
    const ctl = cluster.pods.find((p) => p.namespace === 'ingress-nginx')!
    expect(ctl.system).toBe(true)
    expect(ctl.podIP).toMatch(/\.254$|\.253$/)
    expect(cluster.pods.find((p) => p.name === 'p')!.podIP).toBe('10.244.1.2')
    expect(cluster.services.find((s) => s.name === 'ctl')!.system).toBe(true)
    expect(cluster.workloads.find((w) => w.name === 'ctl')!.system).toBe(true)
    expect(cluster.others).toEqual([expect.objectContaining({ id: 'IngressClass/nginx', system: true, source: { object: 'IngressClass/nginx' } })])
  })
})

describe('pod addresses', () => {
  it('user pods from .2 of their node\'s /24 (.1 is cni0), system pods from .254 down; hostNetwork pods take the node IP', () => {
    const { cluster } = build(`apiVersion: v1
kind: Pod
metadata: {name: a}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec: {hostNetwork: true, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: c}
spec: {containers: [{name: c, image: nginx}]}
`)
    const ip = Object.fromEntries(cluster.pods.map((p) => [p.name, `${p.nodeName} ${p.podIP}`]))
    expect(ip).toMatchObject({ a: 'node1 10.244.1.2', b: 'node2 192.168.100.22', c: 'node1 10.244.1.3' })
    expect(cluster.pods.filter((p) => p.system).map((p) => p.podIP)).toEqual(['10.244.0.254', '10.244.1.254'])
  })

  it('written status (kubectl get -o yaml) is honoured: podIP, hostIP, phase, conditions', () => {
    const { cluster } = build(`apiVersion: v1
kind: Pod
metadata: {name: a}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: imported}
spec: {nodeName: node2, containers: [{name: c, image: nginx}]}
status: {phase: Running, hostIP: 192.168.100.22, podIP: 10.244.1.2, conditions: [{type: Ready, status: "True"}]}
`)
    // The written 10.244.1.2 is reserved first: the allocated pod skips it.
    expect(cluster.pods.filter((p) => !p.system).map((p) => [p.name, p.nodeName, p.podIP, p.ready])).toEqual([
      ['a', 'node1', '10.244.1.3', true],
      ['imported', 'node2', '10.244.1.2', true],
    ])
  })

  it('a pod with only a written podIP lands on the node whose range holds it', () => {
    const { cluster } = build('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: nginx}]}\nstatus: {podIP: 10.244.2.77}\n')
    expect(cluster.pods.find((p) => p.name === 'a')).toMatchObject({ nodeName: 'node2', podIP: '10.244.2.77', hostIP: '192.168.100.22' })
  })

  it('two pods writing the same podIP: the second is an error on its status.podIP and gets a fresh address', () => {
    const pod = (n: string) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${n}}\nspec: {containers: [{name: c, image: nginx}]}\nstatus:\n  podIP: 10.244.1.9\n`
    const { cluster, diagnostics } = build(pod('a') + pod('b'))
    expect(cluster.pods.filter((p) => !p.system).map((p) => p.podIP)).toEqual(['10.244.1.9', '10.244.2.2'])
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'cluster.pod.podIpConflict', range: expect.objectContaining({ startLine: 14 }) })])
  })
})

// Random scenarios of pods, workloads and Services without written addresses, as YAML.
const labelArb = fc.constantFrom('web', 'api', 'db')
const objectArb = fc.oneof(
  fc.record({ kind: fc.constant('Pod'), app: labelArb, hostNetwork: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('Deployment', 'StatefulSet', 'ReplicaSet'), app: labelArb, replicas: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('DaemonSet'), app: labelArb }),
  fc.record({ kind: fc.constant('Service'), app: labelArb, type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'None') }),
)
type Obj = { kind: string; app: string; hostNetwork?: boolean; replicas?: number; type?: string }

function toYaml(o: Obj, i: number): string {
  const name = `${o.kind.toLowerCase()}-${i}`
  const spec = `{hostNetwork: ${o.hostNetwork ?? false}, containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}`
  switch (o.kind) {
    case 'Pod': return `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: ${o.app}}}\nspec: ${spec}\n`
    case 'Service': {
      const type = o.type === 'None' ? 'clusterIP: None' : `type: ${o.type}`
      return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {${type}, selector: {app: ${o.app}}, ports: [{port: 80}]}\n`
    }
    default: {
      const replicas = o.kind === 'DaemonSet' ? '' : `replicas: ${o.replicas}, `
      return `apiVersion: apps/v1\nkind: ${o.kind}\nmetadata: {name: ${name}}\nspec: {${replicas}serviceName: s, selector: {matchLabels: {app: ${o.app}}}, template: {metadata: {labels: {app: ${o.app}}}, spec: ${spec}}}\n`
    }
  }
}
const scenario = (objs: Obj[]) => objs.map(toYaml).join('---\n')

/** Every address and port a build handed out, by object. */
function allocations(c: Cluster): Map<string, string> {
  const m = new Map<string, string>()
  for (const p of c.pods) m.set(p.id, `${p.nodeName} ${p.podIP}`)
  for (const s of c.services) m.set(s.id, `${s.clusterIP} ${s.ports.map((p) => p.nodePort ?? '-').join(',')} ${s.healthCheckNodePort ?? ''}`)
  for (const e of c.endpointSlices) m.set(e.id, e.serviceName)
  return m
}

describe('allocation stability and determinism (properties)', () => {
  it('appending an object never changes anything allocated to an earlier one', () => {
    fc.assert(fc.property(fc.array(objectArb, { maxLength: 12 }), objectArb, (objs, extra) => {
      const before = allocations(build(scenario(objs)).cluster)
      const after = allocations(build(scenario([...objs, extra])).cluster)
      for (const [id, value] of before) {
        // Slices of a Service may change when a new pod joins it; their names never move.
        if (id.startsWith('EndpointSlice/')) continue
        expect(after.get(id), id).toBe(value)
      }
    }), { numRuns: 40 })
  })

  it('every pod address lies in its node\'s range (or is the node\'s own); no two pods share one', () => {
    fc.assert(fc.property(fc.array(objectArb, { maxLength: 15 }), (objs) => {
      const { cluster } = build(scenario(objs))
      const seen = new Set<string>()
      for (const p of cluster.pods) {
        if (!p.podIP) continue
        const node = cluster.nodes.find((n) => n.name === p.nodeName)!
        if (p.hostNetwork) { expect(p.podIP).toBe(node.ip); continue }
        expect(cidrContains(parseCidr(node.podCIDR)!, p.podIP)).toBe(true)
        expect(seen.has(p.podIP)).toBe(false)
        seen.add(p.podIP)
      }
    }), { numRuns: 60 })
  })

  it('every controller-made endpoint is a selected, addressed pod of the Service\'s namespace, with the port it resolves', () => {
    fc.assert(fc.property(fc.array(objectArb, { maxLength: 15 }), (objs) => {
      const { cluster } = build(scenario(objs))
      for (const slice of cluster.endpointSlices) {
        if (slice.managedBy !== 'endpointslice-controller.k8s.io') continue
        const svc = cluster.services.find((s) => s.namespace === slice.namespace && s.name === slice.serviceName)!
        for (const ep of slice.endpoints) {
          const pod = cluster.pods.find((p) => p.namespace === slice.namespace && p.name === ep.targetRef?.name)!
          expect(pod.podIP).toBe(ep.addresses[0])
          expect(Object.entries(svc.selector!).every(([k, v]) => pod.labels[k] === v)).toBe(true)
          expect(ep.conditions.serving).toBe(pod.ready)
        }
      }
      // Every pod is on a node of the cluster, or Pending without an address.
      for (const p of cluster.pods) {
        if (p.phase === 'Pending') expect(p.podIP).toBe('')
        else expect(cluster.nodes.some((n) => n.name === p.nodeName)).toBe(true)
      }
    }), { numRuns: 40 })
  })

  it('the cluster is plain data: it survives structured clone (the worker boundary) unchanged', () => {
    const { cluster } = build(scenario([{ kind: 'Deployment', app: 'web', replicas: 2 }, { kind: 'Service', app: 'web', type: 'NodePort' }]))
    expect(structuredClone(cluster)).toEqual(cluster)
    expect(JSON.parse(JSON.stringify(cluster))).toEqual(cluster)
  })

  it('the same input gives byte-identical output', () => {
    fc.assert(fc.property(fc.array(objectArb, { maxLength: 10 }), (objs) => {
      const yaml = scenario(objs)
      expect(JSON.stringify(build(yaml))).toBe(JSON.stringify(build(yaml)))
    }), { numRuns: 30 })
  })
})

describe('compileScenario on the service-basics scenario (the tutorial\'s first two labs)', () => {
  const sb = gallery.find((s) => s.name === 'service-basics')!
  const compiled = compileScenario(sb.files)

  it('builds without findings', () => {
    expect(compiled.diagnostics).toEqual([])
  })

  it('puts the user pods on node1/node2 (not master: the control-plane taint) with IPs on their /24s', () => {
    const pods = compiled.cluster.pods.filter((p) => !p.system)
    expect(pods.map((p) => p.name)).toEqual(['mysql-pod', 'nginx-pod-1', 'nginx-pod-2', 'nginx-pod-3'])
    for (const p of pods) {
      expect(['node1', 'node2']).toContain(p.nodeName)
      const node = compiled.cluster.nodes.find((n) => n.name === p.nodeName)!
      expect(cidrContains(parseCidr(node.podCIDR)!, p.podIP)).toBe(true)
      expect(p.ready).toBe(true)
    }
  })

  it('gives mysql-service a ClusterIP with one endpoint and nginx-nodeport NodePort 30080 with three', () => {
    const svc = (n: string) => compiled.cluster.services.find((s) => s.name === n)!
    expect(svc('mysql-service')).toMatchObject({ type: 'ClusterIP', clusterIP: '10.96.0.11' })
    expect(svc('nginx-nodeport')).toMatchObject({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080, targetPort: 80, protocol: 'TCP', name: 'http' }] })
    const eps = (n: string) => compiled.cluster.endpointSlices.filter((s) => s.serviceName === n).flatMap((s) => s.endpoints.map((e) => e.targetRef?.name))
    expect(eps('mysql-service')).toEqual(['mysql-pod'])
    expect(eps('nginx-nodeport')).toEqual(['nginx-pod-1', 'nginx-pod-2', 'nginx-pod-3'])
  })
})
