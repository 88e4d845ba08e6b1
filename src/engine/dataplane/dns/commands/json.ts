import { rdataText, type DnsMessage, type DnsRecord } from '../message'

/** The `--json` shape every DNS command prints: the data behind the text, the SOA telling NXDOMAIN from NODATA. */
export interface DnsJson {
  rcode: string
  server: string
  answers: { name: string; type: string; ttl: number; data: string }[]
  authority: { name: string; type: string; ttl: number; data: string }[]
  tried: string[]
}

export function recordJson(rr: DnsRecord): { name: string; type: string; ttl: number; data: string } {
  return { name: rr.name, type: rr.type, ttl: rr.ttl, data: rdataText(rr) }
}

/**
 * One summary of several replies: the answers of every reply, and the rcode of the first reply that answered (else
 * of the last reply, the one that ended the lookup).
 */
export function dnsJson(server: string, replies: (DnsMessage | undefined)[], tried: string[]): DnsJson {
  const got = replies.filter((m): m is DnsMessage => m !== undefined)
  const answering = got.find((m) => m.rcode === 'NOERROR' && m.answer.length > 0)
  const last = got[got.length - 1]
  const rcode = answering ? 'NOERROR' : last ? last.rcode : 'TIMEOUT'
  const seen = new Set<string>()
  const uniq = (rrs: DnsRecord[]) =>
    rrs.filter((r) => {
      const k = `${r.name}|${r.type}|${rdataText(r)}`
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
  return {
    rcode,
    server,
    answers: uniq(got.flatMap((m) => m.answer)).map(recordJson),
    authority: uniq(answering ? [] : got.flatMap((m) => m.authority)).map(recordJson),
    tried: [...new Set(tried)],
  }
}
