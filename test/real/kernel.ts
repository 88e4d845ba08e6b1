import { join } from 'node:path'
import type { Cluster } from '../../src/engine/cluster/types'
import type { Ending, Leg, Observation } from './legs'
import type { ModeDriver } from './modes'
import { inNs, run } from './sh'
import type { Plan } from './topology'

/** The kernel's side of a leg: real connections from the opening machine's namespace, and what they left behind. */

// a shell loop of socat clients for a few connections (no start-up cost), one node process for a batch (about 0.3 s
// to start, then a few milliseconds a connection)
const PROBE_SH = join(import.meta.dirname, 'probe.sh')
const PROBE_NODE = join(import.meta.dirname, 'probe.mjs')
const BATCH = 20

/** The namespace a machine's processes run in (a hostNetwork pod shares its node's). */
export function namespaceOf(cluster: Cluster, plan: Plan, id: string): string | undefined {
  const direct = plan.pods.find((p) => p.id === id) ?? plan.nodes.find((n) => n.id === id) ?? plan.outside.find((o) => o.id === id)
  if (direct) return direct.ns
  const pod = cluster.pods.find((p) => p.id === id)
  if (pod?.hostNetwork) return plan.nodes.find((n) => n.node.name === pod.nodeName)?.ns
  return undefined
}

/** One line of probe.sh: the listener's words, or the error socat reported. */
export function parseProbeLine(line: string): Observation {
  const who = /who=(\S+)/.exec(line)?.[1]
  if (who) return { ending: 'answered', who, seen: /peer=(\S+)/.exec(line)?.[1], firewall: [], dnat: [] }
  const error = /error=(\S+)/.exec(line)?.[1]
  const ending: Ending = error === 'refused' ? 'refused' : error === 'timeout' || error === 'unreachable' ? 'lost' : 'error'
  return { ending, firewall: [], dnat: [] }
}

/** `count` connections of the leg; each ending as the kernel gave it. */
export function probe(ns: string, leg: Leg, count: number, timeoutMs: number): Observation[] {
  if (leg.protocol === 'ICMP') {
    const out: Observation[] = []
    for (let i = 0; i < count; i++) {
      // busybox ping: one echo request, one second to answer
      const r = inNs(ns, ['busybox', 'ping', '-c', '1', '-W', String(Math.ceil(timeoutMs / 1000)), leg.dst])
      out.push({ ending: r.status === 0 ? 'answered' : 'lost', firewall: [], dnat: [] })
    }
    return out
  }
  const proto = leg.protocol === 'UDP' ? 'udp' : 'tcp'
  const limit = count * (timeoutMs + 500) + 10_000
  if (count >= BATCH || leg.protocol === 'UDP') {
    const spec = { proto, host: leg.dst, port: leg.port, count, timeoutMs }
    const r = inNs(ns, ['node', PROBE_NODE, JSON.stringify(spec)], undefined, limit)
    if (r.status !== 0) throw new Error(`probe in ${ns} failed: ${r.stderr.trim()}`)
    return (JSON.parse(r.stdout) as { who?: string; peer?: string; error?: string }[]).map((p) => parseProbeLine(
      p.who ? `who=${p.who} peer=${p.peer}` : `error=${p.error === 'ECONNREFUSED' ? 'refused' : p.error === 'EHOSTUNREACH' || p.error === 'ENETUNREACH' ? 'unreachable' : p.error}`))
  }
  const r = inNs(ns, ['sh', PROBE_SH, proto, leg.dst, String(leg.port), String(count), String(Math.ceil(timeoutMs / 1000))], undefined, limit)
  if (r.status !== 0) throw new Error(`probe in ${ns} failed: ${r.stderr.trim()}`)
  return r.stdout.trim().split('\n').filter(Boolean).map(parseProbeLine)
}

/** Conntrack entries of every node, flushed before a probe so that what is left after belongs to it. */
export function flushConntrack(plan: Plan): void {
  for (const n of plan.nodes) inNs(n.ns, ['conntrack', '-F'])
}

export interface CtEntry { node: string; origDst: string; replySrc: string; origSrc: string; replyDst: string }

export function conntrackEntries(plan: Plan, leg: Leg): CtEntry[] {
  const out: CtEntry[] = []
  const proto = leg.protocol === 'ICMP' ? 'icmp' : leg.protocol.toLowerCase()
  for (const n of plan.nodes) {
    const r = inNs(n.ns, ['conntrack', '-L', '-p', proto, '--orig-dst', leg.dst])
    for (const line of r.stdout.split('\n')) {
      const src = [...line.matchAll(/src=(\S+)/g)].map((m) => m[1])
      const dst = [...line.matchAll(/dst=(\S+)/g)].map((m) => m[1])
      const sport = [...line.matchAll(/sport=(\d+)/g)].map((m) => m[1])
      const dport = [...line.matchAll(/dport=(\d+)/g)].map((m) => m[1])
      if (src.length < 2 || dst.length < 2) continue
      if (leg.port !== undefined && dport[0] !== String(leg.port)) continue
      out.push({
        node: n.node.name,
        origSrc: src[0], origDst: `${dst[0]}${dport[0] ? `:${dport[0]}` : ''}`,
        replySrc: `${src[1]}${sport[1] ? `:${sport[1]}` : ''}`, replyDst: dst[1],
      })
    }
  }
  return out
}

/** Firewall rules (REJECT, DROP) whose packet counters rose between two readings, as `node|rule`. */
export function firewallHits(plan: Plan, driver: ModeDriver, before: Map<string, Map<string, number>>): string[] {
  const hits: string[] = []
  for (const n of plan.nodes) {
    const prev = before.get(n.ns) ?? new Map()
    for (const [rule, count] of driver.firewallCounters(n.ns) ?? []) if (count > (prev.get(rule) ?? 0)) hits.push(`${n.node.name}|${rule}`)
  }
  return hits.sort()
}

export function readCounters(plan: Plan, driver: ModeDriver): Map<string, Map<string, number>> {
  return new Map(plan.nodes.map((n) => [n.ns, driver.firewallCounters(n.ns) ?? new Map()]))
}

export { run }
