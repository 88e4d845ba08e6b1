import type { ShellContext } from '../../../types'
import { isJson, type Json } from '../api/context'
import type { ApiObject } from '../api'
import { formatLabels, list, str } from '../format'
import { header, listOf, sliceEndpoints, spec, status } from './common'

export function describeService(o: ApiObject, ctx: ShellContext): string {
  const sp = spec(o)
  const slices = listOf(ctx.sim, 'endpointslices')
    .filter((s) => s.metadata.namespace === o.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === o.metadata.name)
  let s = header(o)
  s += `Selector:\t${formatLabels(sp.selector)}\nType:\t${str(sp.type)}\n`
  if (sp.ipFamilyPolicy) s += `IP Family Policy:\t${str(sp.ipFamilyPolicy)}\n`
  s += `IP Families:\t${Array.isArray(sp.ipFamilies) && sp.ipFamilies.length ? sp.ipFamilies.join(',') : '<none>'}\n`
  s += `IP:\t${str(sp.clusterIP)}\n`
  s += `IPs:\t${Array.isArray(sp.clusterIPs) && sp.clusterIPs.length ? sp.clusterIPs.join(',') : '<none>'}\n`
  if (Array.isArray(sp.externalIPs) && sp.externalIPs.length) s += `External IPs:\t${sp.externalIPs.join(',')}\n`
  if (sp.loadBalancerIP) s += `Desired LoadBalancer IP:\t${str(sp.loadBalancerIP)}\n`
  if (sp.externalName) s += `External Name:\t${str(sp.externalName)}\n`
  const lb = isJson(status(o).loadBalancer) ? (status(o).loadBalancer as Json) : {}
  const ingress = list(lb.ingress)
  if (ingress.length) s += `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${str(i.ip)}${i.ipMode ? ` (${str(i.ipMode)})` : ''}` : str(i.hostname))).join(', ')}\n`
  for (const p of list(sp.ports)) {
    const name = str(p.name) || '<unset>'
    s += `Port:\t${name}\t${Number(p.port)}/${str(p.protocol)}\n`
    s += `TargetPort:\t${str(p.targetPort)}/${str(p.protocol)}\n`
    if (p.appProtocol) s += `AppProtocol:\t${str(p.appProtocol)}\n`
    if (Number(p.nodePort) > 0) s += `NodePort:\t${name}\t${Number(p.nodePort)}/${str(p.protocol)}\n`
    s += `Endpoints:\t${sliceEndpoints(slices, str(p.name))}\n`
  }
  s += `Session Affinity:\t${str(sp.sessionAffinity)}\n`
  if (sp.externalTrafficPolicy) s += `External Traffic Policy:\t${str(sp.externalTrafficPolicy)}\n`
  if (sp.internalTrafficPolicy) s += `Internal Traffic Policy:\t${str(sp.internalTrafficPolicy)}\n`
  if (Number(sp.healthCheckNodePort) > 0) s += `HealthCheck NodePort:\t${Number(sp.healthCheckNodePort)}\n`
  if (Array.isArray(sp.loadBalancerSourceRanges) && sp.loadBalancerSourceRanges.length) s += `LoadBalancer Source Ranges:\t${sp.loadBalancerSourceRanges.join(',')}\n`
  return s
}

export function describeEndpoints(o: ApiObject): string {
  let s = header(o) + 'Subsets:\n'
  for (const ss of list(o.subsets)) {
    s += `  Addresses:\t${list(ss.addresses).map((a) => str(a.ip)).join(',') || '<none>'}\n`
    s += `  NotReadyAddresses:\t${list(ss.notReadyAddresses).map((a) => str(a.ip)).join(',') || '<none>'}\n`
    const ports = list(ss.ports)
    if (ports.length) {
      s += '  Ports:\n    Name\tPort\tProtocol\n    ----\t----\t--------\n'
      for (const p of ports) s += `    ${str(p.name) || '<unset>'}\t${Number(p.port)}\t${str(p.protocol)}\n`
    }
    s += '\n'
  }
  return s
}

export function describeEndpointSlice(o: ApiObject): string {
  let s = header(o) + `AddressType:\t${str(o.addressType)}\n`
  const ports = list(o.ports)
  if (ports.length === 0) s += 'Ports: <unset>\n'
  else {
    s += 'Ports:\n  Name\tPort\tProtocol\n  ----\t----\t--------\n'
    for (const p of ports) s += `  ${str(p.name) || '<unset>'}\t${p.port === undefined ? '<unset>' : Number(p.port)}\t${str(p.protocol)}\n`
  }
  const eps = list(o.endpoints)
  if (eps.length === 0) s += 'Endpoints: <none>\n'
  else {
    s += 'Endpoints:\n'
    for (const e of eps) {
      const cond = isJson(e.conditions) ? e.conditions : {}
      s += `  - Addresses:\t${Array.isArray(e.addresses) && e.addresses.length ? e.addresses.join(', ') : '<none>'}\n`
      s += `    Conditions:\n      Ready:\t${typeof cond.ready === 'boolean' ? String(cond.ready) : '<unset>'}\n`
      s += `    Hostname:\t${e.hostname === undefined ? '<unset>' : str(e.hostname)}\n`
      if (isJson(e.targetRef)) s += `    TargetRef:\t${str(e.targetRef.kind)}/${str(e.targetRef.name)}\n`
      s += `    NodeName:\t${e.nodeName === undefined ? '<unset>' : str(e.nodeName)}\n`
      s += `    Zone:\t${e.zone === undefined ? '<unset>' : str(e.zone)}\n`
    }
  }
  return s
}
