import type { ShellContext } from '../../../types'
import { isJson, type Json } from '../api/context'
import type { ApiObject } from '../api'
import { list, str } from '../format'
import { annotations, listOf, multiline, sliceEndpoints, spec, status } from './common'

// IngressDescriber.describeBackendV1: `svc:port (endpoints)`, or the lookup error in place of the endpoints.
function ingressBackend(ctx: ShellContext, namespace: string, backend: unknown): string {
  if (!isJson(backend)) return ''
  if (isJson(backend.service)) {
    const svcName = str(backend.service.name)
    const port = isJson(backend.service.port) ? backend.service.port : {}
    const sb = `${svcName}:${Number(port.number ?? 0) !== 0 ? Number(port.number) : str(port.name)}`
    const svc = listOf(ctx.sim, 'services').find((x) => x.metadata.namespace === namespace && x.metadata.name === svcName)
    if (!svc) return `${sb} (<error: services "${svcName}" not found>)`
    let spName = ''
    for (const sp of list(spec(svc).ports)) {
      if (Number(port.number ?? 0) !== 0 && Number(port.number) === Number(sp.port)) spName = str(sp.name)
      else if (str(port.name) && str(port.name) === str(sp.name)) spName = str(sp.name)
    }
    const slices = listOf(ctx.sim, 'endpointslices')
      .filter((x) => x.metadata.namespace === namespace && x.metadata.labels?.['kubernetes.io/service-name'] === svcName)
    return `${sb} (${sliceEndpoints(slices, spName)})`
  }
  if (isJson(backend.resource)) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup === undefined ? '<none>' : str(r.apiGroup)}, Kind: ${str(r.kind)}, Name: ${str(r.name)}`
  }
  return ''
}

export function describeIngress(o: ApiObject, ctx: ShellContext): string {
  const sp = spec(o)
  const ns = o.metadata.namespace ?? ''
  let s = `Name:\t${o.metadata.name}\n` + multiline('Labels', o.metadata.labels) + `Namespace:\t${ns}\n`
  const lb = isJson(status(o).loadBalancer) ? (status(o).loadBalancer as Json) : {}
  s += `Address:\t${[...new Set(list(lb.ingress).map((i) => str(i.ip) || str(i.hostname)).filter(Boolean))].join(',')}\n`
  s += `Ingress Class:\t${str(sp.ingressClassName) || '<none>'}\n`
  const def = sp.defaultBackend === undefined ? '<default>' : ingressBackend(ctx, ns, sp.defaultBackend)
  s += `Default backend:\t${def}\n`
  const tls = list(sp.tls)
  if (tls.length) {
    s += 'TLS:\n' + tls.map((t) => {
      const hosts = Array.isArray(t.hosts) ? t.hosts.join(',') : ''
      return t.secretName ? `  ${str(t.secretName)} terminates ${hosts}\n` : `  SNI routes ${hosts}\n`
    }).join('')
  }
  s += 'Rules:\n  Host\tPath\tBackends\n  ----\t----\t--------\n'
  let count = 0
  for (const rule of list(sp.rules)) {
    if (!isJson(rule.http)) continue
    count++
    s += `  ${str(rule.host) || '*'}\t\n`
    for (const p of list(rule.http.paths)) s += `    \t${str(p.path)} \t${ingressBackend(ctx, ns, p.backend)}\n`
  }
  if (count === 0) s += `  *\t*\t${def}\n`
  return s + annotations('Annotations', o.metadata.annotations)
}
