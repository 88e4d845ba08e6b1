import { fail, type Command } from '../../../shell/types'
import { conntrackTable, renderConntrackList } from '../conntrack'
import { onNode } from './common'

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
      else return fail(`conntrack v1.4.7 (conntrack-tools): Unknown option \`${a}'\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, 2)
    }
    if (!list) return fail('conntrack v1.4.7 (conntrack-tools): no command specified\nTry `conntrack -h\' or \'conntrack --help\' for more information.\n', 2)
    const at = onNode(ctx, 'conntrack')
    if ('error' in at) return at.error
    const entries = conntrackTable(ctx.sim, at.node.name).filter((e) => !proto || e.protocol === proto)
    const out = renderConntrackList(entries, ctx.sim.clock.now())
    return { stdout: out.stdout, stderr: out.stderr, exitCode: 0, json: { node: at.node.name, entries } }
  },
}
