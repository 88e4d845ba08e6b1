import { fail, ok, type Command, type CommandResult } from '../../shell/types'
import { computeBGP } from './bgp'
import { showIpBgp, showIpRoute } from './render'

/**
 * FRR's shell on the lab's router: `vtysh -c "show ip bgp"` and `vtysh -c "show ip route"` (`show bgp ipv4 unicast`
 * is the same table as `show ip bgp`). Several -c run in order, as vtysh does. Elsewhere there is no FRR.
 */
export const vtysh: Command = {
  name: 'vtysh',
  run(args, ctx): CommandResult {
    if (ctx.where.kind !== 'router') return fail('bash: vtysh: command not found\n', 127)
    const cluster = ctx.sim.scenario.cluster
    const lines: string[] = []
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-c' && i + 1 < args.length) lines.push(args[++i])
      else if (args[i].startsWith('-c') && args[i].length > 2) lines.push(args[i].slice(2))
      else return fail(`vtysh: invalid option -- '${args[i].replace(/^-+/, '')}'\n`, 1)
    }
    if (lines.length === 0) return fail('vtysh: the playground runs vtysh non-interactively: use vtysh -c "show ip bgp"\n', 1)
    let stdout = ''
    const json: Record<string, unknown> = {}
    for (const line of lines) {
      const words = line.trim().split(/\s+/)
      const cmd = words.join(' ')
      if (cmd === 'show ip bgp' || cmd === 'show bgp ipv4 unicast' || cmd === 'show bgp ipv4') {
        stdout += showIpBgp(cluster)
        json[cmd] = computeBGP(cluster).routes
      } else if (cmd === 'show ip route') {
        stdout += showIpRoute(cluster, ctx.sim)
        json[cmd] = computeBGP(cluster).routes.map((r) => ({ prefix: r.prefix, distance: r.distance, nexthops: r.multipath.map((p) => p.nextHop) }))
      } else return { stdout, stderr: `% Unknown command: ${line}\n`, exitCode: 1 }
    }
    return ok(stdout, json)
  },
}

/**
 * `show ...` typed at the router's prompt: the router's terminal is FRR's own shell, where `show ip bgp` is a command
 * (the same as `vtysh -c "show ip bgp"`). Elsewhere it is not a command at all.
 */
export const show: Command = {
  name: 'show',
  run(args, ctx): CommandResult {
    if (ctx.where.kind !== 'router') return fail('bash: show: command not found\n', 127)
    return vtysh.run(['-c', ['show', ...args].join(' ')], ctx)
  },
}
