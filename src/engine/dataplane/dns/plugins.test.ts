import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../core/rng'
import { answerQuery, corednsRunning } from './coredns'
import { readCorefile } from './corefile/config'
import { defaultCorefile } from './corefile/default'
import { parseCorefile } from './corefile/parse'
import { loadbalance } from './loadbalance'
import { recordText, replyTo, type DnsRecord } from './message'
import { baseCluster, corednsConfigMap, simOf } from './testing/fixture'

const withCorefile = (corefile: string) => {
  const cluster = baseCluster()
  cluster.others.push(corednsConfigMap(corefile))
  return simOf(cluster)
}
const K8S = `kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }`

describe('Corefile', () => {
  it("reads kubeadm's default: zones, pods insecure, ttl 30, fallthrough, forward, cache 30, loadbalance", () => {
    const cfg = readCorefile(defaultCorefile('cluster.local'))
    expect(cfg.fatal).toBeUndefined()
    expect(cfg.findings).toEqual([])
    const s = cfg.servers[0]
    expect(s.keys).toEqual([{ zone: '.', port: 53, text: '.:53' }])
    expect(s.kubernetes).toMatchObject({ zones: ['cluster.local.', 'in-addr.arpa.', 'ip6.arpa.'], pods: 'insecure', ttl: 30, fallthrough: ['in-addr.arpa.', 'ip6.arpa.'] })
    expect(s.forward).toMatchObject({ from: '.', to: ['/etc/resolv.conf'] })
    expect(s.cache).toMatchObject({ successMax: 30, denialMax: 30, successMin: 5 })
    expect(s.loadbalance).toBe(true)
  })

  it('parses several server blocks, quoted words, comments and glued braces', () => {
    const p = parseCorefile('# a comment\nexample.org:1053 cluster.local {\n  hosts {\n    10.0.0.1 "a.example.org" # x\n  }\n}\n.:53{\n  forward . 8.8.8.8\n}\n')
    expect(p.findings).toEqual([])
    expect(p.blocks.map((b) => b.keys.map((k) => `${k.zone}:${k.port}`))).toEqual([['example.org.:1053', 'cluster.local.:53'], ['.:53']])
    expect(p.blocks[0].directives[0]).toMatchObject({ name: 'hosts', block: [{ name: '10.0.0.1', args: ['a.example.org'], line: 4 }] })
  })

  // coredns plugin/kubernetes/setup.go and caddy's parser: each of these stops CoreDNS at start-up
  it.each([
    { source: 'caddy: unknown directive', text: '.:53 {\n  kubernete cluster.local\n}\n', code: 'dns.corefile.unknownPlugin', line: 2 },
    { source: 'setup.go: wrong value for pods', text: '.:53 {\n  kubernetes cluster.local {\n    pods maybe\n  }\n}\n', code: 'dns.corefile.badPodsMode', line: 3 },
    { source: 'setup.go: ttl must be in range [0, 3600]', text: '.:53 {\n  kubernetes cluster.local {\n    ttl 4000\n  }\n}\n', code: 'dns.corefile.badTtl', line: 3 },
    { source: "setup.go: unknown property", text: '.:53 {\n  kubernetes cluster.local {\n    podz insecure\n  }\n}\n', code: 'dns.corefile.unknownProperty', line: 3 },
    { source: 'setup.go: non-reverse zone name must be used', text: '.:53 {\n  kubernetes in-addr.arpa\n}\n', code: 'dns.corefile.k8sReverseOnly', line: 2 },
    { source: 'caddy: unclosed block', text: '.:53 {\n  errors\n', code: 'dns.corefile.unclosedBlock', line: 1 },
    { source: 'caddy: unexpected }', text: '}\n.:53 {\n}\n', code: 'dns.corefile.unexpectedBrace', line: 1 },
    { source: 'cache setup.go: TTL can not be zero or negative', text: '.:53 {\n  cache 0\n}\n', code: 'dns.corefile.badTtl', line: 2 },
  ])('$source', ({ text, code, line }) => {
    const cfg = readCorefile(text)
    expect(cfg.fatal).toMatchObject({ code, line })
  })

  it('a plugin the playground does not model is a warning, not a crash', () => {
    const cfg = readCorefile('.:53 {\n  autopath @kubernetes\n  errors\n}\n')
    expect(cfg.fatal).toBeUndefined()
    expect(cfg.findings.map((f) => [f.code, f.severity])).toEqual([['dns.corefile.unmodelledPlugin', 'warning']])
  })

  it('a Corefile CoreDNS cannot start with leaves the cluster without DNS: the query gets no reply', () => {
    const sim = withCorefile('.:53 {\n  kubernetes cluster.local {\n    pods maybe\n  }\n}\n')
    expect(corednsRunning(sim)).toBe(false)
    const r = answerQuery(sim, { name: 'mysql-service.default.svc.cluster.local.', type: 'A' }, '10.244.1.5')
    expect(r.message).toBeUndefined()
    expect(r.explain).toEqual({ code: 'dns.coredns.crashLoop', params: { reason: 'dns.corefile.badPodsMode', line: '3' } })
  })

  it('a query for a zone no server block serves is REFUSED (dnsserver)', () => {
    const sim = withCorefile(`cluster.local:53 {\n  ${K8S}\n}\n`)
    expect(answerQuery(sim, { name: 'www.example.com.', type: 'A' }, '10.244.1.5').message!.rcode).toBe('REFUSED')
  })
})

