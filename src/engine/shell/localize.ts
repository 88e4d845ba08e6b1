import { catalog, formatMessage } from '../i18n/catalog'
import type { Lang } from '../i18n/types'

/**
 * A copy of command data with every catalogue reference rendered in the reader's language: objects shaped like a
 * note or diagnostic (`{code, params}`) gain `text`; string codes under keys ending in `Reason` (clientIPReason)
 * gain a sibling `<key>Text`. The data itself is untouched, so --json stays machine-readable in either language.
 */
export function localizeJson(v: unknown, lang: Lang): unknown {
  if (Array.isArray(v)) return v.map((x) => localizeJson(x, lang))
  if (!v || typeof v !== 'object') return v
  const o = v as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(o)) {
    out[k] = localizeJson(x, lang)
    if (k.endsWith('Reason') && typeof x === 'string' && catalog[x]) out[`${k}Text`] = formatMessage(x, {}, lang)
  }
  if (typeof o.code === 'string' && o.params && typeof o.params === 'object' && !Array.isArray(o.params)) {
    out.text = formatMessage(o.code, o.params as Record<string, string>, lang)
  }
  return out
}
