import { fail, type Command, type CommandResult } from '../../shell/types'
import { isIPv4 } from '../../util/ip'
import { traceRequest } from '../walk'
import { fromOf, modeNotSimulated, plainTrace, SERVICE_NAMES, traceJson } from './common'

/** OpenBSD netcat (Debian's netcat-openbsd): `nc -z [-v] [-u] [-w SECS] HOST PORT`, a connection test walked through the cluster. */
export const nc: Command = {
  name: 'nc',
  run(args, ctx): CommandResult {
    let zero = false
    let verbose = false
    let udp = false
    const rest: string[] = []
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-w') { i++; continue }
      if (/^-[zvunw]+$/.test(a)) {
        for (const ch of a.slice(1)) {
          if (ch === 'z') zero = true
          else if (ch === 'v') verbose = true
          else if (ch === 'u') udp = true
          else if (ch === 'w') i++
        }
      } else if (a.startsWith('-')) return fail(`nc: invalid option -- '${a.slice(1)}'\nusage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n`, 1)
      else rest.push(a)
    }
    const [host, portText] = rest
    if (!host || !portText) return fail('usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n', 1)
    void zero
    const port = Number(portText)
    const proto = udp ? 'udp' : 'tcp'
    const t = traceRequest(ctx.sim, { from: fromOf(ctx.where), protocol: udp ? 'UDP' : 'TCP', host, port })
    const json = ctx.json ? traceJson(t, ctx.lang) : undefined
    const traces = [plainTrace(t)]
    const notSimulated = modeNotSimulated(t, ctx.lang, json)
    if (notSimulated) return notSimulated
    if (t.outcome.result === 'dns-failure') return { stdout: '', stderr: `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`, exitCode: 1, json, traces }
    const svc = SERVICE_NAMES[proto][port] ?? '*'
    if (t.outcome.result === 'ok') {
      const who = isIPv4(host) ? host : `${host} (${t.address})`
      return { stdout: '', stderr: verbose ? `Connection to ${who} ${port} port [${proto}/${svc}] succeeded!\n` : '', exitCode: 0, json, traces }
    }
    const addr = t.address ?? host
    const why = t.outcome.result === 'refused' || t.outcome.result === 'rejected' ? 'failed: Connection refused' : 'timed out: Operation now in progress'
    return { stdout: '', stderr: verbose ? `nc: connect to ${addr} port ${port} (${proto}) ${why}\n` : '', exitCode: 1, json, traces }
  },
}
