import type { ManifestObject } from '../manifest/types'
import { report, type BuildContext } from './context'
import { findPort } from './endpointslices'
import { formatSelector, mapSelectorMatches, type PodIndex } from './selector'
import type { Cluster, Pod, Service } from './types'

/**
 * Cross-object findings a reader would want before sending a request: Services that select nothing (and the pods
 * that nearly match), targetPorts no selected container declares. Warnings, on the line that causes them.
 */
export function lintCluster(cluster: Cluster, objects: ManifestObject[], pods: PodIndex<Pod>, ctx: BuildContext): void {
  const byId = new Map(objects.map((o) => [o.id, o]))
  for (const service of cluster.services) {
    if (service.system || !service.selector || service.type === 'ExternalName') continue
    const obj = byId.get(service.id)
    if (!obj) continue
    const selected = pods.select(service.namespace, service.selector)
    if (selected.length === 0) lintEmptySelector(service, obj, cluster, ctx)
    else {
      lintTargetPorts(service, obj, selected, ctx)
      // Selected pods exist but none serves: kube-proxy will reject (or, for terminating ones, fall back).
      if (!service.publishNotReadyAddresses && !selected.some((p) => p.ready && !p.terminating)) {
        report(ctx, 'cluster.lint.noReadyEndpoints', 'info', { service: service.name, count: selected.length }, obj, 'spec.selector')
      }
    }
  }
}

/** What the user wrote that made a pod, the way kubectl names it (`pod/web-1`, `deployment/web`). */
function madeBy(pod: Pod): string {
  const parts = pod.source.object.split('/')
  const kind = parts[0].toLowerCase()
  return parts.length >= 3 ? `${kind}/${parts.slice(2).join('/')}` : `${kind}/${parts[1] ?? ''}`
}

function lintEmptySelector(service: Service, obj: ManifestObject, cluster: Cluster, ctx: BuildContext): void {
  const selector = service.selector!
  report(ctx, 'cluster.lint.selectorMatchesNothing', 'warning', { service: service.name, selector: formatSelector(selector), namespace: service.namespace }, obj, 'spec.selector')
  const seen = new Set<string>()
  for (const pod of cluster.pods) {
    const who = madeBy(pod)
    if (pod.system || seen.has(`${pod.namespace}/${who}`)) continue
    if (pod.namespace !== service.namespace) {
      if (mapSelectorMatches(selector, pod.labels)) {
        seen.add(`${pod.namespace}/${who}`)
        report(ctx, 'cluster.lint.selectorOtherNamespace', 'warning', { service: service.name, object: who, namespace: pod.namespace, serviceNamespace: service.namespace }, obj, 'spec.selector')
      }
      continue
    }
    // A near miss: every selector label but one matches; name the one that differs.
    const misses = Object.keys(selector).filter((k) => pod.labels[k] !== selector[k])
    if (misses.length !== 1) continue
    const key = misses[0]
    seen.add(`${pod.namespace}/${who}`)
    const have = pod.labels[key]
    if (have === undefined) {
      report(ctx, 'cluster.lint.selectorNearMissMissing', 'warning', { service: service.name, object: who, key, want: selector[key] }, obj, `spec.selector.${key}`)
    } else {
      report(ctx, 'cluster.lint.selectorNearMiss', 'warning', { service: service.name, object: who, key, want: selector[key], have }, obj, `spec.selector.${key}`)
    }
  }
}

function lintTargetPorts(service: Service, obj: ManifestObject, selected: Pod[], ctx: BuildContext): void {
  service.ports.forEach((sp, i) => {
    const field = obj.fieldRanges[`spec.ports.${i}.targetPort`] ? `spec.ports.${i}.targetPort` : `spec.ports.${i}`
    if (typeof sp.targetPort === 'string') {
      // Pods that cannot resolve the name are left out of the slice for this port (podutil.FindPort fails).
      if (!selected.some((p) => findPort(p, sp) !== undefined)) {
        report(ctx, 'cluster.lint.targetPortNameUnresolved', 'warning', { service: service.name, port: sp.targetPort, protocol: sp.protocol }, obj, field)
      }
      return
    }
    const declared = selected.some((p) => p.hostNetwork || p.containers.some((c) => c.ports.some((cp) => cp.containerPort === sp.targetPort && cp.protocol === sp.protocol)))
    if (!declared) {
      const ports = [...new Set(selected.flatMap((p) => p.containers.flatMap((c) => c.ports.map((cp) => `${cp.containerPort}/${cp.protocol}`))))].sort()
      report(ctx, 'cluster.lint.targetPortUndeclared', 'warning',
        { service: service.name, port: sp.targetPort, protocol: sp.protocol, declared: ports.length > 0 ? ports.join(', ') : '-' }, obj, field)
    }
  })
}
