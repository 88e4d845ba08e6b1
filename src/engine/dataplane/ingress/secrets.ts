import { base64, utf8 } from '@scure/base'

/** Base64 as the API server stores Secret data (RFC 4648 std alphabet, padding optional, whitespace ignored). */
export function decodeBase64Bytes(text: string): Uint8Array | undefined {
  let clean = text.replace(/\s+/g, '')
  while (clean.length % 4 !== 0) clean += '='
  try {
    return base64.decode(clean)
  } catch {
    return undefined
  }
}

export function decodeBase64Text(text: string): string | undefined {
  const bytes = decodeBase64Bytes(text)
  if (!bytes) return undefined
  try {
    return utf8.encode(bytes)
  } catch {
    return undefined
  }
}

export function encodeBase64Text(text: string): string {
  return base64.encode(utf8.decode(text))
}
