import { describe, expect, it } from 'vitest'
import { encodeReply, parseQuery } from './dnswire'
import { normaliseDig, sortAnswers } from './dns'

// a query as dig 9.18 sends it: id 0x1234, RD, one question, an OPT record (udp 1232) with an 8-byte client cookie
const query = Buffer.from(
  '1234' + '0120' + '0001' + '0000' + '0000' + '0001' +
  '0d6d7973716c2d736572766963650764656661756c740373766307636c7573746572056c6f63616c00' + '0001' + '0001' +
  '00' + '0029' + '04d0' + '00000000' + '000c' + '000a' + '0008' + '0102030405060708', 'hex')

describe('DNS wire format (RFC 1035, RFC 6891, RFC 7873)', () => {
  it('reads the id, RD, question and the client cookie', () => {
    const q = parseQuery(query)!
    expect(q).toMatchObject({ id: 0x1234, rd: true, question: { name: 'mysql-service.default.svc.cluster.local.', type: 'A' }, edns: { udpSize: 1232 } })
    expect(q.edns?.cookie?.toString('hex')).toBe('0102030405060708')
  })

  it('writes an uncompressed reply with the OPT echoed: 135 bytes for one A record, as dig reports it', () => {
    const q = parseQuery(query)!
    const reply = encodeReply(q, {
      rcode: 'NOERROR', aa: true, rd: true, ra: false, question: q.question,
      answer: [{ name: 'mysql-service.default.svc.cluster.local.', type: 'A', ttl: 30, address: '10.96.0.11' }], authority: [], additional: [],
    })
    expect(reply.length).toBe(135)
    expect(reply.readUInt16BE(0)).toBe(0x1234)
    expect(reply.readUInt16BE(2)).toBe(0x8500) // qr aa rd, NOERROR
    expect(reply.subarray(-4).toString('hex')).toBe('05060708')
  })
})

describe('normalising real tool output', () => {
  it("drops only dig's version, id, cookie, query time and date", () => {
    const text = '; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> x\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4242\n; COOKIE: 0a0b0c0d0e0f1011 (echoed)\n;; Query time: 3 msec\n;; WHEN: Fri Nov 27 05:00:00 UTC 2026\n;; MSG SIZE  rcvd: 135\n'
    expect(normaliseDig(text)).toBe('; <<>> DiG VERSION <<>> x\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n; COOKIE: C (echoed)\n;; Query time: T msec\n;; WHEN: W\n;; MSG SIZE  rcvd: 135\n')
  })

  it('orders the records of one answer (CoreDNS loadbalance shuffles them), nothing else', () => {
    expect(sortAnswers('a\nx.\t30 IN A\t10.0.0.2\nx.\t30 IN A\t10.0.0.1\nb')).toBe('a\nx.\t30 IN A\t10.0.0.1\nx.\t30 IN A\t10.0.0.2\nb')
  })
})
