import { isJson, type Json } from '../api/context'
import type { ApiObject } from '../api'
import { parseRfc3339, rfc1123z } from '../api/meta'
import { list, str } from '../format'
import { annotations, multiline, spec, status } from './common'

// describeContainers: one block per container (image, ports, state, readiness, environment, mounts).
export function describeContainers(label: string, containers: Json[], statuses: Json[], indent: string): string {
  let s = `${indent}${label}:${containers.length ? '' : ' <none>'}\n`
  for (const c of containers) {
    const st = statuses.find((x) => x.name === c.name)
    s += `  ${indent ? ' ' : ''}${str(c.name)}:\n` // LEVEL_1, one more space inside a template
    if (st) s += `    Container ID:\t${str(st.containerID)}\n`
    s += `    Image:\t${str(c.image)}\n`
    if (st) s += `    Image ID:\t${str(st.imageID)}\n`
    const ports = list(c.ports).map((p) => `${Number(p.containerPort)}/${str(p.protocol)}${p.name ? ` (${str(p.name)})` : ''}`)
    const hostPorts = list(c.ports).map((p) => `${Number(p.hostPort ?? 0)}/${str(p.protocol)}${p.name ? ` (${str(p.name)})` : ''}`)
    s += ports.join(', ').includes(',') ? `    Ports:\t${ports.join(', ')}\n` : `    Port:\t${ports.join(', ') || '<none>'}\n`
    s += hostPorts.join(', ').includes(',') ? `    Host Ports:\t${hostPorts.join(', ')}\n` : `    Host Port:\t${hostPorts.join(', ') || '<none>'}\n`
    for (const [key, title] of [['command', 'Command'], ['args', 'Args']] as const) {
      if (Array.isArray(c[key]) && (c[key] as unknown[]).length) {
        s += `    ${title}:\n`
        for (const x of c[key] as unknown[]) for (const line of String(x).split('\n')) s += `      ${line}\n`
      }
    }
    if (st) {
      const state = isJson(st.state) ? st.state : {}
      if (isJson(state.running)) s += `    State:\tRunning\n      Started:\t${rfc1123z(parseRfc3339(str(state.running.startedAt)))}\n`
      else if (isJson(state.terminated)) {
        const t = state.terminated
        s += `    State:\tTerminated\n`
        if (t.reason) s += `      Reason:\t${str(t.reason)}\n`
        s += `      Exit Code:\t${Number(t.exitCode)}\n`
        s += `      Started:\t${rfc1123z(parseRfc3339(str(t.startedAt)))}\n      Finished:\t${rfc1123z(parseRfc3339(str(t.finishedAt)))}\n`
      } else {
        s += `    State:\tWaiting\n`
        if (isJson(state.waiting) && state.waiting.reason) s += `      Reason:\t${str(state.waiting.reason)}\n`
      }
      s += `    Ready:\t${st.ready === true ? 'True' : 'False'}\n    Restart Count:\t${Number(st.restartCount ?? 0)}\n`
    }
    const env = list(c.env)
    s += `    Environment:${env.length ? '' : '\t<none>'}\n`
    for (const e of env) {
      if (e.valueFrom === undefined) {
        String(e.value ?? '').split('\n').forEach((line, i) => { s += i === 0 ? `      ${str(e.name)}:\t${line}\n` : `      \t${line}\n` })
      } else if (isJson(e.valueFrom) && isJson(e.valueFrom.secretKeyRef)) {
        const r = e.valueFrom.secretKeyRef
        s += `      ${str(e.name)}:\t<set to the key '${str(r.key)}' in secret '${str(r.name)}'>\tOptional: ${r.optional === true}\n`
      } else if (isJson(e.valueFrom) && isJson(e.valueFrom.configMapKeyRef)) {
        const r = e.valueFrom.configMapKeyRef
        s += `      ${str(e.name)}:\t<set to the key '${str(r.key)}' of config map '${str(r.name)}'>\tOptional: ${r.optional === true}\n`
      } else if (isJson(e.valueFrom) && isJson(e.valueFrom.fieldRef)) {
        const r = e.valueFrom.fieldRef
        s += `      ${str(e.name)}:\t (${str(r.apiVersion, 'v1')}:${str(r.fieldPath)})\n`
      }
    }
    const mounts = list(c.volumeMounts).sort((a, b) => str(a.mountPath).localeCompare(str(b.mountPath)))
    s += `    Mounts:${mounts.length ? '' : '\t<none>'}\n`
    for (const m of mounts) s += `      ${str(m.mountPath)} from ${str(m.name)} (${m.readOnly === true ? 'ro' : 'rw'})\n`
  }
  return s
}

