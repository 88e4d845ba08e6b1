import { fail, ok, type Command } from '../../../../shell/types'
import { SERVICE_NAMES } from '../../../../trace/commands/common'
import { onNode } from '../../commands/common'
import { vsKey } from '../compile'
import { ipvsRuntime } from '../connections'
import { renderIpvsadmConnections, renderIpvsadmList, type IpvsadmView } from '../render'
import { ipvsState } from '../state'

/**
 * ipvsadm 1.31 on a node: `-L`/`-l` (`--list`) with `-n`, `--stats`, `--rate`, `-c` (connections), `-t`/`-u`
 * VIP:PORT for one virtual server. Without `-n` ports print by their /etc/services names, as ipvsadm's
 * getnameinfo does (addresses have no reverse names in the lab).
 */
export const ipvsadm: Command = {
  name: 'ipvsadm',
  run(args, ctx) {
    let list = false
    let numeric = false
    let conns = false
    let view: IpvsadmView = 'plain'
    let service: { proto: string; addr: string } | undefined
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--list') list = true
      else if (a === '--numeric') numeric = true
      else if (a === '--stats') view = 'stats'
      else if (a === '--rate') view = 'rate'
      else if (a === '--connection') conns = true
      else if (a === '--sort' || a === '--exact') continue
      else if (a === '--tcp-service' || a === '--udp-service' || a === '--sctp-service') service = { proto: a.slice(2, a.indexOf('-', 2)).toUpperCase(), addr: args[++i] ?? '' }
      else if (/^-[A-Za-z]+$/.test(a)) {
        for (const ch of a.slice(1)) {
          if (ch === 'L' || ch === 'l') list = true
          else if (ch === 'n') numeric = true
          else if (ch === 'c') conns = true
          else if (ch === 't' || ch === 'u') service = { proto: ch === 't' ? 'TCP' : 'UDP', addr: args[++i] ?? '' }
          else return fail(`ipvsadm: invalid option -- '${ch}'\nTry \`ipvsadm -h' or 'ipvsadm --help' for more information.\n`, 2)
        }
      } else return fail(`ipvsadm: unknown option '${a}'\nTry \`ipvsadm -h' or 'ipvsadm --help' for more information.\n`, 2)
    }
    if (ctx.where.kind !== 'node') return fail('sh: ipvsadm: not found\n', 127)
    if (ctx.sim.scenario.cluster.kubeProxy.mode !== 'ipvs') {
      // without IPVS mode nothing loaded the ip_vs module (ipvsadm's ipvs_init fails)
      return fail("Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n", 1)
    }
    const at = onNode(ctx, 'ipvsadm')
    if ('error' in at) return at.error
    if (!list && !conns && !service) list = true // a bare `ipvsadm` lists, as `ipvsadm -L` does
    const s = ipvsState(ctx.sim, at.node)
    const rt = ipvsRuntime(ctx.sim, at.node.name)
    const now = ctx.sim.clock.now()
    // without -n, getnameinfo names the ports it finds in /etc/services (no reverse names for the lab's addresses)
    const fmt = (ip: string, port: number) => {
      const name = numeric ? undefined : SERVICE_NAMES.tcp[port]
      return `${ip}:${name && name !== '*' ? name : port}`
    }
    let text: string
    if (conns) text = renderIpvsadmConnections(rt, now, fmt)
    else {
      let only
      if (service) {
        const m = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(service.addr)
        only = m ? s.byKey.get(vsKey(service.proto, m[1], Number(m[2]))) : undefined
        if (!only) return fail('Memory allocation problem\n', 1) // ipvsadm's message for ipvs_get_service() finding nothing
      }
      text = renderIpvsadmList(s, rt, now, view, only, fmt)
    }
    const json = conns ? rt.conns.map((c) => ({ ...c })) : (service ? [] : s.virtualServers).map((vs) => ({ protocol: vs.protocol, address: vs.address, port: vs.port, scheduler: vs.scheduler, persistent: vs.persistent, realServers: vs.realServers.map((r) => ({ address: r.ip, port: r.port, weight: r.weight })) }))
    return ok(text, json)
  },
}
