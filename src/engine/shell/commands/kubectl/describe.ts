import type { CommandResult, ShellContext } from '../../types'
import { humanDuration } from '../../duration'
import { KUBECTL_DESCRIBE_TABS, tabwrite } from '../../tabwriter'
import { isJson, type Json } from './api/context'
import { listObjects, type ApiObject } from './api'
import { parseRfc3339, rfc1123z } from './api/meta'
import type { KubectlFlags } from './args'
import { describeEvents, eventsFor } from './events'
import { formatLabels, joinHostPort, labelSelectorString, list, str } from './format'
import { DEFAULT_NAMESPACE, resolveTargets } from './get'
import { RESOURCE_TYPES, type ResourceType } from './resources'
import { parseSelector, selectorMatches } from '../../selector'

/** printLabelsMultiline: `Title:\tk=v` then `\tk2=v2` lines, sorted; `<none>` when empty. */
function multiline(title: string, map: Record<string, string> | undefined, skip: string[] = []): string {
  const keys = Object.keys(map ?? {}).filter((k) => !skip.includes(k)).sort()
  if (keys.length === 0) return `${title}:\t<none>\n`
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${(map as Record<string, string>)[k]}\n`).join('')
}

// printAnnotationsMultiline: `key: value`, long or multi-line values on their own indented lines (max 140).
function annotations(title: string, map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort()
  if (keys.length === 0) return `${title}:\t<none>\n`
  let s = `${title}:\t`
  keys.forEach((k, i) => {
    if (i !== 0) s += '\t'
    const value = ((map as Record<string, string>)[k]).replace(/\n$/, '')
    if (value.length + k.length + 2 > 140 || value.includes('\n')) {
      s += `${k}:\n`
      for (const line of value.split('\n')) s += `\t  ${line.length > 138 ? line.slice(0, 138) + '...' : line}\n`
    } else {
      s += `${k}: ${value}\n`
    }
  })
  return s
}

const spec = (o: ApiObject): Json => (isJson(o.spec) ? o.spec : {})
const status = (o: ApiObject): Json => (isJson(o.status) ? o.status : {})

function header(o: ApiObject): string {
  return `Name:\t${o.metadata.name}\nNamespace:\t${o.metadata.namespace ?? ''}\n` +
    multiline('Labels', o.metadata.labels) + annotations('Annotations', o.metadata.annotations)
}

// describe.go formatEndpointSlices: ready endpoints of the slices for one port name, `ip:port`, at most 3 shown.
function sliceEndpoints(slices: ApiObject[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const shown: string[] = []
  let count = 0
  let more = false
  for (const s of slices) {
    const ports = list(s.ports)
    for (const e of list(s.endpoints)) {
      if (isJson(e.conditions) && e.conditions.ready === false) continue
      const addr = Array.isArray(e.addresses) ? String(e.addresses[0]) : ''
      if (ports.length === 0) {
        if (shown.length === 3) more = true
        if (!more) shown.push(addr)
        count++
        continue
      }
      for (const p of ports.filter((x) => str(x.name) === portName)) {
        if (shown.length === 3) more = true
        if (!more) shown.push(joinHostPort(addr, Number(p.port)))
        count++
      }
    }
  }
  return more ? `${shown.join(',')} + ${count - 3} more...` : shown.join(',')
}

function describeService(o: ApiObject, ctx: ShellContext): string {
  const sp = spec(o)
  const slices = listObjects(ctx.sim, RESOURCE('endpointslices'))
    .filter((s) => s.metadata.namespace === o.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === o.metadata.name)
  let s = header(o)
  s += `Selector:\t${formatLabels(sp.selector)}\nType:\t${str(sp.type)}\n`
  if (sp.ipFamilyPolicy) s += `IP Family Policy:\t${str(sp.ipFamilyPolicy)}\n`
  s += `IP Families:\t${Array.isArray(sp.ipFamilies) && sp.ipFamilies.length ? sp.ipFamilies.join(',') : '<none>'}\n`
  s += `IP:\t${str(sp.clusterIP)}\n`
  s += `IPs:\t${Array.isArray(sp.clusterIPs) && sp.clusterIPs.length ? sp.clusterIPs.join(',') : '<none>'}\n`
  if (Array.isArray(sp.externalIPs) && sp.externalIPs.length) s += `External IPs:\t${sp.externalIPs.join(',')}\n`
  if (sp.loadBalancerIP) s += `Desired LoadBalancer IP:\t${str(sp.loadBalancerIP)}\n`
  if (sp.externalName) s += `External Name:\t${str(sp.externalName)}\n`
  const lb = isJson(status(o).loadBalancer) ? (status(o).loadBalancer as Json) : {}
  const ingress = list(lb.ingress)
  if (ingress.length) s += `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${str(i.ip)}${i.ipMode ? ` (${str(i.ipMode)})` : ''}` : str(i.hostname))).join(', ')}\n`
  for (const p of list(sp.ports)) {
    const name = str(p.name) || '<unset>'
    s += `Port:\t${name}\t${Number(p.port)}/${str(p.protocol)}\n`
    s += `TargetPort:\t${str(p.targetPort)}/${str(p.protocol)}\n`
    if (p.appProtocol) s += `AppProtocol:\t${str(p.appProtocol)}\n`
    if (Number(p.nodePort) > 0) s += `NodePort:\t${name}\t${Number(p.nodePort)}/${str(p.protocol)}\n`
    s += `Endpoints:\t${sliceEndpoints(slices, str(p.name))}\n`
  }
  s += `Session Affinity:\t${str(sp.sessionAffinity)}\n`
  if (sp.externalTrafficPolicy) s += `External Traffic Policy:\t${str(sp.externalTrafficPolicy)}\n`
  if (sp.internalTrafficPolicy) s += `Internal Traffic Policy:\t${str(sp.internalTrafficPolicy)}\n`
  if (Number(sp.healthCheckNodePort) > 0) s += `HealthCheck NodePort:\t${Number(sp.healthCheckNodePort)}\n`
  if (Array.isArray(sp.loadBalancerSourceRanges) && sp.loadBalancerSourceRanges.length) s += `LoadBalancer Source Ranges:\t${sp.loadBalancerSourceRanges.join(',')}\n`
  return s
}

