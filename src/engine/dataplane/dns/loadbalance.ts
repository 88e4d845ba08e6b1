import type { Rng } from '../../core/rng'
import type { DnsMessage, DnsRecord } from './message'

/**
 * CoreDNS's loadbalance plugin, round_robin policy (coredns plugin/loadbalance/loadbalance.go): every NOERROR
 * response has its answer, authority and additional sections shuffled. A section of only A (or only AAAA) records
 * is shuffled as a whole; a mixed one is regrouped as CNAMEs, other records, then the shuffled addresses, then the
 * shuffled MX records. Each swap draws a fresh `dns.Id()`, here from the simulation's seeded stream.
 */

// miekg/dns Id(): a uniformly random uint16
function dnsId(rng: Rng): number {
  return rng.int(65536)
}

// loadbalance.go roundRobinShuffle
function shuffle(records: DnsRecord[], rng: Rng): void {
  const l = records.length
  if (l <= 1) return
  if (l === 2) {
    if (dnsId(rng) % 2 === 0) [records[0], records[1]] = [records[1], records[0]]
    return
  }
  for (let j = 0; j < l; j++) {
    const p = j + (dnsId(rng) % (l - j))
    if (j === p) continue
    ;[records[j], records[p]] = [records[p], records[j]]
  }
}

// loadbalance.go roundRobin
function roundRobin(input: DnsRecord[], rng: Rng): DnsRecord[] {
  if (input.length <= 1) return input
  const t = input[0].type
  if ((t === 'A' || t === 'AAAA') && input.every((r) => r.type === t)) {
    const out = [...input]
    shuffle(out, rng)
    return out
  }
  const cname = input.filter((r) => r.type === 'CNAME')
  const address = input.filter((r) => r.type === 'A' || r.type === 'AAAA')
  const mx = input.filter((r) => r.type === 'MX')
  const rest = input.filter((r) => r.type !== 'CNAME' && r.type !== 'A' && r.type !== 'AAAA' && r.type !== 'MX')
  shuffle(address, rng)
  shuffle(mx, rng)
  return [...cname, ...rest, ...address, ...mx]
}

/** The response as loadbalance writes it: shuffled when NOERROR, untouched otherwise. */
export function loadbalance(m: DnsMessage, rng: Rng): DnsMessage {
  if (m.rcode !== 'NOERROR') return m
  return { ...m, answer: roundRobin(m.answer, rng), authority: roundRobin(m.authority, rng), additional: roundRobin(m.additional, rng) }
}
