import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { base32 } from '@scure/base'
import type { EndpointInfo, ServicePortInfo } from '../serviceports'

/** nftables-mode chain names (k/k pkg/proxy/nftables/proxier.go servicePortChainNameBase, hashAndTruncate). */

// nftables chain names may be up to 256 characters; kube-proxy keeps the base short enough for any prefix
const CHAIN_NAME_BASE_LENGTH_MAX = 256 - len('external-')

function len(s: string): number {
  return s.length
}

// hashAndTruncate: base32(sha256(name))[:8] + "-" + name, truncated with "..." if too long
export function hashAndTruncate(name: string): string {
  const encoded = base32.encode(sha256(utf8ToBytes(name)))
  let out = encoded.slice(0, 8) + '-' + name
  if (out.length > CHAIN_NAME_BASE_LENGTH_MAX) out = out.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3) + '...'
  return out
}

// servicePortChainNameBase: "ns/name/protocol/port" (the port's name, empty for an unnamed port)
export function serviceChainBase(sp: ServicePortInfo): string {
  return hashAndTruncate(`${sp.service.namespace}/${sp.service.name}/${sp.protocol}/${sp.port.name}`)
}

// servicePortEndpointChainNameBase: "ns/name/protocol/port__ip/port", IPv6 colons as dots
export function endpointChainBase(sp: ServicePortInfo, ep: EndpointInfo): string {
  return hashAndTruncate(`${sp.service.namespace}/${sp.service.name}/${sp.protocol}/${sp.port.name}__${ep.ip.replace(/:/g, '.')}/${ep.port}`)
}
