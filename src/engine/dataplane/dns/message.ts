/**
 * DNS messages as plain data: what a query asks, what a server answers. Structured-clone safe, so a trace can carry
 * them from the engine to the app. Names are always absolute (`mysql-service.default.svc.cluster.local.`).
 */

export type QType = 'A' | 'AAAA' | 'CNAME' | 'PTR' | 'SRV' | 'TXT' | 'SOA' | 'NS' | 'MX' | 'ANY'

export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED'

// RFC 1035 / IANA numeric values, for wire-size and nslookup output.
export const RCODE_NUMBER: Record<Rcode, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
}

export const QTYPES: readonly QType[] = ['A', 'AAAA', 'CNAME', 'PTR', 'SRV', 'TXT', 'SOA', 'NS', 'MX', 'ANY']

export interface SoaData {
  mname: string
  rname: string
  serial: number
  refresh: number
  retry: number
  expire: number
  minimum: number
}

export interface SrvData {
  priority: number
  weight: number
  port: number
  target: string
}

/** One resource record. `data` is the RDATA in zone-file presentation form (`10.96.0.10`, `0 100 53 kube-dns...`). */
export type DnsRecord =
  | { name: string; type: 'A' | 'AAAA'; ttl: number; address: string }
  | { name: string; type: 'CNAME' | 'PTR' | 'NS'; ttl: number; target: string }
  | { name: string; type: 'SRV'; ttl: number; srv: SrvData }
  | { name: string; type: 'TXT'; ttl: number; text: string }
  | { name: string; type: 'SOA'; ttl: number; soa: SoaData }
  | { name: string; type: 'MX'; ttl: number; preference: number; target: string }

export interface DnsQuestion {
  name: string
  type: QType
}

export interface DnsMessage {
  /** The transaction id, when the sender chose one. */
  id?: number
  rcode: Rcode
  /** Authoritative answer (aa). */
  aa: boolean
  /** Recursion desired (rd), echoed from the query. */
  rd: boolean
  /** Recursion available (ra). */
  ra: boolean
  question: DnsQuestion
  answer: DnsRecord[]
  authority: DnsRecord[]
  additional: DnsRecord[]
}

/** The RDATA in presentation format, as dig and zone files print it. */
export function rdataText(rr: DnsRecord): string {
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return rr.address
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return rr.target
    case 'SRV':
      return `${rr.srv.priority} ${rr.srv.weight} ${rr.srv.port} ${rr.srv.target}`
    case 'TXT':
      return `"${rr.text.replace(/(["\\])/g, '\\$1')}"`
    case 'MX':
      return `${rr.preference} ${rr.target}`
    case 'SOA': {
      const s = rr.soa
      return `${s.mname} ${s.rname} ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`
    }
  }
}

/** One record on one line, single-spaced: `mysql-service.default.svc.cluster.local. 30 IN A 10.96.0.12`. */
export function recordText(rr: DnsRecord): string {
  return `${rr.name} ${rr.ttl} IN ${rr.type} ${rdataText(rr)}`
}

/** A copy of the record with another TTL (the cache plugin rewrites every TTL of a message). */
export function withTtl(rr: DnsRecord, ttl: number): DnsRecord {
  return { ...rr, ttl }
}

/** A copy of the record under another owner name. */
export function withName(rr: DnsRecord, name: string): DnsRecord {
  return { ...rr, name }
}

/** An empty reply to a question: the starting point of every answer. */
export function replyTo(question: DnsQuestion, rcode: Rcode = 'NOERROR', aa = false): DnsMessage {
  return { rcode, aa, rd: true, ra: false, question, answer: [], authority: [], additional: [] }
}

/** How a response reads to a resolver: an answer, a name that does not exist, a name without that type, a failure. */
export type ResponseKind = 'answer' | 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'other'

export function responseKind(m: DnsMessage): ResponseKind {
  if (m.rcode === 'NXDOMAIN') return 'nxdomain'
  if (m.rcode === 'SERVFAIL') return 'servfail'
  if (m.rcode === 'REFUSED') return 'refused'
  if (m.rcode !== 'NOERROR') return 'other'
  return m.answer.length > 0 ? 'answer' : 'nodata'
}
