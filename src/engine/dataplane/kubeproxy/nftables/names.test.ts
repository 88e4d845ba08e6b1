import { describe, expect, it } from 'vitest'
import { hashAndTruncate } from './names'

describe('nftables chain names (k/k pkg/proxy/nftables/proxier.go hashAndTruncate)', () => {
  it.each([
    // the names in proxier.go's comments and proxier_test.go's golden rules
    ['ns1/svc1/tcp/p80', 'ULMVA6XW-ns1/svc1/tcp/p80'],
    ['ns1/svc1/tcp/p80__10.180.0.1/80', '5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80'],
  ])('%s → %s', (name, want) => {
    expect(hashAndTruncate(name)).toBe(want)
  })
})
