import type { PassThroughObject } from '../../cluster/types'

/** The controller value ingress-nginx's IngressClasses carry (--controller-class default). */
export const NGINX_CONTROLLER_CLASS = 'k8s.io/ingress-nginx'
/** --ingress-class default: the class name the legacy annotation must equal. */
export const NGINX_CLASS_NAME = 'nginx'
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class'
const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class'

export interface ClassDecision {
  watched: boolean
  /** The class the Ingress ends up with, when any. */
  className?: string
  /** A catalogue code saying why (used for both watched and ignored Ingresses). */
  reason: string
}

export interface ClassView {
  /** IngressClasses whose spec.controller is ingress-nginx's, by name. */
  ours: Set<string>
  /** Every IngressClass by name, with its controller. */
  all: Map<string, string>
  /** The default IngressClass the DefaultIngressClass admission plugin would fill in, if exactly one is marked. */
  defaultClass?: string
}

/**
 * The IngressClasses of the scenario. The playground installs ingress-nginx as its upstream deploy.yaml does, which
 * creates IngressClass `nginx` (controller k8s.io/ingress-nginx): when the scenario does not define one by that name,
 * it is assumed to exist.
 */
export function readClasses(others: PassThroughObject[], assumeNginxClass: boolean): ClassView {
  const all = new Map<string, string>()
  const defaults: { name: string; created: string }[] = []
  for (const o of others) {
    if (o.kind !== 'IngressClass') continue
    const spec = (o.body.spec ?? {}) as Record<string, unknown>
    all.set(o.name, typeof spec.controller === 'string' ? spec.controller : '')
    if (o.annotations[DEFAULT_CLASS_ANNOTATION] === 'true') defaults.push({ name: o.name, created: o.name })
  }
  if (assumeNginxClass && !all.has(NGINX_CLASS_NAME)) all.set(NGINX_CLASS_NAME, NGINX_CONTROLLER_CLASS)
  const ours = new Set([...all].filter(([, c]) => c === NGINX_CONTROLLER_CLASS).map(([n]) => n))
  // DefaultIngressClass admission: more than one default is ambiguous; newer API servers pick the newest, and the
  // playground has no creation times, so it picks none and says so.
  const defaultClass = defaults.length === 1 ? defaults[0].name : undefined
  return { ours, all, defaultClass }
}

/**
 * store.go GetIngressClass + ingressclass checks: spec.ingressClassName first (it must name an IngressClass whose
 * controller is ingress-nginx's), then the legacy annotation (must equal --ingress-class), then nothing: ignored,
 * since --watch-ingress-without-class defaults to false. An Ingress with neither gets the default class at admission.
 */
export function classifyIngress(ing: PassThroughObject, classes: ClassView): ClassDecision {
  const spec = (ing.body.spec ?? {}) as Record<string, unknown>
  const named = typeof spec.ingressClassName === 'string' ? spec.ingressClassName : undefined
  if (named !== undefined) {
    if (!classes.all.has(named)) return { watched: false, className: named, reason: 'ingress.class.missing' }
    if (!classes.ours.has(named)) return { watched: false, className: named, reason: 'ingress.class.other-controller' }
    return { watched: true, className: named, reason: 'ingress.class.by-name' }
  }
  const legacy = ing.annotations[LEGACY_CLASS_ANNOTATION]
  if (legacy !== undefined) {
    if (legacy !== NGINX_CLASS_NAME) return { watched: false, className: legacy, reason: 'ingress.class.annotation-other' }
    return { watched: true, className: legacy, reason: 'ingress.class.by-annotation' }
  }
  if (classes.defaultClass !== undefined) {
    if (classes.ours.has(classes.defaultClass)) return { watched: true, className: classes.defaultClass, reason: 'ingress.class.default' }
    return { watched: false, className: classes.defaultClass, reason: 'ingress.class.other-controller' }
  }
  return { watched: false, reason: 'ingress.class.none' }
}
