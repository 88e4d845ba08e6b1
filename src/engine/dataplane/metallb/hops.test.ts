import { describe, expect, it } from 'vitest'
import type { Cluster } from '../../cluster/types'
import { Simulation } from '../../sim/simulation'
import type { Packet } from '../../trace/types'
import { allocateLoadBalancers, applyAssignments } from './allocate'
import { outsideDelivery } from './hops'
import { arpResolve, lanCidr } from './lan'
import { electL2Speaker } from './l2'
import { neighborTable } from './neighbors'
import { cluster, LAB_NODES, TUTORIAL_L2 } from './testing'

function settled(opts: Parameters<typeof cluster>[0]): Cluster {
  const c = cluster(opts)
  return applyAssignments(c, allocateLoadBalancers(c))
}
const curl = (dst: string): Packet => ({ protocol: 'TCP', src: '192.168.100.10', srcPort: 40000, dst, dstPort: 80 })

describe('the LAN (arpResolve)', () => {
  const c = settled({ metallb: TUTORIAL_L2, services: [{ name: 'web' }] })
  it('answers for machines by their own address and for LoadBalancer addresses by the elected speaker', () => {
    const winner = electL2Speaker(c, c.services[0]).node!
    const node = c.nodes.find((n) => n.name === winner)!
    expect(arpResolve(c, '192.168.100.21')).toMatchObject({ answered: true, answeredBy: 'Node/node1', mac: '52:54:00:a8:64:15' })
    expect(arpResolve(c, '192.168.100.10')).toMatchObject({ answered: true, answeredBy: 'Client/workstation' })
    expect(arpResolve(c, '192.168.100.100')).toMatchObject({ answered: true, answeredBy: node.id, mac: node.mac })
    expect(arpResolve(c, '192.168.100.99')).toMatchObject({ answered: false, reason: { code: 'metallb.arp.unanswered' } })
  })
  it('takes the LAN as the /24 holding every machine', () => {
    expect(lanCidr(c).text).toBe('192.168.100.0/24')
  })
})

describe('outsideDelivery: a request from the workstation', () => {
  it('starts with the ARP exchange in tcpdump words and enters the winning node (L2)', () => {
    const c = settled({ metallb: TUTORIAL_L2, services: [{ name: 'nginx-loadbalancer' }] })
    const winner = c.nodes.find((n) => n.name === electL2Speaker(c, c.services[0]).node)!
    const sim = new Simulation({ files: [], objects: [], cluster: c, diagnostics: [] })
    const d = outsideDelivery(c, { seq: 0, client: c.clients[0], packet: curl('192.168.100.100'), sim })
    expect(d.ok && d.node?.name).toBe(winner.name)
    expect(d.hops.map((h) => [h.seq, h.stage, h.at, h.verdict, h.rule])).toEqual([
      [0, 'arp', 'Client/workstation', 'forwarded', 'ARP, Request who-has 192.168.100.100 tell 192.168.100.10, length 28'],
      [1, 'arp', winner.id, 'answered', `ARP, Reply 192.168.100.100 is-at ${winner.mac}, length 28`],
    ])
    expect(d.hops[1].note.code).toBe('metallb.l2.elected')
    expect(neighborTable(sim, 'Client/workstation')).toEqual([{ ip: '192.168.100.100', mac: winner.mac, state: 'REACHABLE' }])
    // The second request uses the cache.
    const again = outsideDelivery(c, { seq: 0, client: c.clients[0], packet: curl('192.168.100.100'), sim })
    expect(again.hops.map((h) => h.note.code)).toEqual(['metallb.arp.cached'])
  })

  it('shows the gratuitous ARP of the node that took over after a failover', () => {
    const base = settled({ metallb: TUTORIAL_L2, services: [{ name: 'web' }] })
    const first = electL2Speaker(base, base.services[0]).node!
    const second = first === 'node1' ? 'node2' : 'node1'
    const c = settled({ nodes: LAB_NODES().map((n) => (n.name === first ? { ...n, ready: false } : n)), metallb: TUTORIAL_L2, services: [{ name: 'web', endpoints: [`!${first}`, second] }] })
    const d = outsideDelivery(c, { seq: 5, client: c.clients[0], packet: curl('192.168.100.100') })
    expect(d.hops[0]).toMatchObject({ seq: 5, at: `Node/${second}`, rule: 'ARP, Request who-has 192.168.100.100 (ff:ff:ff:ff:ff:ff) tell 192.168.100.100, length 28', note: { code: 'metallb.arp.gratuitous', params: { from: first, node: second } } })
    expect(d.ok && d.node?.name).toBe(second)
  })

  it('fails with "No route to host" when nobody announces the address (no MetalLB)', () => {
    const c = settled({ services: [{ name: 'nginx-loadbalancer' }] })
    expect(c.services[0].loadBalancerIngress).toEqual([])
    const d = outsideDelivery(c, { seq: 0, client: c.clients[0], packet: curl('192.168.100.100') })
    expect(d.ok).toBe(false)
    expect(d.hops.map((h) => h.verdict)).toEqual(['forwarded', 'dropped'])
    expect(!d.ok && d.reason.code).toBe('metallb.arp.timeout')
  })

  it('names the Service when its address is allocated but not announced', () => {
    const c = settled({ metallb: TUTORIAL_L2, services: [{ name: 'web', endpoints: ['!node1'] }] })
    const d = outsideDelivery(c, { seq: 0, client: c.clients[0], packet: curl('192.168.100.100') })
    expect(!d.ok && d.reason).toMatchObject({ code: 'metallb.arp.timeoutLoadBalancer', params: { service: 'default/web', why: 'metallb.l2.noEndpoints' } })
  })

  it('goes through the router and its ECMP route in BGP mode', () => {
    const metallb = `
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: bgp-pool, namespace: metallb-system}
spec: {addresses: [172.16.10.0/24]}
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: edge, namespace: metallb-system}
spec: {myASN: 64500, peerASN: 64501, peerAddress: 192.168.100.1}
---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata: {name: default, namespace: metallb-system}
`
    const c = settled({ metallb, services: [{ name: 'web' }], router: { ip: '192.168.100.1', asn: 64501 } })
    const d = outsideDelivery(c, { seq: 0, client: c.clients[0], packet: curl('172.16.10.0'), seed: 1 })
    expect(d.ok).toBe(true)
    const stages = d.hops.map((h) => `${h.stage}@${h.at}`)
    expect(stages.slice(0, 4)).toEqual(['route@Client/workstation', 'arp@Client/workstation', 'arp@Router/edge', 'bgp@Router/edge'])
    const bgp = d.hops[3]
    expect(bgp.rule).toMatch(/^B>\* 172\.16\.10\.0\/32 \[20\/0\] via 192\.168\.100\.2[12], eth0, weight 1$/)
    expect(bgp.note.code).toBe('metallb.bgp.ecmp')
    expect(d.ok && d.node?.ip).toBe(bgp.rule!.split('via ')[1].split(',')[0])
    // Without a router the client has no way off the LAN.
    const noRouter = settled({ metallb, services: [{ name: 'web' }] })
    const f = outsideDelivery(noRouter, { seq: 0, client: noRouter.clients[0], packet: curl('172.16.10.0') })
    expect(!f.ok && f.reason.code).toBe('metallb.route.noGateway')
  })
})
