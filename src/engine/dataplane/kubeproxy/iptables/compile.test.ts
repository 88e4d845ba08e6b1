import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makeCluster, type ServiceSpec } from '../testing/fixture'
import { compileIptables, defaultIptablesOptions } from './compile'
import { computeProbability, printedProbability } from './probability'
import { renderRestoreInput, saveRule } from './render'

// The services of k/k pkg/proxy/iptables/proxier_test.go TestOverallIPTablesRules, on a node named test-node.
const overallServices: ServiceSpec[] = [
  { namespace: 'ns1', name: 'svc1', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80 }], endpoints: [{ ip: '10.180.0.1' }] },
  {
    namespace: 'ns2', name: 'svc2', type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.42',
    ports: [{ name: 'p80', port: 80, nodePort: 3001 }], loadBalancerIngress: ['1.2.3.4'], externalIPs: ['192.168.99.22'],
    healthCheckNodePort: 30000, endpoints: [{ ip: '10.180.0.2' }],
  },
  { namespace: 'ns3', name: 'svc3', type: 'NodePort', clusterIP: '172.30.0.43', ports: [{ name: 'p80', port: 80, nodePort: 3003 }], endpoints: [{ ip: '10.180.0.3' }] },
  {
    namespace: 'ns4', name: 'svc4', type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'], ports: [{ name: 'p80', port: 80 }],
    endpoints: [{ ip: '10.180.0.4' }, { ip: '10.180.0.5', node: 'test-node' }],
  },
  {
    namespace: 'ns5', name: 'svc5', type: 'LoadBalancer', clusterIP: '172.30.0.45', ports: [{ name: 'p80', port: 80, nodePort: 3002 }],
    loadBalancerIngress: ['5.6.7.8'], healthCheckNodePort: 30000, loadBalancerSourceRanges: [' 203.0.113.0/25'],
    sessionAffinity: 'ClientIP', endpoints: [{ ip: '10.180.0.3' }],
  },
  { namespace: 'ns6', name: 'svc6', clusterIP: '172.30.0.46', ports: [{ name: 'p80', port: 80 }], endpoints: [] },
]

describe('kube-proxy iptables compiler', () => {
  // k/k proxier_test.go TestOverallIPTablesRules (the fake proxier: mark "0x4000", no --random-fully, detector 10.0.0.0/8)
  it('writes the restore input of TestOverallIPTablesRules', () => {
    const cluster = makeCluster({ nodes: [['test-node', '192.168.0.2']], services: overallServices, clusterCIDR: '10.0.0.0/8' })
    const rs = compileIptables(cluster, cluster.nodes[0], { ...defaultIptablesOptions(cluster), randomFully: false })
    const expected = readFileSync(new URL('./testdata/overall-rules.restore', import.meta.url), 'utf8')
    // the real proxier formats the mark with %#08x ("0x00004000"); the fake proxier of the golden test hard-codes "0x4000"
    expect(renderRestoreInput(rs).replaceAll('0x00004000', '0x4000')).toBe(expected)
  })

  // k/k proxier_test.go TestComputeProbability
  it.each([
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [3, '0.3333333333'],
    [10, '0.1000000000'],
    [100001, '0.0000099999'],
  ])('computeProbability(%i) = %s', (n, text) => {
    expect(computeProbability(n)).toBe(text)
  })

  // libxt_statistic: lround(p * 2^31) stored, printed "%.11f" of nth / 2^31 (checked against iptables-save 1.8.9)
  it.each([
    ['0.3333333333', '0.33333333349'],
    ['0.5000000000', '0.50000000000'],
    ['0.2500000000', '0.25000000000'],
    ['0.1000000000', '0.10000000009'],
  ])('the kernel keeps %s as %s', (written, printed) => {
    expect(printedProbability(written)).toBe(printed)
  })

  it('renders the kernel form of a service rule', () => {
    const cluster = makeCluster({ nodes: [['test-node', '192.168.0.2']], services: overallServices, clusterCIDR: '10.0.0.0/8' })
    const rs = compileIptables(cluster, cluster.nodes[0])
    const svc = rs.tables.nat.byName.get('KUBE-SVC-XPGD46QRK7WJZT7O')!
    expect(svc.rules.map(saveRule)).toEqual([
      '-A KUBE-SVC-XPGD46QRK7WJZT7O ! -s 10.0.0.0/8 -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j KUBE-SEP-SXIVWICOYRO3J4NJ',
    ])
  })

  // k/k proxier.go largeClusterEndpointsThreshold: over 1000 endpoints the per-endpoint comments go
  it('drops the per-endpoint comments in large cluster mode', () => {
    const endpoints = Array.from({ length: 1001 }, (_, i) => ({ ip: `10.180.${i >> 8}.${i & 255}` }))
    const cluster = makeCluster({ services: [{ namespace: 'ns1', name: 'big', clusterIP: '172.30.0.50', ports: [{ name: 'p', port: 80 }], endpoints }] })
    const rs = compileIptables(cluster, cluster.nodes[1])
    expect(rs.largeClusterMode).toBe(true)
    const svc = rs.tables.nat.byName.get(rs.tables.nat.chains.find((c) => c.name.startsWith('KUBE-SVC-'))!.name)!
    expect(svc.rules[1].args.some((a) => a.kind === 'comment')).toBe(false)
    const sep = rs.tables.nat.chains.find((c) => c.name.startsWith('KUBE-SEP-'))!
    expect(sep.rules.every((r) => r.args.every((a) => a.kind !== 'comment'))).toBe(true)
  })
})
