import { describe, expect, it } from 'vitest'
import type { Hop } from '../../engine/trace/types'
import { compareHops } from './compare'

const hop = (seq: number, at: string, rule = '', dst = '10.96.0.11'): Hop => ({
  seq, stage: 'kube-proxy', at, before: { protocol: 'TCP', src: '10.244.2.2', dst: '10.96.0.11' },
  after: { protocol: 'TCP', src: '10.244.2.2', dst }, rule, verdict: 'forwarded', note: { code: 'x', params: {} },
})

describe('compareHops', () => {
  it('marks nothing when the runs took the same way', () => {
    const a = [hop(0, 'Node/node1', 'r1'), hop(1, 'Node/node1', 'r2')]
    expect(compareHops(a, a.map((h) => ({ ...h }))).map((r) => r.changed)).toEqual([false, false])
  })
  it('pairs a hop whose rule changed (iptables → IPVS) and keeps the rest aligned', () => {
    const a = [hop(0, 'Pod/a'), hop(1, 'Node/node1', '-A KUBE-SEP-X -j DNAT', '10.244.1.2'), hop(2, 'Pod/b')]
    const b = [hop(0, 'Pod/a'), hop(1, 'Node/node1', '-> 10.244.1.2:3306 Masq 1', '10.244.1.2'), hop(2, 'Pod/b')]
    const rows = compareHops(a, b)
    expect(rows.map((r) => r.changed)).toEqual([false, true, false])
    expect(rows[1].left?.rule).toContain('KUBE-SEP')
    expect(rows[1].right?.rule).toContain('Masq')
  })
  it('does not count a new ephemeral source port as a change', () => {
    const withPort = (srcPort: number) => ({ ...hop(0, 'Pod/a'), after: { ...hop(0, 'Pod/a').after, srcPort } })
    const a = [withPort(50471)]
    const b = [withPort(40000)]
    expect(compareHops(a, b)[0].changed).toBe(false)
    const ct = (sport: number) => ({ ...hop(0, 'Node/node1', `tcp src=10.244.2.2 dst=10.96.0.11 sport=${sport} dport=3306`) })
    expect(compareHops([ct(50471)], [ct(60107)])[0].changed).toBe(false)
    expect(compareHops([ct(50471)], [{ ...ct(50471), rule: 'tcp src=10.244.2.2 dst=10.96.0.12 sport=50471 dport=3306' }])[0].changed).toBe(true)
  })
  it('shows an inserted hop as one row with one side empty', () => {
    const a = [hop(0, 'Pod/a'), hop(1, 'Pod/b')]
    const b = [hop(0, 'Pod/a'), hop(1, 'Node/node2', 'masq'), hop(2, 'Pod/b')]
    const rows = compareHops(a, b)
    expect(rows.map((r) => [!!r.left, !!r.right, r.changed])).toEqual([[true, true, false], [false, true, true], [true, true, false]])
  })
})
