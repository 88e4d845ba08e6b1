import { formatMessage } from '../../../i18n/catalog'
import { fail, type CommandResult, type ShellContext } from '../../../shell/types'
import type { ClusterNode } from '../../../cluster/types'
import { modeSimulated } from '../mode'

/** The node a node-level tool runs on, or the error the tool gives elsewhere (a pod or a client has no such tool). */
export function onNode(ctx: ShellContext, tool: string): { node: ClusterNode } | { error: CommandResult } {
  if (ctx.where.kind !== 'node') return { error: fail(`sh: ${tool}: not found\n`, 127) }
  const cluster = ctx.sim.scenario.cluster
  if (!modeSimulated(cluster)) {
    return { error: fail(formatMessage('kubeproxy.mode.unsupported', { mode: cluster.kubeProxy.mode }, ctx.lang) + '\n', 1) }
  }
  return { node: ctx.where.node }
}