describe('cache plugin (cache.go: TTL = min(max(lowest TTL, 5), cap), every record rewritten)', () => {
  it('caps a longer TTL: kubernetes ttl 60 behind cache 30 answers 30', () => {
    const sim = withCorefile(`.:53 {\n  ${K8S.replace('ttl 30', 'ttl 60')}\n  cache 30\n}\n`)
    const m = answerQuery(sim, { name: 'mysql-service.default.svc.cluster.local.', type: 'A' }, '10.244.1.5').message!
    expect(m.answer.map(recordText)).toEqual(['mysql-service.default.svc.cluster.local. 30 IN A 10.96.0.12'])
  })

  it('raises a TTL under the 5 s minimum: ttl 0 is served as 5', () => {
    const sim = withCorefile(`.:53 {\n  ${K8S.replace('ttl 30', 'ttl 0')}\n  cache 30\n}\n`)
    const m = answerQuery(sim, { name: 'mysql-service.default.svc.cluster.local.', type: 'A' }, '10.244.1.5').message!
    expect(m.answer[0].ttl).toBe(5)
  })

  it('rewrites the dns-version TXT (28800) down to the cap', () => {
    const sim = withCorefile(defaultCorefile('cluster.local'))
    expect(answerQuery(sim, { name: 'dns-version.cluster.local.', type: 'TXT' }, '10.244.1.5').message!.answer[0].ttl).toBe(30)
  })

  it("each CoreDNS pod keeps its own cache, and a hit counts the TTL down with the virtual clock", () => {
    const sim = withCorefile(defaultCorefile('cluster.local'))
    const q = { name: 'mysql-service.default.svc.cluster.local.', type: 'A' as const }
    expect(answerQuery(sim, q, '10.244.1.5', { pod: 'coredns-1' }).answeredBy).toBe('kubernetes')
    sim.clock.advance(12_000)
    const hit = answerQuery(sim, q, '10.244.1.5', { pod: 'coredns-1' })
    expect(hit.answeredBy).toBe('cache')
    expect(hit.fromCache).toEqual({ ageSeconds: 12 })
    expect(hit.message!.answer[0].ttl).toBe(18)
    // the other replica has not seen the question
    expect(answerQuery(sim, q, '10.244.1.5', { pod: 'coredns-2' }).answeredBy).toBe('kubernetes')
    // item.ttl: expired once the TTL has run out
    sim.clock.advance(18_000)
    expect(answerQuery(sim, q, '10.244.1.5', { pod: 'coredns-1' }).answeredBy).toBe('kubernetes')
  })
})

describe('cache plugin: what it does not keep (cache.go key)', () => {
  it('a CNAME that leads nowhere is not stored (but its TTL is still capped); an NXDOMAIN with its SOA is', () => {
    const sim = withCorefile(defaultCorefile('cluster.local'))
    const cname = { name: 'nginx-external.default.svc.cluster.local.', type: 'A' as const }
    expect(answerQuery(sim, cname, '10.244.1.5', { pod: 'coredns-1' }).answeredBy).toBe('kubernetes')
    const again = answerQuery(sim, cname, '10.244.1.5', { pod: 'coredns-1' })
    expect(again.answeredBy).toBe('kubernetes')
    expect(again.message!.answer.map(recordText)).toEqual(['nginx-external.default.svc.cluster.local. 30 IN CNAME mysql.external-domain.com.'])
    const nx = { name: 'nope.default.svc.cluster.local.', type: 'A' as const }
    answerQuery(sim, nx, '10.244.1.5', { pod: 'coredns-1' })
    expect(answerQuery(sim, nx, '10.244.1.5', { pod: 'coredns-1' }).answeredBy).toBe('cache')
  })
})

describe('loadbalance plugin (loadbalance.go round_robin)', () => {
  const a = (ip: string): DnsRecord => ({ name: 'web.default.svc.cluster.local.', type: 'A', ttl: 30, address: ip })
  const msg = (answer: DnsRecord[]) => ({ ...replyTo({ name: 'web.default.svc.cluster.local.', type: 'A' }, 'NOERROR', true), answer })

  it('is a permutation of the answer, drawn from the seeded stream (same seed, same order)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 0, max: 8 }), (seed, n) => {
        const records = Array.from({ length: n }, (_, i) => a(`10.244.1.${i + 1}`))
        const one = loadbalance(msg(records), createRng(seed)).answer.map(recordText)
        const two = loadbalance(msg(records), createRng(seed)).answer.map(recordText)
        expect(one).toEqual(two)
        expect([...one].sort()).toEqual(records.map(recordText).sort())
      }),
    )
  })

  it('shuffles: over many seeds every address comes first', () => {
    const records = [a('10.244.1.1'), a('10.244.1.2'), a('10.244.1.3')]
    const firsts = new Set<string>()
    for (let seed = 1; seed <= 50; seed++) firsts.add(loadbalance(msg(records), createRng(seed)).answer[0].type === 'A' ? (loadbalance(msg(records), createRng(seed)).answer[0] as { address: string }).address : '')
    expect([...firsts].sort()).toEqual(['10.244.1.1', '10.244.1.2', '10.244.1.3'])
  })

  it('keeps a CNAME ahead of the addresses, and leaves errors alone', () => {
    const cname: DnsRecord = { name: 'x.', type: 'CNAME', ttl: 30, target: 'web.default.svc.cluster.local.' }
    expect(loadbalance(msg([a('10.244.1.1'), cname, a('10.244.1.2')]), createRng(3)).answer[0]).toEqual(cname)
    const nx = { ...msg([a('10.244.1.1'), a('10.244.1.2')]), rcode: 'NXDOMAIN' as const }
    expect(loadbalance(nx, createRng(3))).toBe(nx)
  })
})

