import fc from 'fast-check'
import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { base32 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { endpointChainName, portProtoHash } from './serviceports'

// kube-proxy's own definition, computed afresh each time: the reference for the memoised names
const fresh = (text: string) => base32.encode(sha256(utf8ToBytes(text))).slice(0, 16)

describe('chain names (kube-proxy portProtoHash, servicePortEndpointChainName), memoised across compiles', () => {
  it.each([
    // pkg/proxy/iptables/proxier_test.go: ns1/svc1:p80 tcp → KUBE-SVC-XPGD46QRK7WJZT7O, endpoint 10.180.0.1:80 → KUBE-SEP-SXIVWICOYRO3J4NJ
    { spn: 'ns1/svc1:p80', proto: 'tcp', svc: 'XPGD46QRK7WJZT7O', ep: '10.180.0.1:80', sep: 'KUBE-SEP-SXIVWICOYRO3J4NJ' },
  ])('$spn', ({ spn, proto, svc, ep, sep }) => {
    expect(portProtoHash(spn, proto)).toBe(svc)
    expect(endpointChainName(spn, proto, ep)).toBe(sep)
    // asked again (a memo hit), the same names
    expect(portProtoHash(spn, proto)).toBe(svc)
    expect(endpointChainName(spn, proto, ep)).toBe(sep)
  })

  it('every name equals the hash computed afresh, however often and in whatever order inputs repeat', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string(), fc.constantFrom('tcp', 'udp', 'sctp'), fc.string()), { minLength: 1, maxLength: 30 }), (inputs) => {
      for (const [spn, proto, ep] of [...inputs, ...inputs.slice().reverse()]) {
        expect(portProtoHash(spn, proto)).toBe(fresh(spn + proto))
        expect(endpointChainName(spn, proto, ep)).toBe('KUBE-SEP-' + fresh(spn + proto + ep))
      }
    }), { numRuns: 200 })
  })
})
