import type { ShellContext } from '../../../types'
import { isJson } from '../api/context'
import type { ApiObject } from '../api'
import { parseRfc3339, rfc1123z } from '../api/meta'
import { labelSelectorString, list, str } from '../format'
import { annotations, listOf, multiline, spec, status } from './common'
import { describeContainers, describeVolumes, tolerations } from './pod'

export function describeDeployment(o: ApiObject, ctx: ShellContext): string {
  const sp = spec(o), st = status(o)
  let s = `Name:\t${o.metadata.name}\nNamespace:\t${o.metadata.namespace ?? ''}\n`
  s += `CreationTimestamp:\t${rfc1123z(parseRfc3339(o.metadata.creationTimestamp))}\n`
  s += multiline('Labels', o.metadata.labels) + annotations('Annotations', o.metadata.annotations)
  s += `Selector:\t${labelSelectorString(sp.selector)}\n`
  const n = (v: unknown) => (typeof v === 'number' ? v : 0)
  s += `Replicas:\t${n(sp.replicas)} desired | ${n(st.updatedReplicas)} updated | ${n(st.replicas)} total | ${n(st.availableReplicas)} available | ${n(st.unavailableReplicas)} unavailable\n`
  const strategy = isJson(sp.strategy) ? sp.strategy : {}
  s += `StrategyType:\t${str(strategy.type)}\nMinReadySeconds:\t${n(sp.minReadySeconds)}\n`
  if (isJson(strategy.rollingUpdate)) s += `RollingUpdateStrategy:\t${str(strategy.rollingUpdate.maxUnavailable)} max unavailable, ${str(strategy.rollingUpdate.maxSurge)} max surge\n`
  const t = isJson(sp.template) ? sp.template : {}
  const tm = isJson(t.metadata) ? t.metadata : {}
  const ts = isJson(t.spec) ? t.spec : {}
  s += 'Pod Template:\n' + multiline('  Labels', isJson(tm.labels) ? tm.labels as Record<string, string> : undefined)
  if (isJson(tm.annotations) && Object.keys(tm.annotations).length) s += annotations('  Annotations', tm.annotations as Record<string, string>)
  if (ts.serviceAccountName) s += `  Service Account:\t${str(ts.serviceAccountName)}\n`
  if (list(ts.initContainers).length) s += describeContainers('Init Containers', list(ts.initContainers), [], '  ')
  s += describeContainers('Containers', list(ts.containers), [], '  ')
  s += describeVolumes(list(ts.volumes), '  ')
  s += multiline('  Node-Selectors', isJson(ts.nodeSelector) ? ts.nodeSelector as Record<string, string> : undefined)
  s += tolerations('  Tolerations', list(ts.tolerations))
  const conds = list(st.conditions)
  if (conds.length) s += 'Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n' + conds.map((c) => `  ${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`).join('')
  const rs = listOf(ctx.sim, 'replicasets')
    .filter((r) => r.metadata.namespace === o.metadata.namespace && r.metadata.ownerReferences?.some((x) => x.kind === 'Deployment' && x.name === o.metadata.name))
  s += 'OldReplicaSets:\t<none>\n'
  s += `NewReplicaSet:\t${rs.map((r) => `${r.metadata.name} (${n(status(r).replicas)}/${n(spec(r).replicas)} replicas created)`).join(', ') || '<none>'}\n`
  return s
}
