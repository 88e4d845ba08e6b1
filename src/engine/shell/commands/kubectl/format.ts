import { isJson, type Json } from './api/context'

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: unknown): string {
  if (!isJson(labels) || Object.keys(labels).length === 0) return '<none>'
  return Object.keys(labels).sort().map((k) => `${k}=${String(labels[k])}`).join(',')
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): matchLabels and matchExpressions as requirements sorted by key,
 * `k=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`. Empty selector → "".
 */
export function labelSelectorString(sel: unknown): string {
  if (!isJson(sel)) return ''
  const reqs: { key: string; text: string }[] = []
  if (isJson(sel.matchLabels)) for (const [k, v] of Object.entries(sel.matchLabels)) reqs.push({ key: k, text: `${k}=${String(v)}` })
  if (Array.isArray(sel.matchExpressions)) {
    for (const e of sel.matchExpressions) {
      if (!isJson(e)) continue
      const key = String(e.key ?? '')
      const values = Array.isArray(e.values) ? [...new Set(e.values.map(String))].sort() : []
      switch (e.operator) {
        case 'In': reqs.push({ key, text: `${key} in (${values.join(',')})` }); break
        case 'NotIn': reqs.push({ key, text: `${key} notin (${values.join(',')})` }); break
        case 'Exists': reqs.push({ key, text: key }); break
        case 'DoesNotExist': reqs.push({ key, text: `!${key}` }); break
      }
    }
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.text).join(',')
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty. */
export function formatLabelSelector(sel: unknown): string {
  return labelSelectorString(sel) || '<none>'
}

/** printers.go layoutContainerCells: names and images joined by commas. */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = isJson(podSpec) && Array.isArray(podSpec.containers) ? podSpec.containers.filter(isJson) : []
  return [containers.map((c) => String(c.name ?? '')).join(','), containers.map((c) => String(c.image ?? '')).join(',')]
}

/** net.JoinHostPort */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

export function list(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isJson) : []
}

export function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? fallback : String(v)
}
