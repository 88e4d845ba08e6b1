import { ok, type Command } from '../../../shell/types'
import { renderNodeRestore, renderRestoreInput } from '../iptables/render'
import { nodeRuleset } from '../state'
import { onNode } from './common'
import { renderIpvsRestoreInput } from '../ipvs/iptables-save'
import { ipvsState } from '../ipvs/state'
import { renderNftTransaction } from '../nftables/render'
import { nftTable } from '../nftables/state'

/**
 * `kube-proxy-rules [--node-state]` on a node (a playground command, not a real tool): the iptables-restore input
 * kube-proxy's last sync wrote (the form of its golden tests), or with --node-state a restore file that recreates the
 * node's whole netfilter state, to load into a real kernel and compare with iptables-save.
 */
export const kubeProxyRules: Command = {
  name: 'kube-proxy-rules',
  run(args, ctx) {
    const at = onNode(ctx, 'kube-proxy-rules')
    if ('error' in at) return at.error
    // IPVS mode: its iptables-restore input; nftables mode: the `nft -f` transaction (dataplane/kubeproxy/ipvs, nftables)
    const mode = ctx.sim.scenario.cluster.kubeProxy.mode
    if (mode === 'ipvs' || mode === 'nftables') {
      const text = mode === 'ipvs' ? renderIpvsRestoreInput(ipvsState(ctx.sim, at.node)) : renderNftTransaction(nftTable(ctx.sim, at.node))
      return ok(text, { node: at.node.name, text })
    }
    const rs = nodeRuleset(ctx.sim, at.node)
    const text = args.includes('--node-state') ? renderNodeRestore(rs) : renderRestoreInput(rs)
    return ok(text, { node: at.node.name, text })
  },
}
