import { decodeBase64Bytes } from './secrets'

/**
 * The user and password of an `Authorization: Basic` header (RFC 7617), as nginx reads them for auth_basic and
 * $remote_user: base64 of `user:password`, compared as bytes (shown here as UTF-8 when valid, else Latin-1).
 */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  if (!header) return undefined
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)
  if (!m) return undefined
  const bytes = decodeBase64Bytes(m[1])
  if (!bytes) return undefined
  const text = bytesToText(bytes)
  const i = text.indexOf(':')
  if (i < 0) return undefined
  return { user: text.slice(0, i), password: text.slice(i + 1) }
}

function bytesToText(bytes: Uint8Array): string {
  let latin1 = ''
  for (const b of bytes) latin1 += String.fromCharCode(b)
  try {
    // a Latin-1 string of UTF-8 bytes → the characters they encode (throws on invalid UTF-8)
    return decodeURIComponent(latin1.replace(/[\s\S]/g, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')))
  } catch {
    return latin1
  }
}
