import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { base32 } from '@scure/base'

/** base32.StdEncoding(sha256(text)), the encoding kube-proxy hashes chain names with (portProtoHash, servicePortEndpointChainName). */
export function sha256Base32(text: string): string {
  return base32.encode(sha256(utf8ToBytes(text)))
}

/** Raw sha256 bytes, for comparisons that sort by digest (MetalLB's L2 election). */
export function sha256Bytes(text: string): Uint8Array {
  return sha256(utf8ToBytes(text))
}

/** FNV-1a 32-bit, the hash Kubernetes controllers use for pod-template-hash (hash/fnv New32a). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

// k8s.io/apimachinery/pkg/util/rand: alphanums without vowels and confusable characters.
/** fnv32a over bytes: the same as fnv32a over the string whose char codes are those bytes. */
export function fnv32aBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

/** rand.SafeEncodeString: each byte of the string mapped onto the safe alphabet. */
export function safeEncodeString(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHANUMS[text.charCodeAt(i) % SAFE_ALPHANUMS.length]
  return out
}

/** rand.String(n) drawn from a seeded stream: the random suffix of generated pod names. */
export function safeRandomString(n: number, next: () => number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += SAFE_ALPHANUMS[Math.floor(next() * SAFE_ALPHANUMS.length)]
  return out
}
