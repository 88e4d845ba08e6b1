import { fail, ok, type Command } from '../../../shell/types'
import { renderIptablesList, type ListFormat } from '../iptables/list'
import { ruleCounters } from '../counters'
import { renderIptablesS } from '../iptables/render'
import { TABLE_ORDER, type TableName } from '../iptables/rule'
import { nodeRuleset } from '../state'
import { renderModeIptablesS } from '../ipvs/iptables-save'
import { ipvsState } from '../ipvs/state'
import { formatMessage } from '../../../i18n/catalog'
import { onNode } from './common'

/**
 * `iptables [-t TABLE] -S [CHAIN]` and `iptables [-t TABLE] -L [CHAIN] [-n] [-v] [--line-numbers]` on a node,
 * read-only: the rules are kube-proxy's, so commands that change them are refused.
 */
export const iptables: Command = {
  name: 'iptables',
  run(args, ctx) {
    let table: TableName = 'filter'
    let action: 'S' | 'L' | undefined
    let chain: string | undefined
    const f: ListFormat = { numeric: false, verbose: false, lineNumbers: false, exact: false }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-t' || a === '--table') {
        const t = args[++i]
        if (!TABLE_ORDER.includes(t as TableName)) {
          return fail(`iptables v1.8.9 (nf_tables): table '${t ?? ''}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3)
        }
        table = t as TableName
      } else if (a === '--list' || a === '--list-rules') {
        action = a === '--list' ? 'L' : 'S'
        if (args[i + 1] && !args[i + 1].startsWith('-')) chain = args[++i]
      } else if (a === '--numeric') f.numeric = true
      else if (a === '--verbose') f.verbose = true
      else if (a === '--line-numbers') f.lineNumbers = true
      else if (a === '--exact') f.exact = true
      else if (/^-[A-Za-z]+$/.test(a)) {
        // short options may be bundled (-nvL, -nL CHAIN)
        for (const ch of a.slice(1)) {
          if (ch === 'n') f.numeric = true
          else if (ch === 'v') f.verbose = true
          else if (ch === 'x') f.exact = true
          else if (ch === 'L' || ch === 'S') {
            action = ch
            if (args[i + 1] && !args[i + 1].startsWith('-')) chain = args[++i]
          } else if ('AIDRNXPFZE'.includes(ch)) {
            return fail('iptables v1.8.9 (nf_tables): the rules on this node are kube-proxy\'s; this playground shows them read-only.\n', 4)
          } else return fail(`iptables v1.8.9 (nf_tables): unknown option "-${ch}"\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2)
        }
      } else return fail(`Bad argument \`${a}'\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2)
    }
    if (!action) return fail('iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h\' or \'iptables --help\' for more information.\n', 2)
    const at = onNode(ctx, 'iptables')
    if ('error' in at) return at.error
    const mode = ctx.sim.scenario.cluster.kubeProxy.mode
    if (mode !== 'iptables') {
      // IPVS and nftables modes keep few or no iptables rules (dataplane/kubeproxy/ipvs): -S lists them; -L is
      // not drawn for these modes, and says so rather than show iptables mode's rules
      if (action !== 'S') return fail(formatMessage('kubeproxy.iptables.listmode', { mode }, ctx.lang) + '\n', 1)
      const text = renderModeIptablesS(mode === 'ipvs' ? ipvsState(ctx.sim, at.node) : undefined, table, chain)
      if (text === undefined) return fail(`iptables v1.8.9 (nf_tables): chain \`${chain}' in table \`${table}' is incompatible, use 'nft' tool.\n`, 1)
      return ok(text, { node: at.node.name, table, chain: chain ?? null, text })
    }
    const t = nodeRuleset(ctx.sim, at.node).tables[table]
    f.counters = ruleCounters(ctx.sim, at.node.name)
    const text = action === 'S' ? renderIptablesS(t, chain) : renderIptablesList(t, f, chain)
    // iptables-nft 1.8.9's answer for a chain that does not exist
    if (text === undefined) return fail(`iptables v1.8.9 (nf_tables): chain \`${chain}' in table \`${table}' is incompatible, use 'nft' tool.\n`, 1)
    return ok(text, { node: at.node.name, table, chain: chain ?? null, text })
  },
}
