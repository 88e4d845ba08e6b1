import { describe, expect, it } from 'vitest'
import { parseManifests } from '../manifest/parse'
import { buildCluster } from './build'
import { templateHash } from './workloads'

function build(yaml: string) {
  const { objects } = parseManifests([{ path: 'w.yaml', text: yaml }])
  return buildCluster(objects, {})
}
const userPods = (yaml: string) => build(yaml).cluster.pods.filter((p) => !p.system)

const template = `  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80}]}]}`
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]'

describe('workload controllers name their pods as the real ones do', () => {
  it('Deployment → ReplicaSet <name>-<pod-template-hash> → pods <rs>-<5 safe chars> (controller.ComputeHash + generateName)', () => {
    const { cluster } = build(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n${template}\n`)
    const w = cluster.workloads.find((x) => x.name === 'web')!
    // SafeEncodeString of a decimal fnv32a sum: only the encodings of the digits 0-9 appear.
    expect(w.replicaSetName).toMatch(/^web-[4-9bcdf]{1,10}$/)
    const pods = cluster.pods.filter((p) => p.owner?.name === w.replicaSetName)
    expect(pods).toHaveLength(3)
    for (const p of pods) {
      expect(p.name).toMatch(new RegExp(`^${w.replicaSetName}-${SAFE}{5}$`))
      expect(p.labels).toEqual({ app: 'web', 'pod-template-hash': w.replicaSetName!.slice(4) })
      expect(p.owner).toEqual({ kind: 'ReplicaSet', name: w.replicaSetName })
      expect(p.source.object).toBe('Deployment/default/web')
    }
    expect(new Set(pods.map((p) => p.name)).size).toBe(3)
    expect(w.pods).toEqual(pods.map((p) => p.id))
  })

  it('pod-template-hash changes with the template and only with it', () => {
    const a = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }
    const b = { spec: { containers: [{ image: 'nginx:1.27', name: 'c' }] }, metadata: { labels: { app: 'web' } } }
    const c = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.28' }] } }
    expect(templateHash(a)).toBe(templateHash(b))
    expect(templateHash(a)).not.toBe(templateHash(c))
  })

  it('bare ReplicaSet: pods <rs>-<5 chars>, no pod-template-hash label', () => {
    const pods = userPods(`apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: cache}\nspec:\n  replicas: 2\n${template}\n`)
    expect(pods.map((p) => p.name)).toEqual([expect.stringMatching(new RegExp(`^cache-${SAFE}{5}$`)), expect.stringMatching(new RegExp(`^cache-${SAFE}{5}$`))])
    expect(pods[0].labels).toEqual({ app: 'web' })
    expect(pods[0].owner).toEqual({ kind: 'ReplicaSet', name: 'cache' })
  })

  it('StatefulSet: <name>-0..n-1, hostname = pod name, subdomain = serviceName, revision and pod-name labels', () => {
    const pods = userPods(`apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db-headless\n  replicas: 3\n${template}\n`)
    expect(pods.map((p) => p.name)).toEqual(['db-0', 'db-1', 'db-2'])
    expect(pods.map((p) => [p.hostname, p.subdomain])).toEqual([['db-0', 'db-headless'], ['db-1', 'db-headless'], ['db-2', 'db-headless']])
    expect(pods[1].labels).toEqual({
      app: 'web',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': expect.stringMatching(/^db-[4-9bcdf]+$/),
      'statefulset.kubernetes.io/pod-name': 'db-1',
    })
    expect(pods[0].owner).toEqual({ kind: 'StatefulSet', name: 'db' })
  })

  it('StatefulSet: an ordinal name another pod already holds is not created (AlreadyExists), with a warning', () => {
    const { cluster, diagnostics } = build(`apiVersion: v1\nkind: Pod\nmetadata: {name: db-1}\nspec: {containers: [{name: c, image: nginx}]}\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 2\n${template}\n`)
    expect(cluster.pods.filter((p) => !p.system).map((p) => [p.name, p.owner?.kind])).toEqual([['db-1', undefined], ['db-0', 'StatefulSet']])
    expect(diagnostics.map((d) => d.code)).toEqual(['cluster.workload.podNameTaken'])
  })

  it('ClaimPods: an imported Deployment keeps its ReplicaSet\'s pods (ownerReferences) and makes only the missing ones', () => {
    const imported = (name: string, node: string, ip: string) => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: web, pod-template-hash: 7d4b9c8f5}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9c8f5, controller: true, uid: x}]
spec: {nodeName: ${node}, containers: [{name: nginx, image: nginx:1.27}]}
status: {phase: Running, podIP: ${ip}}
`
    const { cluster } = build(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n${template}\n` +
      imported('web-7d4b9c8f5-abcde', 'node1', '10.244.1.7') + imported('web-7d4b9c8f5-fghij', 'node2', '10.244.2.7'))
    const w = cluster.workloads.find((x) => x.name === 'web')!
    expect(w.replicaSetName).toBe('web-7d4b9c8f5')
    const pods = cluster.pods.filter((p) => p.owner?.name === 'web-7d4b9c8f5')
    expect(pods.map((p) => p.name)).toEqual([expect.stringMatching(new RegExp(`^web-7d4b9c8f5-${SAFE}{5}$`)), 'web-7d4b9c8f5-abcde', 'web-7d4b9c8f5-fghij'])
    expect(pods[0].labels['pod-template-hash']).toBe('7d4b9c8f5')
    expect(w.pods).toHaveLength(3)
  })

  it('ClaimPods: a ReplicaSet adopts an orphan pod written before it that its selector matches', () => {
    const { cluster } = build(`apiVersion: v1\nkind: Pod\nmetadata: {name: stray, labels: {app: web}}\nspec: {containers: [{name: c, image: nginx}]}\n---\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web}\nspec:\n  replicas: 2\n${template}\n`)
    const pods = cluster.pods.filter((p) => !p.system)
    expect(pods.map((p) => [p.name.replace(new RegExp(`${SAFE}{5}$`), '*'), p.owner?.name])).toEqual([['stray', 'web'], ['web-*', 'web']])
  })

  it('ClaimPods: imported DaemonSet pods cover their nodes; StatefulSet pods of its own are kept silently', () => {
    const ds = `apiVersion: v1
kind: Pod
metadata: {name: agent-x1y2z, labels: {app: web}, ownerReferences: [{kind: DaemonSet, name: agent, controller: true}]}
spec: {nodeName: node2, containers: [{name: c, image: nginx}]}
status: {podIP: 10.244.2.9}
---
apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n${template}\n`
    const { cluster } = build(ds)
    expect(cluster.pods.filter((p) => p.owner?.kind === 'DaemonSet').map((p) => p.nodeName).sort()).toEqual(['node1', 'node2'])
    const sts = `apiVersion: v1\nkind: Pod\nmetadata: {name: db-0, labels: {app: web}, ownerReferences: [{kind: StatefulSet, name: db, controller: true}]}\nspec: {containers: [{name: c, image: nginx}]}\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 2\n${template}\n`
    const r = build(sts)
    expect(r.diagnostics).toEqual([])
    expect(r.cluster.pods.filter((p) => p.owner?.kind === 'StatefulSet').map((p) => p.name)).toEqual(['db-0', 'db-1'])
  })

  it('DaemonSet: one pod per eligible node (<name>-<5 chars>); the control-plane taint keeps it off master', () => {
    const { cluster } = build(`apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n${template}\n`)
    const pods = cluster.pods.filter((p) => p.owner?.kind === 'DaemonSet')
    expect(pods.map((p) => p.nodeName)).toEqual(['node1', 'node2'])
    for (const p of pods) expect(p.name).toMatch(new RegExp(`^agent-${SAFE}{5}$`))
    expect(pods[0].labels).toMatchObject({ app: 'web', 'pod-template-generation': '1' })
    expect(cluster.workloads.find((w) => w.name === 'agent')!.replicas).toBe(2)
  })

  it('DaemonSet: tolerating everything (operator Exists, no key) puts a pod on every node, cordoned ones too', () => {
    const yaml = `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: {name: lab}
spec:
  nodes:
  - {name: master, ip: 192.168.100.20, controlPlane: true}
  - {name: node1, ip: 192.168.100.21, unschedulable: true}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: proxy}
spec:
  selector: {matchLabels: {app: p}}
  template:
    metadata: {labels: {app: p}}
    spec:
      tolerations: [{operator: Exists}]
      containers: [{name: c, image: kube-proxy}]
`
    expect(userPods(yaml).map((p) => p.nodeName)).toEqual(['master', 'node1'])
  })

  it('replicas default to 1; replicas: 0 gives no pods', () => {
    expect(userPods(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n${template}\n`)).toHaveLength(1)
    expect(userPods(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 0\n${template}\n`)).toHaveLength(0)
  })

  it('pods inherit the template: containers, hostNetwork, dnsPolicy, annotations', () => {
    const pods = userPods(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}, annotations: {note: hi}}
    spec:
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      containers: [{name: nginx, image: nginx, ports: [{name: http, containerPort: 80, protocol: TCP}], env: [{name: A, value: "1"}]}]
`)
    expect(pods[0]).toMatchObject({
      hostNetwork: true,
      dnsPolicy: 'ClusterFirstWithHostNet',
      annotations: { note: 'hi' },
      containers: [{ name: 'nginx', image: 'nginx', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }], env: { A: '1' } }],
    })
    // hostNetwork pods share the node's address.
    expect(pods[0].podIP).toBe(pods[0].hostIP)
  })

  it('a Deployment whose selector does not match its template labels is refused (error on spec.selector), no pods', () => {
    const { cluster, diagnostics } = build(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: nginx}]}
