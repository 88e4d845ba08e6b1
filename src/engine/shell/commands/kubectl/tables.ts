import { metallbTables } from '../../../dataplane/metallb/kubectl'
import { humanDuration } from '../../duration'
import { isJson, type Json } from './api/context'
import { ageMs, parseRfc3339, type ApiObject } from './api/meta'
import { containerCells, formatLabels, formatLabelSelector, joinHostPort, labelSelectorString, list, str } from './format'

/**
 * The server-side table columns of each kind and how a row is printed (k8s.io/kubernetes
 * pkg/printers/internalversion/printers.go: the *ColumnDefinitions and print* functions). `wide` marks the
 * Priority 1 columns that only `-o wide` shows.
 */
export interface Column {
  name: string
  wide?: boolean
}

export interface TableDef {
  columns: Column[]
  row(obj: ApiObject, nowMs: number): string[]
}

const age = (o: ApiObject, now: number) => humanDuration(ageMs(o, now))
const spec = (o: ApiObject): Json => (isJson(o.spec) ? o.spec : {})
const status = (o: ApiObject): Json => (isJson(o.status) ? o.status : {})
const num = (v: unknown) => (typeof v === 'number' ? v : 0)

// printPod: READY counts ready running containers (plus started restartable init containers), STATUS the reason.
function podRow(o: ApiObject, now: number): string[] {
  const s = status(o), sp = spec(o)
  const phase = str(s.phase)
  let reason = str(s.reason) || phase
  const sidecars = new Set(list(sp.initContainers).filter((c) => c.restartPolicy === 'Always').map((c) => str(c.name)))
  let total = list(sp.containers).length + sidecars.size
  let ready = 0
  let restarts = 0
  for (const c of list(s.initContainerStatuses)) {
    restarts += num(c.restartCount)
    if (sidecars.has(str(c.name)) && c.started === true && c.ready === true) ready++
  }
  let hasRunning = false
  const statuses = list(s.containerStatuses)
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]
    const state = isJson(c.state) ? c.state : {}
    restarts += num(c.restartCount)
    if (isJson(state.waiting) && str(state.waiting.reason)) reason = str(state.waiting.reason)
    else if (isJson(state.terminated) && str(state.terminated.reason)) reason = str(state.terminated.reason)
    else if (isJson(state.terminated)) reason = `ExitCode:${num(state.terminated.exitCode)}`
    else if (c.ready === true && isJson(state.running)) {
      hasRunning = true
      ready++
    }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = list(s.conditions).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
  }
  if (o.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'
  total = Math.max(total, 0)
  const ips = list(s.podIPs)
  const gates = list(sp.readinessGates)
  const gateText = gates.length
    ? `${gates.filter((g) => list(s.conditions).some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
    : '<none>'
  return [
    o.metadata.name, `${ready}/${total}`, reason, String(restarts), age(o, now),
    str(ips[0]?.ip) || '<none>', str(sp.nodeName) || '<none>', str(s.nominatedNodeName) || '<none>', gateText,
  ]
}

// getServiceExternalIP(svc, wide=true) and makePortString.
function serviceRow(o: ApiObject, now: number): string[] {
  const sp = spec(o)
  const type = str(sp.type)
  const clusterIPs = Array.isArray(sp.clusterIPs) ? sp.clusterIPs.map(String) : []
  const externalIPs = Array.isArray(sp.externalIPs) ? sp.externalIPs.map(String) : []
  const lb = isJson(status(o).loadBalancer) ? status(o).loadBalancer as Json : {}
  const lbIPs = [...new Set(list(lb.ingress).map((i) => str(i.ip) || str(i.hostname)).filter(Boolean))]
  let external: string
  switch (type) {
    case 'ClusterIP': case 'NodePort': external = externalIPs.length ? externalIPs.join(',') : '<none>'; break
    case 'LoadBalancer': {
      const all = [...lbIPs, ...externalIPs]
      external = all.length ? all.join(',') : '<pending>'
      break
    }
    case 'ExternalName': external = str(sp.externalName); break
    default: external = '<unknown>'
  }
  const ports = list(sp.ports).map((p) => (num(p.nodePort) > 0
    ? `${num(p.port)}:${num(p.nodePort)}/${str(p.protocol)}` : `${num(p.port)}/${str(p.protocol)}`)).join(',')
  return [o.metadata.name, type, clusterIPs[0] ?? '<none>', external, ports || '<none>', age(o, now), formatLabels(sp.selector)]
}

// formatEndpoints(endpoints, nil): up to 3 `ip:port`, then " + N more...".
function endpointsRow(o: ApiObject, now: number): string[] {
  const subsets = list(o.subsets)
  let text: string
  if (subsets.length === 0) text = '<none>'
  else {
    const shown: string[] = []
    let count = 0
    let more = false
    for (const ss of subsets) {
      const addrs = list(ss.addresses)
      const ports = list(ss.ports)
      if (ports.length === 0) {
        count += addrs.length
        for (const a of addrs) {
          if (shown.length === 3) { more = true; break }
          shown.push(str(a.ip))
        }
        continue
      }
      for (const p of ports) {
        count += addrs.length
        for (const a of addrs) {
          if (shown.length === 3) { more = true; break }
          shown.push(joinHostPort(str(a.ip), num(p.port)))
        }
      }
    }
    text = more ? `${shown.join(',')} + ${count - 3} more...` : shown.join(',')
  }
  return [o.metadata.name, text, age(o, now)]
}

// listWithMoreString: up to 3 items, " + N more...", "<unset>" when empty.
function listWithMore(items: string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`
  return items.join(',') || '<unset>'
}

