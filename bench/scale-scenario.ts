/**
 * The tutorial's scale comparison as a scenario: N Services, each selecting a Deployment of M nginx pods, on enough
 * worker nodes for the pods (kubelet's default maxPods is 110, so 100 pods per node).
 */
export interface ScaleParams {
  services: number
  podsPerService: number
}

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
