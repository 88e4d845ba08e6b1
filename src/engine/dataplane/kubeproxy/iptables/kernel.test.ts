import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeCluster, type ServiceSpec } from '../testing/fixture'
import { compileIptables } from './compile'
import { renderIptablesS, renderIptablesSave, renderNodeRestore } from './render'
import { renderIptablesList } from './list'
import { compileScenario } from '../../../scenario'
import { gallery } from '../../../../scenarios/gallery.generated'

/**
 * The real kernel as the judge: load the node's rules into a fresh network namespace with the real iptables-restore
 * (1.8.9, nf_tables) and compare what the real iptables-save / iptables -S / iptables -L print with our renderings.
 * Runs where `unshare -n`, iptables and nfacct are available (root in a Linux container); skipped elsewhere.
 */
const available = (() => {
  const probe = spawnSync('sh', ['-c', 'command -v iptables-restore && command -v nfacct && unshare -n true'], { encoding: 'utf8' })
  return probe.status === 0
})()

function inKernel(restore: string, commands: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kube-hops-ipt-'))
  const file = join(dir, 'rules')
  writeFileSync(file, restore)
  const script = [
    'nfacct add localhost_nps_accepted_pkts >/dev/null',
    'nfacct add ct_state_invalid_dropped_pkts >/dev/null',
    `iptables-restore < ${file}`,
    ...commands.map((c) => `${c}; echo @@END@@`),
  ].join(' && ')
  const run = spawnSync('unshare', ['-n', 'sh', '-c', script], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(run.stderr)
  return run.stdout.split('@@END@@\n').slice(0, commands.length)
}

const withoutComments = (text: string) => text.split('\n').filter((l) => !l.startsWith('#')).join('\n')

const services: ServiceSpec[] = [
  { namespace: 'ns1', name: 'svc1', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80 }], sessionAffinity: 'ClientIP',
    endpoints: [{ ip: '10.244.1.2', node: 'node1' }, { ip: '10.244.2.2', node: 'node2' }, { ip: '10.244.1.3', node: 'node1' }] },
  { namespace: 'ns2', name: 'svc2', type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.42',
    ports: [{ name: 'p80', port: 80, nodePort: 30001 }], loadBalancerIngress: ['1.2.3.4'], externalIPs: ['192.168.99.22'],
    healthCheckNodePort: 30000, endpoints: [{ ip: '10.244.2.5', node: 'node2' }] },
  { namespace: 'ns3', name: 'svc3', type: 'LoadBalancer', clusterIP: '172.30.0.43', ports: [{ name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 }],
    loadBalancerIngress: ['5.6.7.8'], loadBalancerSourceRanges: ['192.168.100.0/24'], endpoints: [{ ip: '10.244.1.9', node: 'node1' }] },
  { namespace: 'ns4', name: 'svc4', clusterIP: '172.30.0.44', internalTrafficPolicy: 'Local', ports: [{ port: 3306 }],
    endpoints: [{ ip: '10.244.2.7', node: 'node2' }, { ip: '10.244.1.8', node: 'node1', ready: false, serving: true, terminating: true }] },
  { namespace: 'ns6', name: 'svc6', type: 'NodePort', clusterIP: '172.30.0.46', ports: [{ name: 'p80', port: 80, nodePort: 30006 }], endpoints: [] },
]

describe.skipIf(!available)('iptables renderings against the real kernel', () => {
  const cluster = makeCluster({ services })
  for (const node of cluster.nodes) {
    it(`iptables-save, -S and -L on ${node.name} match the real tools`, () => {
      const rs = compileIptables(cluster, node)
      const [save, natS, list, listV, names, namesV] = inKernel(renderNodeRestore(rs), [
        'iptables-save',
        'iptables -t nat -S',
        'iptables -t nat -L -n',
        'iptables -L -n -v --line-numbers',
        // without -n: names for protocols, ports and "anywhere" (no resolver in the namespace, so addresses stay numeric)
        'iptables -t nat -L',
        'iptables -t nat -L -v',
      ])
      const [saveC, exact] = inKernel(renderNodeRestore(rs), ['iptables-save -c', 'iptables -t nat -L -n -v -x --line-numbers'])
      expect(withoutComments(renderIptablesSave(rs, 0, undefined, undefined, true))).toBe(withoutComments(saveC))
      expect(renderIptablesList(rs.tables.nat, { numeric: true, verbose: true, lineNumbers: true, exact: true })).toBe(exact)
      expect(renderIptablesList(rs.tables.nat, { numeric: false, verbose: false, lineNumbers: false })).toBe(names)
      expect(renderIptablesList(rs.tables.nat, { numeric: false, verbose: true, lineNumbers: false })).toBe(namesV)
      expect(withoutComments(renderIptablesSave(rs, 0))).toBe(withoutComments(save))
      expect(renderIptablesS(rs.tables.nat)).toBe(natS)
      expect(renderIptablesList(rs.tables.nat, { numeric: true, verbose: false, lineNumbers: false })).toBe(list)
      expect(renderIptablesList(rs.tables.filter, { numeric: true, verbose: true, lineNumbers: true })).toBe(listV)
    })
  }

  it('the service-basics golden iptables-save is what the kernel gives back', () => {
    const compiled = compileScenario(gallery.find((g) => g.name === 'service-basics')!.files)
    for (const node of compiled.cluster.nodes) {
      const rs = compileIptables(compiled.cluster, node)
      const [save] = inKernel(renderNodeRestore(rs), ['iptables-save'])
      expect(withoutComments(renderIptablesSave(rs, 0))).toBe(withoutComments(save))
    }
  })
})