function endpointSliceRow(o: ApiObject, now: number): string[] {
  const ports = list(o.ports).map((p) => (typeof p.port === 'number' ? String(p.port) : str(p.name) || '*'))
  const addrs = list(o.endpoints).flatMap((e) => (Array.isArray(e.addresses) ? e.addresses.map(String) : []))
  return [o.metadata.name, str(o.addressType), listWithMore(ports), listWithMore(addrs), age(o, now)]
}

function nodeRow(o: ApiObject, now: number): string[] {
  const s = status(o), sp = spec(o)
  const ready = list(s.conditions).find((c) => c.type === 'Ready')
  const st = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown']
  if (sp.unschedulable === true) st.push('SchedulingDisabled')
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length))
    else if (k === 'kubernetes.io/role' && v) roles.add(v)
  }
  const info = isJson(s.nodeInfo) ? s.nodeInfo : {}
  const addr = (t: string) => str(list(s.addresses).find((a) => a.type === t)?.address) || '<none>'
  return [
    o.metadata.name, st.join(','), [...roles].sort().join(',') || '<none>', age(o, now), str(info.kubeletVersion),
    addr('InternalIP'), addr('ExternalIP'), str(info.osImage) || '<unknown>', str(info.kernelVersion) || '<unknown>',
    str(info.containerRuntimeVersion) || '<unknown>',
  ]
}

function templateSpec(o: ApiObject): Json {
  const t = spec(o).template
  return isJson(t) && isJson(t.spec) ? t.spec : {}
}

