import { describe, expect, it } from 'vitest'
import { allocateLoadBalancers, applyAssignments } from './allocate'
import { cluster, TUTORIAL_L2, type SvcSpec } from './testing'

const pool = (name: string, addresses: string[], extra = '') => `
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: ${name}
  namespace: metallb-system
spec:
  addresses:
${addresses.map((a) => `  - ${a}`).join('\n')}
${extra}
---
`
const L2_ALL = `
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: all
  namespace: metallb-system
`

function run(metallb: string, services: SvcSpec[]) {
  const r = allocateLoadBalancers(cluster({ metallb, services }))
  const by = Object.fromEntries(r.assignments.map((a) => [a.key.split('/')[1], a]))
  return { ...r, by, codes: r.diagnostics.map((d) => d.code) }
}

describe('allocation (controller/service.go allocateIPs, internal/allocator)', () => {
  it('gives the first LoadBalancer Service the first address of the tutorial pool', () => {
    const r = run(TUTORIAL_L2, [{ name: 'nginx-loadbalancer' }, { name: 'second' }])
    expect(r.by['nginx-loadbalancer'].ips).toEqual(['192.168.100.100'])
    expect(r.by['nginx-loadbalancer'].pool).toBe('first-pool')
    expect(r.by['second'].ips).toEqual(['192.168.100.101'])
    // service.go: Infof(svc, "IPAllocated", "Assigned IP %q", lbIPs)
    expect(r.by['nginx-loadbalancer'].events).toEqual([
      { type: 'Normal', reason: 'IPAllocated', from: 'metallb-controller', message: 'Assigned IP ["192.168.100.100"]' },
    ])
    expect(r.diagnostics).toEqual([])
  })

  it('writes the address into status and the ip-allocated-from-pool annotation', () => {
    const c = cluster({ metallb: TUTORIAL_L2, services: [{ name: 'web' }] })
    const applied = applyAssignments(c, allocateLoadBalancers(c))
    expect(applied.services[0].loadBalancerIngress).toEqual(['192.168.100.100'])
    expect(applied.services[0].annotations['metallb.io/ip-allocated-from-pool']).toBe('first-pool')
    expect(c.services[0].loadBalancerIngress).toEqual([]) // the input is not mutated
  })

  it('leaves the Service <pending> with a diagnostic when no MetalLB object exists', () => {
    const r = run('', [{ name: 'nginx-loadbalancer', ports: [{ port: 80, nodePort: 31234 }] }])
    expect(r.by['nginx-loadbalancer'].state).toBe('pending')
    expect(r.by['nginx-loadbalancer'].ips).toEqual([])
    expect(r.diagnostics).toHaveLength(1)
    expect(r.diagnostics[0]).toMatchObject({ code: 'metallb.svc.noMetalLB', objectId: 'Service/default/nginx-loadbalancer', params: { nodePort: '31234' } })
  })

  // allocator_test.go TestPoolAllocation: CIDR pools include the network address; ranges are walked in order.
  it.each([
    ['a CIDR starts at its network address', ['192.168.1.0/30'], '', ['192.168.1.0', '192.168.1.1', '192.168.1.2', '192.168.1.3']],
    ['avoidBuggyIPs skips .0 and .255', ['192.168.1.254/31', '192.168.2.0/30'], 'avoidBuggyIPs: true', ['192.168.1.254', '192.168.2.1', '192.168.2.2', '192.168.2.3']],
    ['entries are walked in the order written', ['10.0.0.5-10.0.0.6', '10.0.0.1/32'], '', ['10.0.0.5', '10.0.0.6', '10.0.0.1']],
  ])('%s', (_t, addresses, extra, expected) => {
    const services = expected.map((_, i) => ({ name: `s${i}` }))
    const r = run(pool('p', addresses, extra ? `  ${extra}` : '') + L2_ALL, [...services, { name: 'overflow' }])
    expect(expected.map((_, i) => r.by[`s${i}`].ips[0])).toEqual(expected)
    // Exhaustion: the next Service stays pending, "no available IPs".
    expect(r.by['overflow'].state).toBe('pending')
    expect(r.by['overflow'].reason?.code).toBe('metallb.svc.allPoolsExhausted')
    expect(r.by['overflow'].events[0].message).toBe('Failed to allocate IP for "default/overflow": no available IPs')
  })

  it('follows the order requested IP → address-pool annotation → serviceAllocation priority → auto-assign pools', () => {
    const metallb =
      pool('auto', ['10.0.0.0/24']) +
      pool('manual', ['10.0.1.0/24'], '  autoAssign: false') +
      pool('low', ['10.0.2.0/24'], '  serviceAllocation:\n    priority: 50\n    namespaces: [team]') +
      pool('high', ['10.0.3.0/24'], '  serviceAllocation:\n    priority: 10\n    namespaces: [team]') +
      pool('nopriority', ['10.0.4.0/24'], '  serviceAllocation:\n    namespaces: [team]') +
      L2_ALL
    const r = run(metallb, [
      { name: 'requested', loadBalancerIP: '10.0.1.7' },
      { name: 'annotated', annotations: { 'metallb.io/address-pool': 'manual' } },
      { name: 'pinned', namespace: 'team' },
      { name: 'plain' },
    ])
    expect(r.by['requested'].ips).toEqual(['10.0.1.7']) // requested IPs may come from a non-auto-assign pool
    expect(r.by['annotated'].ips).toEqual(['10.0.1.0']) // the annotation's pool, even with autoAssign: false
    expect(r.by['pinned'].ips).toEqual(['10.0.3.0']) // priority 10 before 50; 0 (unset) comes last
    expect(r.by['plain'].ips).toEqual(['10.0.0.0']) // pools with a serviceAllocation are never auto-assigned to others
  })

  // allocator.isPoolCompatibleWithService / pinnedPoolsForService: serviceSelectors and namespaceSelectors.
  it('pins pools by serviceSelectors and namespaceSelectors', () => {
    const metallb =
      pool('auto', ['10.0.0.0/24']) +
      pool('web', ['10.0.1.0/24'], '  serviceAllocation:\n    serviceSelectors:\n    - matchLabels: {tier: web}') +
      pool('team', ['10.0.2.0/24'], '  serviceAllocation:\n    namespaceSelectors:\n    - matchLabels: {kubernetes.io/metadata.name: team}') +
      L2_ALL
    const r = run(metallb, [
      { name: 'front', labels: { tier: 'web' } },
      { name: 'other' },
      { name: 'in-team', namespace: 'team' },
      { name: 'forced', annotations: { 'metallb.io/address-pool': 'web' } },
    ])
    expect([r.by['front'].pool, r.by['other'].pool, r.by['in-team'].pool]).toEqual(['web', 'auto', 'team'])
    // The annotation's pool still checks the serviceAllocation: "pool web not compatible for ip assignment".
    expect(r.by['forced'].reason?.code).toBe('metallb.svc.poolIncompatible')
  })

  it('falls back from exhausted pinned pools to the auto-assign pools', () => {
    const metallb = pool('auto', ['10.0.0.1/32']) + pool('team', ['10.0.9.1/32'], '  serviceAllocation:\n    namespaces: [team]') + L2_ALL
    const r = run(metallb, [{ name: 'a', namespace: 'team' }, { name: 'b', namespace: 'team' }, { name: 'c', namespace: 'team' }])
    expect([r.by['a'].ips[0], r.by['b'].ips[0], r.by['c'].state]).toEqual(['10.0.9.1', '10.0.0.1', 'pending'])
  })

  it('warns that the order among several auto-assign pools is unspecified', () => {
    const r = run(pool('zeta', ['10.0.1.0/24']) + pool('alpha', ['10.0.0.0/24']) + L2_ALL, [{ name: 'web' }])
    expect(r.by['web'].pool).toBe('alpha')
    expect(r.codes).toEqual(['metallb.svc.poolOrderUnspecified'])
    expect(r.diagnostics[0].params).toMatchObject({ pool: 'alpha', others: 'zeta' })
  })

  it.each([
    ['an IP outside every pool', { loadBalancerIP: '10.9.9.9' }, 'metallb.svc.requestedNotInPool', '["10.9.9.9"] is not allowed in config'],
    ['both the annotation and spec.loadBalancerIP', { loadBalancerIP: '192.168.100.120', annotations: { 'metallb.io/loadBalancerIPs': '192.168.100.121' } }, 'metallb.svc.requestBoth', 'service can not have both metallb.io/loadBalancerIPs and svc.Spec.LoadBalancerIP'],
    ['an unknown pool', { annotations: { 'metallb.io/address-pool': 'nope' } }, 'metallb.svc.unknownPool', 'unknown pool "nope"'],
    ['an IP from another pool than the annotated one', { loadBalancerIP: '192.168.100.120', annotations: { 'metallb.io/address-pool': 'other' } }, 'metallb.svc.requestedPoolMismatch', 'requested loadBalancer IP(s) ["192.168.100.120"] is not compatible with requested address pool other'],
  ])('refuses %s', (_t, spec, code, message) => {
    const r = run(TUTORIAL_L2 + '---' + pool('other', ['10.1.0.0/24']), [{ name: 'web', ...spec }])
    expect(r.by['web'].state).toBe('pending')
    expect(r.by['web'].reason?.code).toBe(code)
    expect(r.by['web'].events[0].message).toBe(`Failed to allocate IP for "default/web": ${message}`)
  })

  it('honours the deprecated metallb.universe.tf annotations and says so in an event', () => {
    const r = run(TUTORIAL_L2 + '---' + pool('other', ['10.1.0.0/24']), [{ name: 'web', annotations: { 'metallb.universe.tf/address-pool': 'other' } }])
    expect(r.by['web'].ips).toEqual(['10.1.0.0'])
    expect(r.by['web'].events.map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Normal', 'IPAllocated', 'Assigned IP ["10.1.0.0"]'],
      ['Warning', 'deprecatedAnnotation', 'Service uses deprecated annotation metallb.universe.tf/address-pool'],
    ])
  })

  it('ignores a Service of another loadBalancerClass', () => {
    const r = run(TUTORIAL_L2, [{ name: 'web', loadBalancerClass: 'example.com/other' }])
    expect(r.by['web'].state).toBe('ignored')
    expect(r.codes).toEqual(['metallb.svc.foreignClass'])
  })

  it('keeps an address already in the input status and does not hand it out again', () => {
    const r = run(TUTORIAL_L2, [{ name: 'imported', status: ['192.168.100.100'] }, { name: 'fresh' }])
    expect(r.by['imported'].state).toBe('status')
    expect(r.by['fresh'].ips).toEqual(['192.168.100.101'])
  })

  it('warns when a pool hands out a LAN machine\'s own address', () => {
    const r = run(pool('lan', ['192.168.100.21/32']) + L2_ALL, [{ name: 'web' }])
    expect(r.by['web'].ips).toEqual(['192.168.100.21'])
    expect(r.diagnostics.map((d) => [d.code, d.params.machine])).toEqual([['metallb.svc.ipOfMachine', 'node1']])
  })

  it('warns when the pool is allocated from but no advertisement covers it', () => {
    const r = run(pool('lonely', ['10.0.0.0/24']), [{ name: 'web' }])
    expect(r.by['web'].ips).toEqual(['10.0.0.0'])
    expect(r.codes).toEqual(['metallb.svc.notAnnounced'])
  })
})

