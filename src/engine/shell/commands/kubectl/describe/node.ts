import type { ShellContext } from '../../../types'
import { humanDuration } from '../../../duration'
import { isJson } from '../api/context'
import type { ApiObject } from '../api'
import { parseRfc3339, rfc1123z } from '../api/meta'
import { list, str } from '../format'
import { annotations, listOf, multiline, spec, status } from './common'

export function describeNode(o: ApiObject, ctx: ShellContext): string {
  const sp = spec(o), st = status(o)
  const roles = Object.keys(o.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice(24)).filter(Boolean).sort()
  let s = `Name:\t${o.metadata.name}\nRoles:\t${roles.join(',') || '<none>'}\n`
  s += multiline('Labels', o.metadata.labels) + annotations('Annotations', o.metadata.annotations)
  s += `CreationTimestamp:\t${rfc1123z(parseRfc3339(o.metadata.creationTimestamp))}\n`
  const taints = list(sp.taints).map((t) => `${str(t.key)}${t.value ? `=${str(t.value)}` : ''}:${str(t.effect)}`)
    .sort((a, b) => a.split(':').reverse().join(',').localeCompare(b.split(':').reverse().join(',')))
  s += taints.length ? taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t}\n`).join('') : 'Taints:\t<none>\n'
  s += `Unschedulable:\t${sp.unschedulable === true}\n`
  const conds = list(st.conditions)
  if (conds.length) {
    s += 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n  ----\t------\t-----------------\t------------------\t------\t-------\n'
    for (const c of conds) {
      s += `  ${str(c.type)} \t${str(c.status)} \t${rfc1123z(parseRfc3339(str(c.lastHeartbeatTime)))} \t${rfc1123z(parseRfc3339(str(c.lastTransitionTime)))} \t${str(c.reason)} \t${str(c.message)}\n`
    }
  }
  s += 'Addresses:\n' + list(st.addresses).map((a) => `  ${str(a.type)}:\t${str(a.address)}\n`).join('')
  const info = isJson(st.nodeInfo) ? st.nodeInfo : {}
  s += 'System Info:\n'
  for (const [label, key] of [['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion']]) s += `  ${label}:\t${str(info[key])}\n`
  if (sp.podCIDR) s += `PodCIDR:\t${str(sp.podCIDR)}\n`
  if (Array.isArray(sp.podCIDRs) && sp.podCIDRs.length) s += `PodCIDRs:\t${sp.podCIDRs.join(',')}\n`
  // describeNodeResource's table, without the CPU and memory columns the playground does not model.
  const pods = listOf(ctx.sim, 'pods')
    .filter((p) => spec(p).nodeName === o.metadata.name && status(p).phase !== 'Succeeded' && status(p).phase !== 'Failed')
  s += `Non-terminated Pods:\t(${pods.length} in total)\n  Namespace\tName\t\tAge\n  ---------\t----\t\t---\n`
  for (const p of pods) s += `  ${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${ageText(p, ctx)}\n`
  return s
}

function ageText(o: ApiObject, ctx: ShellContext): string {
  return humanDuration(ctx.sim.clock.now() - parseRfc3339(o.metadata.creationTimestamp))
}