`)
    expect(cluster.pods.filter((p) => !p.system)).toEqual([])
    expect(cluster.workloads.filter((w) => !w.system)).toEqual([])
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'cluster.workload.selectorMismatch', severity: 'error', range: expect.objectContaining({ startLine: 5 }) })])
  })

  it('matchExpressions count for the selector/template check (LabelSelectorAsSelector)', () => {
    const { diagnostics } = build(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector:
    matchExpressions: [{key: app, operator: In, values: [web, api]}]
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: nginx}]}
`)
    expect(diagnostics).toEqual([])
  })

  it('CoreDNS: two kube-system pods from the coredns Deployment, marked system, tolerating the control plane', () => {
    const { cluster } = build('')
    const dns = cluster.pods.filter((p) => p.namespace === 'kube-system')
    expect(dns).toHaveLength(2)
    expect(dns.every((p) => p.system && p.labels['k8s-app'] === 'kube-dns' && p.dnsPolicy === 'Default')).toBe(true)
    expect(dns[0].containers[0]).toMatchObject({
      image: 'registry.k8s.io/coredns/coredns:v1.11.3',
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ],
    })
    expect(dns.map((p) => p.nodeName)).toEqual(['master', 'node1'])
  })

  it('a scenario\'s own coredns Deployment replaces the playground\'s', () => {
    const { cluster } = build(`apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  replicas: 1
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec: {containers: [{name: coredns, image: coredns/coredns:1.12.0}]}
`)
    const dns = cluster.pods.filter((p) => p.namespace === 'kube-system')
    expect(dns).toHaveLength(1)
    expect(dns[0].system).toBeUndefined()
    expect(dns[0].containers[0].image).toBe('coredns/coredns:1.12.0')
  })
})