function describeEndpoints(o: ApiObject): string {
  let s = header(o) + 'Subsets:\n'
  for (const ss of list(o.subsets)) {
    s += `  Addresses:\t${list(ss.addresses).map((a) => str(a.ip)).join(',') || '<none>'}\n`
    s += `  NotReadyAddresses:\t${list(ss.notReadyAddresses).map((a) => str(a.ip)).join(',') || '<none>'}\n`
    const ports = list(ss.ports)
    if (ports.length) {
      s += '  Ports:\n    Name\tPort\tProtocol\n    ----\t----\t--------\n'
      for (const p of ports) s += `    ${str(p.name) || '<unset>'}\t${Number(p.port)}\t${str(p.protocol)}\n`
    }
    s += '\n'
  }
  return s
}

function describeEndpointSlice(o: ApiObject): string {
  let s = header(o) + `AddressType:\t${str(o.addressType)}\n`
  const ports = list(o.ports)
  if (ports.length === 0) s += 'Ports: <unset>\n'
  else {
    s += 'Ports:\n  Name\tPort\tProtocol\n  ----\t----\t--------\n'
    for (const p of ports) s += `  ${str(p.name) || '<unset>'}\t${p.port === undefined ? '<unset>' : Number(p.port)}\t${str(p.protocol)}\n`
  }
  const eps = list(o.endpoints)
  if (eps.length === 0) s += 'Endpoints: <none>\n'
  else {
    s += 'Endpoints:\n'
    for (const e of eps) {
      const cond = isJson(e.conditions) ? e.conditions : {}
      s += `  - Addresses:\t${Array.isArray(e.addresses) && e.addresses.length ? e.addresses.join(', ') : '<none>'}\n`
      s += `    Conditions:\n      Ready:\t${typeof cond.ready === 'boolean' ? String(cond.ready) : '<unset>'}\n`
      s += `    Hostname:\t${e.hostname === undefined ? '<unset>' : str(e.hostname)}\n`
      if (isJson(e.targetRef)) s += `    TargetRef:\t${str(e.targetRef.kind)}/${str(e.targetRef.name)}\n`
      s += `    NodeName:\t${e.nodeName === undefined ? '<unset>' : str(e.nodeName)}\n`
      s += `    Zone:\t${e.zone === undefined ? '<unset>' : str(e.zone)}\n`
    }
  }
  return s
}

