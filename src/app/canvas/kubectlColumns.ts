import type { Pod, Service } from '../../engine/cluster/types'

/** kubectl printService: "%d/%s" per port, "%d:%d/%s" when a nodePort is set, joined by ","; "<none>" when empty. */
export function servicePortsColumn(svc: Pick<Service, 'ports'>): string {
  if (svc.ports.length === 0) return '<none>'
  return svc.ports
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',')
}

/** kubectl printService: an empty spec.clusterIP prints as "<none>" (ExternalName); headless prints "None". */
export function serviceClusterIPColumn(svc: Pick<Service, 'clusterIP'>): string {
  return svc.clusterIP === '' ? '<none>' : svc.clusterIP
}

/**
 * kubectl getServiceExternalIP: externalIPs for ClusterIP/NodePort (else "<none>"); for LoadBalancer the ingress
 * addresses then externalIPs, "<pending>" when neither; ExternalName prints spec.externalName.
 */
export function serviceExternalIPColumn(
  svc: Pick<Service, 'type' | 'externalIPs' | 'loadBalancerIngress' | 'externalName'>,
): string {
  switch (svc.type) {
    case 'ClusterIP':
    case 'NodePort':
      return svc.externalIPs.length > 0 ? svc.externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const all = [...svc.loadBalancerIngress, ...svc.externalIPs]
      return all.length > 0 ? all.join(',') : '<pending>'
    }
    case 'ExternalName':
      return svc.externalName ?? ''
  }
}

/**
 * kubectl printPod READY: ready containers / containers, restartable init containers (sidecars) counted in both.
 * The model keeps one readiness for the whole pod, so it is all or none.
 */
export function podReadyColumn(pod: Pick<Pod, 'ready' | 'containers'>): string {
  const total = pod.containers.length
  return `${pod.ready ? total : 0}/${total}`
}

/** kubectl printPod STATUS: the phase, replaced by "Terminating" once deletionTimestamp is set. */
export function podStatusColumn(pod: Pick<Pod, 'phase' | 'terminating'>): string {
  return pod.terminating ? 'Terminating' : pod.phase
}
