import type { CanvasNode } from '../canvas/model'

/** The inspector's tabs: the object at a glance, then its data plane (computed in the worker when a tab asks). */
export type InspectorView = 'overview' | 'rules' | 'dns' | 'announce' | 'nginx'

/** Which tabs an object has. A pod's DNS tab is its resolv.conf. */
export function viewsFor(n: Pick<CanvasNode, 'data'>): InspectorView[] {
  switch (n.data.kind) {
    case 'service':
      // only a LoadBalancer Service can have a MetalLB announcement
      return n.data.type === 'LoadBalancer' ? ['overview', 'rules', 'dns', 'announce'] : ['overview', 'rules', 'dns']
    case 'node':
      return ['overview', 'rules']
    case 'ingress':
      return ['overview', 'nginx']
    case 'pod':
      return ['overview', 'dns']
    default:
      return ['overview']
  }
}

/** The tab to show for a newly selected object: the same kind of view as before when it has one. */
export function keepView(wanted: InspectorView, views: InspectorView[]): InspectorView {
  return views.includes(wanted) ? wanted : 'overview'
}

/** Whether the worker must be asked: only for a data-plane tab (a 43,000-line rule set is not computed for a glance). */
export function needsInspection(view: InspectorView): boolean {
  return view !== 'overview'
}