// describeContainers: one block per container (image, ports, state, readiness, environment, mounts).
function describeContainers(label: string, containers: Json[], statuses: Json[], indent: string): string {
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

function tolerations(title: string, list_: Json[]): string {
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

function describeVolumes(volumes: Json[], indent: string): string {
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

function describePod(o: ApiObject): string {
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

function describeNode(o: ApiObject, ctx: ShellContext): string {
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
  const pods = listObjects(ctx.sim, RESOURCE('pods'))
    .filter((p) => spec(p).nodeName === o.metadata.name && status(p).phase !== 'Succeeded' && status(p).phase !== 'Failed')
  s += `Non-terminated Pods:\t(${pods.length} in total)\n  Namespace\tName\t\tAge\n  ---------\t----\t\t---\n`
  for (const p of pods) s += `  ${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${ageText(p, ctx)}\n`
  return s
}

function ageText(o: ApiObject, ctx: ShellContext): string {
  return humanDuration(ctx.sim.clock.now() - parseRfc3339(o.metadata.creationTimestamp))
}

function describeDeployment(o: ApiObject, ctx: ShellContext): string {
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
  const rs = listObjects(ctx.sim, RESOURCE('replicasets'))
    .filter((r) => r.metadata.namespace === o.metadata.namespace && r.metadata.ownerReferences?.some((x) => x.kind === 'Deployment' && x.name === o.metadata.name))
  s += 'OldReplicaSets:\t<none>\n'
  s += `NewReplicaSet:\t${rs.map((r) => `${r.metadata.name} (${n(status(r).replicas)}/${n(spec(r).replicas)} replicas created)`).join(', ') || '<none>'}\n`
  return s
}

function describeConfigMap(o: ApiObject): string {
  let s = header(o) + '\nData\n====\n'
  const data = isJson(o.data) ? o.data : {}
  for (const k of Object.keys(data).sort()) s += `${k}:\n----\n${str(data[k])}\n\n`
  s += '\nBinaryData\n====\n'
  const bin = isJson(o.binaryData) ? o.binaryData : {}
  for (const k of Object.keys(bin).sort()) s += `${k}: ${base64Length(str(bin[k]))} bytes\n`
  return s + '\n'
}

function base64Length(b64: string): number {
  const clean = b64.replace(/=+$/, '')
  return Math.floor((clean.length * 3) / 4)
}

// describeSecret: sizes only, never the values (no Events section either).
function describeSecret(o: ApiObject): string {
  let s = header(o) + `\nType:\t${str(o.type)}\n\nData\n====\n`
  const data = isJson(o.data) ? o.data : {}
  for (const k of Object.keys(data).sort()) s += `${k}:\t${base64Length(str(data[k]))} bytes\n`
  return s
}

// IngressDescriber.describeBackendV1: `svc:port (endpoints)`, or the lookup error in place of the endpoints.
function ingressBackend(ctx: ShellContext, namespace: string, backend: unknown): string {
  if (!isJson(backend)) return ''
  if (isJson(backend.service)) {
    const svcName = str(backend.service.name)
    const port = isJson(backend.service.port) ? backend.service.port : {}
    const sb = `${svcName}:${Number(port.number ?? 0) !== 0 ? Number(port.number) : str(port.name)}`
    const svc = listObjects(ctx.sim, RESOURCE('services')).find((x) => x.metadata.namespace === namespace && x.metadata.name === svcName)
    if (!svc) return `${sb} (<error: services "${svcName}" not found>)`
    let spName = ''
    for (const sp of list(spec(svc).ports)) {
      if (Number(port.number ?? 0) !== 0 && Number(port.number) === Number(sp.port)) spName = str(sp.name)
      else if (str(port.name) && str(port.name) === str(sp.name)) spName = str(sp.name)
    }
    const slices = listObjects(ctx.sim, RESOURCE('endpointslices'))
      .filter((x) => x.metadata.namespace === namespace && x.metadata.labels?.['kubernetes.io/service-name'] === svcName)
    return `${sb} (${sliceEndpoints(slices, spName)})`
  }
  if (isJson(backend.resource)) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup === undefined ? '<none>' : str(r.apiGroup)}, Kind: ${str(r.kind)}, Name: ${str(r.name)}`
  }
  return ''
}

function describeIngress(o: ApiObject, ctx: ShellContext): string {
  const sp = spec(o)
  const ns = o.metadata.namespace ?? ''
  let s = `Name:\t${o.metadata.name}\n` + multiline('Labels', o.metadata.labels) + `Namespace:\t${ns}\n`
  const lb = isJson(status(o).loadBalancer) ? (status(o).loadBalancer as Json) : {}
  s += `Address:\t${[...new Set(list(lb.ingress).map((i) => str(i.ip) || str(i.hostname)).filter(Boolean))].join(',')}\n`
  s += `Ingress Class:\t${str(sp.ingressClassName) || '<none>'}\n`
  const def = sp.defaultBackend === undefined ? '<default>' : ingressBackend(ctx, ns, sp.defaultBackend)
  s += `Default backend:\t${def}\n`
  const tls = list(sp.tls)
  if (tls.length) {
    s += 'TLS:\n' + tls.map((t) => {
      const hosts = Array.isArray(t.hosts) ? t.hosts.join(',') : ''
      return t.secretName ? `  ${str(t.secretName)} terminates ${hosts}\n` : `  SNI routes ${hosts}\n`
    }).join('')
  }
  s += 'Rules:\n  Host\tPath\tBackends\n  ----\t----\t--------\n'
  let count = 0
  for (const rule of list(sp.rules)) {
    if (!isJson(rule.http)) continue
    count++
    s += `  ${str(rule.host) || '*'}\t\n`
    for (const p of list(rule.http.paths)) s += `    \t${str(p.path)} \t${ingressBackend(ctx, ns, p.backend)}\n`
  }
  if (count === 0) s += `  *\t*\t${def}\n`
  return s + annotations('Annotations', o.metadata.annotations)
}

function RESOURCE(resource: string): ResourceType {
  return RESOURCE_TYPES.find((t) => t.resource === resource) as ResourceType
}

const DESCRIBERS: Record<string, (o: ApiObject, ctx: ShellContext) => string> = {
  Pod: describePod,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Node: describeNode,
  Deployment: describeDeployment,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  Ingress: describeIngress,
}

// describeSecret never lists events.
const WITHOUT_EVENTS = new Set(['Secret'])

export function describeKinds(): string[] {
  return Object.keys(DESCRIBERS)
}

/**
 * kubectl describe TYPE [NAME_PREFIX] [-n NS | -A] [-l SEL]. Several objects are separated by a blank line and
 * then carry no Events section (describe.go turns ShowEvents off when more than one object matches).
 */
export function kubectlDescribe(positional: string[], flags: KubectlFlags, ctx: ShellContext): CommandResult {
  if (positional.length === 0) {
    return { stdout: '', stderr: 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\nerror: Required resource not specified.\nSee \'kubectl describe -h\' for help and examples\n', exitCode: 1 }
  }
  const resolved = resolveTargets(positional)
  if (!resolved.ok) return { stdout: '', stderr: `error: ${resolved.error}\n`, exitCode: 1 }
  const namespace = flags.namespace ?? DEFAULT_NAMESPACE
  const parsed = flags.selector ? parseSelector(flags.selector) : { ok: true as const, requirements: [] }
  if (!parsed.ok) return { stdout: '', stderr: `Error from server (BadRequest): ${parsed.error}\n`, exitCode: 1 }
  const found: { type: ResourceType; obj: ApiObject }[] = []
  const errors: string[] = []
  let stderr = ''
  for (const { type, names } of resolved.targets) {
    if (type.kind === 'Endpoints') stderr += 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n'
    const inScope = listObjects(ctx.sim, type).filter((o) => !type.namespaced || flags.allNamespaces || o.metadata.namespace === namespace)
      .filter((o) => selectorMatches(parsed.requirements, o.metadata.labels ?? {}))
    if (names.length === 0) {
      found.push(...inScope.map((obj) => ({ type, obj })))
      continue
    }
    for (const name of names) {
      const exact = inScope.find((o) => o.metadata.name === name)
      // DescribeMatchingResources: with no exact match, every object whose name starts with the argument.
      const matches = exact ? [exact] : inScope.filter((o) => o.metadata.name.startsWith(name))
      if (matches.length === 0) errors.push(`Error from server (NotFound): ${type.group ? `${type.resource}.${type.group}` : type.resource} "${name}" not found`)
      found.push(...matches.map((obj) => ({ type, obj })))
    }
  }
  const showEvents = found.length === 1
  const texts: string[] = []
  for (const { type, obj } of found) {
    const describer = DESCRIBERS[type.kind]
    if (!describer) {
      errors.push(`error: describe of ${type.kind} is not available in this playground; try kubectl get ${type.resource} ${obj.metadata.name} -o yaml`)
      break
    }
    let text = describer(obj, ctx)
    if (showEvents && !WITHOUT_EVENTS.has(type.kind)) text += describeEvents(eventsFor(ctx.sim, obj), ctx.sim.clock.now())
    texts.push(tabwrite(text, KUBECTL_DESCRIBE_TABS))
  }
  if (found.length === 0 && errors.length === 0) {
    stderr += flags.allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`
  }
  stderr += errors.map((e) => e + '\n').join('')
  return { stdout: texts.join('\n\n'), stderr, exitCode: errors.length ? 1 : 0, json: found.map((f) => f.obj) }
}
