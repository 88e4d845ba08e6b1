import { describe, expect, it } from 'vitest'
import './register'
import { compileScenario } from '../../scenario'
import { Simulation } from '../../sim/simulation'
import { traceRequest } from '../../trace/walk'
import { gallery } from '../../../scenarios/gallery.generated'
import { corednsPods } from './world'

const sim = (seed = 1) => new Simulation(compileScenario(gallery.find((s) => s.name === 'service-basics')!.files), seed)

describe('a request by name begins with its DNS lookup, carried through kube-proxy', () => {
  it.each([1, 2, 3, 4])('curl mysql-service from a pod: query, DNAT to a CoreDNS pod, answer, then the connection (seed %i)', (seed) => {
    const s = sim(seed)
    const t = traceRequest(s, { from: 'Pod/default/nginx-pod-1', protocol: 'TCP', host: 'mysql-service', port: 3306 })
    const coredns = corednsPods(s.scenario.cluster)
    const ip = s.scenario.cluster.services.find((x) => x.name === 'mysql-service')!.clusterIP
    expect(t.outcome).toMatchObject({ result: 'ok', service: 'default/mysql-service', pod: 'default/mysql-pod' })
    // 1. the resolver's query, its rule the search line
    expect(t.hops[0]).toMatchObject({ stage: 'dns', at: 'Pod/default/nginx-pod-1', rule: 'search default.svc.cluster.local svc.cluster.local cluster.local', note: { code: 'dns.hop.querySearch' } })
    expect(t.hops[0].before).toMatchObject({ protocol: 'UDP', dst: '10.96.0.10', dstPort: 53, dns: { question: 'mysql-service.default.svc.cluster.local.', qtype: 'A' } })
    // 2. kube-proxy DNATs 10.96.0.10:53 to a CoreDNS pod
    const dnat = t.hops.findIndex((h) => h.stage === 'kube-proxy' && h.verdict === 'translated')
    expect(coredns.map((p) => p.podIP)).toContain(t.hops[dnat].after.dst)
    expect(t.hops[dnat].before.dst).toBe('10.96.0.10')
    // 3. CoreDNS answers with the record
    const answer = t.hops.findIndex((h) => h.stage === 'dns' && h.verdict === 'answered')
    expect(answer).toBeGreaterThan(dnat)
    expect(t.hops[answer].rule).toBe(`mysql-service.default.svc.cluster.local. 30 IN A ${ip}`)
    expect(coredns.map((p) => p.id)).toContain(t.hops[answer].at)
    // 4. then the connection to the address it learned
    const connect = t.hops.findIndex((h) => h.stage === 'route' && h.before.dst === ip)
    expect(connect).toBeGreaterThan(answer)
    expect(t.hops.map((h) => h.seq)).toEqual(t.hops.map((_, i) => i))
  })

  it('www.example.com is tried under four names and fails', () => {
    const t = traceRequest(sim(), { from: 'Pod/default/nginx-pod-1', protocol: 'TCP', host: 'www.example.com', port: 80 })
    expect(t.outcome).toMatchObject({ result: 'dns-failure', reason: { code: 'dns.resolve.failed', params: { tried: '4', reason: 'servfail' } } })
    const asked = t.hops.filter((h) => h.stage === 'dns' && h.verdict === 'forwarded' && h.at === 'Pod/default/nginx-pod-1').map((h) => `${h.before.dns?.qtype} ${h.before.dns?.question}`)
    expect(asked).toEqual([
      'A www.example.com.default.svc.cluster.local.', 'AAAA www.example.com.default.svc.cluster.local.',
      'A www.example.com.svc.cluster.local.', 'AAAA www.example.com.svc.cluster.local.',
      'A www.example.com.cluster.local.', 'AAAA www.example.com.cluster.local.',
      'A www.example.com.', 'AAAA www.example.com.',
    ])
    // the last name leaves the cluster zone: CoreDNS's forward line sends it to the node's upstream
    expect(t.hops.filter((h) => h.note.code === 'dns.hop.forwardOut').map((h) => [h.rule, h.after.dst])).toEqual([
      ['forward . /etc/resolv.conf', '192.168.100.1'],
      ['forward . /etc/resolv.conf', '192.168.100.1'],
    ])
  })

  it('an outside client resolves from its /etc/hosts, without DNS traffic', () => {
    const s = sim()
    s.scenario.cluster.clients[0].hosts['nginx.example.com'] = '192.168.100.21'
    const t = traceRequest(s, { from: 'Client/workstation', protocol: 'TCP', host: 'nginx.example.com', port: 30080 })
    expect(t.hops[0]).toMatchObject({ stage: 'dns', ruleContext: '/etc/hosts', verdict: 'answered' })
    expect(t.hops.filter((h) => h.stage === 'dns')).toHaveLength(1)
  })
})
