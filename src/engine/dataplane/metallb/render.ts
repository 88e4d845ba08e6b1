import { OBJECT_AGE_AT_LOAD_MS, SCENARIO_EPOCH_MS } from '../../core/clock'
import type { ObjectId } from '../../core/ids'
import type { Cluster } from '../../cluster/types'
import type { Simulation } from '../../sim/simulation'
import { computeBGP, comparePrefix, type BGPPath } from './bgp'
import { lanCidr } from './lan'
import { neighborTable } from './neighbors'
import { LAN_INTERFACE } from './speakers'

/**
 * The router's and the LAN's state in the words of the real tools: iproute2 (`ip route`, `ip neigh`, which end every
 * attribute with a space) and FRR's vtysh (`show ip bgp`, `show ip route`).
 */

/** iproute2 prints a host route without its /32. */
function dstText(prefix: string): string {
  return prefix.endsWith('/32') ? prefix.slice(0, -3) : prefix
}

/** `ip route` on the router: its connected LAN and the BGP routes zebra installed (multipath as nexthop lines). */
export function routerIpRoute(cluster: Cluster): string {
  const router = cluster.router
  if (!router) return ''
  const lan = lanCidr(cluster)
  const entries: { prefix: string; text: string }[] = [
    { prefix: lan.text, text: `${lan.text} dev ${LAN_INTERFACE} proto kernel scope link src ${router.ip} \n` },
  ]
  for (const r of computeBGP(cluster).routes) {
    const hops = [...r.multipath].sort((a, b) => comparePrefix(`${a.nextHop}/32`, `${b.nextHop}/32`))
    // print_route / print_rta_multipath: one line, or the route then a tab-indented line per next hop.
    const text =
      hops.length === 1
        ? `${dstText(r.prefix)} via ${hops[0].nextHop} dev ${LAN_INTERFACE} proto bgp metric ${r.distance} \n`
        : `${dstText(r.prefix)} proto bgp metric ${r.distance} \n` + hops.map((h) => `\tnexthop via ${h.nextHop} dev ${LAN_INTERFACE} weight 1 \n`).join('')
    entries.push({ prefix: r.prefix, text })
  }
  return entries.sort((a, b) => comparePrefix(a.prefix, b.prefix)).map((e) => e.text).join('')
}

/** `ip neigh` on any machine of the LAN: its ARP cache as the requests so far filled it. */
export function ipNeigh(sim: Simulation, machine: ObjectId): string {
  return neighborTable(sim, machine)
    .map((n) => (n.mac ? `${n.ip} dev ${LAN_INTERFACE} lladdr ${n.mac} ${n.state}\n` : `${n.ip} dev ${LAN_INTERFACE} ${n.state}\n`))
    .join('')
}

const BGP_LEGEND = `Status codes:  s suppressed, d damped, h history, * valid, > best, = multipath,
               i internal, r RIB-failure, S Stale, R Removed
Nexthop codes: @NNN nexthop's vrf id, < announce-nh-self
Origin codes:  i - IGP, e - EGP, ? - incomplete
RPKI validation codes: V valid, I invalid, N Not found
`

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length)
}

function leftPad(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text
}

/**
 * `show ip bgp` (FRR bgp_route.c route_vty_out): a 3-character status (`*` valid, `>` best, `=` multipath, `i`
 * internal), the network in 17 columns (only on a prefix's first path), the next hop in 16, MED in 10, LocPrf in 7
 * (blank when the path carries none), weight in 7, then the AS path and the origin.
 */
export function showIpBgp(cluster: Cluster): string {
  const router = cluster.router
  if (!router || router.asn === undefined) return '% No BGP process is configured\n'
  const routes = computeBGP(cluster).routes
  let out = `BGP table version is ${routes.length}, local router ID is ${router.ip}, vrf id 0\n`
  out += `Default local pref 100, local AS ${router.asn}\n`
  out += BGP_LEGEND + '\n'
  const total = routes.reduce((n, r) => n + r.paths.length, 0)
  if (routes.length === 0) return `No BGP prefixes displayed, ${total} exist\n`
  out += '   Network          Next Hop            Metric LocPrf Weight Path\n'
  for (const r of routes) {
    const ordered = [r.best, ...r.paths.filter((p) => p !== r.best)]
    ordered.forEach((p, i) => {
      const status = '*' + (p === r.best ? '>' : r.multipath.includes(p) ? '=' : ' ') + (p.ibgp ? 'i' : ' ')
      let line = status
      if (i === 0) {
        line += r.prefix.length >= 17 ? `${r.prefix}\n${' '.repeat(20)}` : pad(r.prefix, 17)
      } else line += ' '.repeat(17)
      line += pad(p.nextHop, 16)
      line += leftPad('0', 10)
      line += p.localPref !== undefined ? leftPad(String(p.localPref), 7) : ' '.repeat(7)
      line += leftPad('0', 7) + ' '
      line += pathText(p)
      out += line + '\n'
    })
  }
  out += `\nDisplayed  ${routes.length} routes and ${total} total paths\n`
  return out
}

function pathText(p: BGPPath): string {
  return (p.asPath.length > 0 ? p.asPath.join(' ') + ' ' : '') + 'i'
}

function uptime(sim: Simulation | undefined): string {
  // Routes came up with the objects: OBJECT_AGE_AT_LOAD_MS before the scenario's start, and time moves with requests.
  const ms = OBJECT_AGE_AT_LOAD_MS + (sim ? Math.max(0, sim.clock.now() - SCENARIO_EPOCH_MS) : 0)
  const s = Math.floor(ms / 1000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`
}

const ROUTE_LEGEND = `Codes: K - kernel route, C - connected, S - static, R - RIP,
       O - OSPF, I - IS-IS, B - BGP, E - EIGRP, N - NHRP,
       T - Table, v - VNC, V - VNC-Direct, A - Babel, F - PBR,
       f - OpenFabric,
       > - selected route, * - FIB route, q - queued, r - rejected, b - backup
       t - trapped, o - offload failure
`

/** `show ip route` (FRR zebra_vty.c): each extra ECMP next hop on its own `  *` line aligned under the first `via`. */
export function showIpRoute(cluster: Cluster, sim?: Simulation): string {
  const router = cluster.router
  if (!router) return ''
  const up = uptime(sim)
  const lan = lanCidr(cluster)
  const entries: { prefix: string; text: string }[] = [{ prefix: lan.text, text: `C>* ${lan.text} is directly connected, ${LAN_INTERFACE}, ${up}\n` }]
  for (const r of computeBGP(cluster).routes) {
    const hops = [...r.multipath].sort((a, b) => comparePrefix(`${a.nextHop}/32`, `${b.nextHop}/32`))
    const head = `B>* ${r.prefix} [${r.distance}/0]`
    let text = `${head} via ${hops[0].nextHop}, ${LAN_INTERFACE}, weight 1, ${up}\n`
    for (const h of hops.slice(1)) text += `  *${' '.repeat(head.length - 3)} via ${h.nextHop}, ${LAN_INTERFACE}, weight 1, ${up}\n`
    entries.push({ prefix: r.prefix, text })
  }
  return ROUTE_LEGEND + '\n' + entries.sort((a, b) => comparePrefix(a.prefix, b.prefix)).map((e) => e.text).join('')
}
