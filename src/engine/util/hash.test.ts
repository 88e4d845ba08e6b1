import { describe, expect, it } from 'vitest'
import { sha256Base32 } from './hash'

// The three worked examples from kube-proxy's golden tests (pkg/proxy/iptables/proxier_test.go), via semantics.md §2.
describe('sha256Base32', () => {
  it.each([
    ['ns1/svc1:p80tcp', 'XPGD46QRK7WJZT7O'],
    ['ns1/svc1:p80tcp10.180.0.1:80', 'SXIVWICOYRO3J4NJ'],
    ['ns1/svc1tcp', 'AQI2S6QIMU7PVVRP'],
  ])('%s hashes to %s', (input, prefix) => {
    expect(sha256Base32(input).slice(0, 16)).toBe(prefix)
  })
})
