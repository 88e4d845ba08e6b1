/**
 * The tutorial's scale comparison ("1000 Services, each with 10 pods": iptables' linear chain walk against IPVS's hash
 * lookup) as a scenario: N Services, each selecting a Deployment of M nginx pods, on enough worker nodes for the pods
 * (kubelet's default maxPods is 110, so 100 pods per node). The gallery and bench/ both generate it from here.
 */
export interface ScaleParams {
  services: number
  podsPerService: number
}

/** The limits a shared link may ask for (10 000 Services × 100 pods would be a million pods: not a playground). */
export const SCALE_LIMITS = { services: { min: 1, max: 2000 }, podsPerService: { min: 1, max: 20 } }
/** At most the tutorial's 10 000 pods in all. */
export const SCALE_MAX_PODS = 10_000

export function scaleScenarioYaml({ services, podsPerService }: ScaleParams): string {
  const workers = Math.max(2, Math.ceil((services * podsPerService) / 100))
  const nodes = ['    - {name: master, ip: 192.168.100.20, controlPlane: true}']
  for (let i = 1; i <= workers; i++) {
    const ip = 20 + i
    nodes.push(`    - {name: node${i}, ip: 192.168.${100 + Math.floor(ip / 250)}.${ip % 250}}`)
  }
  const docs = [
    [
      'apiVersion: kube-hops.dev/v1alpha1',
      'kind: Cluster',
      'metadata: {name: scale}',
      'spec:',
      '  podCIDR: 10.244.0.0/16',
      '  nodes:',
      ...nodes,
    ].join('\n'),
  ]
  for (let i = 0; i < services; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}}
spec:
  replicas: ${podsPerService}
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers:
      - {name: web, image: nginx:1.25, ports: [{containerPort: 80}]}`)
    docs.push(`apiVersion: v1
kind: Service
metadata: {name: svc-${i}}
spec:
  selector: {app: app-${i}}
  ports: [{name: http, port: 80, targetPort: 80}]`)
  }
  return docs.join('\n---\n') + '\n'
}
