import type { Simulation } from '../../../sim/simulation'
import type { RealServer, VirtualServer } from './compile'
import type { DestView, SchedulerMemory } from './schedulers'

/**
 * IPVS's own connection table on one node (the kernel's ip_vs_conn entries, `ipvsadm -Lnc`), kept in the
 * Simulation's state so that the connection-counting schedulers see the connections earlier requests left.
 *
 * Time: a TCP connection is ESTABLISHED (ActiveConn) while its request lasts, then TIME_WAIT (InActConn) for the
 * IPVS TCP timeout of that state; a UDP "connection" is always inactive and lives for the UDP timeout.
 */

// ip_vs_proto_tcp.c tcp_timeouts: ESTABLISHED 15*60 s, TIME_WAIT 2*60 s; ip_vs_proto_udp.c udp_timeouts: NORMAL 5*60 s
export const IPVS_TIMEOUT_MS = { ESTABLISHED: 900_000, TIME_WAIT: 120_000, UDP: 300_000 }
/** How long one request keeps its connection open on the virtual clock (an exchange on the lab's LAN). */
export const REQUEST_DURATION_MS = 5

export interface IpvsConn {
  protocol: VirtualServer['protocol']
  client: string
  cport: number
  vaddr: string
  vport: number
  daddr: string
  dport: number
  vsKey: string
  openedAtMs: number
  /** TCP: ESTABLISHED until then, TIME_WAIT after. */
  activeUntilMs: number
  expiresAtMs: number
  /** A persistence template (ip_vs_sched_persist): client address → real server, no ports. */
  template?: boolean
}

export interface IpvsRuntime {
  conns: IpvsConn[]
  /** Scheduler memory per virtual server key. */
  sched: Map<string, SchedulerMemory>
  /** Packets and bytes seen per virtual server and per real server (`--stats`). */
  stats: Map<string, { conns: number; inPkts: number; outPkts: number; inBytes: number; outBytes: number }>
}

export function ipvsRuntime(sim: Simulation, node: string): IpvsRuntime {
  const rt = sim.state<IpvsRuntime>(`kubeproxy:ipvs:${node}`, () => ({ conns: [], sched: new Map(), stats: new Map() }))
  const now = sim.clock.now()
  // the kernel's connection timers: expired entries leave the table
  for (let i = rt.conns.length - 1; i >= 0; i--) if (rt.conns[i].expiresAtMs <= now) rt.conns.splice(i, 1)
  return rt
}

export function isActive(c: IpvsConn, now: number): boolean {
  return !c.template && c.protocol !== 'UDP' && now < c.activeUntilMs
}

/** ActiveConn and InActConn of a real server of a virtual server, as `ipvsadm -Ln` counts them. */
export function connCounts(rt: IpvsRuntime, vs: VirtualServer, rs: RealServer, now: number): { active: number; inactive: number } {
  let active = 0
  let inactive = 0
  for (const c of rt.conns) {
    if (c.template || c.vsKey !== vs.key || c.daddr !== rs.ip || c.dport !== rs.port) continue
    if (isActive(c, now)) active++
    else inactive++
  }
  return { active, inactive }
}

/** The destinations a scheduler sees: the real servers, then those draining at weight 0 while they still have connections. */
export function destList(rt: IpvsRuntime, vs: VirtualServer, now: number): { rs: RealServer; view: DestView }[] {
  const out: { rs: RealServer; view: DestView }[] = []
  for (const rs of vs.realServers) {
    const n = connCounts(rt, vs, rs, now)
    out.push({ rs, view: { key: rs.key, ip: rs.ip, weight: rs.weight, activeConns: n.active, inactConns: n.inactive } })
  }
  for (const rs of vs.draining) {
    const n = connCounts(rt, vs, rs, now)
    // graceful_termination.go deleteRsFunc: a TCP real server is deleted only once ActiveConn + InactiveConn is 0
    if (n.active + n.inactive > 0) out.push({ rs, view: { key: rs.key, ip: rs.ip, weight: 0, activeConns: n.active, inactConns: n.inactive } })
  }
  return out
}

export function addConnection(rt: IpvsRuntime, vs: VirtualServer, rs: RealServer, client: string, cport: number, now: number): IpvsConn {
  const udp = vs.protocol === 'UDP'
  const conn: IpvsConn = {
    protocol: vs.protocol, client, cport, vaddr: vs.address, vport: vs.port, daddr: rs.ip, dport: rs.port, vsKey: vs.key,
    openedAtMs: now,
    activeUntilMs: udp ? now : now + REQUEST_DURATION_MS,
    expiresAtMs: udp ? now + IPVS_TIMEOUT_MS.UDP : now + REQUEST_DURATION_MS + IPVS_TIMEOUT_MS.TIME_WAIT,
  }
  rt.conns.push(conn)
  for (const key of [vs.key, `${vs.key}>${rs.key}`]) {
    const s = rt.stats.get(key) ?? { conns: 0, inPkts: 0, outPkts: 0, inBytes: 0, outBytes: 0 }
    // one request and its reply: a TCP exchange is about 6 packets each way (handshake, data, FIN), UDP one
    const pk = udp ? 1 : 6
    s.conns++
    s.inPkts += pk
    s.outPkts += pk
    s.inBytes += udp ? 60 : 420
    s.outBytes += udp ? 120 : 860
    rt.stats.set(key, s)
  }
  return conn
}

/** ip_vs_sched_persist: the template of a client for a persistent virtual server, if still valid. */
export function findTemplate(rt: IpvsRuntime, vs: VirtualServer, client: string): IpvsConn | undefined {
  return rt.conns.find((c) => c.template && c.vsKey === vs.key && c.client === client)
}

export function touchTemplate(rt: IpvsRuntime, vs: VirtualServer, rs: RealServer, client: string, now: number): void {
  const t = findTemplate(rt, vs, client)
  const expiresAtMs = now + vs.persistent * 1000
  if (t) {
    t.daddr = rs.ip
    t.dport = rs.port
    t.expiresAtMs = Math.max(t.expiresAtMs, expiresAtMs)
    return
  }
  rt.conns.push({ protocol: vs.protocol, client, cport: 0, vaddr: vs.address, vport: vs.port, daddr: rs.ip, dport: rs.port, vsKey: vs.key, openedAtMs: now, activeUntilMs: now, expiresAtMs, template: true })
}
