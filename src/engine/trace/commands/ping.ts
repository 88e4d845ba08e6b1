import { fail, type Command, type CommandResult } from '../../shell/types'
import { traceRequest } from '../walk'
import { fromOf, modeNotSimulated, plainTrace, traceJson } from './common'

/**
 * ping (iputils on nodes and clients, busybox in pods): ICMP echo walked through the cluster. A Service's cluster IP
 * does not answer in iptables mode: kube-proxy's rules only translate TCP/UDP/SCTP to the Service's ports, and no
 * interface owns the address. `-c COUNT` (default 4 here: a terminal needs an end).
 */
export const ping: Command = {
  name: 'ping',
  run(args, ctx): CommandResult {
    let count = 4
    let host: string | undefined
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-c') count = Math.max(1, Math.min(100, Number(args[++i]) || 1))
      else if (a === '-W' || a === '-w' || a === '-i') i++
      else if (a.startsWith('-')) return fail(`ping: invalid option -- '${a.slice(1)}'\n`, 2)
      else host = a
    }
    if (!host) return fail('ping: usage error: Destination address required\n', 1)
    const busybox = ctx.where.kind === 'pod'
    const t = traceRequest(ctx.sim, { from: fromOf(ctx.where), protocol: 'TCP', host, port: 0 }, { icmp: true })
    const json = ctx.json ? traceJson(t, ctx.lang) : undefined
    const traces = [plainTrace(t)]
    const notSimulated = modeNotSimulated(t, ctx.lang, json)
    if (notSimulated) return notSimulated
    if (t.outcome.result === 'dns-failure') {
      return { stdout: '', stderr: busybox ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n`, exitCode: busybox ? 1 : 2, json, traces }
    }
    const addr = t.address ?? host
    const answered = t.outcome.result === 'ok'
    // one router hop (a node forwarding) lowers the TTL by one per kernel that forwards the packet
    const forwarding = new Set(t.hops.filter((h) => h.note.code === 'trace.route.remote' || h.note.code === 'trace.route.local').map((h) => h.node))
    const origin = ctx.where.kind === 'node' ? ctx.where.node.name : ctx.where.kind === 'pod' && ctx.where.pod.hostNetwork ? ctx.where.pod.nodeName : undefined
    if (origin) forwarding.delete(origin)
    const forwards = forwarding.size
    const ttl = 64 - forwards
    const rtt = (i: number) => (0.05 + 0.3 * forwards + ((i * 37) % 11) / 100).toFixed(3)
    let out = busybox ? `PING ${host} (${addr}): 56 data bytes\n` : `PING ${host} (${addr}) 56(84) bytes of data.\n`
    const times: number[] = []
    if (answered) {
      for (let i = 0; i < count; i++) {
        const ms = rtt(i)
        times.push(Number(ms))
        out += busybox ? `64 bytes from ${addr}: seq=${i} ttl=${ttl} time=${ms} ms\n` : `64 bytes from ${addr}: icmp_seq=${i + 1} ttl=${ttl} time=${ms} ms\n`
      }
    }
    ctx.sim.clock.advance(1000 * (count - 1))
    const received = answered ? count : 0
    const loss = answered ? 0 : 100
    out += `\n--- ${host} ping statistics ---\n`
    if (busybox) {
      out += `${count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`
      if (answered) {
        const avg = times.reduce((a, b) => a + b, 0) / times.length
        out += `round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`
      }
    } else {
      out += `${count} packets transmitted, ${received} received, ${loss}% packet loss, time ${(count - 1) * 1000 + (answered ? 3 : 62)}ms\n`
      if (answered) {
        const avg = times.reduce((a, b) => a + b, 0) / times.length
        const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / times.length)
        out += `rtt min/avg/max/mdev = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)}/${mdev.toFixed(3)} ms\n`
      }
      out += '\n'
    }
    return { stdout: out, stderr: '', exitCode: answered ? 0 : 1, json, traces }
  },
}
