import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { run, simulationOf } from '../../shell/testing'
import { crdCell } from './kubectl'

const winner = (ip: string) => {
  const h = (n: string) => createHash('sha256').update(`${n}#${ip}`).digest('hex')
  return ['node1', 'node2'].sort((a, b) => (h(a) < h(b) ? -1 : 1))[0]
}

describe('kubectl over MetalLB (CRD additionalPrinterColumns, speaker and controller events)', () => {
  it('prints CRD cells as apiextensions does: lists as JSON, missing values empty', () => {
    expect([crdCell(['first-pool']), crdCell(undefined), crdCell(true), crdCell([{ matchLabels: { b: '1', a: '2' } }])]).toEqual([
      '["first-pool"]', '', 'true', '[{"matchLabels":{"a":"2","b":"1"}}]',
    ])
  })

  it('lists the pools and advertisements with their printer columns and stored defaults', () => {
    const r = run(simulationOf('loadbalancer-metallb-l2'), ['kubectl', 'get', 'ipaddresspools,l2advertisements', '-n', 'metallb-system'])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(
      'NAME                                  AUTO ASSIGN   AVOID BUGGY IPS   ADDRESSES\n' +
        'ipaddresspool.metallb.io/first-pool   true          false             ["192.168.100.100-192.168.100.150"]\n' +
        '\n' +
        'NAME                                IPADDRESSPOOLS   IPADDRESSPOOL SELECTORS   INTERFACES\n' +
        'l2advertisement.metallb.io/l2-adv   ["first-pool"]                             \n',
    )
  })

  it('lists BGP peers and advertisements', () => {
    const r = run(simulationOf('loadbalancer-metallb-bgp'), ['kubectl', 'get', 'bgppeers', '-n', 'metallb-system'])
    expect(r.stdout).toBe('NAME   ADDRESS         ASN     BFD PROFILE   MULTI HOPS\nedge   192.168.100.1   64501                 \n')
  })

  it('shows the allocation and the announcing node in kubectl describe svc', () => {
    const r = run(simulationOf('loadbalancer-metallb-l2'), ['kubectl', 'describe', 'svc', 'nginx-loadbalancer'])
    expect(r.stdout).toContain('LoadBalancer Ingress:     192.168.100.100')
    expect(r.stdout).toContain(
      '  Normal  IPAllocated   10m   metallb-controller  Assigned IP ["192.168.100.100"]\n' +
        `  Normal  nodeAssigned  10m   metallb-speaker     announcing from node "${winner('192.168.100.100')}" with protocol "layer2"\n`,
    )
  })

  it('lists one nodeAssigned event per advertising node in BGP mode', () => {
    const r = run(simulationOf('loadbalancer-metallb-bgp'), ['kubectl', 'describe', 'svc', 'nginx-loadbalancer'])
    expect(r.stdout).toContain('announcing from node "node1" with protocol "bgp"\n')
    expect(r.stdout).toContain('announcing from node "node2" with protocol "bgp"\n')
    expect(r.stdout).not.toContain('"master"') // kubeadm's exclude-from-external-load-balancers label
  })

  it('counts a pool\'s assigned and available addresses in its status', () => {
    const r = run(simulationOf('loadbalancer-metallb-l2'), ['kubectl', 'get', 'ipaddresspool', 'first-pool', '-n', 'metallb-system', '-o', 'json'])
    expect(JSON.parse(r.stdout).status).toEqual({ assignedIPv4: 1, assignedIPv6: 0, availableIPv4: 50, availableIPv6: 0 })
  })
})
