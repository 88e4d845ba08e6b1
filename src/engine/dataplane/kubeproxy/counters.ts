import type { Simulation } from '../../sim/simulation'
import type { Rule } from './iptables/rule'

/**
 * Packet and byte counters of a node's rules, as `iptables -L -v` and `iptables-save` show them. Only the nat table
 * is counted: it sees exactly the first packet of each connection (conntrack handles the rest), which is what the
 * walk simulates; filter rules, which real kernels count for every packet, stay at zero.
 */

export interface Counters {
  rules: Map<Rule, [number, number]>
  /** Built-in chain policies, by `table:CHAIN`. */
  policies: Map<string, [number, number]>
}

export function ruleCounters(sim: Simulation, node: string): Counters {
  return sim.state(`kubeproxy:counters:${node}`, () => ({ rules: new Map(), policies: new Map() }))
}

// the first packet's size on the wire: a Linux TCP SYN is 60 bytes (20 IP + 40 TCP with options), an ICMP echo of
// ping's default 56 data bytes is 84, a UDP DNS query for a cluster name about 80
export function firstPacketBytes(protocol: string): number {
  return protocol === 'TCP' ? 60 : protocol === 'ICMP' ? 84 : protocol === 'UDP' ? 80 : 60
}

export function bump(map: Map<unknown, [number, number]>, key: unknown, bytes: number): void {
  const c = map.get(key)
  if (c) { c[0]++; c[1] += bytes } else map.set(key, [1, bytes])
}
