import type { ManifestObject } from '../manifest/types'
import { isIPv4 } from '../util/ip'
import { ClusterIpPool, NodePortPool } from './allocate'
import { refOf, report, type BuildContext } from './context'
import { readProtocol } from './podspec'
import { isSystemObject } from './system'
import { getArray, getNumber, getObject, getString, getStringList, getStringMap, getValue } from './read'
import type { ClusterConfig, Service, ServicePort, ServiceType } from './types'

const TYPES = new Set(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'])
// validation.IsValidPortName: IANA_SVC_NAME, at most 15 characters, letters, digits and inner hyphens, at least one letter.
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/
// sessionAffinityConfig.clientIP.timeoutSeconds default (core/v1 DefaultClientIPServiceAffinitySeconds).
export const DEFAULT_AFFINITY_TIMEOUT = 10800

interface ServiceDraft {
  obj: ManifestObject
  service: Service
  /** Written clusterIP, when any (not None / ''). */
  clusterIP?: string
  /** Ports' written nodePorts, by port index. */
  nodePorts: Map<number, number>
  healthCheckNodePort?: number
  wantsNodePorts: boolean
  /** Set when the API server would refuse the object; it then never exists. */
  rejected: boolean
}

/** A kube-apiserver validation error, reported in its own words, and the object refused. */
function reject(ctx: BuildContext, d: ServiceDraft, field: string, detail: string, code = 'cluster.service.invalid'): void {
  report(ctx, code, 'error', { name: d.obj.name, field: apiField(field), detail }, d.obj, field)
  d.rejected = true
}

/** `spec.ports.0.nodePort` → `spec.ports[0].nodePort`, as the API server names fields. */
function apiField(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]')
}

/**
 * Services as the API server stores them: defaults applied (SetDefaults_Service), invalid ones refused, ClusterIPs and
 * NodePorts allocated. Written values are honoured and reserved first; the rest is allocated in document order.
 */
export function buildServices(objs: ManifestObject[], config: ClusterConfig, createdAt: (o: ManifestObject) => number, ctx: BuildContext): Service[] {
  const ipPool = new ClusterIpPool(config.serviceCIDR)
  const portPool = new NodePortPool(config.nodePortRange.min, config.nodePortRange.max)
  const drafts = objs.map((o) => readService(o, isSystemObject(o), createdAt(o), ctx))

  // The well-known addresses: kubernetes.default holds .1 (the apiserver's first service IP), kube-dns .10 (kubeadm).
  const wellKnown = (d: ServiceDraft) =>
    d.service.namespace === 'default' && d.service.name === 'kubernetes' ? ipPool.nth(1)
      : d.service.namespace === 'kube-system' && d.service.name === 'kube-dns' ? ipPool.nth(10) : undefined
  ipPool.reserve(ipPool.nth(1))
  ipPool.reserve(ipPool.nth(10))

  for (const d of drafts) {
    if (d.rejected) continue
    if (d.clusterIP !== undefined) {
      if (!ipPool.contains(d.clusterIP)) {
        reject(ctx, d, 'spec.clusterIP', `${d.clusterIP}: provided IP is not in the valid range. The range of valid IPs is ${ipPool.cidr.text}`, 'cluster.service.clusterIpRange')
        continue
      }
      const known = wellKnown(d)
      if (ipPool.isUsed(d.clusterIP) && known !== d.clusterIP) {
        reject(ctx, d, 'spec.clusterIP', `${d.clusterIP}: provided IP is already allocated`, 'cluster.service.clusterIpTaken')
        continue
      }
      ipPool.reserve(d.clusterIP)
    }
    const mine = new Set<number>()
    for (const [i, port] of d.nodePorts) {
      if (!portPool.contains(port)) {
        reject(ctx, d, `spec.ports.${i}.nodePort`, `${port}: provided port is not in the valid range. The range of valid ports is ${portPool.min}-${portPool.max}`, 'cluster.service.nodePortRange')
        break
      }
      // One Service may use the same nodePort for two protocols; another Service may not.
      if (portPool.isUsed(port) && !mine.has(port)) {
        reject(ctx, d, `spec.ports.${i}.nodePort`, `${port}: provided port is already allocated`, 'cluster.service.nodePortTaken')
        break
      }
      portPool.reserve(port)
      mine.add(port)
    }
    if (d.rejected) continue
    if (d.healthCheckNodePort !== undefined) {
      if (!portPool.contains(d.healthCheckNodePort) || portPool.isUsed(d.healthCheckNodePort)) {
        reject(ctx, d, 'spec.healthCheckNodePort', `${d.healthCheckNodePort}: provided port is already allocated`, 'cluster.service.nodePortTaken')
        continue
      }
      portPool.reserve(d.healthCheckNodePort)
    }
  }

  const out: Service[] = []
  for (const d of drafts) {
    if (d.rejected) continue
    const s = d.service
    if (s.clusterIP === '' && s.type !== 'ExternalName') {
      const ip = wellKnown(d) ?? ipPool.allocate()
      if (!ip) {
        report(ctx, 'cluster.service.clusterIpExhausted', 'error', { name: s.name, cidr: ipPool.cidr.text }, d.obj)
        continue
      }
      s.clusterIP = ip
    }
    if (d.wantsNodePorts) {
      s.ports.forEach((p, i) => {
        if (p.nodePort !== undefined) return
        // initNodePorts: ports sharing a number (53/UDP and 53/TCP) share one nodePort, a written one anywhere in the
        // list first (findRequestedNodePort), else the one allocated for an earlier port.
        const same = s.ports.find((q) => q !== p && q.port === p.port && q.nodePort !== undefined)
        const port = same?.nodePort ?? portPool.allocate()
        if (port === undefined) report(ctx, 'cluster.service.nodePortExhausted', 'error', { name: s.name }, d.obj, `spec.ports.${i}`)
        else p.nodePort = port
      })
    }
    if (s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local' && s.healthCheckNodePort === undefined) {
      const port = portPool.allocate()
      if (port !== undefined) s.healthCheckNodePort = port
    }
    out.push(s)
  }
  return out
}