describe('shared IPs (allocator.checkSharing, sharingOK)', () => {
  const shared = (key: string) => ({ 'metallb.io/allow-shared-ip': key })
  it.each([
    ['same key, different ports: shared', { annotations: shared('k') }, { annotations: shared('k'), ports: [{ port: 443 }] }, '192.168.100.100'],
    ['same key, same port: refused', { annotations: shared('k') }, { annotations: shared('k') }, 'metallb.svc.portInUse'],
    ['different keys: refused', { annotations: shared('a') }, { annotations: shared('b'), ports: [{ port: 443 }] }, 'metallb.svc.requestedInUse'],
    ['first has no key: refused', {}, { annotations: shared('k'), ports: [{ port: 443 }] }, 'metallb.svc.requestedInUse'],
    ['eTP Local with different selectors: refused', { annotations: shared('k'), eTP: 'Local' as const }, { annotations: shared('k'), ports: [{ port: 443 }], eTP: 'Local' as const }, 'metallb.svc.requestedInUse'],
  ])('%s', (_t, first, second, expected) => {
    const r = run(TUTORIAL_L2, [
      { name: 'first', ...first },
      { name: 'second', loadBalancerIP: '192.168.100.100', ...second },
    ])
    expect(r.by['first'].ips).toEqual(['192.168.100.100'])
    if (expected.startsWith('metallb.')) {
      expect(r.by['second'].state).toBe('pending')
      expect(r.by['second'].reason?.code).toBe(expected)
    } else expect(r.by['second'].ips).toEqual([expected])
  })

  it('hands a shareable address to the next Service with the same key when no IP is requested', () => {
    const r = run(TUTORIAL_L2, [
      { name: 'dns-tcp', annotations: shared('dns'), ports: [{ port: 53, protocol: 'TCP' }] },
      { name: 'dns-udp', annotations: shared('dns'), ports: [{ port: 53, protocol: 'UDP' }] },
      { name: 'other' },
    ])
    expect([r.by['dns-tcp'].ips[0], r.by['dns-udp'].ips[0], r.by['other'].ips[0]]).toEqual(['192.168.100.100', '192.168.100.100', '192.168.100.101'])
  })
})
