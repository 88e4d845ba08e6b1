import type { ClusterNode } from '../../cluster/types'
import type { Simulation } from '../../sim/simulation'
import type { HttpReply } from '../../trace/apps'
import { categorizeEndpoints } from './serviceports'
import { servicePorts } from './state'

/**
 * kube-proxy's service health server (k/k pkg/proxy/healthcheck/service_health.go): on every node it listens on the
 * healthCheckNodePort of each LoadBalancer Service with externalTrafficPolicy Local, and answers 200 while the node has
 * ready local endpoints, 503 otherwise, so a load balancer sends traffic only to nodes that can serve it locally.
 */

/** The Service whose health check node port this is, if any. */
export function healthCheckService(sim: Simulation, port: number) {
  return servicePorts(sim).find((sp) => sp.healthCheckNodePort === port && sp.healthCheckNodePort !== 0)
}

export function healthCheckReply(sim: Simulation, node: ClusterNode, port: number, date: string): HttpReply | undefined {
  const sp = healthCheckService(sim, port)
  if (!sp) return undefined
  // EndpointsMap.LocalReadyEndpoints: this node's ready endpoints (across the Service's ports, counted once each)
  const local = new Set<string>()
  for (const p of servicePorts(sim)) {
    if (p.service.id !== sp.service.id) continue
    for (const ep of categorizeEndpoints(p, node.name).localEndpoints) if (ep.ready) local.add(ep.ip)
  }
  const count = local.size
  const body = `{\n\t"service": {\n\t\t"namespace": "${sp.service.namespace}",\n\t\t"name": "${sp.service.name}"\n\t},\n\t"localEndpoints": ${count},\n\t"serviceProxyHealthy": true\n}`
  return {
    status: count > 0 ? 200 : 503,
    reason: count > 0 ? 'OK' : 'Service Unavailable',
    // Go's net/http writes the header map sorted by name
    headers: [
      ['Content-Length', String(body.length)],
      ['Content-Type', 'application/json'],
      ['Date', date],
      ['X-Content-Type-Options', 'nosniff'],
      ['X-Load-Balancing-Endpoint-Weight', String(count)],
    ],
    body,
  }
}
