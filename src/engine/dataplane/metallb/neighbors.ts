import type { ObjectId } from '../../core/ids'
import type { Simulation } from '../../sim/simulation'

/** One entry of a machine's ARP cache (the kernel neighbour table `ip neigh` prints). */
export interface Neighbor {
  ip: string
  mac?: string
  /** NUD state: REACHABLE after a confirmed exchange, STALE when learnt from someone else's request, FAILED when unanswered. */
  state: 'REACHABLE' | 'STALE' | 'FAILED'
}

type Tables = Map<ObjectId, Map<string, Neighbor>>

function tables(sim: Simulation): Tables {
  return sim.state<Tables>('metallb:neighbors', () => new Map())
}

/** The ARP cache of a machine (a node, a client or the router), in the order entries were learnt. */
export function neighborTable(sim: Simulation, machine: ObjectId): Neighbor[] {
  return [...(tables(sim).get(machine)?.values() ?? [])]
}

export function learnNeighbor(sim: Simulation, machine: ObjectId, entry: Neighbor): void {
  const t = tables(sim)
  if (!t.has(machine)) t.set(machine, new Map())
  const table = t.get(machine)!
  // Re-inserting keeps the first-learnt order, as the kernel's hash walk is not what users compare against.
  table.set(entry.ip, entry)
}

/**
 * A gratuitous ARP: with the default arp_accept=0 Linux updates an entry it already has for the address and creates
 * none, so only machines that talked to the old owner move to the new MAC.
 */
export function applyGratuitousArp(sim: Simulation, ip: string, mac: string, except: ObjectId): void {
  for (const [machine, table] of tables(sim)) {
    if (machine === except) continue
    const e = table.get(ip)
    if (e) table.set(ip, { ip, mac, state: 'STALE' })
  }
}
