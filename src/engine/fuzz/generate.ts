import fc from 'fast-check'
import type { ProxyMode } from '../cluster/types'
import type { SourceFile } from '../manifest/types'

/**
 * Random clusters for the fuzz tests, written as YAML text the way a user would write them, so the whole path
 * (parse, validate, build, MetalLB, ingress-nginx, kube-proxy, CoreDNS) runs on them. Names come from small sets so
 * selectors, backends and ExternalNames often hit something (and sometimes miss, or name themselves).
 */

const APPS = ['web', 'api', 'db'] as const
const NAMESPACES = ['default', 'shop'] as const
const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Headless'] as const

export interface WorkloadPlan { kind: 'Deployment' | 'Pod'; name: string; namespace: string; app: string; replicas: number; port: number; portName: string }
export interface ServicePlan {
  name: string
  namespace: string
  type: (typeof SERVICE_TYPES)[number]
  app: string | null
  port: number
  targetPort: number | string
  eTP: 'Cluster' | 'Local'
  iTP: 'Cluster' | 'Local'
  affinity: boolean
  /** ExternalName target: another Service's name (maybe itself), or an outside name. */
  externalName: string
}
export interface IngressPlan { name: string; namespace: string; host: string; path: string; pathType: 'Prefix' | 'Exact'; service: string; port: number }
export interface ClusterPlan {
  workers: number
  controller: 'none' | 'hostNetwork' | 'nodePort' | 'loadBalancer'
  pool: 'none' | 'l2' | 'bgp'
  workloads: WorkloadPlan[]
  services: ServicePlan[]
  ingresses: IngressPlan[]
  mode: ProxyMode
}

const name = (prefix: string) => fc.integer({ min: 0, max: 3 }).map((i) => `${prefix}${i}`)

const workloadArb: fc.Arbitrary<WorkloadPlan> = fc.record({
  kind: fc.constantFrom<'Deployment' | 'Pod'>('Deployment', 'Pod'),
  name: name('w'),
  namespace: fc.constantFrom(...NAMESPACES),
  app: fc.constantFrom(...APPS),
  replicas: fc.integer({ min: 0, max: 4 }),
  port: fc.constantFrom(80, 8080, 3306),
  portName: fc.constantFrom('http', 'alt'),
})

const serviceArb: fc.Arbitrary<ServicePlan> = fc.record({
  name: name('s'),
  namespace: fc.constantFrom(...NAMESPACES),
  type: fc.constantFrom(...SERVICE_TYPES),
  app: fc.option(fc.constantFrom(...APPS), { nil: null }),
  port: fc.constantFrom(80, 443, 3306, 8080),
  targetPort: fc.oneof(fc.constantFrom(80, 8080, 3306), fc.constantFrom('http', 'alt', 'none')),
  eTP: fc.constantFrom<'Cluster' | 'Local'>('Cluster', 'Local'),
  iTP: fc.constantFrom<'Cluster' | 'Local'>('Cluster', 'Local'),
  affinity: fc.boolean(),
  externalName: fc.oneof(
    name('s').map((s) => `${s}.default.svc.cluster.local`),
    name('s'),
    fc.constantFrom('www.example.com', 'example.org'),
  ),
})

const ingressArb: fc.Arbitrary<IngressPlan> = fc.record({
  name: name('i'),
  namespace: fc.constantFrom(...NAMESPACES),
  host: fc.constantFrom('a.example.com', 'b.example.com', ''),
  path: fc.constantFrom('/', '/api', '/api/v1', '/x'),
  pathType: fc.constantFrom<'Prefix' | 'Exact'>('Prefix', 'Exact'),
  service: name('s'),
  port: fc.constantFrom(80, 443, 3306, 8080),
})

export const clusterPlanArb: fc.Arbitrary<ClusterPlan> = fc.record({
  workers: fc.integer({ min: 1, max: 3 }),
  controller: fc.constantFrom<ClusterPlan['controller']>('none', 'hostNetwork', 'nodePort', 'loadBalancer'),
  pool: fc.constantFrom<ClusterPlan['pool']>('none', 'l2', 'bgp'),
  workloads: fc.array(workloadArb, { maxLength: 5 }),
  services: fc.array(serviceArb, { maxLength: 5 }),
  ingresses: fc.array(ingressArb, { maxLength: 3 }),
  mode: fc.constantFrom<ProxyMode>('iptables', 'ipvs', 'nftables'),
})

