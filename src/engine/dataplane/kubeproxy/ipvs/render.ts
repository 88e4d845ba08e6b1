import type { IpvsNodeState, RealServer, VirtualServer } from './compile'
import { connCounts, destList, isActive, IPVS_TIMEOUT_MS, type IpvsConn, type IpvsRuntime } from './connections'

/**
 * ipvsadm's text (ipvsadm.c print_title, print_service_entry, list_conn), byte for byte: the column widths, the
 * trailing blanks of `%-10u`, the `persistent N` flag.
 */

// ipvsadm.c: IPVS_VERSION 1.2.1 and the connection hash table size (ip_vs_conn_tab_size, 4096 by default)
export const IPVSADM_TITLE = 'IP Virtual Server version 1.2.1 (size=4096)\n'

const pad = (s: string, n: number) => s.padEnd(n, ' ')

/** How an address and port print: numeric (-n), or the port by its /etc/services name. */
export type AddrFormat = (ip: string, port: number) => string
const numeric: AddrFormat = (ip, port) => `${ip}:${port}`
const right = (s: string | number, n: number) => String(s).padStart(n, ' ')

/** `TCP  10.96.0.10:80 rr persistent 10800`: the service line of `ipvsadm -Ln`. */
export function serviceLine(vs: VirtualServer, fmt: AddrFormat = numeric): string {
  let line = `${vs.protocol}  ${fmt(vs.address, vs.port)} ${vs.scheduler}`
  if (vs.persistent) line += ` persistent ${vs.persistent}`
  return line
}

/** `  -> 10.244.1.2:80                Masq    1      0          0         `: a destination line. */
export function destLine(rs: RealServer, weight: number, active: number, inactive: number, fmt: AddrFormat = numeric): string {
  // printf("  -> %-28s %-7s %-6d %-10u %-10u\n")
  return `  -> ${pad(fmt(rs.ip, rs.port), 28)} ${pad('Masq', 7)} ${pad(String(weight), 6)} ${pad(String(active), 10)} ${pad(String(inactive), 10)}`
}

export type IpvsadmView = 'plain' | 'stats' | 'rate'

export function renderIpvsadmList(s: IpvsNodeState, rt: IpvsRuntime, now: number, view: IpvsadmView = 'plain', only?: VirtualServer, fmt: AddrFormat = numeric): string {
  let out = IPVSADM_TITLE
  if (view === 'plain') out += 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n'
  else if (view === 'stats') out += 'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n  -> RemoteAddress:Port\n'
  else out += 'Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n  -> RemoteAddress:Port\n'
  for (const vs of only ? [only] : s.virtualServers) {
    if (view === 'plain') {
      out += serviceLine(vs, fmt) + '\n'
      for (const { rs, view: d } of destList(rt, vs, now)) out += destLine(rs, d.weight, d.activeConns, d.inactConns, fmt) + '\n'
      continue
    }
    const numbers = (key: string) => {
      const st = rt.stats.get(key) ?? { conns: 0, inPkts: 0, outPkts: 0, inBytes: 0, outBytes: 0 }
      // --rate: the kernel's estimator averages over seconds; a playground's handful of requests rounds to 0
      const v = view === 'stats' ? [st.conns, st.inPkts, st.outPkts, st.inBytes, st.outBytes] : [0, 0, 0, 0, 0]
      return v.map((n) => ' ' + right(n, 8)).join('')
    }
    // printf("%-33s %8LU %8LU %8LU %8LU %8LU\n") for both the service and "  -> " destinations
    out += pad(`${vs.protocol}  ${fmt(vs.address, vs.port)}`, 33) + numbers(vs.key) + '\n'
    for (const { rs } of destList(rt, vs, now)) out += pad(`  -> ${fmt(rs.ip, rs.port)}`, 33) + numbers(`${vs.key}>${rs.key}`) + '\n'
  }
  return out
}

function connState(c: IpvsConn, now: number): { state: string; expireMs: number } {
  if (c.template) return { state: 'NONE', expireMs: c.expiresAtMs - now }
  if (c.protocol === 'UDP') return { state: 'UDP', expireMs: c.expiresAtMs - now }
  if (isActive(c, now)) return { state: 'ESTABLISHED', expireMs: c.openedAtMs + IPVS_TIMEOUT_MS.ESTABLISHED - now }
  return { state: 'TIME_WAIT', expireMs: c.expiresAtMs - now }
}

/** `ipvsadm -Lnc`: the connection entries (ipvsadm.c list_conn, print_conn). */
export function renderIpvsadmConnections(rt: IpvsRuntime, now: number, fmt: AddrFormat = numeric): string {
  let out = 'IPVS connection entries\npro expire state       source             virtual            destination\n'
  for (const c of rt.conns) {
    const { state, expireMs } = connState(c, now)
    const secs = Math.max(0, Math.floor(expireMs / 1000))
    const mmss = `${String(Math.floor(secs / 60)).padStart(2, '0')}:${String(secs % 60).padStart(2, '0')}`
    // printf("%-3s %02d:%02d  %-11s %-18s %-18s %-18s\n")
    out += `${pad(c.protocol, 3)} ${mmss}  ${pad(state, 11)} ${pad(fmt(c.client, c.cport), 18)} ${pad(fmt(c.vaddr, c.vport), 18)} ${pad(fmt(c.daddr, c.dport), 18)}\n`
  }
  return out
}

export { connCounts }

/** `ip addr`'s entry for kube-ipvs0: a dummy link kept DOWN (NOARP), every Service address on it as /32. */
export function kubeIpvs0(addresses: string[], index: number, mac: string): string {
  let out = `${index}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default \n    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n`
  for (const a of addresses) out += `    inet ${a}/32 scope global kube-ipvs0\n       valid_lft forever preferred_lft forever\n`
  return out
}
