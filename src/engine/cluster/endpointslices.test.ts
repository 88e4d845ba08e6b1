import { describe, expect, it } from 'vitest'
import { parseManifests } from '../manifest/parse'
import { buildCluster } from './build'
import type { Cluster, EndpointSlice } from './types'

/** Builds the cluster from YAML text and returns the user's slices for one Service. */
function slicesOf(yaml: string, service: string, namespace = 'default'): { slices: EndpointSlice[]; cluster: Cluster } {
  const { objects } = parseManifests([{ path: 't.yaml', text: yaml }])
  const { cluster } = buildCluster(objects, {})
  return { slices: cluster.endpointSlices.filter((s) => s.serviceName === service && s.namespace === namespace), cluster }
}

const svc = (extra = '', ports = '  - {name: http, port: 80, targetPort: 8080}') => `
apiVersion: v1
kind: Service
metadata: {name: web, labels: {team: blue}}
spec:
  selector: {app: web}
${extra}
  ports:
${ports}
`
const pod = (name: string, extra = '', spec = '  containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 8080}]}]') => `
---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: web}
${extra}
spec:
${spec}
`

// Each case names the rule of semantics.md §1 / k8s.io/endpointslice utils.go it follows.
describe('EndpointSlice controller (semantics.md §1)', () => {
  it.each([
    {
      rule: 'podToEndpoint: ready pod → ready, serving, not terminating',
      yaml: svc() + pod('a'),
      want: { ready: true, serving: true, terminating: false },
    },
    {
      rule: 'podToEndpoint: serving = PodReady; a not-ready pod stays with ready:false',
      yaml: svc() + pod('a', '  annotations: {kube-hops.dev/ready: "false"}'),
      want: { ready: false, serving: false, terminating: false },
    },
    {
      rule: 'podToEndpoint: status Ready=False imported from kubectl get -o yaml',
      yaml: svc() + pod('a') + 'status:\n  podIP: 10.244.1.50\n  conditions: [{type: Ready, status: "False"}]\n',
      want: { ready: false, serving: false, terminating: false },
    },
    {
      rule: 'podToEndpoint: terminating = deletionTimestamp != nil; ready = serving && !terminating',
      yaml: svc() + pod('a', '  deletionTimestamp: "2026-01-01T00:00:00Z"'),
      want: { ready: false, serving: true, terminating: true },
    },
    {
      rule: 'podToEndpoint: publishNotReadyAddresses makes every endpoint ready',
      yaml: svc('  publishNotReadyAddresses: true') + pod('a', '  annotations: {kube-hops.dev/ready: "false"}'),
      want: { ready: true, serving: false, terminating: false },
    },
    {
      rule: 'podToEndpoint: publishNotReadyAddresses keeps a terminating pod ready',
      yaml: svc('  publishNotReadyAddresses: true') + pod('a', '  deletionTimestamp: "2026-01-01T00:00:00Z"'),
      want: { ready: true, serving: true, terminating: true },
    },
  ])('$rule', ({ yaml, want }) => {
    const { slices } = slicesOf(yaml, 'web')
    expect(slices).toHaveLength(1)
    expect(slices[0].endpoints).toHaveLength(1)
    expect(slices[0].endpoints[0].conditions).toEqual(want)
  })

  it.each([
    { rule: 'ShouldPodBeInEndpoints: phase Succeeded is terminal', status: 'status: {phase: Succeeded, podIP: 10.244.1.40}\n' },
    { rule: 'ShouldPodBeInEndpoints: phase Failed is terminal', status: 'status: {phase: Failed, podIP: 10.244.1.40}\n' },
  ])('$rule → no endpoint', ({ status }) => {
    const { slices } = slicesOf(svc() + pod('a') + status, 'web')
    expect(slices).toHaveLength(1)
    expect(slices[0].endpoints).toEqual([])
  })

  it('ShouldPodBeInEndpoints: a pod without an IP (Pending, fits nowhere) is left out', () => {
    const { slices, cluster } = slicesOf(svc() + pod('a', '', '  nodeSelector: {disk: ssd}\n  containers: [{name: c, image: nginx}]'), 'web')
    expect(cluster.pods.find((p) => p.name === 'a')?.phase).toBe('Pending')
    expect(slices[0].endpoints).toEqual([])
  })

  it('placeholderSlice: a Service selecting nothing gets one empty slice without ports', () => {
    const { slices } = slicesOf(svc(), 'web')
    expect(slices).toHaveLength(1)
    expect(slices[0].ports).toEqual([])
    expect(slices[0].endpoints).toEqual([])
  })

  it('getEndpointPorts: numeric targetPort is used verbatim, the port keeps the Service port name', () => {
    const { slices } = slicesOf(svc('', '  - {name: http, port: 80, targetPort: 9999}') + pod('a'), 'web')
    expect(slices[0].ports).toEqual([{ name: 'http', port: 9999, protocol: 'TCP' }])
  })

  it('findPort: a named targetPort resolves per pod; pods resolving to different numbers land in different slices', () => {
    const yaml = svc('', '  - {name: http, port: 80, targetPort: web}') +
      pod('a', '', '  containers: [{name: c, image: nginx, ports: [{name: web, containerPort: 8080}]}]') +
      pod('b', '', '  containers: [{name: c, image: nginx, ports: [{name: web, containerPort: 9090}]}]') +
      pod('c', '', '  containers: [{name: c, image: nginx, ports: [{name: web, containerPort: 8080}]}]')
    const { slices } = slicesOf(yaml, 'web')
    expect(slices).toHaveLength(2)
    const byPort = Object.fromEntries(slices.map((s) => [s.ports[0].port, s.endpoints.map((e) => e.targetRef?.name)]))
    expect(byPort).toEqual({ 8080: ['a', 'c'], 9090: ['b'] })
  })

  it('findPort: the name must match with the same protocol, else the port is omitted for that pod', () => {
    const yaml = svc('', '  - {name: dns, port: 53, protocol: UDP, targetPort: dns}') +
      pod('a', '', '  containers: [{name: c, image: coredns, ports: [{name: dns, containerPort: 53, protocol: TCP}]}]')
    const { slices } = slicesOf(yaml, 'web')
    expect(slices).toHaveLength(1)
    expect(slices[0].ports).toEqual([])
    expect(slices[0].endpoints).toHaveLength(1)
  })

  it('findPort: containers are searched before restartable (sidecar) initContainers; plain init containers never', () => {
    const sidecarOnly = svc('', '  - {name: http, port: 80, targetPort: proxy}') + pod('a', '', `  initContainers:
  - {name: once, image: busybox, ports: [{name: proxy, containerPort: 7000}]}
  - {name: envoy, image: envoy, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}
  containers: [{name: c, image: nginx}]`)
    expect(slicesOf(sidecarOnly, 'web').slices[0].ports).toEqual([{ name: 'http', port: 15001, protocol: 'TCP' }])
    const both = svc('', '  - {name: http, port: 80, targetPort: proxy}') + pod('a', '', `  initContainers:
  - {name: envoy, image: envoy, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}
  containers: [{name: c, image: nginx, ports: [{name: proxy, containerPort: 8081}]}]`)
    expect(slicesOf(both, 'web').slices[0].ports[0].port).toBe(8081)
  })

  it('getEndpointPorts: only the resolvable ports of a multi-port Service, with appProtocol carried', () => {
    const yaml = svc('', '  - {name: http, port: 80, targetPort: http, appProtocol: http}\n  - {name: admin, port: 81, targetPort: admin}') + pod('a')
    expect(slicesOf(yaml, 'web').slices[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP', appProtocol: 'http' }])
  })

  it('ShouldSetHostname: hostname only when spec.hostname is set and subdomain equals the Service name', () => {
    const yaml = svc('  clusterIP: None') +
      pod('a', '', '  hostname: alpha\n  subdomain: web\n  containers: [{name: c, image: nginx}]') +
      pod('b', '', '  hostname: beta\n  subdomain: other\n  containers: [{name: c, image: nginx}]') +
      pod('c', '', '  subdomain: web\n  containers: [{name: c, image: nginx}]')
    const eps = slicesOf(yaml, 'web').slices.flatMap((s) => s.endpoints)
    expect(Object.fromEntries(eps.map((e) => [e.targetRef!.name, e.hostname]))).toEqual({ a: 'alpha', b: undefined, c: undefined })
  })

  it('podToEndpoint: nodeName from the pod, zone from the node label topology.kubernetes.io/zone', () => {
    const yaml = `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: {name: lab}
spec:
  nodes:
  - {name: n1, ip: 192.168.1.11, labels: {topology.kubernetes.io/zone: zone-a}}
---
` + svc() + pod('a')
    const ep = slicesOf(yaml, 'web').slices[0].endpoints[0]
    expect(ep.nodeName).toBe('n1')
    expect(ep.zone).toBe('zone-a')
  })

  it('setEndpointSliceLabels: Service labels minus reserved ones, service-name, managed-by; headless label when clusterIP None', () => {
    const normal = slicesOf(svc() + pod('a'), 'web').slices[0]
    expect(normal.labels).toEqual({
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
      team: 'blue',
    })
    expect(normal.managedBy).toBe('endpointslice-controller.k8s.io')
    const headless = slicesOf(svc('  clusterIP: None') + pod('a'), 'web').slices[0]
    expect(headless.labels['service.kubernetes.io/headless']).toBe('')
  })

  it('generateName: slices are named <service>-<5 safe characters>, the same on every build', () => {
    const a = slicesOf(svc() + pod('a'), 'web').slices[0].name
    const b = slicesOf(svc() + pod('a'), 'web').slices[0].name
    expect(a).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(a).toBe(b)
  })

  it('reconciler: at most 100 endpoints per slice (--max-endpoints-per-slice)', () => {
    const deploy = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 150
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
` + svc()
    const { slices } = slicesOf(deploy, 'web')
    expect(slices.map((s) => s.endpoints.length).sort()).toEqual([100, 50])
  })

  it('selector: only pods of the Service namespace are selected', () => {
    const yaml = svc() + pod('a') + pod('b', '  namespace: other')
    expect(slicesOf(yaml, 'web').slices[0].endpoints.map((e) => e.targetRef?.name)).toEqual(['a'])
  })

  it('ExternalName Services get no slices', () => {
    const yaml = 'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: db.example.com, selector: {app: web}}\n' + pod('a')
    expect(slicesOf(yaml, 'ext').slices).toEqual([])
  })

  it('selectorless Service: a user-written EndpointSlice is kept as written', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: db}
spec: {ports: [{port: 3306}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-1, labels: {kubernetes.io/service-name: db, endpointslice.kubernetes.io/managed-by: me}}
addressType: IPv4
ports: [{port: 3306, protocol: TCP}]
endpoints:
- addresses: [192.168.100.50]
- addresses: [192.168.100.51]
  conditions: {ready: false}
`
    const { slices } = slicesOf(yaml, 'db')
    expect(slices).toHaveLength(1)
    expect(slices[0].name).toBe('db-1')
    expect(slices[0].managedBy).toBe('me')
    expect(slices[0].endpoints.map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: false, serving: false, terminating: false },
    ])
  })

  it('EndpointSliceMirroring: a legacy Endpoints object of a selectorless Service becomes a mirrored slice', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: db}
spec: {ports: [{name: mysql, port: 3306}]}
---
apiVersion: v1
kind: Endpoints
metadata: {name: db, labels: {origin: manual}}
subsets:
- addresses: [{ip: 192.168.100.50}]
  notReadyAddresses: [{ip: 192.168.100.51}]
  ports: [{name: mysql, port: 3306}]
`
    const { slices } = slicesOf(yaml, 'db')
    expect(slices).toHaveLength(1)
    expect(slices[0].labels).toEqual({
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
      'kubernetes.io/service-name': 'db',
      origin: 'manual',
    })
    expect(slices[0].endpoints.map((e) => [e.addresses[0], e.conditions.ready])).toEqual([['192.168.100.50', true], ['192.168.100.51', false]])
    expect(slices[0].ports).toEqual([{ name: 'mysql', port: 3306, protocol: 'TCP' }])
  })

  it('EndpointSliceMirroring: skipped for Services with a selector and for skip-mirror Endpoints', () => {
    const withSelector = svc() + `---
apiVersion: v1
kind: Endpoints
metadata: {name: web}
subsets: [{addresses: [{ip: 192.168.100.50}], ports: [{port: 80}]}]
`
    expect(slicesOf(withSelector, 'web').slices.every((s) => s.managedBy === 'endpointslice-controller.k8s.io')).toBe(true)
    const skip = `apiVersion: v1
kind: Service
metadata: {name: db}
spec: {ports: [{port: 3306}]}
---
apiVersion: v1
kind: Endpoints
metadata: {name: db, labels: {endpointslice.kubernetes.io/skip-mirror: "true"}}
subsets: [{addresses: [{ip: 192.168.100.50}], ports: [{port: 3306}]}]
`
    expect(slicesOf(skip, 'db').slices).toEqual([])
  })

  it('the kubernetes Service slice is the apiserver\'s: named kubernetes, the control plane at 6443', () => {
    const { slices } = slicesOf('', 'kubernetes')
    expect(slices).toEqual([expect.objectContaining({
      name: 'kubernetes',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      endpoints: [{ addresses: ['192.168.100.20'], conditions: { ready: true, serving: true, terminating: false } }],
    })])
  })
})
