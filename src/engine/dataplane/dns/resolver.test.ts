import { describe, expect, it } from 'vitest'
import { podResolvConf, renderResolvConf, type ResolvConf } from './resolvconf'
import { resolve, searchOrder } from './resolver'
import { baseCluster, pod, simOf } from './testing/fixture'

const POD_RC: ResolvConf = {
  nameservers: ['10.96.0.10'],
  search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
  options: ['ndots:5'],
  policy: 'cluster',
}
const S = (n: string) => [`${n}.default.svc.cluster.local.`, `${n}.svc.cluster.local.`, `${n}.cluster.local.`]

describe('glibc search expansion (res_query.c __res_context_search), ndots:5', () => {
  it.each([
    // dots < ndots: every search domain in order, then the name as is
    { dots: 0, name: 'web', order: [...S('web'), 'web.'] },
    { dots: 1, name: 'web.prod', order: [...S('web.prod'), 'web.prod.'] },
    { dots: 2, name: 'www.example.com', order: [...S('www.example.com'), 'www.example.com.'] },
    { dots: 3, name: 'a.b.c.d', order: [...S('a.b.c.d'), 'a.b.c.d.'] },
    { dots: 4, name: 'web.default.svc.cluster.local', order: [...S('web.default.svc.cluster.local'), 'web.default.svc.cluster.local.'] },
    // dots >= ndots: the name as is first, then the search domains
    { dots: 5, name: 'a.b.c.d.e.f', order: ['a.b.c.d.e.f.', ...S('a.b.c.d.e.f')] },
    // a trailing dot: only the absolute name
    { dots: -1, name: 'web.default.svc.cluster.local.', order: ['web.default.svc.cluster.local.'] },
  ])('$dots dots: $name', ({ name, order }) => {
    expect(searchOrder(name, POD_RC).map((c) => c.name)).toEqual(order)
  })

  it('ndots:1 (a node) puts a dotted name first and has no search list', () => {
    expect(searchOrder('www.example.com', { nameservers: ['192.168.100.1'], search: [], options: [], policy: 'machine' }).map((c) => c.name)).toEqual(['www.example.com.'])
  })
})

describe('kubelet resolv.conf per dnsPolicy (pkg/kubelet/network/dns/dns.go GetPodDNS)', () => {
  const cluster = baseCluster()
  it.each([
    { policy: 'ClusterFirst', extra: {}, text: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' },
    // getPodDNSType: ClusterFirst on the host network falls back to Default
    { policy: 'ClusterFirst on hostNetwork', extra: { hostNetwork: true }, text: 'nameserver 192.168.100.1\n' },
    { policy: 'ClusterFirstWithHostNet', extra: { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' as const }, text: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' },
    { policy: 'Default', extra: { dnsPolicy: 'Default' as const }, text: 'nameserver 192.168.100.1\n' },
    // podDNSNone: only dnsConfig
    {
      policy: 'None + dnsConfig',
      extra: { dnsPolicy: 'None' as const, dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }] } },
      text: 'search corp.example\nnameserver 1.1.1.1\noptions ndots:2\n',
    },
    // appendDNSConfig: nameservers and searches appended without duplicates, options merged (values overwrite)
    {
      policy: 'ClusterFirst + dnsConfig',
      extra: { dnsConfig: { nameservers: ['10.96.0.10', '8.8.8.8'], searches: ['svc.cluster.local', 'corp.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } },
      text: 'search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\nnameserver 8.8.8.8\noptions ndots:2 edns0\n',
    },
  ])('$policy', ({ extra, text }) => {
    expect(renderResolvConf(podResolvConf(cluster, pod('default', 'p', '10.244.1.50', extra)))).toBe(text)
  })

  it('the namespace comes first in the search list', () => {
    expect(podResolvConf(cluster, pod('prod', 'p', '10.244.1.51')).search[0]).toBe('prod.svc.cluster.local')
  })

  it('keeps at most three nameservers (validation.MaxDNSNameservers)', () => {
    const p = pod('default', 'p', '10.244.1.52', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'] } })
    expect(podResolvConf(cluster, p).nameservers).toEqual(['1.1.1.1', '1.0.0.1', '8.8.8.8'])
  })
})

describe('resolve() as getaddrinfo', () => {
  const where = (name = 'client') => ({ kind: 'pod' as const, pod: baseCluster().pods.find((p) => p.name === name)! })

  it('mysql-service is answered at the first name tried, A and AAAA asked together', () => {
    const r = resolve(simOf(baseCluster()), where(), 'mysql-service')
    expect(r.tries.map((t) => t.name)).toEqual(['mysql-service.default.svc.cluster.local.'])
    expect(r.tries[0].exchanges.map((e) => `${e.question.type} ${e.response?.rcode} ${e.response?.answer.length}`)).toEqual(['A NOERROR 1', 'AAAA NOERROR 0'])
    expect(r.answer).toEqual({ source: 'dns', canonicalName: 'mysql-service.default.svc.cluster.local', aliases: [], addresses: ['10.96.0.12'] })
  })

  it('www.example.com is asked four times (three search names, then as is) and fails', () => {
    const r = resolve(simOf(baseCluster()), where(), 'www.example.com')
    expect(r.tries.map((t) => `${t.name} ${t.exchanges.map((e) => e.response?.rcode).join('/')}`)).toEqual([
      'www.example.com.default.svc.cluster.local. NXDOMAIN/NXDOMAIN',
      'www.example.com.svc.cluster.local. NXDOMAIN/NXDOMAIN',
      'www.example.com.cluster.local. NXDOMAIN/NXDOMAIN',
      'www.example.com. SERVFAIL/SERVFAIL',
    ])
    expect(r.answer).toBeUndefined()
    expect(r.failure).toBe('servfail')
  })

  it('a Service in another namespace resolves as name.namespace, at the second name tried', () => {
    const r = resolve(simOf(baseCluster()), where(), 'data.prod')
    expect(r.tries.map((t) => t.name)).toEqual(['data.prod.default.svc.cluster.local.', 'data.prod.svc.cluster.local.'])
    expect(r.answer?.addresses).toEqual(['10.96.0.20'])
  })

  it('/etc/hosts answers before DNS (the pod finds its own name there)', () => {
    const r = resolve(simOf(baseCluster()), where(), 'client')
    expect(r.tries).toEqual([])
    expect(r.answer).toMatchObject({ source: 'files', addresses: ['10.244.1.5'] })
  })

  it('a node asks its upstream directly: cluster names are unknown there', () => {
    const cluster = baseCluster()
    const r = resolve(simOf(cluster), { kind: 'node', node: cluster.nodes[1] }, 'mysql-service')
    expect(r.tries.map((t) => `${t.name} ${t.exchanges[0].server} ${t.exchanges[0].response?.rcode}`)).toEqual(['mysql-service. 192.168.100.1 SERVFAIL'])
  })

  it('each name costs a round trip on the virtual clock', () => {
    const sim = simOf(baseCluster())
    const t0 = sim.clock.now()
    resolve(sim, where(), 'www.example.com')
    // three CoreDNS answers (1 ms) and one forwarded to the upstream (1 + 2 ms)
    expect(sim.clock.now() - t0).toBe(6)
  })
})
