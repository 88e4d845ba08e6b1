import { describe, expect, it } from 'vitest'
import type { ShellContext } from '../../../shell/types'
import type { Simulation } from '../../../sim/simulation'
import { baseCluster, corednsConfigMap, simOf } from '../testing/fixture'
import { digCommand } from './dig'
import { digQuestionLine, digRecordLine, digWhen, wireSize } from './digformat'
import { getentCommand } from './getent'
import { nslookupCommand, nslookupQuestions } from './nslookup'

// No loadbalance, so multi-record answers keep the plugin's order.
const NO_SHUFFLE = `.:53 {
    errors
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    forward . /etc/resolv.conf
    cache 30
}
`

function ctxAt(sim: Simulation, podName = 'client', json = false): ShellContext {
  const pod = sim.scenario.cluster.pods.find((p) => p.name === podName)!
  return { sim, where: { kind: 'pod', pod }, lang: 'en', json }
}

function plainSim(): Simulation {
  const cluster = baseCluster()
  cluster.others.push(corednsConfigMap(NO_SHUFFLE))
  return simOf(cluster)
}

describe('dig text layout (bind9 masterdump.c indent, columns 24/32/40/48, tab 8)', () => {
  it.each([
    // the familiar layout of a short name: tabs to each column
    { rr: { name: 'example.com.', type: 'A' as const, ttl: 86400, address: '93.184.216.34' }, line: 'example.com.\t\t86400\tIN\tA\t93.184.216.34' },
    // a name past every column: one space between fields
    { rr: { name: 'mysql-service.default.svc.cluster.local.', type: 'A' as const, ttl: 30, address: '10.96.0.12' }, line: 'mysql-service.default.svc.cluster.local. 30 IN A 10.96.0.12' },
    { rr: { name: 'cluster.local.', type: 'SOA' as const, ttl: 30, soa: { mname: 'ns.dns.cluster.local.', rname: 'hostmaster.cluster.local.', serial: 1, refresh: 7200, retry: 1800, expire: 86400, minimum: 30 } }, line: 'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30' },
  ])('$line', ({ rr, line }) => {
    expect(digRecordLine(rr)).toBe(line)
  })

  it('question lines start with ";" outside the column count', () => {
    expect(digQuestionLine({ name: 'example.com.', type: 'A' })).toBe(';example.com.\t\t\tIN\tA')
    expect(digQuestionLine({ name: 'mysql-service.default.svc.cluster.local.', type: 'A' })).toBe(';mysql-service.default.svc.cluster.local. IN A')
  })

  it('WHEN is strftime("%a %b %d %H:%M:%S %Z %Y") in UTC', () => {
    expect(digWhen(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('Thu Jan 01 00:00:00 UTC 2026')
    expect(digWhen(Date.UTC(2024, 1, 29, 13, 5, 9))).toBe('Thu Feb 29 13:05:09 UTC 2024')
  })

  it('MSG SIZE counts every name uncompressed plus the echoed OPT with its cookie', () => {
    // header 12 + question (41 + 4) + answer (41 + 10 + 4) + OPT 23
    const m = { rcode: 'NOERROR' as const, aa: true, rd: true, ra: false, question: { name: 'mysql-service.default.svc.cluster.local.', type: 'A' as const }, answer: [{ name: 'mysql-service.default.svc.cluster.local.', type: 'A' as const, ttl: 30, address: '10.96.0.12' }], authority: [], additional: [] }
    expect(wireSize(m, true)).toBe(135)
  })
})

describe('nslookup (busybox 1.36)', () => {
  it('builds the search questions only for dotless names, A before AAAA, never the bare name', () => {
    const search = ['default.svc.cluster.local', 'svc.cluster.local']
    expect(nslookupQuestions('web', ['A', 'AAAA'], search).map((q) => `${q.type} ${q.name}`)).toEqual([
      'A web.default.svc.cluster.local',
      'A web.svc.cluster.local',
      'AAAA web.default.svc.cluster.local',
      'AAAA web.svc.cluster.local',
    ])
    expect(nslookupQuestions('web.default', ['A'], search).map((q) => q.name)).toEqual(['web.default'])
  })

  it('prints the current layout, one NXDOMAIN block per missed search name, and exits 1', () => {
    const r = nslookupCommand.run(['mysql-service'], ctxAt(plainSim()))
    expect(r.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tmysql-service.default.svc.cluster.local\nAddress: 10.96.0.12\n\n' +
        "** server can't find mysql-service.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find mysql-service.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find mysql-service.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find mysql-service.cluster.local: NXDOMAIN\n\n",
    )
    expect(r.exitCode).toBe(1)
  })

  it('an address asks one PTR', () => {
    const r = nslookupCommand.run(['10.96.0.10'], ctxAt(plainSim()))
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local\n\n')
    expect(r.exitCode).toBe(0)
  })

  it('-type=srv and an explicit server', () => {
    const r = nslookupCommand.run(['-type=srv', '_mysql._tcp.mysql-service.default.svc.cluster.local', '10.96.0.10'], ctxAt(plainSim()))
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n_mysql._tcp.mysql-service.default.svc.cluster.local\tservice = 0 100 3306 mysql-service.default.svc.cluster.local\n\n')
  })

  it('--json carries rcode, server, answers, authority and the names tried', () => {
    const r = nslookupCommand.run(['nope'], ctxAt(plainSim(), 'client', true))
    expect(r.json).toMatchObject({
      rcode: 'NXDOMAIN',
      server: '10.96.0.10',
      answers: [],
      authority: [{ name: 'cluster.local.', type: 'SOA', ttl: 30, data: 'ns.dns.cluster.local. hostmaster.cluster.local. 1767225000 7200 1800 86400 30' }],
      tried: ['nope.default.svc.cluster.local', 'nope.svc.cluster.local', 'nope.cluster.local'],
    })
  })

  it('times out when CoreDNS does not run', () => {
    const cluster = baseCluster()
    cluster.others.push(corednsConfigMap('.:53 {\n  bogus\n}\n'))
    const r = nslookupCommand.run(['mysql-service'], ctxAt(simOf(cluster)))
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('dig 9.18', () => {
  it('prints header, flags, sections and stats; the mDNS warning for .local names', () => {
    const r = digCommand.run(['mysql-service.default.svc.cluster.local'], ctxAt(plainSim()))
    const lines = r.stdout.split('\n')
    expect(lines.slice(0, 4)).toEqual(['', '; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> mysql-service.default.svc.cluster.local', ';; global options: +cmd', ';; Got answer:'])
    expect(r.stdout).toContain(';; WARNING: .local is reserved for Multicast DNS\n')
    expect(r.stdout).toMatch(/;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n; COOKIE: [0-9a-f]{16} \(echoed\)\n;; QUESTION SECTION:\n;mysql-service.default.svc.cluster.local. IN A\n\n;; ANSWER SECTION:\nmysql-service.default.svc.cluster.local. 30 IN A 10.96.0.12\n\n;; Query time: 1 msec\n;; SERVER: 10.96.0.10#53\(10.96.0.10\) \(UDP\)\n;; WHEN: Thu Jan 01 00:00:00 UTC 2026\n;; MSG SIZE {2}rcvd: 135\n\n$/)
    expect(r.exitCode).toBe(0)
  })

  it('without +search a short name is asked as is (and goes upstream); with +search it is completed', () => {
    const sim = plainSim()
    expect(digCommand.run(['+short', 'mysql-service'], ctxAt(sim)).stdout).toBe('')
    expect(digCommand.run(['+short', '+search', 'mysql-service'], ctxAt(sim)).stdout).toBe('10.96.0.12\n')
    expect(digCommand.run(['+search', 'mysql-service'], ctxAt(sim, 'client', true)).json).toMatchObject({ rcode: 'NOERROR', tried: ['mysql-service.default.svc.cluster.local.'] })
  })

  it('NXDOMAIN shows the SOA in AUTHORITY; -x asks the PTR; @server adds "(1 server found)"', () => {
    const sim = plainSim()
    const nx = digCommand.run(['@10.96.0.10', 'nope.default.svc.cluster.local'], ctxAt(sim))
    expect(nx.stdout).toContain('; (1 server found)\n;; global options: +cmd\n')
    expect(nx.stdout).toContain('status: NXDOMAIN')
    expect(nx.stdout).toContain(';; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1767225000 7200 1800 86400 30\n')
    expect(digCommand.run(['+short', '-x', '10.96.0.12'], ctxAt(sim)).stdout).toBe('mysql-service.default.svc.cluster.local.\n')
  })

  it('no reply: three timeouts, "no servers could be reached", exit 9', () => {
    const r = digCommand.run(['@10.0.0.99', 'mysql-service'], ctxAt(plainSim()))
    expect(r.stdout).toBe(`${';; communications error to 10.0.0.99#53: timed out\n'.repeat(3)}\n; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> @10.0.0.99 mysql-service\n; (1 server found)\n;; global options: +cmd\n;; no servers could be reached\n`)
    expect(r.exitCode).toBe(9)
  })
})

describe('getent hosts (glibc nss/getent.c)', () => {
  it('prints "%-15s %s" per address, through the search list', () => {
    const r = getentCommand.run(['hosts', 'data.prod'], ctxAt(plainSim()))
    expect(r.stdout).toBe('10.96.0.20      data.prod.svc.cluster.local\n')
    expect(r.exitCode).toBe(0)
  })

  it('reads /etc/hosts first, looks addresses up backwards, exits 2 when a key is missing', () => {
    const sim = plainSim()
    expect(getentCommand.run(['hosts', 'client'], ctxAt(sim)).stdout).toBe('10.244.1.5      client\n')
    expect(getentCommand.run(['hosts', '10.96.0.10'], ctxAt(sim)).stdout).toBe('10.96.0.10      kube-dns.kube-system.svc.cluster.local\n')
    expect(getentCommand.run(['hosts', 'nope'], ctxAt(sim)).exitCode).toBe(2)
  })
})

describe('DNS commands send real packets', () => {
  it('nslookup returns the trace of its flow: the queries, the DNAT to a CoreDNS pod, the answers', () => {
    const sim = plainSim()
    const r = nslookupCommand.run(['mysql-service'], ctxAt(sim))
    expect(r.traces).toHaveLength(1)
    const hops = r.traces![0].hops
    expect(hops.slice(0, 6).map((h) => `${h.stage} ${h.before.dns?.qtype} ${h.before.dns?.question}`)).toEqual([
      'dns A mysql-service.default.svc.cluster.local.',
      'dns A mysql-service.svc.cluster.local.',
      'dns A mysql-service.cluster.local.',
      'dns AAAA mysql-service.default.svc.cluster.local.',
      'dns AAAA mysql-service.svc.cluster.local.',
      'dns AAAA mysql-service.cluster.local.',
    ])
    const dnat = hops.find((h) => h.stage === 'kube-proxy' && h.verdict === 'translated')!
    expect(['10.244.0.254', '10.244.1.254']).toContain(dnat.after.dst)
    // one socket, one flow: every answer comes from the same CoreDNS pod
    const at = new Set(hops.filter((h) => h.stage === 'dns' && h.verdict === 'answered').map((h) => h.at))
    expect(at.size).toBe(1)
    expect([...at][0]).toMatch(/^Pod\/kube-system\/coredns-/)
  })

  it("a repeated query hits the cache of the CoreDNS pod kube-proxy picks again, its TTL counted down", () => {
    const sim = plainSim()
    const seen = new Map<string, number>()
    let hits = 0
    for (let i = 0; i < 6; i++) {
      const r = digCommand.run(['mysql-service.default.svc.cluster.local'], ctxAt(sim, 'client', true))
      const answer = r.traces![0].hops.find((h) => h.stage === 'dns' && h.verdict === 'answered')!
      const ttl = (r.json as { answers: { ttl: number }[] }).answers[0].ttl
      const since = seen.get(answer.at)
      if (since === undefined) expect(ttl).toBe(30)
      else {
        hits++
        expect(answer.note.code).toBe('dns.hop.cached')
        expect(ttl).toBe(30 - Math.floor((sim.clock.now() - since) / 1000))
      }
      if (since === undefined) seen.set(answer.at, sim.clock.now())
      sim.clock.advance(4000)
    }
    // two CoreDNS pods, six queries within 24 s: some pod is asked twice while its entry lives
    expect(hits).toBeGreaterThan(0)
  })
})

describe('reply size (miekg/dns Truncate: compress only what does not fit)', () => {
  const a = (i: number) => ({ name: 'web.default.svc.cluster.local.', type: 'A' as const, ttl: 30, address: `10.244.1.${i}` })
  const msg = (n: number) => ({ rcode: 'NOERROR' as const, aa: true, rd: true, ra: false, question: { name: 'web.default.svc.cluster.local.', type: 'A' as const }, answer: Array.from({ length: n }, (_, i) => a(i + 1)), authority: [], additional: [] })

  it('counts names in full while the reply fits', () => {
    // 12 + (31 + 4) + 3 × (31 + 10 + 4) + 23
    expect(wireSize(msg(3), true)).toBe(205)
  })

  it('compresses once it would not fit: every owner after the question is a 2-byte pointer', () => {
    // 40 records: 12 + 35 + 40 × (2 + 10 + 4) + 23
    expect(wireSize(msg(40), true)).toBe(12 + 35 + 40 * 16 + 23)
  })
})
