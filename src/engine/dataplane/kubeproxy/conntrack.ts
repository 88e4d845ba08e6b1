import type { Simulation } from '../../sim/simulation'

/**
 * The kernel's connection-tracking table of a node, as the packet walk fills it: one entry per connection whose
 * packets this node NATed or forwarded, with the original and the reply tuple (the reply tuple is what undoes DNAT
 * and SNAT on the way back). `conntrack -L` prints it in conntrack-tools' format.
 */

export interface Tuple {
  src: string
  dst: string
  sport: number
  dport: number
}

export interface ConntrackEntry {
  protocol: 'tcp' | 'udp'
  orig: Tuple
  reply: Tuple
  /** TCP state once the exchange is over (curl and nc close the connection: TIME_WAIT). */
  state?: 'ESTABLISHED' | 'TIME_WAIT' | 'SYN_SENT' | 'CLOSE'
  /** The reply direction was never seen. */
  unreplied: boolean
  assured: boolean
  mark: number
  expiresAtMs: number
}

// nf_conntrack defaults: tcp_timeout_time_wait 120 s, udp_timeout 30 s (udp_timeout_stream 120 s once assured)
export const TIMEOUT_MS = { TIME_WAIT: 120_000, ESTABLISHED: 432_000_000, SYN_SENT: 120_000, udp: 30_000, udpStream: 120_000 }

export function conntrackTable(sim: Simulation, node: string): ConntrackEntry[] {
  const table = sim.state<ConntrackEntry[]>(`conntrack:${node}`, () => [])
  const now = sim.clock.now()
  // expired entries leave the table (the kernel's gc)
  for (let i = table.length - 1; i >= 0; i--) if (table[i].expiresAtMs <= now) table.splice(i, 1)
  return table
}

export function addConntrack(sim: Simulation, node: string, entry: ConntrackEntry): void {
  conntrackTable(sim, node).push(entry)
}

/** The entry whose reply tuple a packet matches (a reply on its way back), if any. */
export function findReply(sim: Simulation, node: string, protocol: string, t: Tuple): ConntrackEntry | undefined {
  return conntrackTable(sim, node).find(
    (e) => e.protocol === protocol && e.reply.src === t.src && e.reply.dst === t.dst && e.reply.sport === t.sport && e.reply.dport === t.dport,
  )
}

const PROTO_NUM = { tcp: 6, udp: 17 }

function tuple(t: Tuple): string {
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`
}

// libnetfilter_conntrack snprintf_default: "%-8s %u " proto, timeout, [state], orig, [UNREPLIED], reply, [ASSURED], mark, use
export function conntrackLine(e: ConntrackEntry, nowMs: number): string {
  const timeout = Math.max(0, Math.floor((e.expiresAtMs - nowMs) / 1000))
  let line = `${e.protocol.padEnd(8, ' ')} ${PROTO_NUM[e.protocol]} ${timeout} `
  if (e.state) line += `${e.state} `
  line += tuple(e.orig) + ' '
  if (e.unreplied) line += '[UNREPLIED] '
  line += tuple(e.reply) + ' '
  if (e.assured) line += '[ASSURED] '
  line += `mark=${e.mark} use=1`
  return line
}

/** `conntrack -L`: the entries on stdout, the count on stderr, as conntrack-tools 1.4.7 prints them. */
export function renderConntrackList(entries: ConntrackEntry[], nowMs: number): { stdout: string; stderr: string } {
  const stdout = entries.map((e) => conntrackLine(e, nowMs) + '\n').join('')
  const stderr = `conntrack v1.4.7 (conntrack-tools): ${entries.length} flow entries have been shown.\n`
  return { stdout, stderr }
}
