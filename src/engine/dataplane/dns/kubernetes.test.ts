import { describe, expect, it } from 'vitest'
import { answerQuery } from './coredns'
import { recordText, type QType } from './message'
import { baseCluster, corednsConfigMap, pod, service, simOf, slice } from './testing/fixture'

// The kubernetes plugin alone (no cache, no loadbalance), so every TTL and every order is the plugin's own.
const PLAIN = `.:53 {
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    forward . /etc/resolv.conf
}
`
const SOA = 'cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1767225000 7200 1800 86400 30'

function ask(name: string, type: QType, corefile = PLAIN) {
  const cluster = baseCluster()
  cluster.others.push(corednsConfigMap(corefile))
  const r = answerQuery(simOf(cluster), { name, type }, '10.244.1.5')
  const m = r.message!
  return { rcode: m.rcode, answer: m.answer.map(recordText), authority: m.authority.map(recordText), additional: m.additional.map(recordText), aa: m.aa, by: r.answeredBy, explain: r.explain.code }
}

interface Row {
  source: string
  name: string
  type: QType
  rcode: string
  answer?: string[]
  authority?: string[]
  additional?: string[]
}

const rows: Row[] = [
  // kubernetes/dns docs/specification.md 2.3.1: A record of a ClusterIP Service
  { source: 'spec 2.3.1 ClusterIP A', name: 'mysql-service.default.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['mysql-service.default.svc.cluster.local. 30 IN A 10.96.0.12'] },
  // the kube-dns Service itself resolves
  { source: 'spec 2.3.1 kube-dns', name: 'kube-dns.kube-system.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['kube-dns.kube-system.svc.cluster.local. 30 IN A 10.96.0.10'] },
  // handler_test.go: existing name, other type → NOERROR, empty answer, SOA (NODATA)
  { source: 'handler_test.go AAAA of an IPv4 Service', name: 'mysql-service.default.svc.cluster.local.', type: 'AAAA', rcode: 'NOERROR', answer: [], authority: [SOA] },
  // handler_test.go: unknown service → NXDOMAIN with SOA
  { source: 'handler_test.go unknown service', name: 'nope.default.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', answer: [], authority: [SOA] },
  // namespace.go namespaceExposed: a namespace that does not exist → NXDOMAIN
  { source: 'kubernetes.go findServices, no namespace', name: 'mysql-service.nowhere.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', authority: [SOA] },
  // parse.go: "return NODATA for apex queries"; findServices empty service name → NODATA
  { source: 'parse.go apex svc', name: 'svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { source: 'findServices namespace level', name: 'default.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { source: 'findServices unknown namespace level', name: 'nowhere.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', authority: [SOA] },
  { source: 'parse.go apex pod', name: 'pod.cluster.local.', type: 'A', rcode: 'NOERROR', answer: [], authority: [SOA] },
  // parse.go: last label neither svc nor pod → errInvalidRequest → NXDOMAIN
  { source: 'parse.go invalid name', name: 'www.example.com.cluster.local.', type: 'A', rcode: 'NXDOMAIN', authority: [SOA] },
  // spec 2.4.1: headless A = every ready endpoint
  {
    source: 'spec 2.4.1 headless A',
    name: 'web.default.svc.cluster.local.',
    type: 'A',
    rcode: 'NOERROR',
    answer: ['web.default.svc.cluster.local. 30 IN A 10.244.1.10', 'web.default.svc.cluster.local. 30 IN A 10.244.1.11', 'web.default.svc.cluster.local. 30 IN A 10.244.1.12'],
  },
  // spec 2.4.1: <hostname>.<service>... for endpoints with a hostname
  { source: 'spec 2.4.1 endpoint hostname', name: 'web-1.web.default.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['web-1.web.default.svc.cluster.local. 30 IN A 10.244.1.11'] },
  // kubernetes.go endpointHostname: no hostname → dashed IP; also works below a ClusterIP Service (r.endpoint != "")
  { source: 'endpointHostname dashed IP', name: '10-244-1-20.mysql-service.default.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['10-244-1-20.mysql-service.default.svc.cluster.local. 30 IN A 10.244.1.20'] },
  { source: 'findServices unknown endpoint', name: 'web-9.web.default.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', authority: [SOA] },
  // spec 2.3.2 / backend_lookup.go SRV: priority 0, weight 100/n, port, target; extra A for the target
  {
    source: 'spec 2.3.2 SRV of a named port (ClusterIP)',
    name: '_mysql._tcp.mysql-service.default.svc.cluster.local.',
    type: 'SRV',
    rcode: 'NOERROR',
    answer: ['_mysql._tcp.mysql-service.default.svc.cluster.local. 30 IN SRV 0 100 3306 mysql-service.default.svc.cluster.local.'],
    additional: ['mysql-service.default.svc.cluster.local. 30 IN A 10.96.0.12'],
  },
  {
    source: 'spec 2.4.2 SRV of a headless Service: one per endpoint, weight floor(100/3)',
    name: '_http._tcp.web.default.svc.cluster.local.',
    type: 'SRV',
    rcode: 'NOERROR',
    answer: [
      '_http._tcp.web.default.svc.cluster.local. 30 IN SRV 0 33 80 web-0.web.default.svc.cluster.local.',
      '_http._tcp.web.default.svc.cluster.local. 30 IN SRV 0 33 80 web-1.web.default.svc.cluster.local.',
      '_http._tcp.web.default.svc.cluster.local. 30 IN SRV 0 33 80 web-2.web.default.svc.cluster.local.',
    ],
    additional: ['web-0.web.default.svc.cluster.local. 30 IN A 10.244.1.10', 'web-1.web.default.svc.cluster.local. 30 IN A 10.244.1.11', 'web-2.web.default.svc.cluster.local. 30 IN A 10.244.1.12'],
  },
  // parse.go matchPortAndProtocol: a port name the Service lacks → NXDOMAIN
  { source: 'SRV unknown port name', name: '_nope._tcp.mysql-service.default.svc.cluster.local.', type: 'SRV', rcode: 'NXDOMAIN', authority: [SOA] },
  // reverse.go serviceRecordForIP: a ClusterIP first
  { source: 'reverse.go ClusterIP PTR', name: '10.0.96.10.in-addr.arpa.', type: 'PTR', rcode: 'NOERROR', answer: ['10.0.96.10.in-addr.arpa. 30 IN PTR kube-dns.kube-system.svc.cluster.local.'] },
  // reverse.go: an endpoint address → <hostname>.<svc>.<ns>.svc.<zone>
  { source: 'reverse.go endpoint PTR (hostname)', name: '10.1.244.10.in-addr.arpa.', type: 'PTR', rcode: 'NOERROR', answer: ['10.1.244.10.in-addr.arpa. 30 IN PTR web-0.web.default.svc.cluster.local.'] },
  { source: 'reverse.go endpoint PTR (dashed IP)', name: '20.1.244.10.in-addr.arpa.', type: 'PTR', rcode: 'NOERROR', answer: ['20.1.244.10.in-addr.arpa. 30 IN PTR 10-244-1-20.mysql-service.default.svc.cluster.local.'] },
  // Corefile "fallthrough in-addr.arpa": an unknown private address goes to forward; the upstream's RFC 6303 empty zone
  {
    source: 'fallthrough in-addr.arpa → forward → RFC 6303 empty zone',
    name: '99.9.244.10.in-addr.arpa.',
    type: 'PTR',
    rcode: 'NXDOMAIN',
    authority: ['10.in-addr.arpa. 86400 IN SOA 10.in-addr.arpa. . 0 28800 7200 604800 86400'],
  },
  // kubernetes.go findServices ExternalName: a CNAME; the target is not known outside (SERVFAIL upstream) → CNAME alone
  { source: 'spec 2.5 ExternalName CNAME', name: 'nginx-external.default.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['nginx-external.default.svc.cluster.local. 30 IN CNAME mysql.external-domain.com.'] },
  { source: 'ExternalName CNAME query', name: 'nginx-external.default.svc.cluster.local.', type: 'CNAME', rcode: 'NOERROR', answer: ['nginx-external.default.svc.cluster.local. 30 IN CNAME mysql.external-domain.com.'] },
  // findServices: "External services do not have endpoints" → names below it NXDOMAIN
  { source: 'below an ExternalName', name: 'x.nginx-external.default.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', authority: [SOA] },
  // Services(): SRV for external services is not implemented → NODATA
  { source: 'SRV of an ExternalName', name: 'nginx-external.default.svc.cluster.local.', type: 'SRV', rcode: 'NOERROR', answer: [], authority: [SOA] },
  // findPods, pods insecure: any well-formed dashed IP answers
  { source: 'findPods insecure', name: '10-244-1-5.default.pod.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['10-244-1-5.default.pod.cluster.local. 30 IN A 10.244.1.5'] },
  { source: 'findPods insecure, not an IP', name: 'foo.default.pod.cluster.local.', type: 'A', rcode: 'NXDOMAIN', authority: [SOA] },
  // Services() TXT: dns-version.<zone> "1.1.0", TTL 28800
  { source: 'spec 2.1 dns-version', name: 'dns-version.cluster.local.', type: 'TXT', rcode: 'NOERROR', answer: ['dns-version.cluster.local. 28800 IN TXT "1.1.0"'] },
  { source: 'TXT of an existing name → NODATA', name: 'mysql-service.default.svc.cluster.local.', type: 'TXT', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { source: 'TXT of an unknown name → NXDOMAIN', name: 'nope.default.svc.cluster.local.', type: 'TXT', rcode: 'NXDOMAIN', authority: [SOA] },
  // handler.go default: a fake A lookup tells NODATA from NXDOMAIN for other types
  { source: 'MX of an existing name → NODATA', name: 'mysql-service.default.svc.cluster.local.', type: 'MX', rcode: 'NOERROR', answer: [], authority: [SOA] },
  // backend_lookup.go SOA/NS for the zone apex
  { source: 'SOA of the zone', name: 'cluster.local.', type: 'SOA', rcode: 'NOERROR', answer: [SOA] },
  { source: 'NS of the zone', name: 'cluster.local.', type: 'NS', rcode: 'NOERROR', answer: ['cluster.local. 30 IN NS ns.dns.cluster.local.'], additional: ['ns.dns.cluster.local. 30 IN A 10.96.0.10'] },
  // spec: a Service in another namespace answers under its own namespace
  { source: 'spec 2.3.1 other namespace', name: 'data.prod.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['data.prod.svc.cluster.local. 30 IN A 10.96.0.20'] },
  // handler_test.go svcempty: a ClusterIP Service answers its IP whether or not it has endpoints
  { source: 'handler_test.go svcempty A', name: 'empty.default.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['empty.default.svc.cluster.local. 30 IN A 10.96.0.30'] },
  { source: 'handler_test.go svcempty SRV', name: 'empty.default.svc.cluster.local.', type: 'SRV', rcode: 'NOERROR', answer: ['empty.default.svc.cluster.local. 30 IN SRV 0 100 80 empty.default.svc.cluster.local.'] },
  // handler_test.go "NS query for qname != zone": existing level → NODATA, unknown → NXDOMAIN
  { source: 'handler_test.go NS svc.cluster.local', name: 'svc.cluster.local.', type: 'NS', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { source: 'handler_test.go NS foo.cluster.local', name: 'foo.cluster.local.', type: 'NS', rcode: 'NXDOMAIN', authority: [SOA] },
  // handler_test.go: SOA of a name that is not the zone apex → NODATA
  { source: 'handler_test.go SOA svc1', name: 'mysql-service.default.svc.cluster.local.', type: 'SOA', rcode: 'NOERROR', answer: [], authority: [SOA] },
  // handler_test.go bogusendpoint.svc0: below an unknown Service
  { source: 'handler_test.go bogusendpoint.svc0', name: 'bogus.svc0.default.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', authority: [SOA] },
  // RFC 4343 / handler_case_test.go: names compare case-insensitively, the owner keeps the asker's case
  { source: 'handler_case_test.go', name: 'MySQL-Service.Default.SVC.Cluster.Local.', type: 'A', rcode: 'NOERROR', answer: ['MySQL-Service.Default.SVC.Cluster.Local. 30 IN A 10.96.0.12'] },
]

describe('kubernetes plugin records and response codes', () => {
  it.each(rows)('$source: $name $type', (row) => {
    const r = ask(row.name, row.type)
    expect(r.rcode).toBe(row.rcode)
    if (row.answer) expect(r.answer).toEqual(row.answer)
    if (row.authority) expect(r.authority).toEqual(row.authority)
    if (row.additional) expect(r.additional).toEqual(row.additional)
  })

  it('answers authoritatively from the cluster zone, not from the upstream', () => {
    expect(ask('mysql-service.default.svc.cluster.local.', 'A')).toMatchObject({ aa: true, by: 'kubernetes', explain: 'dns.k8s.clusterIP' })
    expect(ask('workstation.', 'A')).toMatchObject({ aa: false, by: 'forward', answer: ['workstation. 3600 IN A 192.168.100.10'] })
    expect(ask('www.example.com.', 'A')).toMatchObject({ rcode: 'SERVFAIL', by: 'forward', explain: 'dns.upstream.noInternet' })
  })

  it('SRV weight is floor(100 / entries) at least 1 (backend_lookup.go: 1 → 100, 6 → 16)', () => {
    const cluster = baseCluster()
    cluster.others.push(corednsConfigMap(PLAIN))
    const six = Array.from({ length: 6 }, (_, i) => ({ ip: `10.244.1.${30 + i}` }))
    cluster.services.push(service('default', 'six', 'None', [{ name: 'http', port: 80 }]))
    cluster.endpointSlices.push(slice('default', 'six', six))
    const m = answerQuery(simOf(cluster), { name: '_http._tcp.six.default.svc.cluster.local.', type: 'SRV' }, '10.244.1.5').message!
    expect(m.answer.map((r) => (r.type === 'SRV' ? r.srv.weight : -1))).toEqual([16, 16, 16, 16, 16, 16])
  })

  it('pods disabled (the plugin default) answers NXDOMAIN for pod records; verified needs a pod with that IP', () => {
    const disabled = PLAIN.replace('pods insecure', 'pods disabled')
    expect(ask('10-244-1-5.default.pod.cluster.local.', 'A', disabled).rcode).toBe('NXDOMAIN')
    const verified = PLAIN.replace('pods insecure', 'pods verified')
    expect(ask('10-244-1-5.default.pod.cluster.local.', 'A', verified).answer).toEqual(['10-244-1-5.default.pod.cluster.local. 30 IN A 10.244.1.5'])
    expect(ask('10-244-9-9.default.pod.cluster.local.', 'A', verified).rcode).toBe('NXDOMAIN')
    // the pod lives in default, not in prod
    expect(ask('10-244-1-5.prod.pod.cluster.local.', 'A', verified).rcode).toBe('NXDOMAIN')
  })

  it('the ttl option sets every TTL and the SOA minimum; TTL defaults to 5 without it (kubernetes.go defaultTTL)', () => {
    expect(ask('mysql-service.default.svc.cluster.local.', 'A', PLAIN.replace('ttl 30', 'ttl 60')).answer).toEqual(['mysql-service.default.svc.cluster.local. 60 IN A 10.96.0.12'])
    expect(ask('nope.default.svc.cluster.local.', 'A', PLAIN.replace('ttl 30', 'ttl 60')).authority).toEqual([SOA.replace(' 30 IN', ' 60 IN').replace(/ 30$/, ' 60')])
    expect(ask('mysql-service.default.svc.cluster.local.', 'A', PLAIN.replace('       ttl 30\n', '')).answer).toEqual(['mysql-service.default.svc.cluster.local. 5 IN A 10.96.0.12'])
    // SOA TTL is min(ttl, 300) (backend_lookup.go SOA)
    expect(ask('nope.default.svc.cluster.local.', 'A', PLAIN.replace('ttl 30', 'ttl 3600')).authority[0]).toMatch(/^cluster\.local\. 300 IN SOA .* 3600$/)
  })

  it('without fallthrough an unknown reverse name is NXDOMAIN from the kubernetes plugin itself', () => {
    const r = ask('99.9.244.10.in-addr.arpa.', 'PTR', PLAIN.replace('       fallthrough in-addr.arpa ip6.arpa\n', ''))
    expect(r).toMatchObject({ rcode: 'NXDOMAIN', by: 'kubernetes', authority: ['in-addr.arpa. 30 IN SOA ns.dns.in-addr.arpa. hostmaster.in-addr.arpa. 1767225000 7200 1800 86400 30'] })
  })

  it('a not-ready endpoint is not answered; a headless Service with none ready does not exist', () => {
    const cluster = baseCluster()
    cluster.others.push(corednsConfigMap(PLAIN))
    const web = cluster.endpointSlices.find((s) => s.serviceName === 'web')!
    web.endpoints[1].conditions.ready = false
    const sim = simOf(cluster)
    const a = answerQuery(sim, { name: 'web.default.svc.cluster.local.', type: 'A' }, '10.244.1.5').message!
    expect(a.answer.map(recordText)).toEqual(['web.default.svc.cluster.local. 30 IN A 10.244.1.10', 'web.default.svc.cluster.local. 30 IN A 10.244.1.12'])
    for (const e of web.endpoints) e.conditions.ready = false
    const none = answerQuery(simOf(cluster), { name: 'web.default.svc.cluster.local.', type: 'A' }, '10.244.1.5')
    expect(none.message!.rcode).toBe('NXDOMAIN')
    expect(none.explain.code).toBe('dns.k8s.headlessNoReady')
  })

  it('the SOA serial is the time of the last Service or EndpointSlice change, so it is the same on every run', () => {
    const cluster = baseCluster()
    cluster.others.push(corednsConfigMap(PLAIN))
    cluster.services.push(service('default', 'late', '10.96.0.99', [{ name: 'http', port: 80 }], { createdAtMs: 5000 }))
    const soa = answerQuery(simOf(cluster), { name: 'cluster.local.', type: 'SOA' }, '10.244.1.5').message!.answer[0]
    expect(soa.type === 'SOA' && soa.soa.serial).toBe(1767225005)
  })

  it('the cluster domain comes from the cluster config', () => {
    const cluster = baseCluster()
    cluster.config.clusterDomain = 'corp.example'
    cluster.pods.push(pod('default', 'x', '10.244.1.99'))
    const m = answerQuery(simOf(cluster), { name: 'mysql-service.default.svc.corp.example.', type: 'A' }, '10.244.1.5').message!
    expect(m.answer.map(recordText)).toEqual(['mysql-service.default.svc.corp.example. 30 IN A 10.96.0.12'])
  })
})

describe('ExternalName targets (backend_lookup.go A: CNAME chased in the zone, else through the upstream)', () => {
  function askWith(svcTarget: string, name = 'alias.default.svc.cluster.local.') {
    const cluster = baseCluster()
    cluster.others.push(corednsConfigMap(PLAIN))
    cluster.services.push(service('default', 'alias', '', [], { type: 'ExternalName', externalName: svcTarget, selector: undefined }))
    return answerQuery(simOf(cluster), { name, type: 'A' }, '10.244.1.5').message!.answer.map(recordText)
  }

  it('a target inside the cluster zone is chased there', () => {
    expect(askWith('mysql-service.default.svc.cluster.local')).toEqual([
      'alias.default.svc.cluster.local. 30 IN CNAME mysql-service.default.svc.cluster.local.',
      'mysql-service.default.svc.cluster.local. 30 IN A 10.96.0.12',
    ])
  })

  it('a target the outside world knows (a client of the lab) is followed by the upstream answer', () => {
    expect(askWith('workstation')).toEqual(['alias.default.svc.cluster.local. 30 IN CNAME workstation.', 'workstation. 3600 IN A 192.168.100.10'])
  })

  it('an in-zone target that does not exist leaves no answer at all (NODATA)', () => {
    expect(askWith('nope.default.svc.cluster.local')).toEqual([])
  })
})
