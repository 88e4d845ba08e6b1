import { createRng } from '../../core/rng'
import { compileScenario, type CompiledScenario } from '../../scenario'
import { buildIngressModel } from './build'
import type { IngressModel } from './model'
import { createIngressState, routeRequest, type IngressRequest, type RouteContext, type RouteResult } from './route'

/**
 * Test and tool helpers: compile YAML text into the ingress model and send requests through it.
 * (Used by the tests beside this file and by the scenario checks; pure, like the rest of the engine.)
 */
export interface IngressWorld {
  compiled: CompiledScenario
  model: IngressModel
  ctx: RouteContext
  request(req: Partial<IngressRequest> & { host: string; path?: string }): RouteResult
}

export function ingressWorld(yaml: string, seed = 1): IngressWorld {
  const compiled = compileScenario([{ path: 'scenario.yaml', text: yaml }])
  const model = buildIngressModel(compiled.cluster, { objects: compiled.objects })
  const ctx: RouteContext = { rng: createRng(seed), now: 0, state: createIngressState() }
  return {
    compiled,
    model,
    ctx,
    request: (r) => routeRequest(model, {
      method: r.method ?? 'GET',
      scheme: r.scheme ?? 'http',
      host: r.host,
      path: r.path ?? '/',
      headers: r.headers ?? {},
      clientIP: r.clientIP ?? '192.168.100.1',
      ...(r.sni !== undefined ? { sni: r.sni } : {}),
      ...(r.serverPort !== undefined ? { serverPort: r.serverPort } : {}),
      ...(r.openConnections !== undefined ? { openConnections: r.openConnections } : {}),
    }, ctx),
  }
}

/** A Service `name` selecting one nginx pod labelled app=name, so upstreams have one endpoint each. */
export function backend(name: string, port = 80, namespace = 'default', replicas = 1): string {
  const pods = Array.from({ length: replicas }, (_, i) => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name}-${i + 1}, namespace: ${namespace}, labels: { app: ${name} } }
spec:
  containers:
  - { name: web, image: nginx:1.20, ports: [{ containerPort: 80 }] }
`).join('')
  return `${pods}---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  selector: { app: ${name} }
  ports: [{ port: ${port}, targetPort: 80 }]
`
}

/** An Ingress with one rule: paths as [path, pathType, service]. */
export function ingress(name: string, host: string | undefined, paths: [string, string, string][], annotations: Record<string, string> = {}, extra = ''): string {
  const anns = Object.keys(annotations).length
    ? `  annotations:\n${Object.entries(annotations).map(([k, v]) => `    ${k.includes('/') ? k : 'nginx.ingress.kubernetes.io/' + k}: ${JSON.stringify(v)}`).join('\n')}\n`
    : ''
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${anns}spec:
  ingressClassName: nginx
${extra}  rules:
  - ${host !== undefined ? `host: ${JSON.stringify(host)}\n    ` : ''}http:
      paths:
${paths.map(([p, t, s]) => `      - path: ${JSON.stringify(p)}
        pathType: ${t}
        backend: { service: { name: ${s}, port: { number: 80 } } }`).join('\n')}
`
}
