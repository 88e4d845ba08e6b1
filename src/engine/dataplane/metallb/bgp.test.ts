import { describe, expect, it } from 'vitest'
import type { Cluster } from '../../cluster/types'
import { allocateLoadBalancers, applyAssignments } from './allocate'
import { bgpAnnouncements, bgpRoute, computeBGP } from './bgp'
import { readMetalLBConfig } from './config'
import { cluster, type SvcSpec } from './testing'

const POOL = `
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: bgp-pool
  namespace: metallb-system
spec:
  addresses:
  - 172.16.10.0/24
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata:
  name: edge
  namespace: metallb-system
spec:
  myASN: 64500
  peerASN: 64501
  peerAddress: 192.168.100.1
---
`
const adv = (name: string, extra = '') => `apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata:
  name: ${name}
  namespace: metallb-system
spec:
  ipAddressPools: [bgp-pool]
${extra}
---
`

function settled(metallb: string, services: SvcSpec[], router = { ip: '192.168.100.1', asn: 64501 }): Cluster {
  const c = cluster({ metallb, services, router })
  return applyAssignments(c, allocateLoadBalancers(c))
}

describe('BGP advertisement (speaker/bgp_controller.go ShouldAnnounce, SetBalancer)', () => {
  it('under eTP Cluster every eligible node advertises the /32 and the router installs an ECMP route', () => {
    const c = settled(POOL + adv('default'), [{ name: 'web', endpoints: ['node1'] }])
    const web = c.services.find((s) => s.name === 'web')!
    expect(web.loadBalancerIngress).toEqual(['172.16.10.0'])
    const ann = bgpAnnouncements(c, web)
    // The control plane carries kubeadm's exclude-from-external-load-balancers label.
    expect(ann.map((a) => [a.node, a.advertises, a.reason])).toEqual([
      ['master', false, 'nodeLabeledExcludeBalancers'],
      ['node1', true, ''],
      ['node2', true, ''],
    ])
    const routes = computeBGP(c).routes
    expect(routes.map((r) => r.prefix)).toEqual(['172.16.10.0/32'])
    expect(routes[0].multipath.map((p) => p.nextHop)).toEqual(['192.168.100.21', '192.168.100.22'])
    expect(routes[0].best.asPath).toEqual([64500]) // eBGP: the node's AS, no LOCAL_PREF
    expect(routes[0].best.localPref).toBeUndefined()
  })

  it('under eTP Local only nodes with a local serving endpoint advertise', () => {
    const c = settled(POOL + adv('default'), [{ name: 'web', eTP: 'Local', endpoints: ['node2', '!node1'] }])
    const ann = bgpAnnouncements(c, c.services[0])
    expect(ann.filter((a) => a.advertises).map((a) => a.node)).toEqual(['node2'])
    expect(ann.find((a) => a.node === 'node1')!.reason).toBe('noLocalEndpoints')
    expect(computeBGP(c).routes[0].multipath.map((p) => p.node)).toEqual(['node2'])
  })

  it('withdraws everything when no endpoint serves', () => {
    const c = settled(POOL + adv('default'), [{ name: 'web', endpoints: ['!node1'] }])
    expect(bgpAnnouncements(c, c.services[0]).every((a) => !a.advertises)).toBe(true)
    expect(computeBGP(c).routes).toEqual([])
  })

  // website/content/configuration/_advanced_bgp_configuration.md: a /32 with no-advertise plus a /24, deduplicated.
  it('advertises the /32 and the aggregated /24, the /24 deduplicated across Services', () => {
    const metallb = POOL + adv('local', '  aggregationLength: 32\n  localPref: 100\n  communities:\n  - 65535:65282') + adv('external', '  aggregationLength: 24')
    const c = settled(metallb, [{ name: 'a' }, { name: 'b' }])
    const routes = computeBGP(c).routes
    expect(routes.map((r) => r.prefix)).toEqual(['172.16.10.0/24', '172.16.10.0/32', '172.16.10.1/32'])
    const agg = routes[0]
    expect(agg.paths).toHaveLength(2) // one path per node, not per Service
    expect(agg.best.services).toEqual(['default/a', 'default/b'])
    expect(routes[1].best.communities).toEqual(['65535:65282'])
    // Longest prefix wins for forwarding.
    expect(bgpRoute(c, '172.16.10.1', { src: '192.168.100.10', dst: '172.16.10.1', protocol: 'TCP' })!.route.prefix).toBe('172.16.10.1/32')
    expect(bgpRoute(c, '172.16.10.9', { src: '192.168.100.10', dst: '172.16.10.9', protocol: 'TCP' })!.route.prefix).toBe('172.16.10.0/24')
  })

  it('refuses an aggregation shorter than a range pool summarizes to (validateBGPAdvPerPool)', () => {
    const rangePool = POOL.replace('172.16.10.0/24', '172.16.10.100-172.16.10.150')
    const c = settled(rangePool + adv('external', '  aggregationLength: 24'), [{ name: 'a' }])
    const cfg = readMetalLBConfig(c)
    expect(cfg.bgp).toEqual([])
    expect(cfg.diagnostics.map((d) => d.code)).toEqual(['metallb.bgpadv.aggregationTooShort'])
    expect(cfg.diagnostics[0].params).toMatchObject({ length: '24', prefix: '28' })
  })

  it('resolves Community aliases, and fails the whole configuration on a name nobody defined', () => {
    const alias = `apiVersion: metallb.io/v1beta1
kind: Community
metadata:
  name: communities
  namespace: metallb-system
spec:
  communities:
  - name: NO_ADVERTISE
    value: 65535:65282
---
`
    const ok = settled(POOL + alias + adv('local', '  communities: [NO_ADVERTISE, "100:2"]'), [{ name: 'a' }])
    expect(computeBGP(ok).routes[0].best.communities).toEqual(['100:2', '65535:65282'])
    const broken = settled(POOL + adv('local', '  communities: [no-advertise]'), [{ name: 'a' }])
    expect(readMetalLBConfig(broken).loaded).toBe(false)
    expect(broken.services[0].loadBalancerIngress).toEqual([])
    const lb = allocateLoadBalancers(broken)
    expect(lb.assignments[0].reason?.code).toBe('metallb.svc.configNotLoaded')
  })

  it('sends LOCAL_PREF on iBGP sessions only', () => {
    const ibgp = POOL.replace('peerASN: 64501', 'peerASN: 64500')
    const c = settled(ibgp + adv('local', '  localPref: 250'), [{ name: 'a' }], { ip: '192.168.100.1', asn: 64500 })
    const best = computeBGP(c).routes[0].best
    expect([best.ibgp, best.localPref, best.asPath]).toEqual([true, 250, []])
  })

  it.each([
    ['dynamicASN external against an eBGP router', 'external', 64501, true],
    ['dynamicASN internal against an eBGP router', 'internal', 64501, false],
    ['dynamicASN internal against an iBGP router', 'internal', 64500, true],
  ])('%s', (_t, mode, asn, up) => {
    const c = settled(POOL.replace('peerASN: 64501', `dynamicASN: ${mode}`) + adv('default'), [{ name: 'a' }], { ip: '192.168.100.1', asn })
    expect(computeBGP(c).sessions.every((s) => s.established === up)).toBe(true)
    expect(computeBGP(c).routes.length > 0).toBe(up)
  })

  it.each([
    ['a wrong peer ASN', { ip: '192.168.100.1', asn: 65000 }, 'metallb.peer.asnMismatch'],
    ['no router at the peer address', { ip: '192.168.100.254', asn: 64501 }, 'metallb.peer.noRouter'],
  ])('keeps sessions down with %s', (_t, router, code) => {
    const c = settled(POOL + adv('default'), [{ name: 'a' }], router)
    const state = computeBGP(c)
    expect(state.sessions.every((s) => !s.established)).toBe(true)
    expect(state.routes).toEqual([])
    expect(allocateLoadBalancers(c).diagnostics.map((d) => d.code)).toContain(code)
  })
})

