import { fail, ok, type Command } from '../../../../shell/types'
import { renderNftTable } from '../render'
import { nftTable } from '../state'

/**
 * `nft list ruleset`, `nft list table ip kube-proxy`, `nft list tables` on a node (nftables 1.0.x). Only
 * kube-proxy's own table is modelled: in iptables and IPVS modes it does not exist (those modes' rules are seen with
 * iptables-save).
 */
export const nft: Command = {
  name: 'nft',
  run(args, ctx) {
    const words = args.filter((a) => a !== '-a' && a !== '--handle' && a !== '-n')
    if (ctx.where.kind !== 'node') return fail('sh: nft: not found\n', 127)
    const nftMode = ctx.sim.scenario.cluster.kubeProxy.mode === 'nftables'
    const table = () => renderNftTable(nftTable(ctx.sim, ctx.where.kind === 'node' ? ctx.where.node : (undefined as never)))
    const [verb, what, family, name] = words
    if (verb !== 'list') return fail(`Error: syntax error, unexpected ${verb === undefined ? 'end of file' : `string`}\n`, 1)
    if (what === 'ruleset') return ok(nftMode ? table() : '')
    if (what === 'tables') return ok(nftMode ? 'table ip kube-proxy\n' : '')
    if (what === 'table') {
      const [fam, tbl] = name === undefined ? ['ip', family] : [family, name]
      if (fam !== 'ip' || tbl !== 'kube-proxy' || !nftMode) return fail(`Error: No such file or directory\nlist table ${fam} ${tbl ?? ''}\n${' '.repeat(11 + (fam ?? '').length)}${'^'.repeat((tbl ?? '').length)}\n`, 1)
      return ok(table())
    }
    return fail(`Error: syntax error, unexpected ${what ?? 'end of file'}\n`, 1)
  },
}
