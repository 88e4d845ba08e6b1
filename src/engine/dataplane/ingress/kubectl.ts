import { creationTimeMs, type ApiObject } from '../../shell/commands/kubectl/api/meta'
import type { KubeEvent } from '../../shell/commands/kubectl/events'
import type { Simulation } from '../../sim/simulation'
import { isIPv4 } from '../../util/ip'
import { findIngressController } from './controller'
import { ingressOf } from './walk-step'

/**
 * The address ingress-nginx writes into the status of every Ingress it serves (internal/ingress/status/status.go
 * runningAddresses): with --publish-service, the Service's load-balancer addresses (statusAddressFromService; a
 * NodePort Service without externalIPs publishes its ClusterIP); otherwise the addresses of the nodes running a
 * ready controller pod (GetNodeIPs: ExternalIP, else InternalIP — the lab's nodes only have InternalIPs), sorted.
 */
export function ingressStatusAddresses(sim: Simulation): string[] {
  const cluster = sim.scenario.cluster
  const ctl = findIngressController(cluster)
  if (!ctl) return []
  const publish = ctl.pods.flatMap((p) => p.containers.flatMap((c) => [...(c.command ?? []), ...(c.args ?? [])]))
    .map((a) => /^--publish-service=(.+)$/.exec(a)?.[1]).find((v) => v !== undefined)
  let addrs: string[]
  if (publish) {
    const name = publish.replace('$(POD_NAMESPACE)', ctl.namespace)
    const [ns, svcName] = name.includes('/') ? name.split('/', 2) : [ctl.namespace, name]
    const svc = cluster.services.find((s) => s.namespace === ns && s.name === svcName)
    if (!svc) return []
    if (svc.type === 'LoadBalancer') addrs = [...svc.loadBalancerIngress, ...svc.externalIPs.filter((ip) => !svc.loadBalancerIngress.includes(ip))]
    else if (svc.type === 'NodePort' && svc.externalIPs.length) addrs = [...svc.externalIPs]
    else addrs = svc.clusterIP && svc.clusterIP !== 'None' ? [svc.clusterIP] : []
  } else {
    addrs = []
    for (const p of ctl.pods) {
      if (p.phase !== 'Running' || !p.ready) continue
      const node = cluster.nodes.find((n) => n.name === p.nodeName)
      if (node && !addrs.includes(node.ip)) addrs.push(node.ip)
    }
  }
  // standardizeLoadBalancerIngresses: sorted by IP (as strings)
  return addrs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** kubectl status patcher: Ingresses the controller serves get its addresses in status.loadBalancer.ingress. */
export function patchIngressObject(sim: Simulation, obj: ApiObject): void {
  if (obj.kind !== 'Ingress') return
  const { model } = ingressOf(sim)
  const served = model.watched.some((w) => w.name === obj.metadata.name && w.namespace === (obj.metadata.namespace ?? 'default'))
  if (!served) return
  const addrs = ingressStatusAddresses(sim)
  if (addrs.length === 0) return
  obj.status = { loadBalancer: { ingress: addrs.map((a) => (isIPv4(a) ? { ip: a } : { hostname: a })) } }
}

/**
 * store.go records `Normal Sync "Scheduled for sync"` on every Ingress it takes (its recorder's source component is
 * nginx-ingress-controller, without a host), once per running controller pod: each pod creates its own Event.
 */
export function ingressEvents(sim: Simulation, obj: ApiObject): KubeEvent[] {
  if (obj.kind !== 'Ingress') return []
  const { model } = ingressOf(sim)
  if (!model.watched.some((w) => w.name === obj.metadata.name && w.namespace === (obj.metadata.namespace ?? 'default'))) return []
  const ctl = findIngressController(sim.scenario.cluster)
  const pods = ctl?.pods.filter((p) => p.phase === 'Running') ?? []
  return pods.map(() => ({ type: 'Normal' as const, reason: 'Sync', from: 'nginx-ingress-controller', message: 'Scheduled for sync', firstMs: creationTimeMs(0) }))
}