describe('ECMP next hop (kernel hash-threshold over fib_multipath_hash)', () => {
  const c = settled(POOL + adv('default'), [{ name: 'web', endpoints: ['node1', 'node2'] }])
  const flow = (src: string, srcPort = 40000) => ({ src, dst: '172.16.10.0', protocol: 'TCP', srcPort, dstPort: 80 })

  it('is deterministic per flow and seed, and always one of the ECMP next hops', () => {
    const a = bgpRoute(c, '172.16.10.0', flow('192.168.100.10'), 7)!
    expect(bgpRoute(c, '172.16.10.0', flow('192.168.100.10'), 7)).toEqual(a)
    expect(a.ecmp.map((h) => h.node)).toEqual(['node1', 'node2'])
    expect(a.ecmp).toContainEqual(a.nextHop)
  })

  it('hashes addresses only by default (policy 0) and the ports too with policy 1', () => {
    const byPort0 = new Set(Array.from({ length: 40 }, (_, i) => bgpRoute(c, '172.16.10.0', flow('192.168.100.10', 40000 + i), 3, 0)!.nextHop.node))
    expect(byPort0.size).toBe(1)
    const byPort1 = new Set(Array.from({ length: 40 }, (_, i) => bgpRoute(c, '172.16.10.0', flow('192.168.100.10', 40000 + i), 3, 1)!.nextHop.node))
    expect(byPort1.size).toBe(2)
  })

  it('spreads different clients over both nodes', () => {
    const nodes = Array.from({ length: 60 }, (_, i) => bgpRoute(c, '172.16.10.0', flow(`10.0.${i}.1`), 1)!.nextHop.node)
    const n1 = nodes.filter((n) => n === 'node1').length
    expect(n1).toBeGreaterThan(15)
    expect(n1).toBeLessThan(45)
  })

  it('has no route for an address nobody advertises', () => {
    expect(bgpRoute(c, '10.99.0.1', flow('192.168.100.10'))).toBeUndefined()
  })
})
