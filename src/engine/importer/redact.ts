import { base64 } from '@scure/base'
import { utf8ToBytes } from '@noble/hashes/utils.js'

/** What a redacted Secret value becomes (base64 of this text, as Secret data must be base64). */
export const REDACTED_TEXT = 'redacted by the Kube Hops import'
const REDACTED = base64.encode(utf8ToBytes(REDACTED_TEXT))

// Certificates are public; the simulator reads them for SNI and curl's verification (dataplane/ingress/tls.ts).
const CERT_KEYS = new Set(['tls.crt', 'ca.crt'])
// An htpasswd line: user, colon, a hash in one of the forms nginx's auth_basic accepts ({SHA}, $apr1$, $2y$, crypt).
const HTPASSWD_LINE = /^[^:\s]+:(\{SHA\}[A-Za-z0-9+/=]+|\$(apr1|2[abxy]?|1|5|6)\$\S+|[A-Za-z0-9./]{13})$/

function decode(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined
  try {
    // htpasswd lines are ASCII: latin1 reading is enough to test them, and needs no TextDecoder (not in the engine's lib)
    let out = ''
    for (const b of base64.decode(v.replace(/\s+/g, ''))) out += String.fromCharCode(b)
    return out
  } catch {
    return undefined
  }
}

/** Whether a value is htpasswd lines only (the basic-auth Secret's `auth`): hashes, kept because auth needs them. */
function isHtpasswd(text: string | undefined): boolean {
  if (text === undefined) return false
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  return lines.length > 0 && lines.every((l) => HTPASSWD_LINE.test(l.trim()))
}

/**
 * Replaces a Secret's values by placeholders, keeping certificates and htpasswd lines. Returns how many values went.
 * `stringData` (plain text) is treated the same way.
 */
export function redactSecret(obj: Record<string, unknown>): number {
  let n = 0
  const data = obj.data
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const d = data as Record<string, unknown>
    for (const k of Object.keys(d)) {
      if (CERT_KEYS.has(k) || isHtpasswd(decode(d[k]))) continue
      d[k] = REDACTED
      n++
    }
  }
  const sd = obj.stringData
  if (typeof sd === 'object' && sd !== null && !Array.isArray(sd)) {
    const d = sd as Record<string, unknown>
    for (const k of Object.keys(d)) {
      if (CERT_KEYS.has(k) || isHtpasswd(typeof d[k] === 'string' ? (d[k] as string) : undefined)) continue
      d[k] = REDACTED_TEXT
      n++
    }
  }
  return n
}
