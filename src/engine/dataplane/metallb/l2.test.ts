import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Cluster } from '../../cluster/types'
import { allocateLoadBalancers, applyAssignments } from './allocate'
import { electL2Speaker } from './l2'
import { cluster, LAB_NODES, node, TUTORIAL_L2, type SvcSpec } from './testing'

/** The oracle, computed independently with Node's crypto: sortL2Candidates' sha256(node + "#" + ip) byte order. */
function hashOrder(nodes: string[], ip: string): string[] {
  const h = (n: string) => createHash('sha256').update(`${n}#${ip}`).digest('hex')
  return [...nodes].sort((a, b) => (h(a) < h(b) ? -1 : 1))
}

function settled(opts: Parameters<typeof cluster>[0]): Cluster {
  const c = cluster(opts)
  return applyAssignments(c, allocateLoadBalancers(c))
}

const svc = (c: Cluster, name = 'web') => c.services.find((s) => s.name === name)!

describe('L2 election (speaker/layer2_controller.go ShouldAnnounce, sortL2Candidates)', () => {
  it('elects the node whose sha256(node#ip) sorts first; the excluded control plane never competes', () => {
    const c = settled({ metallb: TUTORIAL_L2, services: [{ name: 'web' }] })
    const e = electL2Speaker(c, svc(c))
    expect(e.ip).toBe('192.168.100.100')
    expect(e.candidates.map((x) => x.node)).toEqual(hashOrder(['node1', 'node2'], '192.168.100.100'))
    expect(e.node).toBe(hashOrder(['node1', 'node2'], '192.168.100.100')[0])
    expect(e.announced).toBe(true)
    expect(e.reason.code).toBe('metallb.l2.elected')
  })

  it('under externalTrafficPolicy Local only nodes with a serving endpoint compete', () => {
    const ip = '192.168.100.100'
    const [first, second] = hashOrder(['node1', 'node2'], ip)
    const c = settled({ metallb: TUTORIAL_L2, services: [{ name: 'web', eTP: 'Local', endpoints: [second, `!${first}`] }] })
    const e = electL2Speaker(c, svc(c))
    expect(e.candidates.map((x) => x.node)).toEqual([second])
    expect(e.node).toBe(second)
  })

  it('re-elects when the winner powers off, and says who took over', () => {
    const ip = '192.168.100.100'
    const [first, second] = hashOrder(['node1', 'node2'], ip)
    const nodes = LAB_NODES().map((n) => (n.name === first ? { ...n, ready: false } : n))
    const c = settled({ nodes, metallb: TUTORIAL_L2, services: [{ name: 'web', endpoints: [`!${first}`, second] }] })
    const e = electL2Speaker(c, svc(c))
    expect(e.node).toBe(second)
    expect(e.failover).toEqual({ from: first, to: second })
    expect(e.reason.code).toBe('metallb.l2.failover')
  })

  it('announces nothing without a serving endpoint', () => {
    const c = settled({ metallb: TUTORIAL_L2, services: [{ name: 'web', endpoints: ['!node1'] }] })
    const e = electL2Speaker(c, svc(c))
    expect([e.node, e.announced, e.reason.code]).toEqual([undefined, false, 'metallb.l2.noEndpoints'])
  })

  it.each([
    ['nodeSelectors limit the candidates', '  nodeSelectors:\n  - matchLabels:\n      kubernetes.io/hostname: node2', ['node2'], true, 'metallb.l2.elected'],
    ['an interface the node lacks: elected but silent', '  interfaces:\n  - eth1', hashOrder(['node1', 'node2'], '192.168.100.100'), false, 'metallb.l2.interfaceMissing'],
    ['preferredNodeSelectors sort before the hash', '  preferredNodeSelectors:\n  - weight: 10\n    preference:\n      matchLabels:\n        kubernetes.io/hostname: ' + hashOrder(['node1', 'node2'], '192.168.100.100')[1], hashOrder(['node1', 'node2'], '192.168.100.100').reverse(), true, 'metallb.l2.electedPreferred'],
  ])('%s', (_t, extra, order, announced, code) => {
    const c = settled({ metallb: TUTORIAL_L2 + extra + '\n', services: [{ name: 'web' }] })
    const e = electL2Speaker(c, svc(c))
    expect(e.candidates.map((x) => x.node)).toEqual(order)
    expect(e.node).toBe(order[0])
    expect(e.announced).toBe(announced)
    expect(e.reason.code).toBe(code)
  })

  it('does not announce an address whose pool has no L2Advertisement', () => {
    const pool = TUTORIAL_L2.split('---')[0]
    const c = settled({ metallb: pool, services: [{ name: 'web' }] })
    expect(electL2Speaker(c, svc(c)).reason.code).toBe('metallb.l2.noAdvertisement')
  })

  // semantics.md §7: "Removing a non-winner never moves the IP; adding a node moves it only if the new node sorts first."
  it('never moves the address when a non-winner leaves, and moves it on arrival only to a node that sorts first', () => {
    const names = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { minLength: 2, maxLength: 8 })
    fc.assert(
      fc.property(names, fc.integer({ min: 100, max: 150 }), fc.nat(), (ns, last, pick) => {
        const ip = `192.168.100.${last}`
        const nodes = ns.map((n, i) => node(n, `192.168.100.${30 + i}`))
        const services: SvcSpec[] = [{ name: 'web', loadBalancerIP: ip, endpoints: ns }]
        const all = settled({ nodes, metallb: TUTORIAL_L2, services })
        const winner = electL2Speaker(all, svc(all)).node!
        const others = ns.filter((n) => n !== winner)
        const leaving = others[pick % others.length]
        const fewer = settled({ nodes: nodes.map((n) => (n.name === leaving ? { ...n, ready: false } : n)), metallb: TUTORIAL_L2, services })
        expect(electL2Speaker(fewer, svc(fewer)).node).toBe(winner)
        // Arrival: start without `leaving`, then add it back.
        const without = settled({ nodes: nodes.filter((n) => n.name !== leaving), metallb: TUTORIAL_L2, services: [{ ...services[0], endpoints: ns.filter((n) => n !== leaving) }] })
        const before = electL2Speaker(without, svc(without)).node!
        const expected = hashOrder([before, leaving], ip)[0]
        expect(winner).toBe(expected)
      }),
      { numRuns: 60 },
    )
  })
})