export function tolerations(title: string, list_: Json[]): string {
  if (list_.length === 0) return `${title}:\t<none>\n`
  const sorted = [...list_].sort((a, b) => str(a.key).localeCompare(str(b.key)))
  return sorted.map((t, i) => {
    let s = i === 0 ? `${title}:\t` : '\t'
    s += str(t.key)
    if (t.value) s += `=${str(t.value)}`
    if (t.effect) s += `:${str(t.effect)}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (typeof t.tolerationSeconds === 'number') s += ` for ${t.tolerationSeconds}s`
    return s + '\n'
  }).join('')
}

export function describeVolumes(volumes: Json[], indent: string): string {
  if (volumes.length === 0) return `${indent}Volumes:\t<none>\n`
  let s = `${indent}Volumes:\n`
  for (const v of volumes) {
    s += `  ${indent ? ' ' : ''}${str(v.name)}:\n`
    if (isJson(v.configMap)) s += `    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(v.configMap.name)}\n    Optional:\t${v.configMap.optional === true}\n`
    else if (isJson(v.secret)) s += `    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(v.secret.secretName)}\n    Optional:\t${v.secret.optional === true}\n`
    else if (isJson(v.emptyDir)) s += `    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(v.emptyDir.medium)}\n    SizeLimit:\t<unset>\n`
    else if (isJson(v.hostPath)) s += `    Type:\tHostPath (bare host directory volume)\n    Path:\t${str(v.hostPath.path)}\n    HostPathType:\t${str(v.hostPath.type)}\n`
  }
  return s
}

export function describePod(o: ApiObject): string {
  const sp = spec(o), st = status(o)
  let s = `Name:\t${o.metadata.name}\nNamespace:\t${o.metadata.namespace ?? ''}\n`
  if (typeof sp.priority === 'number') s += `Priority:\t${sp.priority}\n`
  if (sp.serviceAccountName) s += `Service Account:\t${str(sp.serviceAccountName)}\n`
  s += sp.nodeName ? `Node:\t${str(sp.nodeName)}/${str(st.hostIP)}\n` : 'Node:\t<none>\n'
  if (st.startTime) s += `Start Time:\t${rfc1123z(parseRfc3339(str(st.startTime)))}\n`
  s += multiline('Labels', o.metadata.labels) + annotations('Annotations', o.metadata.annotations)
  s += o.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded'
    ? `Status:\tTerminating (lasts <unknown>)\nTermination Grace Period:\t${Number(o.metadata.deletionGracePeriodSeconds ?? 30)}s\n`
    : `Status:\t${str(st.phase)}\n`
  s += `IP:\t${str(st.podIP)}\n`
  const ips = list(st.podIPs)
  s += ips.length ? `IPs:\n${ips.map((i) => `  IP:\t${str(i.ip)}\n`).join('')}` : 'IPs:\t<none>\n'
  const owner = o.metadata.ownerReferences?.find((r) => r.controller)
  if (owner) s += `Controlled By:\t${owner.kind}/${owner.name}\n`
  const init = list(sp.initContainers)
  if (init.length) s += describeContainers('Init Containers', init, list(st.initContainerStatuses), '')
  s += describeContainers('Containers', list(sp.containers), list(st.containerStatuses), '')
  const conds = list(st.conditions)
  if (conds.length) s += 'Conditions:\n  Type\tStatus\n' + conds.map((c) => `  ${str(c.type)} \t${str(c.status)} \n`).join('')
  s += describeVolumes(list(sp.volumes), '')
  s += `QoS Class:\t${str(st.qosClass)}\n`
  s += multiline('Node-Selectors', isJson(sp.nodeSelector) ? sp.nodeSelector as Record<string, string> : undefined)
  s += tolerations('Tolerations', list(sp.tolerations))
  return s
}
