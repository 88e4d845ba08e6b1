import type { Cluster } from '../../src/engine/cluster/types'
import type { SourceFile } from '../../src/engine/manifest/types'
import { scaleScenarioYaml } from '../../src/scenarios/generators/scale'
import type { Leg } from './legs'

/**
 * Scenarios the harness makes itself, for what the gallery's labs do not reach: ClientIP affinity, REJECT for a
 * Service without endpoints, eTP/iTP Local, loadBalancerSourceRanges, hairpin, a node's own connections (OUTPUT),
 * localhost NodePorts, UDP, a targetPort nothing listens on; and a few hundred pods from the gallery's scale generator.
 */

export interface Generated {
  name: string
  files: SourceFile[]
  legs(cluster: Cluster): Leg[]
  /** Pods to build (large scenarios are sampled); undefined = all. */
  pods?(cluster: Cluster, legs: Leg[]): Set<string>
}

const FEATURES = `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: {name: features}
spec:
  nodes:
  - {name: master, ip: 192.168.100.20, controlPlane: true}
  - {name: node1, ip: 192.168.100.21}
  - {name: node2, ip: 192.168.100.22}
  clients:
  - {name: workstation, ip: 192.168.100.10}
  - {name: outsider, ip: 192.168.100.11}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: nginx:1.25, ports: [{containerPort: 80}, {containerPort: 5353, protocol: UDP, name: dns}]}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, labels: {app: solo}}
spec:
  nodeName: node1
  containers:
  - {name: web, image: nginx:1.25, ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: sticky}
spec:
  type: NodePort
  selector: {app: web}
  sessionAffinity: ClientIP
  ports: [{port: 80, targetPort: 80, nodePort: 30100}]
---
apiVersion: v1
kind: Service
metadata: {name: spread}
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: 80, nodePort: 30101}
  - {name: dns, port: 53, targetPort: dns, protocol: UDP}
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec:
  type: NodePort
  selector: {app: nothing}
  ports: [{port: 80, nodePort: 30102}]
---
apiVersion: v1
kind: Service
metadata: {name: local}
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: {app: solo}
  ports: [{port: 80, nodePort: 30103}]
---
apiVersion: v1
kind: Service
metadata: {name: itp-local}
spec:
  internalTrafficPolicy: Local
  selector: {app: solo}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: wrong-port}
spec:
  selector: {app: solo}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: fenced}
spec:
  type: LoadBalancer
  selector: {app: web}
  loadBalancerSourceRanges: [192.168.100.10/32]
  ports: [{port: 80, targetPort: 80}]
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: pool, namespace: metallb-system}
spec:
  addresses: [192.168.100.100-192.168.100.110]
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l2, namespace: metallb-system}
spec:
  ipAddressPools: [pool]
`

function service(cluster: Cluster, name: string) {
  const s = cluster.services.find((x) => x.namespace === 'default' && x.name === name)
  if (!s) throw new Error(`generated scenario: no Service ${name}`)
  return s
}

function podOn(cluster: Cluster, app: string, node: string): string {
  const p = cluster.pods.find((x) => x.labels.app === app && x.nodeName === node)
  if (!p) throw new Error(`generated scenario: no ${app} pod on ${node}`)
  return p.id
}

export const generatedScenarios: Generated[] = [
  {
    name: 'generated: Service features',
    files: [{ path: 'features.yaml', text: FEATURES }],
    legs(cluster) {
      const tcp = (from: string, dst: string, port: number): Leg => ({ from, protocol: 'TCP', dst, port })
      const ws = 'Client/workstation'
      const out = 'Client/outsider'
      const webOn2 = podOn(cluster, 'web', 'node2')
      const lb = service(cluster, 'fenced').loadBalancerIngress[0]
      return [
        tcp(ws, '192.168.100.21', 30100), // ClientIP affinity through a NodePort
        tcp(webOn2, service(cluster, 'sticky').clusterIP, 80), // and through the ClusterIP
        tcp(ws, '192.168.100.22', 30101), // spread, masqueraded
        tcp(webOn2, service(cluster, 'spread').clusterIP, 80), // hairpin: a web pod reaching its own Service
        { from: webOn2, protocol: 'UDP', dst: service(cluster, 'spread').clusterIP, port: 53 },
        tcp('Node/node2', service(cluster, 'spread').clusterIP, 80), // a node's own connection (OUTPUT)
        tcp('Node/node1', '127.0.0.1', 30101), // localhost NodePort (route_localnet)
        tcp(webOn2, service(cluster, 'empty').clusterIP, 80), // no endpoints: REJECT
        tcp(ws, '192.168.100.21', 30102),
        tcp(ws, '192.168.100.21', 30103), // eTP Local, the endpoint's node: source preserved
        tcp(ws, '192.168.100.22', 30103), // eTP Local, a node without one
        tcp(webOn2, service(cluster, 'itp-local').clusterIP, 80), // iTP Local from a node without one
        tcp(podOn(cluster, 'web', 'node1'), service(cluster, 'itp-local').clusterIP, 80),
        tcp(webOn2, service(cluster, 'wrong-port').clusterIP, 80), // nothing listens on the targetPort: RST
        ...(lb ? [tcp(ws, lb, 80), tcp(out, lb, 80)] : []), // loadBalancerSourceRanges: allowed, dropped
      ]
    },
  },
  {
    // 30 Services × 10 pods on three workers: every node's full rule set loads; three Services are sampled
    name: 'generated: scale 30 x 10',
    files: [{ path: 'scale.yaml', text: scaleScenarioYaml({ services: 30, podsPerService: 10 }) }],
    legs(cluster) {
      const picks = ['svc-0', 'svc-17', 'svc-29'].map((n) => service(cluster, n))
      const from = cluster.pods.find((p) => p.labels.app === 'app-5')!.id
      return [
        ...picks.map((s) => ({ from, protocol: 'TCP' as const, dst: s.clusterIP, port: 80 })),
        { from: 'Node/node3', protocol: 'TCP', dst: picks[1].clusterIP, port: 80 },
      ]
    },
    pods(cluster, legs) {
      const wanted = new Set(legs.map((l) => l.from))
      const apps = new Set(['app-0', 'app-17', 'app-29', 'app-5'])
      for (const p of cluster.pods) if (apps.has(p.labels.app) || p.system) wanted.add(p.id)
      return wanted
    },
  },
]
