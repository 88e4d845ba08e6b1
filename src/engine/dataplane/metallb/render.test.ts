import { describe, expect, it } from 'vitest'
import type { Cluster } from '../../cluster/types'
import { Simulation } from '../../sim/simulation'
import { allocateLoadBalancers, applyAssignments } from './allocate'
import { outsideDelivery } from './hops'
import { ipNeigh, routerIpRoute, showIpBgp, showIpRoute } from './render'
import { cluster, TUTORIAL_L2 } from './testing'
import { vtysh } from './vtysh'

const BGP = `
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
metadata: {name: local, namespace: metallb-system}
spec: {ipAddressPools: [bgp-pool], aggregationLength: 32}
---
apiVersion: metallb.io/v1beta1
kind: BGPAdvertisement
metadata: {name: external, namespace: metallb-system}
spec: {ipAddressPools: [bgp-pool], aggregationLength: 24}
`

function settled(metallb: string, services: Parameters<typeof cluster>[0]['services'], router?: { ip: string; asn?: number }): Cluster {
  const c = cluster({ metallb, services, router })
  return applyAssignments(c, allocateLoadBalancers(c))
}

describe('router output in the real tools\' words', () => {
  const c = settled(BGP, [{ name: 'web' }, { name: 'api', endpoints: ['node2'], eTP: 'Local' }], { ip: '192.168.100.1', asn: 64501 })

  // FRR bgp_route.c route_vty_out column widths; iproute2 ip/iproute.c print_route with trailing spaces.
  it('prints show ip bgp as FRR does', () => {
    expect(showIpBgp(c)).toBe(`BGP table version is 3, local router ID is 192.168.100.1, vrf id 0
Default local pref 100, local AS 64501
Status codes:  s suppressed, d damped, h history, * valid, > best, = multipath,
               i internal, r RIB-failure, S Stale, R Removed
Nexthop codes: @NNN nexthop's vrf id, < announce-nh-self
Origin codes:  i - IGP, e - EGP, ? - incomplete
RPKI validation codes: V valid, I invalid, N Not found

   Network          Next Hop            Metric LocPrf Weight Path
*> 172.16.10.0/24   192.168.100.21           0             0 64500 i
*=                  192.168.100.22           0             0 64500 i
*> 172.16.10.0/32   192.168.100.21           0             0 64500 i
*=                  192.168.100.22           0             0 64500 i
*> 172.16.10.1/32   192.168.100.22           0             0 64500 i

Displayed  3 routes and 5 total paths
`)
  })

  it('prints ip route with nexthop lines for ECMP', () => {
    expect(routerIpRoute(c)).toBe(
      '172.16.10.0/24 proto bgp metric 20 \n\tnexthop via 192.168.100.21 dev eth0 weight 1 \n\tnexthop via 192.168.100.22 dev eth0 weight 1 \n' +
        '172.16.10.0 proto bgp metric 20 \n\tnexthop via 192.168.100.21 dev eth0 weight 1 \n\tnexthop via 192.168.100.22 dev eth0 weight 1 \n' +
        '172.16.10.1 via 192.168.100.22 dev eth0 proto bgp metric 20 \n' +
        '192.168.100.0/24 dev eth0 proto kernel scope link src 192.168.100.1 \n',
    )
  })

  it('prints show ip route with aligned ECMP lines', () => {
    const lines = showIpRoute(c).split('\n')
    expect(lines.slice(7, 13)).toEqual([
      'B>* 172.16.10.0/24 [20/0] via 192.168.100.21, eth0, weight 1, 00:10:00',
      '  *                       via 192.168.100.22, eth0, weight 1, 00:10:00',
      'B>* 172.16.10.0/32 [20/0] via 192.168.100.21, eth0, weight 1, 00:10:00',
      '  *                       via 192.168.100.22, eth0, weight 1, 00:10:00',
      'B>* 172.16.10.1/32 [20/0] via 192.168.100.22, eth0, weight 1, 00:10:00',
      'C>* 192.168.100.0/24 is directly connected, eth0, 00:10:00',
    ])
  })

  it('runs vtysh -c on the router only', () => {
    const sim = new Simulation({ files: [], objects: [], cluster: c, diagnostics: [] })
    const r = vtysh.run(['-c', 'show ip bgp'], { sim, where: { kind: 'router', router: c.router! }, lang: 'en', json: false })
    expect(r.stdout).toBe(showIpBgp(c))
    expect(vtysh.run(['-c', 'show ip bgp'], { sim, where: { kind: 'client', client: c.clients[0] }, lang: 'en', json: false }).exitCode).toBe(127)
    expect(vtysh.run(['-c', 'show version x'], { sim, where: { kind: 'router', router: c.router! }, lang: 'en', json: false }).stderr).toBe('% Unknown command: show version x\n')
  })

  it('says when the router runs no BGP', () => {
    expect(showIpBgp(settled(TUTORIAL_L2, [{ name: 'web' }], { ip: '192.168.100.1' }))).toBe('% No BGP process is configured\n')
  })
})

describe('ip neigh', () => {
  it('lists what the ARP exchanges taught each machine', () => {
    const c = settled(TUTORIAL_L2, [{ name: 'web' }])
    const sim = new Simulation({ files: [], objects: [], cluster: c, diagnostics: [] })
    const d = outsideDelivery(c, { seq: 0, client: c.clients[0], packet: { protocol: 'TCP', src: '192.168.100.10', dst: '192.168.100.100', dstPort: 80 }, sim })
    outsideDelivery(c, { seq: 0, client: c.clients[0], packet: { protocol: 'TCP', src: '192.168.100.10', dst: '192.168.100.99', dstPort: 80 }, sim })
    const winner = d.ok ? d.node! : undefined
    expect(ipNeigh(sim, 'Client/workstation')).toBe(`192.168.100.100 dev eth0 lladdr ${winner!.mac} REACHABLE\n192.168.100.99 dev eth0 FAILED\n`)
    expect(ipNeigh(sim, winner!.id)).toBe('192.168.100.10 dev eth0 lladdr 52:54:00:a8:64:0a STALE\n')
  })
})

describe('ip neigh and ip route through the shell', () => {
  it('shows the router\'s BGP routes and the workstation\'s ARP cache after a curl', async () => {
    const { run, simulationOf } = await import('../../shell/testing')
    const s = simulationOf('loadbalancer-metallb-bgp')
    expect(run(s, ['ip', 'route'], 'router/edge').stdout).toBe(routerIpRoute(s.scenario.cluster))
    expect(run(s, ['show', 'ip', 'bgp'], 'router/edge').stdout).toBe(showIpBgp(s.scenario.cluster))
    expect(run(s, ['show', 'ip', 'bgp'], 'client/workstation').exitCode).toBe(127)
    expect(run(s, ['ip', 'neigh'], 'client/workstation').stdout).toBe('')
    run(s, ['curl', '-s', 'http://172.16.10.1'], 'client/workstation')
    expect(run(s, ['ip', 'neigh'], 'client/workstation').stdout).toBe('192.168.100.1 dev eth0 lladdr 52:54:00:a8:64:01 REACHABLE\n')
    expect(run(s, ['ip', 'neigh'], 'router/edge').stdout).toMatch(/^192\.168\.100\.10 dev eth0 lladdr 52:54:00:a8:64:0a STALE\n192\.168\.100\.2[12] dev eth0 lladdr 52:54:00:a8:64:1[56] REACHABLE\n$/)
  }, 30_000)
})