describe('hosts plugin (hosts.go)', () => {
  const corefile = (opts: string) => `.:53 {\n  hosts {\n    192.168.100.50 mysql.external-domain.com db\n${opts}  }\n  ${K8S}\n  forward . /etc/resolv.conf\n}\n`

  it('answers inline entries, and the ExternalName CNAME is followed by that address', () => {
    const sim = withCorefile(corefile('    fallthrough\n'))
    expect(answerQuery(sim, { name: 'mysql.external-domain.com.', type: 'A' }, '10.244.1.5').message!.answer.map(recordText)).toEqual(['mysql.external-domain.com. 3600 IN A 192.168.100.50'])
    const m = answerQuery(sim, { name: 'nginx-external.default.svc.cluster.local.', type: 'A' }, '10.244.1.5').message!
    expect(m.answer.map(recordText)).toEqual([
      'nginx-external.default.svc.cluster.local. 30 IN CNAME mysql.external-domain.com.',
      'mysql.external-domain.com. 3600 IN A 192.168.100.50',
    ])
    // hosts generates the PTR too
    expect(answerQuery(sim, { name: '50.100.168.192.in-addr.arpa.', type: 'PTR' }, '10.244.1.5').message!.answer.map(recordText)).toEqual([
      '50.100.168.192.in-addr.arpa. 3600 IN PTR mysql.external-domain.com.',
      '50.100.168.192.in-addr.arpa. 3600 IN PTR db.',
    ])
  })

  it('with fallthrough, names it does not know go on to kubernetes', () => {
    const sim = withCorefile(corefile('    fallthrough\n'))
    expect(answerQuery(sim, { name: 'mysql-service.default.svc.cluster.local.', type: 'A' }, '10.244.1.5').answeredBy).toBe('kubernetes')
  })

  it('without fallthrough, a name it does not know is SERVFAIL ("we don\'t have a SOA")', () => {
    const sim = withCorefile(corefile(''))
    const r = answerQuery(sim, { name: 'mysql-service.default.svc.cluster.local.', type: 'A' }, '10.244.1.5')
    expect(r.message!.rcode).toBe('SERVFAIL')
    expect(r.answeredBy).toBe('hosts')
  })

  it('a known name without that type is NODATA, not passed on', () => {
    const sim = withCorefile(corefile('    fallthrough\n'))
    const m = answerQuery(sim, { name: 'mysql.external-domain.com.', type: 'AAAA' }, '10.244.1.5').message!
    expect([m.rcode, m.answer.length, m.aa]).toEqual(['NOERROR', 0, true])
  })
})

describe('rewrite name (rewrite/name.go)', () => {
  it('an exact rule answers the new name under the old one', () => {
    const sim = withCorefile(`.:53 {\n  rewrite name db.corp.example mysql-service.default.svc.cluster.local\n  ${K8S}\n}\n`)
    const r = answerQuery(sim, { name: 'db.corp.example.', type: 'A' }, '10.244.1.5')
    expect(r.message!.question.name).toBe('db.corp.example.')
    expect(r.message!.answer.map(recordText)).toEqual(['db.corp.example. 30 IN A 10.96.0.12'])
    expect(r.rewrittenTo).toBe('mysql-service.default.svc.cluster.local.')
  })

  it('a suffix rule without "answer auto" keeps the rewritten owner name', () => {
    const sim = withCorefile(`.:53 {\n  rewrite name suffix .corp.example .default.svc.cluster.local\n  ${K8S}\n}\n`)
    const m = answerQuery(sim, { name: 'mysql-service.corp.example.', type: 'A' }, '10.244.1.5').message!
    expect(m.answer.map(recordText)).toEqual(['mysql-service.default.svc.cluster.local. 30 IN A 10.96.0.12'])
    const auto = withCorefile(`.:53 {\n  rewrite name suffix .corp.example .default.svc.cluster.local answer auto\n  ${K8S}\n}\n`)
    expect(answerQuery(auto, { name: 'mysql-service.corp.example.', type: 'A' }, '10.244.1.5').message!.answer.map(recordText)).toEqual(['mysql-service.corp.example. 30 IN A 10.96.0.12'])
  })
})
