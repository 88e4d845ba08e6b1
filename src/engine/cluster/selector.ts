import { getArray, getString, getStringList, getStringMap, isObject } from './read'

/**
 * Label selectors as the API defines them (k8s.io/apimachinery/pkg/apis/meta/v1 LabelSelector): matchLabels AND
 * matchExpressions (In, NotIn, Exists, DoesNotExist). Services use the plain map form only.
 */
export interface LabelSelector {
  matchLabels: Record<string, string>
  matchExpressions: { key: string; operator: string; values: string[] }[]
}

export function readLabelSelector(v: unknown): LabelSelector | undefined {
  if (!isObject(v)) return undefined
  return {
    matchLabels: getStringMap(v, 'matchLabels') ?? {},
    matchExpressions: getArray(v, 'matchExpressions').filter(isObject).map((e) => ({
      key: getString(e, 'key') ?? '',
      operator: getString(e, 'operator') ?? '',
      values: getStringList(e, 'values'),
    })),
  }
}

export function isEmptySelector(s: LabelSelector): boolean {
  return Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0
}

/** metav1.LabelSelectorAsSelector semantics: every matchLabel and every expression must hold. */
export function selectorMatches(s: LabelSelector, labels: Record<string, string>): boolean {
  if (!mapSelectorMatches(s.matchLabels, labels)) return false
  return s.matchExpressions.every((e) => {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key)
    switch (e.operator) {
      case 'In': return has && e.values.includes(labels[e.key])
      case 'NotIn': return !has || !e.values.includes(labels[e.key])
      case 'Exists': return has
      case 'DoesNotExist': return !has
      default: return false
    }
  })
}

/** A Service's selector: every key present with an equal value (labels.SelectorFromSet). */
export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector)) {
    if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== v) return false
  }
  return true
}

/** `app=nginx,tier=web`, as kubectl prints selectors. */
export function formatSelector(selector: Record<string, string>): string {
  return Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(',')
}

/**
 * Pods by namespace and by label pair, so a Service's selector looks only at the pods carrying its rarest pair
 * (the API server's informers index the same way; a 1000-Service scenario would otherwise scan every pod per Service).
 */
export interface PodIndex<P extends { namespace: string; labels: Record<string, string> }> {
  select(namespace: string, selector: Record<string, string>): P[]
}

export function indexPods<P extends { namespace: string; labels: Record<string, string> }>(pods: P[]): PodIndex<P> {
  // namespace → label key → label value → pods: nested maps keyed by the label strings themselves (their hashes are
  // cached), not one joined key string built and hashed per label of each of 10,000 pods
  const byPair = new Map<string, Map<string, Map<string, P[]>>>()
  const byNamespace = new Map<string, P[]>()
  for (const p of pods) {
    const inNamespace = byNamespace.get(p.namespace)
    if (inNamespace) inNamespace.push(p)
    else byNamespace.set(p.namespace, [p])
    let keys = byPair.get(p.namespace)
    if (!keys) { keys = new Map(); byPair.set(p.namespace, keys) }
    for (const [k, v] of Object.entries(p.labels)) {
      let values = keys.get(k)
      if (!values) { values = new Map(); keys.set(k, values) }
      const list = values.get(v)
      if (list) list.push(p)
      else values.set(v, [p])
    }
  }
  return {
    select(namespace, selector) {
      let candidates = byNamespace.get(namespace) ?? []
      const keys = byPair.get(namespace)
      for (const [k, v] of Object.entries(selector)) {
        const list = keys?.get(k)?.get(v) ?? []
        if (list.length < candidates.length) candidates = list
      }
      return candidates.filter((p) => mapSelectorMatches(selector, p.labels))
    },
  }
}
