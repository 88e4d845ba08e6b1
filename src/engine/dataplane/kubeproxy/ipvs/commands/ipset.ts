import { fail, ok, type Command } from '../../../../shell/types'
import { renderIpset, renderIpsetList } from '../ipset-list'
import { ipsetByName } from '../ipsets'
import { ipvsState } from '../state'

/** `ipset list [NAME]` (also `-L`, `-n`/`-name` for names only) on a node, as ipset 7.x prints it. */
export const ipset: Command = {
  name: 'ipset',
  run(args, ctx) {
    const [cmd, ...rest] = args
    if (cmd !== 'list' && cmd !== '-L') return fail(`ipset v7.17: Unknown argument: \`${cmd ?? ''}'\nTry \`ipset help' for more information.\n`, 1)
    if (ctx.where.kind !== 'node') return fail('sh: ipset: not found\n', 127)
    const namesOnly = rest.includes('-n') || rest.includes('-name')
    const name = rest.find((a) => !a.startsWith('-'))
    // only IPVS mode creates ipsets
    const sets = ctx.sim.scenario.cluster.kubeProxy.mode === 'ipvs' ? ipvsState(ctx.sim, ctx.where.node).ipsets : []
    const rules = ctx.sim.scenario.cluster.kubeProxy.mode === 'ipvs' ? ipvsState(ctx.sim, ctx.where.node).rules : []
    if (name) {
      const set = ipsetByName(sets, name)
      if (!set) return fail('ipset v7.17: The set with the given name does not exist\n', 1)
      return ok(namesOnly ? set.name + '\n' : renderIpset(set, rules), set)
    }
    if (namesOnly) return ok(sets.map((s) => s.name + '\n').join(''), sets.map((s) => s.name))
    return ok(renderIpsetList(sets, rules), sets)
  },
}
