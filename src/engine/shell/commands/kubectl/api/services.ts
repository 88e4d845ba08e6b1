import type { Service } from '../../../../cluster/types'
import { compact, type ApiContext, type Json } from './context'
import { meta, type ApiObject } from './meta'

/** A Service as the API returns it: the written spec with the defaults and allocations the API server adds. */
export function serviceObject(svc: Service): ApiObject {
  const hasClusterIP = svc.type !== 'ExternalName' && svc.clusterIP !== ''
  const external = svc.type === 'NodePort' || svc.type === 'LoadBalancer'
  const spec: Json = compact({
    allocateLoadBalancerNodePorts: svc.type === 'LoadBalancer' ? true : undefined,
    clusterIP: hasClusterIP ? svc.clusterIP : undefined,
    clusterIPs: hasClusterIP ? [svc.clusterIP] : undefined,
    externalIPs: svc.externalIPs.length ? [...svc.externalIPs] : undefined,
    externalName: svc.externalName,
    // SetDefaults_Service: externalTrafficPolicy only for NodePort/LoadBalancer (and externalIPs), internal for all but ExternalName.
    externalTrafficPolicy: external || svc.externalIPs.length ? svc.externalTrafficPolicy : undefined,
    healthCheckNodePort: svc.healthCheckNodePort,
    internalTrafficPolicy: svc.type === 'ExternalName' ? undefined : svc.internalTrafficPolicy,
    ipFamilies: hasClusterIP ? ['IPv4'] : undefined,
    ipFamilyPolicy: hasClusterIP ? 'SingleStack' : undefined,
    loadBalancerClass: svc.loadBalancerClass,
    loadBalancerIP: svc.loadBalancerIP,
    loadBalancerSourceRanges: svc.loadBalancerSourceRanges.length ? [...svc.loadBalancerSourceRanges] : undefined,
    ports: svc.ports.length ? svc.ports.map((p) => compact({
      appProtocol: p.appProtocol,
      name: p.name || undefined,
      nodePort: p.nodePort,
      port: p.port,
      protocol: p.protocol,
      targetPort: p.targetPort,
    })) : undefined,
    publishNotReadyAddresses: svc.publishNotReadyAddresses ? true : undefined,
    selector: svc.selector ? { ...svc.selector } : undefined,
    sessionAffinity: svc.sessionAffinity,
    sessionAffinityConfig: svc.sessionAffinity === 'ClientIP' ? { clientIP: { timeoutSeconds: svc.affinityTimeoutSeconds } } : undefined,
    type: svc.type,
  })
  const status: Json = svc.type === 'LoadBalancer' && svc.loadBalancerIngress.length
    ? { loadBalancer: { ingress: svc.loadBalancerIngress.map((ip) => ({ ip, ipMode: 'VIP' })) } }
    : { loadBalancer: {} }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('Service', svc.name, svc.namespace, svc.createdAtMs, svc.labels, svc.annotations),
    spec,
    status,
  }
}

export function serviceObjects(ctx: ApiContext): ApiObject[] {
  return ctx.cluster.services.map((s) => serviceObject(s))
}
