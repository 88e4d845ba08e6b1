import { fail, type Command } from '../../../shell/types'
import { conntrackTable, renderConntrackList } from '../conntrack'
import { onNode } from './common'

const USAGE = `Command line interface for the connection tracking system. Version 1.4.7
Usage: conntrack [commands] [options]

Commands:
  -L [table] [options]\t\tList conntrack or expectation table
  -G [table] parameters\t\tGet conntrack or expectation
  -D [table] parameters\t\tDelete conntrack or expectation
  -I [table] parameters\t\tCreate a conntrack or expectation
  -U [table] parameters\t\tUpdate a conntrack
  -E [table] [options]\t\tShow events
  -F [table]\t\t\tFlush table
  -C [table]\t\t\tShow counter
  -S\t\t\t\tShow statistics

Tables: conntrack, expect, dying, unconfirmed
`

/** `conntrack -L [-p tcp|udp]` on a node: the connection-tracking table the walks filled, as conntrack-tools prints it. */
export const conntrack: Command = {
  name: 'conntrack',
  run(args, ctx) {
    let list = false
    let proto: string | undefined
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-L' || a === '--dump') list = true
      else if (a === '-p' || a === '--proto') proto = args[++i]
      else return fail(`conntrack v1.4.7 (conntrack-tools): unknown option \`${a}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2)
    }
    // without a command conntrack prints its help (the start of it here) and succeeds
    if (!list) return { stdout: USAGE, stderr: '', exitCode: 0 }
    const at = onNode(ctx, 'conntrack')
    if ('error' in at) return at.error
    const entries = conntrackTable(ctx.sim, at.node.name).filter((e) => !proto || e.protocol === proto)
    const out = renderConntrackList(entries, ctx.sim.clock.now())
    return { stdout: out.stdout, stderr: out.stderr, exitCode: 0, json: { node: at.node.name, entries } }
  },
}