function clusterYaml(plan: ClusterPlan): string {
  const nodes = ['  - name: master\n    ip: 192.168.100.20\n    controlPlane: true']
  for (let i = 1; i <= plan.workers; i++) nodes.push(`  - name: node${i}\n    ip: 192.168.100.${20 + i}\n    labels:\n      ingress: "true"`)
  const controller = plan.controller === 'none' ? '' : `  ingressController:\n    mode: ${plan.controller}\n`
  return `apiVersion: kube-hops.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: fuzz\nspec:\n  nodes:\n${nodes.join('\n')}\n` +
    `  clients:\n  - name: workstation\n    ip: 192.168.100.10\n${controller}`
}

function workloadYaml(w: WorkloadPlan): string {
  const container = `    containers:\n    - name: c\n      image: nginx:1.27\n      ports:\n      - containerPort: ${w.port}\n        name: ${w.portName}\n`
  if (w.kind === 'Pod') {
    return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${w.name}\n  namespace: ${w.namespace}\n  labels:\n    app: ${w.app}\nspec:\n${container.replace(/^ {2}/gm, '')}`
  }
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${w.name}\n  namespace: ${w.namespace}\nspec:\n  replicas: ${w.replicas}\n` +
    `  selector:\n    matchLabels:\n      app: ${w.app}\n  template:\n    metadata:\n      labels:\n        app: ${w.app}\n    spec:\n${container.replace(/^/gm, '  ').replace(/^ {2}$/gm, '')}`
}

function serviceYaml(s: ServicePlan): string {
  const head = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${s.name}\n  namespace: ${s.namespace}\nspec:\n`
  if (s.type === 'ExternalName') return `${head}  type: ExternalName\n  externalName: ${s.externalName}\n`
  const type = s.type === 'Headless' ? '  clusterIP: None\n' : `  type: ${s.type}\n`
  const selector = s.app ? `  selector:\n    app: ${s.app}\n` : ''
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer' ? `  externalTrafficPolicy: ${s.eTP}\n` : ''
  const affinity = s.affinity ? '  sessionAffinity: ClientIP\n' : ''
  const targetPort = typeof s.targetPort === 'number' ? String(s.targetPort) : s.targetPort
  return `${head}${type}${selector}${external}  internalTrafficPolicy: ${s.iTP}\n${affinity}  ports:\n  - name: p\n    port: ${s.port}\n    targetPort: ${targetPort}\n`
}

function ingressYaml(i: IngressPlan): string {
  const host = i.host ? `  - host: ${i.host}\n    http:\n` : '  - http:\n'
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${i.name}\n  namespace: ${i.namespace}\nspec:\n  ingressClassName: nginx\n  rules:\n${host}` +
    `      paths:\n      - path: ${i.path}\n        pathType: ${i.pathType}\n        backend:\n          service:\n            name: ${i.service}\n            port:\n              number: ${i.port}\n`
}

function poolYaml(pool: ClusterPlan['pool']): string {
  if (pool === 'none') return ''
  const addresses = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: pool\n  namespace: metallb-system\nspec:\n  addresses:\n  - 192.168.100.100-192.168.100.110\n'
  if (pool === 'l2') return `${addresses}---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata:\n  name: l2\n  namespace: metallb-system\n`
  return `${addresses}---\napiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: router\n  namespace: metallb-system\nspec:\n  myASN: 64500\n  peerASN: 64501\n  peerAddress: 192.168.100.1\n` +
    `---\napiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata:\n  name: bgp\n  namespace: metallb-system\n`
}

const CLIENT_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\n  namespace: default\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n'

/** The plan as scenario files: one file per concern, documents joined by `---` as users write them. */
export function planFiles(plan: ClusterPlan): SourceFile[] {
  const join = (docs: string[]) => docs.filter((d) => d !== '').join('---\n')
  return [
    { path: 'cluster.yaml', text: clusterYaml(plan) },
    { path: 'workloads.yaml', text: join([CLIENT_POD, ...plan.workloads.map(workloadYaml)]) },
    { path: 'services.yaml', text: join(plan.services.map(serviceYaml)) },
    { path: 'ingress.yaml', text: join(plan.ingresses.map(ingressYaml)) },
    { path: 'metallb.yaml', text: poolYaml(plan.pool) },
  ]
}
