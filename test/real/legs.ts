import type { Protocol } from '../../src/engine/cluster/types'
import type { Simulation } from '../../src/engine/sim/simulation'
import { traceRequest } from '../../src/engine/trace/walk'
import type { Trace } from '../../src/engine/trace/types'

/**
 * A leg is one connection a request makes: the resolver's query to kube-dns, the client's connection to a NodePort,
 * the ingress controller's own connection to the backend pod. The harness replays each leg from the machine that
 * opens it, in the engine (a walk of that connection alone) and in the kernel (a real connection from the same
 * namespace), and compares where it ends.
 */
export interface Leg {
  /** The canvas id of the machine that opens the connection (a pod, a node, a client, the router). */
  from: string
  protocol: Protocol | 'ICMP'
  dst: string
  /** Absent for ICMP. */
  port?: number
}

export function legKey(l: Leg): string {
  return `${l.from} ${l.protocol} ${l.dst}${l.port === undefined ? '' : `:${l.port}`}`
}

// walk.ts: the first hop of every connection a pod or a host process opens
const LEG_START = new Set(['trace.source.pod', 'trace.source.host'])

/**
 * The legs of a command's trace: a connection from an outside machine starts at the first hop that carries its
 * packet (after name resolution and ARP); a pod's or a node's starts at walk.ts's source hop.
 */
export function legsOf(trace: Trace): Leg[] {
  const legs: Leg[] = []
  const seen = new Set<string>()
  const push = (l: Leg) => {
    if (!seen.has(legKey(l))) legs.push(l)
    seen.add(legKey(l))
  }
  const outside = /^(Client|Router)\//.test(trace.request.from)
  let outsideDone = false
  for (const h of trace.hops) {
    const p = h.before
    if (p.protocol !== 'TCP' && p.protocol !== 'UDP' && p.protocol !== 'ICMP') continue
    if (LEG_START.has(h.note.code)) {
      push({ from: h.at, protocol: p.protocol, dst: p.dst, ...(p.protocol === 'ICMP' ? {} : { port: p.dstPort }) })
    } else if (outside && !outsideDone && h.stage !== 'dns') {
      outsideDone = true
      push({ from: trace.request.from, protocol: p.protocol, dst: p.dst, ...(p.protocol === 'ICMP' ? {} : { port: p.dstPort }) })
    }
  }
  return legs
}

/** How a connection ended, in terms both sides can report. */
export type Ending = 'answered' | 'refused' | 'rejected' | 'lost' | 'error'

export interface Observation {
  ending: Ending
  /** Who answered: a pod's or a node's canvas id (not known for ICMP in the kernel). */
  who?: string
  /** The source address the answering process saw. */
  seen?: string
  /** The firewall rules that ended the connection, as `node|rule`. */
  firewall: string[]
  /** Where a DNAT happened: `node|ip:port`. */
  dnat: string[]
}

export function engineEnding(result: Trace['outcome']['result']): Ending {
  switch (result) {
    case 'ok': case 'http-error': case 'tls-error': return 'answered'
    case 'refused': return 'refused'
    case 'rejected': return 'rejected'
    case 'dropped': case 'timeout': case 'no-route': return 'lost'
    default: return 'error'
  }
}

/** One walk of the leg alone, on the simulation given (its conntrack, affinity and random stream carry on). */
export function engineWalk(sim: Simulation, leg: Leg): Trace {
  if (leg.protocol === 'ICMP') return traceRequest(sim, { from: leg.from, protocol: 'TCP', host: leg.dst, port: 0 }, { icmp: true })
  return traceRequest(sim, { from: leg.from, protocol: leg.protocol, host: leg.dst, port: leg.port ?? 0 })
}

export function observeTrace(t: Trace): Observation {
  const ending = engineEnding(t.outcome.result)
  const obs: Observation = { ending, firewall: [], dnat: [] }
  for (const h of t.hops) {
    if (h.stage === 'kube-proxy' && (h.verdict === 'rejected' || h.verdict === 'dropped') && h.rule) obs.firewall.push(`${h.node}|${h.rule}`)
    const dnat = h.verdict === 'translated' && (h.before.dst !== h.after.dst || h.before.dstPort !== h.after.dstPort)
    if (h.stage === 'kube-proxy' && dnat) obs.dnat.push(`${h.node}|${h.after.dst}:${h.after.dstPort}`)
  }
  if (ending === 'answered') {
    const at = [...t.hops].reverse().find((h) => (h.stage === 'pod' && h.verdict === 'delivered') || h.verdict === 'answered')
    if (at) {
      obs.who = at.at
      obs.seen = at.before.src
    }
  }
  return obs
}
