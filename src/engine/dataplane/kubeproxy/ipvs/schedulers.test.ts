import { describe, expect, it } from 'vitest'
import { bucketTable, dhBucket, schedule, shBucket, type DestView, type SchedulerMemory } from './schedulers'

const dest = (name: string, weight = 1, activeConns = 0, inactConns = 0): DestView => ({ key: name, ip: name, weight, activeConns, inactConns })
const names = (ds: DestView[], picks: (number | undefined)[]) => picks.map((i) => (i === undefined ? '-' : ds[i].key)).join('')

function run(name: string, ds: DestView[], n: number, packet = { src: '10.244.1.5', dst: '10.96.0.10' }): string {
  const mem: SchedulerMemory = {}
  const picks: (number | undefined)[] = []
  for (let i = 0; i < n; i++) picks.push(schedule(name, ds, mem, packet)?.index)
  return names(ds, picks)
}

describe('IPVS schedulers (kernel net/netfilter/ipvs)', () => {
  it.each([
    // ip_vs_rr.c: the next destination after the last one chosen, skipping weight 0
    { src: 'ip_vs_rr.c', name: 'rr', ds: [dest('A'), dest('B'), dest('C')], n: 9, want: 'ABCABCABC' },
    { src: 'ip_vs_rr.c: weight 0 gets no new connections', name: 'rr', ds: [dest('A'), dest('B', 0), dest('C')], n: 4, want: 'ACAC' },
    // ip_vs_wrr.c / LVS scheduling text: weights 4,3,2 give AABABCABC per period
    { src: 'ip_vs_wrr.c', name: 'wrr', ds: [dest('A', 4), dest('B', 3), dest('C', 2)], n: 18, want: 'AABABCABCAABABCABC' },
    { src: 'ip_vs_wrr.c: equal weights are round robin', name: 'wrr', ds: [dest('A'), dest('B')], n: 4, want: 'ABAB' },
  ])('$src: $name $want', ({ name, ds, n, want }) => {
    expect(run(name, ds, n)).toBe(want)
  })

  it('rr is exactly even over whole rounds (ip_vs_rr.c)', () => {
    const ds = [dest('A'), dest('B'), dest('C')]
    const out = run('rr', ds, 3000)
    for (const k of 'ABC') expect(out.split('').filter((c) => c === k).length).toBe(1000)
  })

  it.each([
    // ip_vs_lc.c: overhead = active*256 + inactive, least wins, ties keep list order
    { src: 'ip_vs_lc.c', name: 'lc', ds: [dest('A', 1, 1, 0), dest('B', 1, 0, 200), dest('C', 1, 0, 300)], want: 'B' },
    { src: 'ip_vs_lc.c: tie keeps the first', name: 'lc', ds: [dest('A', 1, 0, 1), dest('B', 1, 0, 1)], want: 'A' },
    { src: 'ip_vs_lc.c: weight ignored except 0', name: 'lc', ds: [dest('A', 0), dest('B', 5, 1), dest('C', 1, 0, 1)], want: 'C' },
    // ip_vs_wlc.c: overhead / weight
    { src: 'ip_vs_wlc.c', name: 'wlc', ds: [dest('A', 1, 1), dest('B', 3, 2)], want: 'B' },
    { src: 'ip_vs_wlc.c: equal ratio keeps the first', name: 'wlc', ds: [dest('A', 1, 1), dest('B', 2, 2)], want: 'A' },
    // ip_vs_sed.c: (active + 1) / weight
    { src: 'ip_vs_sed.c', name: 'sed', ds: [dest('A', 1, 0), dest('B', 3, 1)], want: 'B' },
    { src: 'ip_vs_sed.c: inactive connections do not count', name: 'sed', ds: [dest('A', 1, 0, 900), dest('B', 1, 1)], want: 'A' },
    // ip_vs_nq.c: an idle server first, whatever the weights
    { src: 'ip_vs_nq.c', name: 'nq', ds: [dest('A', 10, 1), dest('B', 1, 0)], want: 'B' },
    { src: 'ip_vs_nq.c: none idle, then sed', name: 'nq', ds: [dest('A', 1, 2), dest('B', 3, 3)], want: 'B' },
  ])('$src: $name picks $want by open connections', ({ name, ds, want }) => {
    expect(run(name, ds, 1)).toBe(want)
  })

  it('sh is sticky by source address, dh by destination address (ip_vs_sh.c, ip_vs_dh.c)', () => {
    const ds = [dest('A'), dest('B'), dest('C')]
    for (const src of ['10.244.1.5', '10.244.2.9', '192.168.100.1']) {
      const once = run('sh', ds, 1, { src, dst: '10.96.0.10' })
      expect(run('sh', ds, 20, { src, dst: '10.96.0.10' })).toBe(once.repeat(20))
    }
    for (const dst of ['10.96.0.10', '10.96.7.7']) {
      const once = run('dh', ds, 1, { src: '1.2.3.4', dst })
      expect(run('dh', ds, 10, { src: '5.6.7.8', dst })).toBe(once.repeat(10))
    }
    // different sources spread over the destinations
    const seen = new Set<string>()
    for (let i = 1; i < 60; i++) seen.add(run('sh', ds, 1, { src: `10.244.1.${i}`, dst: '10.96.0.10' }))
    expect(seen).toEqual(new Set(['A', 'B', 'C']))
  })

  it('sh and dh hash keys and bucket tables follow the kernel formulas', () => {
    // hash_32(x, 8) = (x * 0x61C88647 mod 2^32) >> 24; dh: (x * 2654435761) & 255
    expect(shBucket('0.0.0.1')).toBe(0x61c88647 >>> 24)
    expect(dhBucket('0.0.0.1')).toBe(2654435761 & 255)
    expect(bucketTable([dest('A', 2), dest('B', 1)], 'sh').slice(0, 6)).toEqual([0, 0, 1, 0, 0, 1])
    expect(bucketTable([dest('A', 2), dest('B', 1)], 'dh').slice(0, 4)).toEqual([0, 1, 0, 1])
  })

  it('every scheduler refuses when all weights are 0 (graceful deletion)', () => {
    for (const name of ['rr', 'wrr', 'lc', 'wlc', 'sed', 'nq', 'sh', 'dh']) {
      expect(schedule(name, [dest('A', 0), dest('B', 0)], {}, { src: '1.1.1.1', dst: '2.2.2.2' })).toBeUndefined()
    }
  })
})