function readService(obj: ManifestObject, system: boolean, createdAtMs: number, ctx: BuildContext): ServiceDraft {
  const spec = getObject(obj.body, 'spec') ?? {}
  const rawType = getString(spec, 'type') ?? 'ClusterIP'
  const service: Service = {
    id: obj.id,
    namespace: obj.namespace,
    name: obj.name,
    labels: obj.labels,
    annotations: obj.annotations,
    type: 'ClusterIP',
    clusterIP: '',
    externalIPs: getStringList(spec, 'externalIPs'),
    ports: [],
    sessionAffinity: 'None',
    affinityTimeoutSeconds: DEFAULT_AFFINITY_TIMEOUT,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    publishNotReadyAddresses: getValue(spec, 'publishNotReadyAddresses') === true,
    loadBalancerSourceRanges: getStringList(spec, 'loadBalancerSourceRanges'),
    loadBalancerIngress: [],
    source: refOf(obj),
    createdAtMs,
  }
  if (system) service.system = true
  const d: ServiceDraft = { obj, service, nodePorts: new Map(), wantsNodePorts: false, rejected: false }

  if (!TYPES.has(rawType)) {
    reject(ctx, d, 'spec.type', `"${rawType}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`)
    return d
  }
  service.type = rawType as ServiceType

  const selector = getStringMap(spec, 'selector')
  // An empty selector is stored as none (omitempty): the Service is selectorless.
  if (selector && Object.keys(selector).length > 0) service.selector = selector

  const affinity = getString(spec, 'sessionAffinity') ?? 'None'
  if (affinity !== 'None' && affinity !== 'ClientIP') reject(ctx, d, 'spec.sessionAffinity', `"${affinity}": supported values: "ClientIP", "None"`)
  else service.sessionAffinity = affinity
  const timeout = getNumber(spec, 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds')
  if (timeout !== undefined) {
    if (!Number.isInteger(timeout) || timeout <= 0 || timeout > 86400) reject(ctx, d, 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', `${timeout}: must be greater than 0 and less than 86400`)
    else service.affinityTimeoutSeconds = timeout
  }

  for (const key of ['externalTrafficPolicy', 'internalTrafficPolicy'] as const) {
    const v = getString(spec, key)
    if (v === undefined) continue
    if (v !== 'Cluster' && v !== 'Local') reject(ctx, d, `spec.${key}`, `"${v}": supported values: "Cluster", "Local"`)
    else service[key] = v
  }
  const external = service.type === 'NodePort' || service.type === 'LoadBalancer'
  if (getString(spec, 'externalTrafficPolicy') === 'Local' && !external && service.externalIPs.length === 0) {
    reject(ctx, d, 'spec.externalTrafficPolicy', 'may only be set for externally-accessible services')
  }

  const lbIP = getString(spec, 'loadBalancerIP')
  if (lbIP) service.loadBalancerIP = lbIP
  const lbClass = getString(spec, 'loadBalancerClass')
  if (lbClass) service.loadBalancerClass = lbClass
  for (const ing of getArray(obj.body, 'status', 'loadBalancer', 'ingress')) {
    const ip = getString(ing, 'ip')
    if (ip) service.loadBalancerIngress.push(ip)
  }
  service.externalIPs.forEach((ip, i) => {
    if (!isIPv4(ip)) reject(ctx, d, `spec.externalIPs.${i}`, `"${ip}": must be a valid IP address`)
  })

  // clusterIP: None = headless, an address = requested, absent = allocate; ExternalName has none.
  // An import may carry only spec.clusterIPs (dual-stack era); its first entry is the primary clusterIP.
  const clusterIP = getString(spec, 'clusterIP') ?? getStringList(spec, 'clusterIPs')[0] ?? ''
  if (service.type === 'ExternalName') {
    const name = getString(spec, 'externalName')
    if (!name) reject(ctx, d, 'spec.externalName', 'Required value')
    else service.externalName = name.replace(/\.$/, '')
    service.clusterIP = ''
  } else if (clusterIP === 'None') {
    service.clusterIP = 'None'
    if (external) reject(ctx, d, 'spec.clusterIP', `"None": may not be set to 'None' for ${service.type} services`)
  } else if (clusterIP !== '') {
    if (!isIPv4(clusterIP)) reject(ctx, d, 'spec.clusterIP', `"${clusterIP}": must be empty, 'None', or a valid IP address`)
    else d.clusterIP = clusterIP
    service.clusterIP = clusterIP
  }

  const rawPorts = getArray(spec, 'ports')
  if (rawPorts.length === 0 && service.type !== 'ExternalName' && service.clusterIP !== 'None') {
    reject(ctx, d, 'spec.ports', 'Required value')
  }
  const seenNames = new Set<string>()
  const seenPorts = new Set<string>()
  rawPorts.forEach((p, i) => {
    const at = `spec.ports.${i}`
    const port = getNumber(p, 'port')
    const protocol = readProtocol(getValue(p, 'protocol'))
    const name = getString(p, 'name') ?? ''
    if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535) {
      reject(ctx, d, `${at}.port`, `${String(getValue(p, 'port'))}: must be between 1 and 65535, inclusive`)
      return
    }
    if (!protocol) {
      reject(ctx, d, `${at}.protocol`, `"${String(getValue(p, 'protocol'))}": supported values: "SCTP", "TCP", "UDP"`)
      return
    }
    if (rawPorts.length > 1 && name === '') reject(ctx, d, `${at}.name`, 'Required value')
    else if (name !== '' && !PORT_NAME.test(name)) reject(ctx, d, `${at}.name`, `"${name}": must be no more than 15 characters, contain only lowercase alphanumerics and '-', and contain at least one letter`)
    if (name !== '' && seenNames.has(name)) reject(ctx, d, `${at}.name`, `Duplicate value: "${name}"`)
    seenNames.add(name)
    if (seenPorts.has(`${port}/${protocol}`)) reject(ctx, d, at, `Duplicate value: core.ServicePort{Port:${port}, Protocol:"${protocol}"}`)
    seenPorts.add(`${port}/${protocol}`)

    // targetPort defaults to port (SetDefaults_Service); a string is a container port name.
    const rawTarget = getValue(p, 'targetPort')
    let targetPort: number | string = port
    if (typeof rawTarget === 'number' && rawTarget !== 0) {
      if (!Number.isInteger(rawTarget) || rawTarget < 1 || rawTarget > 65535) reject(ctx, d, `${at}.targetPort`, `${rawTarget}: must be between 1 and 65535, inclusive`)
      targetPort = rawTarget
    } else if (typeof rawTarget === 'string' && rawTarget !== '') {
      // A quoted number stays a string (IntOrString) and fails IsValidPortName, as the API server says.
      if (!PORT_NAME.test(rawTarget)) reject(ctx, d, `${at}.targetPort`, `"${rawTarget}": must contain at least one letter (a-z)`)
      else targetPort = rawTarget
    }
    const sp: ServicePort = { name, protocol, port, targetPort }
    const appProtocol = getString(p, 'appProtocol')
    if (appProtocol) sp.appProtocol = appProtocol
    const nodePort = getNumber(p, 'nodePort')
    if (nodePort !== undefined && nodePort !== 0) {
      if (!external) reject(ctx, d, `${at}.nodePort`, `may not be used when \`type\` is '${service.type}'`)
      else {
        sp.nodePort = nodePort
        d.nodePorts.set(i, nodePort)
      }
    }
    service.ports.push(sp)
  })

  // allocateLoadBalancerNodePorts defaults to true; NodePort Services always get them.
  d.wantsNodePorts = service.type === 'NodePort' ||
    (service.type === 'LoadBalancer' && getValue(spec, 'allocateLoadBalancerNodePorts') !== false)
  const hc = getNumber(spec, 'healthCheckNodePort')
  if (hc !== undefined && hc !== 0) {
    if (service.type === 'LoadBalancer' && service.externalTrafficPolicy === 'Local') {
      service.healthCheckNodePort = hc
      d.healthCheckNodePort = hc
    } else reject(ctx, d, 'spec.healthCheckNodePort', 'may only be set when `type` is \'LoadBalancer\' and `externalTrafficPolicy` is \'Local\'')
  }
  return d
}
