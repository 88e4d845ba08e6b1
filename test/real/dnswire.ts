import type { DnsMessage, DnsQuestion, DnsRecord, QType } from '../../src/engine/dataplane/dns/message'
import { RCODE_NUMBER } from '../../src/engine/dataplane/dns/message'

/**
 * RFC 1035 wire format for the harness's DNS server: the query's id, question, RD bit and EDNS OPT (with dig's
 * cookie) in; the engine's DnsMessage out. Names are written uncompressed: CoreDNS replies uncompressed when the
 * answer fits the client's buffer (the engine's MSG SIZE counts it so).
 */

const TYPE_NUMBER: Record<string, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 }
const NUMBER_TYPE = Object.fromEntries(Object.entries(TYPE_NUMBER).map(([k, v]) => [v, k])) as Record<number, QType>

export interface Query {
  id: number
  rd: boolean
  question: DnsQuestion
  /** The OPT record's UDP size and client cookie, when the query carried EDNS. */
  edns?: { udpSize: number; cookie?: Buffer }
}

function readName(buf: Buffer, at: number): [string, number] {
  const labels: string[] = []
  let i = at
  for (;;) {
    const len = buf[i]
    if (len === 0) return [labels.join('.') + '.', i + 1]
    labels.push(buf.subarray(i + 1, i + 1 + len).toString('latin1'))
    i += 1 + len
  }
}

export function parseQuery(buf: Buffer): Query | undefined {
  if (buf.length < 12) return undefined
  const id = buf.readUInt16BE(0)
  const rd = (buf[2] & 1) === 1
  const qd = buf.readUInt16BE(4)
  const ar = buf.readUInt16BE(10)
  if (qd !== 1) return undefined
  const [name, after] = readName(buf, 12)
  const type = NUMBER_TYPE[buf.readUInt16BE(after)]
  if (!type) return undefined
  const q: Query = { id, rd, question: { name, type } }
  let i = after + 4
  for (let n = 0; n < ar && i < buf.length; n++) {
    const [, rrAt] = readName(buf, i)
    const rrType = buf.readUInt16BE(rrAt)
    const cls = buf.readUInt16BE(rrAt + 2)
    const rdlen = buf.readUInt16BE(rrAt + 8)
    const rdata = buf.subarray(rrAt + 10, rrAt + 10 + rdlen)
    if (rrType === 41) {
      q.edns = { udpSize: cls }
      for (let o = 0; o + 4 <= rdata.length;) {
        const code = rdata.readUInt16BE(o)
        const len = rdata.readUInt16BE(o + 2)
        if (code === 10) q.edns.cookie = Buffer.from(rdata.subarray(o + 4, o + 4 + Math.min(len, 8)))
        o += 4 + len
      }
    }
    i = rrAt + 10 + rdlen
  }
  return q
}

function name(n: string): Buffer {
  const parts = n.replace(/\.$/, '').split('.').filter(Boolean)
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'latin1')])), Buffer.from([0])])
}

function u16(n: number): Buffer { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b }
function u32(n: number): Buffer { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b }

function rdata(rr: DnsRecord): Buffer {
  switch (rr.type) {
    case 'A': return Buffer.from(rr.address.split('.').map(Number))
    case 'AAAA': {
      const [head, tail = ''] = rr.address.split('::')
      const h = head ? head.split(':') : []
      const t = tail ? tail.split(':') : []
      const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t]
      return Buffer.concat(groups.map((g) => u16(parseInt(g || '0', 16))))
    }
    case 'CNAME': case 'PTR': case 'NS': return name(rr.target)
    case 'MX': return Buffer.concat([u16(rr.preference), name(rr.target)])
    case 'SRV': return Buffer.concat([u16(rr.srv.priority), u16(rr.srv.weight), u16(rr.srv.port), name(rr.srv.target)])
    case 'TXT': return Buffer.concat([Buffer.from([Buffer.byteLength(rr.text)]), Buffer.from(rr.text)])
    case 'SOA': return Buffer.concat([name(rr.soa.mname), name(rr.soa.rname), u32(rr.soa.serial), u32(rr.soa.refresh), u32(rr.soa.retry), u32(rr.soa.expire), u32(rr.soa.minimum)])
  }
}

function record(rr: DnsRecord): Buffer {
  const data = rdata(rr)
  return Buffer.concat([name(rr.name), u16(TYPE_NUMBER[rr.type]), u16(1), u32(rr.ttl), u16(data.length), data])
}

export function encodeReply(q: Query, m: DnsMessage): Buffer {
  // CoreDNS echoes the query's OPT with the client cookie only (request.SizeAndDo, supportedOptions)
  const opt = q.edns
    ? Buffer.concat([Buffer.from([0]), u16(41), u16(q.edns.udpSize), u32(0),
      ...(q.edns.cookie ? [u16(4 + q.edns.cookie.length), u16(10), u16(q.edns.cookie.length), q.edns.cookie] : [u16(0)])])
    : undefined
  const flags = 0x8000 | (m.aa ? 0x0400 : 0) | (q.rd ? 0x0100 : 0) | (m.ra ? 0x0080 : 0) | RCODE_NUMBER[m.rcode]
  const header = Buffer.concat([u16(q.id), u16(flags), u16(1), u16(m.answer.length), u16(m.authority.length), u16(m.additional.length + (opt ? 1 : 0))])
  const question = Buffer.concat([name(q.question.name), u16(TYPE_NUMBER[q.question.type]), u16(1)])
  return Buffer.concat([header, question, ...m.answer.map(record), ...m.authority.map(record), ...m.additional.map(record), ...(opt ? [opt] : [])])
}
