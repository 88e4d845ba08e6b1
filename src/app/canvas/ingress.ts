import type { PassThroughObject } from '../../engine/cluster/types'
import type { IngressRoute, IngressView } from './model'

type Json = Record<string, unknown>
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? v as Json : undefined)
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** networking.k8s.io/v1 IngressServiceBackend: a Service name and a port number or name. */
function backendOf(b: unknown): { service: string; port: string } | undefined {
  const svc = obj(obj(b)?.service)
  if (!svc) return undefined
  const port = obj(svc.port)
  return { service: str(svc.name), port: str(port?.number) || str(port?.name) }
}

/**
 * An Ingress as the canvas shows it: its rules as written (host, path, backend). Which request each rule wins is
 * ingress-nginx's business (dataplane/ingress); this is the picture, not the routing.
 */
export function ingressView(o: PassThroughObject): IngressView {
  const spec = obj(o.body.spec) ?? {}
  const routes: IngressRoute[] = []
  const hosts: string[] = []
  for (const rule of list(spec.rules)) {
    const r = obj(rule) ?? {}
    const host = str(r.host)
    // kubectl's HOSTS column prints "*" for a rule without a host.
    const shown = host || '*'
    if (!hosts.includes(shown)) hosts.push(shown)
    for (const p of list(obj(r.http)?.paths)) {
      const path = obj(p) ?? {}
      const b = backendOf(path.backend)
      if (b) routes.push({ host, path: str(path.path) || '/', pathType: str(path.pathType), ...b })
    }
  }
  const def = backendOf(spec.defaultBackend)
  return {
    kind: 'ingress', name: o.name, namespace: o.namespace, className: str(spec.ingressClassName),
    hosts: hosts.join(',') || '*', routes, ...(def ? { defaultBackend: def.service } : {}),
    tls: list(spec.tls).length > 0,
  }
}

/** The Services an Ingress sends to (rules and default backend), each once, in order of appearance. */
export function ingressBackends(v: IngressView): string[] {
  const names = [...v.routes.map((r) => r.service), ...(v.defaultBackend ? [v.defaultBackend] : [])]
  return names.filter((n, i) => n && names.indexOf(n) === i)
}
