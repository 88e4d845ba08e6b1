import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ipToInt } from '../../util/ip'
import { allocateLoadBalancers } from './allocate'
import { poolForIPs, readMetalLBConfig } from './config'
import { cluster, type SvcSpec } from './testing'

// Invariants of internal/allocator: an address comes from the pool recorded for it, is shared only under the same
// sharing and backend keys on distinct ports, avoids .0/.255 when asked, and the same input allocates the same way.
const poolArb = fc.record({
  third: fc.integer({ min: 0, max: 3 }),
  start: fc.integer({ min: 250, max: 255 }),
  len: fc.integer({ min: 0, max: 6 }),
  avoid: fc.boolean(),
  auto: fc.boolean(),
})
const svcArb = fc.record({
  key: fc.constantFrom('', 'a', 'b'),
  port: fc.constantFrom(80, 443, 53),
  proto: fc.constantFrom('TCP' as const, 'UDP' as const),
  local: fc.boolean(),
  pool: fc.constantFrom('', 'p0', 'p1'),
  request: fc.option(fc.integer({ min: 250, max: 255 }), { nil: undefined }),
})

describe('allocation invariants (property)', () => {
  it('holds for random pools and Services', () => {
    fc.assert(
      fc.property(fc.array(poolArb, { minLength: 1, maxLength: 3 }), fc.array(svcArb, { minLength: 1, maxLength: 8 }), (pools, svcs) => {
        const yaml = pools
          .map((p, i) => {
            const start = `10.0.${i * 4 + p.third}.${p.start}`
            const endInt = Math.min(p.start + p.len, 255)
            return `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: p${i}, namespace: metallb-system}
spec:
  addresses: ["${start}-10.0.${i * 4 + p.third}.${endInt}"]
  avoidBuggyIPs: ${p.avoid}
  autoAssign: ${p.auto}
---
`
          })
          .join('') + 'apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: all, namespace: metallb-system}\n'
        const specs: SvcSpec[] = svcs.map((s, i) => {
          const annotations: Record<string, string> = {}
          if (s.key) annotations['metallb.io/allow-shared-ip'] = s.key
          if (s.pool) annotations['metallb.io/address-pool'] = s.pool
          const spec: SvcSpec = { name: `s${i}`, annotations, ports: [{ port: s.port, protocol: s.proto }], eTP: s.local ? 'Local' : 'Cluster', selector: { app: s.local ? `app${i % 2}` : 'x' } }
          if (s.request !== undefined) spec.loadBalancerIP = `10.0.${pools[0].third}.${s.request}`
          return spec
        })
        const c = cluster({ metallb: yaml, services: specs })
        const r = allocateLoadBalancers(c)
        expect(allocateLoadBalancers(cluster({ metallb: yaml, services: specs })).assignments.map((a) => a.ips)).toEqual(r.assignments.map((a) => a.ips))
        const cfg = readMetalLBConfig(c)
        const byIP = new Map<string, number[]>()
        r.assignments.forEach((a, i) => {
          if (a.state !== 'allocated') {
            expect(a.reason?.code).toMatch(/^metallb\.svc\./)
            return
          }
          const ip = a.ips[0]
          const pool = poolForIPs(cfg, [ipToInt(ip)])!
          expect(pool.name).toBe(a.pool)
          if (pool.avoidBuggyIPs) expect(ip).not.toMatch(/\.(0|255)$/)
          byIP.set(ip, [...(byIP.get(ip) ?? []), i])
        })
        for (const holders of byIP.values()) {
          if (holders.length < 2) continue
          const keys = new Set(holders.map((i) => svcs[i].key))
          expect(keys.size).toBe(1)
          expect([...keys][0]).not.toBe('')
          const ports = holders.map((i) => `${svcs[i].proto}/${svcs[i].port}`)
          expect(new Set(ports).size).toBe(ports.length)
          const backends = new Set(holders.map((i) => (svcs[i].local ? `app=app${i % 2}` : '')))
          expect(backends.size).toBe(1)
        }
      }),
      { numRuns: 60 },
    )
  }, 30_000)
})