const TABLES: Record<string, TableDef> = {
  ...metallbTables,
  Pod: {
    columns: [{ name: 'NAME' }, { name: 'READY' }, { name: 'STATUS' }, { name: 'RESTARTS' }, { name: 'AGE' },
      { name: 'IP', wide: true }, { name: 'NODE', wide: true }, { name: 'NOMINATED NODE', wide: true }, { name: 'READINESS GATES', wide: true }],
    row: podRow,
  },
  Service: {
    columns: [{ name: 'NAME' }, { name: 'TYPE' }, { name: 'CLUSTER-IP' }, { name: 'EXTERNAL-IP' }, { name: 'PORT(S)' }, { name: 'AGE' },
      { name: 'SELECTOR', wide: true }],
    row: serviceRow,
  },
  Endpoints: { columns: [{ name: 'NAME' }, { name: 'ENDPOINTS' }, { name: 'AGE' }], row: endpointsRow },
  EndpointSlice: {
    columns: [{ name: 'NAME' }, { name: 'ADDRESSTYPE' }, { name: 'PORTS' }, { name: 'ENDPOINTS' }, { name: 'AGE' }],
    row: endpointSliceRow,
  },
  Node: {
    columns: [{ name: 'NAME' }, { name: 'STATUS' }, { name: 'ROLES' }, { name: 'AGE' }, { name: 'VERSION' },
      { name: 'INTERNAL-IP', wide: true }, { name: 'EXTERNAL-IP', wide: true }, { name: 'OS-IMAGE', wide: true },
      { name: 'KERNEL-VERSION', wide: true }, { name: 'CONTAINER-RUNTIME', wide: true }],
    row: nodeRow,
  },
  Namespace: {
    columns: [{ name: 'NAME' }, { name: 'STATUS' }, { name: 'AGE' }],
    row: (o, now) => [o.metadata.name, str(status(o).phase), age(o, now)],
  },
  Deployment: {
    columns: [{ name: 'NAME' }, { name: 'READY' }, { name: 'UP-TO-DATE' }, { name: 'AVAILABLE' }, { name: 'AGE' },
      { name: 'CONTAINERS', wide: true }, { name: 'IMAGES', wide: true }, { name: 'SELECTOR', wide: true }],
    row: (o, now) => {
      const s = status(o)
      return [o.metadata.name, `${num(s.readyReplicas)}/${num(spec(o).replicas)}`, String(num(s.updatedReplicas)),
        String(num(s.availableReplicas)), age(o, now), ...containerCells(templateSpec(o)), labelSelectorString(spec(o).selector)]
    },
  },
  ReplicaSet: {
    columns: [{ name: 'NAME' }, { name: 'DESIRED' }, { name: 'CURRENT' }, { name: 'READY' }, { name: 'AGE' },
      { name: 'CONTAINERS', wide: true }, { name: 'IMAGES', wide: true }, { name: 'SELECTOR', wide: true }],
    row: (o, now) => {
      const s = status(o)
      return [o.metadata.name, String(num(spec(o).replicas)), String(num(s.replicas)), String(num(s.readyReplicas)), age(o, now),
        ...containerCells(templateSpec(o)), formatLabelSelector(spec(o).selector)]
    },
  },
  StatefulSet: {
    columns: [{ name: 'NAME' }, { name: 'READY' }, { name: 'AGE' }, { name: 'CONTAINERS', wide: true }, { name: 'IMAGES', wide: true }],
    row: (o, now) => [o.metadata.name, `${num(status(o).readyReplicas)}/${num(spec(o).replicas)}`, age(o, now), ...containerCells(templateSpec(o))],
  },
  DaemonSet: {
    columns: [{ name: 'NAME' }, { name: 'DESIRED' }, { name: 'CURRENT' }, { name: 'READY' }, { name: 'UP-TO-DATE' }, { name: 'AVAILABLE' },
      { name: 'NODE SELECTOR' }, { name: 'AGE' }, { name: 'CONTAINERS', wide: true }, { name: 'IMAGES', wide: true }, { name: 'SELECTOR', wide: true }],
    row: (o, now) => {
      const s = status(o)
      return [o.metadata.name, ...['desiredNumberScheduled', 'currentNumberScheduled', 'numberReady', 'updatedNumberScheduled', 'numberAvailable']
        .map((k) => String(num(s[k]))), formatLabels(templateSpec(o).nodeSelector), age(o, now),
      ...containerCells(templateSpec(o)), formatLabelSelector(spec(o).selector)]
    },
  },
  ConfigMap: {
    columns: [{ name: 'NAME' }, { name: 'DATA' }, { name: 'AGE' }],
    row: (o, now) => [o.metadata.name, String(Object.keys(isJson(o.data) ? o.data : {}).length + Object.keys(isJson(o.binaryData) ? o.binaryData : {}).length), age(o, now)],
  },
  Secret: {
    columns: [{ name: 'NAME' }, { name: 'TYPE' }, { name: 'DATA' }, { name: 'AGE' }],
    row: (o, now) => [o.metadata.name, str(o.type), String(Object.keys(isJson(o.data) ? o.data : {}).length), age(o, now)],
  },
  Ingress: {
    columns: [{ name: 'NAME' }, { name: 'CLASS' }, { name: 'HOSTS' }, { name: 'ADDRESS' }, { name: 'PORTS' }, { name: 'AGE' }],
    row: (o, now) => {
      const sp = spec(o)
      // formatHosts: up to 3 hosts, "*" when no rule names one.
      const rules = list(sp.rules)
      const hosts: string[] = []
      let more = false
      for (const r of rules) {
        if (hosts.length === 3) more = true
        if (!more && str(r.host)) hosts.push(str(r.host))
      }
      const hostText = hosts.length === 0 ? '*' : more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',')
      const lb = isJson(status(o).loadBalancer) ? status(o).loadBalancer as Json : {}
      const address = [...new Set(list(lb.ingress).map((i) => str(i.ip) || str(i.hostname)).filter(Boolean))].join(',')
      return [o.metadata.name, str(sp.ingressClassName) || '<none>', hostText, address, list(sp.tls).length ? '80, 443' : '80', age(o, now)]
    },
  },
  // printEvent: LAST SEEN, TYPE, REASON, OBJECT (kind/name), MESSAGE; the rest only with -o wide.
  Event: {
    columns: [{ name: 'LAST SEEN' }, { name: 'TYPE' }, { name: 'REASON' }, { name: 'OBJECT' }, { name: 'SUBOBJECT', wide: true },
      { name: 'SOURCE', wide: true }, { name: 'MESSAGE' }, { name: 'FIRST SEEN', wide: true }, { name: 'COUNT', wide: true }, { name: 'NAME', wide: true }],
    row: (o, now) => {
      const since = (t: unknown) => humanDuration(now - parseRfc3339(str(t)))
      const inv = isJson(o.involvedObject) ? o.involvedObject : {}
      const src = isJson(o.source) ? o.source : {}
      const source = [str(src.component) || str(o.reportingComponent), str(src.host) || str(o.reportingInstance)].filter(Boolean).join(', ')
      return [since(o.lastTimestamp), str(o.type), str(o.reason), `${str(inv.kind).toLowerCase()}/${str(inv.name)}`, str(inv.fieldPath),
        source, str(o.message).trim(), since(o.firstTimestamp), String(num(o.count) || 1), o.metadata.name]
    },
  },
  IngressClass: {
    columns: [{ name: 'NAME' }, { name: 'CONTROLLER' }, { name: 'PARAMETERS' }, { name: 'AGE' }],
    row: (o, now) => {
      const p = isJson(spec(o).parameters) ? spec(o).parameters as Json : undefined
      const params = p ? `${str(p.kind)}${p.apiGroup ? `.${str(p.apiGroup)}` : ''}/${str(p.name)}` : '<none>'
      return [o.metadata.name, str(spec(o).controller), params, age(o, now)]
    },
  },
}

export function tableFor(kind: string): TableDef {
  // Kinds without a printer get printObjectMeta's NAME and AGE.
  return TABLES[kind] ?? { columns: [{ name: 'NAME' }, { name: 'AGE' }], row: (o, now) => [o.metadata.name, age(o, now)] }
}
