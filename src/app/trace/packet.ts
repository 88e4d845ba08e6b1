import type { Hop, HopStage, Packet } from '../../engine/trace/types'

/** One field of a packet as the label and the hop inspector show it. */
export interface PacketField {
  name: 'protocol' | 'src' | 'srcPort' | 'dst' | 'dstPort' | 'dns' | 'http' | 'status'
  before: string
  after: string
  changed: boolean
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v))

function dnsText(p: Packet): string {
  if (!p.dns) return ''
  const answers = p.dns.answers?.length ? ` → ${p.dns.answers.join(', ')}` : ''
  return `${p.dns.qtype} ${p.dns.question}${p.dns.rcode ? ` ${p.dns.rcode}` : ''}${answers}`
}

function httpText(p: Packet): string {
  if (!p.http) return ''
  return `${p.http.method} ${p.http.scheme}://${p.http.host}${p.http.path}`
}

/** The packet's fields before and after a hop, each marked when the hop changed it (a DNAT's dst, an SNAT's src). */
export function packetFields(before: Packet, after: Packet): PacketField[] {
  const pairs: [PacketField['name'], string, string][] = [
    ['protocol', before.protocol, after.protocol],
    ['src', before.src, after.src],
    ['srcPort', str(before.srcPort), str(after.srcPort)],
    ['dst', before.dst, after.dst],
    ['dstPort', str(before.dstPort), str(after.dstPort)],
    ['dns', dnsText(before), dnsText(after)],
    ['http', httpText(before), httpText(after)],
    ['status', str(before.http?.status), str(after.http?.status)],
  ]
  return pairs
    .filter(([, b, a]) => b !== '' || a !== '')
    .map(([name, b, a]) => ({ name, before: b, after: a, changed: b !== a }))
}

/** `10.244.2.2:50471` — an address with its port when it has one. */
export function endpoint(addr: string, port?: number): string {
  return port === undefined ? addr : `${addr}:${port}`
}

/** The label's two ends: what the packet carried before the hop, what it carries after. */
export function labelParts(hop: Hop): { src: [string, string]; dst: [string, string] } {
  return {
    src: [endpoint(hop.before.src, hop.before.srcPort), endpoint(hop.after.src, hop.after.srcPort)],
    dst: [endpoint(hop.before.dst, hop.before.dstPort), endpoint(hop.after.dst, hop.after.dstPort)],
  }
}

/** The stages the Events filter offers, in the order a request meets them. */
export const STAGES: readonly HopStage[] = ['dns', 'arp', 'bgp', 'route', 'kube-proxy', 'conntrack', 'ingress', 'pod', 'reply']

/** Whether a hop belongs to the reply's way back (the animation draws it in the reply's colour). */
export function isReturnHop(hop: Hop): boolean {
  return hop.stage === 'reply' || (hop.stage === 'conntrack' && hop.note.code.startsWith('trace.reply')) ||
    (hop.stage === 'dns' && hop.verdict === 'answered')
}
