import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answerQuery } from './coredns'
import { readCorefile } from './corefile/config'
import { QTYPES } from './message'
import { nslookupCommand } from './commands/nslookup'
import { digCommand } from './commands/dig'
import { baseCluster, simOf } from './testing/fixture'

const runs = Number(process.env.FUZZ_RUNS ?? 200)

describe('DNS invariants', () => {
  it('the Corefile reader never throws, and every finding points at a line of the text', () => {
    const words = fc.constantFrom('.:53', '{', '}', 'kubernetes', 'cluster.local', 'pods', 'insecure', 'ttl', '30', 'forward', '.', '/etc/resolv.conf', 'cache', 'hosts', '10.0.0.1', 'a.b', '"q"', '#c', 'fallthrough', 'rewrite', 'name', '\n')
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (ws) => {
        const text = ws.join(' ')
        const cfg = readCorefile(text)
        const lines = text.split('\n').length
        for (const f of cfg.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1)
          expect(f.line).toBeLessThanOrEqual(lines)
        }
      }),
      { numRuns: runs },
    )
  })

  it('every question gets a well-formed reply: NXDOMAIN and NODATA carry an SOA, answers own the asked name or follow a CNAME', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/)
    const name = fc.oneof(
      fc.tuple(label, fc.constantFrom('default', 'prod', 'kube-system', 'nowhere')).map(([s, n]) => `${s}.${n}.svc.cluster.local.`),
      fc.constantFrom('mysql-service.default.svc.cluster.local.', 'web.default.svc.cluster.local.', 'web-0.web.default.svc.cluster.local.', 'nginx-external.default.svc.cluster.local.', 'cluster.local.', 'default.svc.cluster.local.', '10.0.96.10.in-addr.arpa.', 'dns-version.cluster.local.'),
      fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => `${ls.join('.')}.`),
    )
    const sim = simOf(baseCluster())
    fc.assert(
      fc.property(name, fc.constantFrom(...QTYPES), (n, type) => {
        const m = answerQuery(sim, { name: n, type }, '10.244.1.5').message!
        expect(m.question.name.toLowerCase()).toBe(n.toLowerCase())
        if (m.rcode === 'NXDOMAIN' && m.aa) expect(m.authority.some((r) => r.type === 'SOA')).toBe(true)
        if (m.rcode === 'NOERROR' && m.answer.length === 0 && m.aa) expect(m.authority.some((r) => r.type === 'SOA')).toBe(true)
        const owners = new Set([n.toLowerCase(), ...m.answer.filter((r) => r.type === 'CNAME').map((r) => (r as { target: string }).target.toLowerCase())])
        for (const rr of m.answer) expect(owners.has(rr.name.toLowerCase())).toBe(true)
      }),
      { numRuns: runs },
    )
  })

  it('same scenario and seed, byte-identical output and traces', () => {
    const once = () => {
      const sim = simOf(baseCluster(), 42)
      const pod = sim.scenario.cluster.pods.find((p) => p.name === 'client')!
      const ctx = { sim, where: { kind: 'pod' as const, pod }, lang: 'en' as const, json: false }
      const a = nslookupCommand.run(['web'], ctx)
      const b = digCommand.run(['+search', 'web'], ctx)
      return JSON.stringify([a.stdout, b.stdout, a.traces, b.traces])
    }
    expect(once()).toBe(once())
  })
})
