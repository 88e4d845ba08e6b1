import { fail, ok, type Command } from '../../../shell/types'
import { renderIptablesSave, rulesetView } from '../iptables/render'
import { TABLE_ORDER, type TableName } from '../iptables/rule'
import { ruleCounters } from '../counters'
import { nodeRuleset } from '../state'
import { onNode } from './common'
import { renderIpvsIptablesSave } from '../ipvs/iptables-save'
import { ipvsState } from '../ipvs/state'
import { renderNftModeIptablesSave } from '../nftables/iptables-save'

/** `iptables-save [-t TABLE]` on a node: the kernel's rules as iptables-save 1.8.9 (nf_tables) prints them. */
export const iptablesSave: Command = {
  name: 'iptables-save',
  run(args, ctx) {
    let table: TableName | undefined
    let withCounters = false
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-t' || a === '--table') {
        const t = args[++i]
        if (!TABLE_ORDER.includes(t as TableName)) return fail(`Table \`${t ?? ''}' does not exist\n`, 1)
        table = t as TableName
      } else if (a.startsWith('--table=')) {
        table = a.slice(8) as TableName
      } else if (a === '-c' || a === '--counters') {
        withCounters = true
      } else {
        return fail(`iptables-save: invalid option -- '${a.replace(/^-+/, '')}'\nLook at manual page \`iptables-save.8' for more information.\n`, 1)
      }
    }
    const at = onNode(ctx, 'iptables-save')
    if ('error' in at) return at.error
    // IPVS mode writes its own, smaller rule set (dataplane/kubeproxy/ipvs)
    if (ctx.sim.scenario.cluster.kubeProxy.mode === 'ipvs') return ok(renderIpvsIptablesSave(ipvsState(ctx.sim, at.node), ctx.sim.clock.now(), table))
    // nftables mode leaves iptables to the kubelet's canaries (dataplane/kubeproxy/nftables)
    if (ctx.sim.scenario.cluster.kubeProxy.mode === 'nftables') return ok(renderNftModeIptablesSave(ctx.sim.clock.now(), table))
    const rs = nodeRuleset(ctx.sim, at.node)
    const text = renderIptablesSave(rs, ctx.sim.clock.now(), table, ruleCounters(ctx.sim, at.node.name), withCounters)
    // the data view is built only when asked for (--json): it renders every rule twice
    return ok(text, ctx.json ? rulesetView(rs, table) : undefined)
  },
}
