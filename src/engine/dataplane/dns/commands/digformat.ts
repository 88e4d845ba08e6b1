import { rdataText, type DnsMessage, type DnsQuestion, type DnsRecord } from '../message'
import { labels } from '../names'

/**
 * The text of a DNS message as dig 9.18 prints it (bind9 bin/dig/dig.c printmessage, lib/dns/message.c
 * dns_message_sectiontotext, lib/dns/masterdump.c rdataset_totext), and its size on the wire.
 */

// dig.c: dns_master_stylecreate(&style, styleflags, 24, 32, 40, 48, 80, 8, ...): ttl, class, type, rdata columns, tab 8
const TTL_COLUMN = 24
const CLASS_COLUMN = 32
const TYPE_COLUMN = 40
const RDATA_COLUMN = 48
const TAB = 8

// masterdump.c indent(): tabs to the column's tab stop then spaces; always at least one character
function indent(column: number, to: number): { text: string; column: number } {
  const target = to < column + 1 ? column + 1 : to
  const tabs = Math.max(0, Math.floor(target / TAB) - Math.floor(column / TAB))
  const from = tabs > 0 ? Math.floor(target / TAB) * TAB : column
  return { text: '\t'.repeat(tabs) + ' '.repeat(target - from), column: target }
}

/** One resource record line: owner, TTL, class, type and data at dig's columns. */
export function digRecordLine(rr: DnsRecord): string {
  let out = rr.name
  let col = rr.name.length
  for (const [field, to] of [[String(rr.ttl), TTL_COLUMN], ['IN', CLASS_COLUMN], [rr.type, TYPE_COLUMN], [rdataText(rr), RDATA_COLUMN]] as const) {
    const ind = indent(col, to)
    out += ind.text + field
    col = ind.column + field.length
  }
  return out
}

/** The question line: `;name.  IN  A` (masterdump.c question_totext; the `;` is not counted in the columns). */
export function digQuestionLine(q: DnsQuestion): string {
  let out = `;${q.name}`
  let col = q.name.length
  for (const [field, to] of [['IN', CLASS_COLUMN], [q.type, TYPE_COLUMN]] as const) {
    const ind = indent(col, to)
    out += ind.text + field
    col = ind.column + field.length
  }
  return out
}

/** A section as dns_message_sectiontotext writes it: header, one line per record, a blank line; nothing if empty. */
export function digSection(title: string, records: DnsRecord[]): string {
  if (records.length === 0) return ''
  return `;; ${title} SECTION:\n${records.map(digRecordLine).join('\n')}\n\n`
}

// RFC 1035 3.1: a name on the wire is each label's length byte and bytes, then the root's zero byte
function nameLength(name: string): number {
  return labels(name).reduce((n, l) => n + 1 + l.length, 0) + 1
}

function rdataLength(rr: DnsRecord): number {
  switch (rr.type) {
    case 'A':
      return 4
    case 'AAAA':
      return 16
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return nameLength(rr.target)
    case 'SRV':
      return 6 + nameLength(rr.srv.target)
    case 'MX':
      return 2 + nameLength(rr.target)
    case 'TXT':
      return 1 + rr.text.length
    case 'SOA':
      return nameLength(rr.soa.mname) + nameLength(rr.soa.rname) + 20
  }
}

/** Bytes of the OPT record CoreDNS echoes (root name, 10 bytes of fixed fields, the 8-byte client cookie option). */
export const OPT_WITH_COOKIE_LENGTH = 1 + 10 + 4 + 8

// miekg/dns compresses owner names and the names inside these types only (compressionLenHelperType); SRV targets
// stay whole (RFC 2782)
const COMPRESSIBLE_RDATA = new Set(['CNAME', 'PTR', 'NS', 'MX', 'SOA'])

/** Length of a name written after `seen` names, pointing (2 bytes) at the longest suffix already written. */
function compressedName(name: string, seen: Set<string>): number {
  const ls = labels(name).map((l) => l.toLowerCase())
  let n = 0
  for (let i = 0; i < ls.length; i++) {
    const suffix = ls.slice(i).join('.')
    if (seen.has(suffix)) return n + 2
    seen.add(suffix)
    n += 1 + ls[i].length
  }
  return n + 1
}

function messageLength(m: DnsMessage, compress: boolean): number {
  const seen = new Set<string>()
  const nameLen = (name: string) => (compress ? compressedName(name, seen) : nameLength(name))
  let n = 12 + nameLen(m.question.name) + 4
  for (const rr of [...m.answer, ...m.authority, ...m.additional]) {
    n += nameLen(rr.name) + 10
    if (!compress || !COMPRESSIBLE_RDATA.has(rr.type)) {
      n += rdataLength(rr)
      continue
    }
    if (rr.type === 'SOA') n += nameLen(rr.soa.mname) + nameLen(rr.soa.rname) + 20
    else if (rr.type === 'MX') n += 2 + nameLen(rr.target)
    else if (rr.type === 'CNAME' || rr.type === 'PTR' || rr.type === 'NS') n += nameLen(rr.target)
  }
  return n
}

/**
 * The reply's size. CoreDNS sends a reply that fits the client's buffer uncompressed without compression, and
 * compresses it only when it does not fit (request.Scrub → miekg/dns Msg.Truncate: "Don't waste effort compressing
 * this message").
 */
export function wireSize(m: DnsMessage, withOpt: boolean, bufsize = 1232): number {
  const opt = withOpt ? OPT_WITH_COOKIE_LENGTH : 0
  const plain = messageLength(m, false) + opt
  return plain <= bufsize ? plain : messageLength(m, true) + opt
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

// Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day count since 1970-01-01 (no Date object,
// so the engine stays free of the host's clock and zone)
function civil(days: number): { y: number; m: number; d: number } {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

/** strftime "%a %b %d %H:%M:%S %Z %Y" in UTC, the zone of a container without TZ. */
export function digWhen(ms: number): string {
  const days = Math.floor(ms / 86400000)
  const secs = Math.floor((ms - days * 86400000) / 1000)
  const { y, m, d } = civil(days)
  // 1970-01-01 was a Thursday
  const weekday = DAYS[(((days + 4) % 7) + 7) % 7]
  const p = (n: number) => String(n).padStart(2, '0')
  return `${weekday} ${MONTHS[m - 1]} ${p(d)} ${p(Math.floor(secs / 3600))}:${p(Math.floor((secs % 3600) / 60))}:${p(secs % 60)} UTC ${y}`
}
