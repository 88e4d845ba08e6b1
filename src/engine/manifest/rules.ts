import { isIPv4, isIPv6 } from '../util/ip'
import { invalid, ipAddress, notSimulatedIPv6 } from './checks'
import type { At, ObjectCheck } from './fields'
import { child, goValue } from './fields'
import { isDNS1123Subdomain } from './names'
import { isPlainObject } from './plain'

/**
 * Cross-field rules the API server applies on top of the per-field formats. Each is an ObjectCheck attached to the
 * object it reads in kind-specs.ts; each names the validation function it follows.
 */


const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

// core validation ValidateService / validateServicePort / validateServiceClusterIPsRelatedFields
export const serviceSpecRules: ObjectCheck = (spec, at) => {
  const type = str(spec.type) || 'ClusterIP'
  const headless = spec.clusterIP === 'None'
  const ports = list(spec.ports)
  const portsAt = child(at, 'ports')
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    at.report('manifest.requiredValue', 'error', { path: portsAt.path, detail: '' }, at.dotted)
  }
  if (type === 'ExternalName') {
    const name = str(spec.externalName)
    // ValidateService: externalName (a trailing dot allowed) must be a DNS-1123 subdomain
    if (!name) at.report('manifest.requiredValue', 'error', { path: child(at, 'externalName').path, detail: '' }, at.dotted)
    else invalid(child(at, 'externalName'), name, isDNS1123Subdomain(name.replace(/\.$/, '')))
  }
  // "spec.ports[1].name: Required value" when there is more than one port
  const names = new Map<string, number>()
  const portKeys = new Map<string, number>()
  const nodePorts = new Map<string, number>()
  ports.forEach((p, i) => {
    if (!isPlainObject(p)) return
    const pAt = child(portsAt, i)
    const name = str(p.name)
    if (ports.length > 1 && !name) {
      at.report('manifest.portNameRequired', 'error', { path: child(pAt, 'name').path, count: ports.length }, pAt.dotted)
    } else if (name) {
      const first = names.get(name)
      if (first !== undefined) duplicate(child(pAt, 'name'), name)
      else names.set(name, i)
    }
    // Duplicate (protocol, port) pairs: field.Duplicate(portPath, ServicePort{Protocol, Port})
    const protocol = str(p.protocol) || 'TCP'
    if (typeof p.port === 'number') {
      const key = `${p.port}/${protocol}`
      const first = portKeys.get(key)
      if (first !== undefined) {
        at.report('manifest.duplicatePort', 'error', { path: pAt.path, port: p.port, protocol, first: `${portsAt.path}[${first}]` }, pAt.dotted)
      } else portKeys.set(key, i)
    }
    if (typeof p.nodePort === 'number' && p.nodePort !== 0) {
      const npAt = child(pAt, 'nodePort')
      // "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"
      if (type === 'ClusterIP' || type === 'ExternalName') {
        at.report('manifest.forbidden', 'error', { path: npAt.path, detail: `may not be used when \`type\` is '${type}'` }, npAt.dotted)
      }
      const key = `${p.nodePort}/${protocol}`
      if (nodePorts.has(key)) duplicate(npAt, p.nodePort)
      else nodePorts.set(key, i)
    }
  })
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    invalid(child(at, 'clusterIP'), 'None', [`may not be set to 'None' for ${type} services`])
  }
  // validateServiceExternalTrafficPolicy: any value (Cluster too) on a Service nothing outside can reach is refused
  const external = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && list(spec.externalIPs).length > 0)
  if (!external && str(spec.externalTrafficPolicy)) {
    invalid(child(at, 'externalTrafficPolicy'), spec.externalTrafficPolicy, ['may only be set for externally-accessible services'])
  }
  if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort !== 0 && !(type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local')) {
    invalid(child(at, 'healthCheckNodePort'), spec.healthCheckNodePort, ["may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"])
  }
  // ValidateService: "spec.loadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"
  if (list(spec.loadBalancerSourceRanges).length > 0 && type !== 'LoadBalancer') {
    const lbAt = child(at, 'loadBalancerSourceRanges')
    at.report('manifest.forbidden', 'error', { path: lbAt.path, detail: "may only be used when `type` is 'LoadBalancer'" }, lbAt.dotted)
  }
  // IPv6 and dual-stack are read, not simulated
  const families = list(spec.ipFamilies)
  const policy = str(spec.ipFamilyPolicy)
  if (policy === 'PreferDualStack' || policy === 'RequireDualStack') {
    at.report('manifest.notSimulated.dualStack', 'warning', { path: child(at, 'ipFamilyPolicy').path, value: policy }, child(at, 'ipFamilyPolicy').dotted)
  }
  families.forEach((f, i) => {
    if (f === 'IPv6') notSimulatedIPv6(child(child(at, 'ipFamilies'), i), 'IPv6')
  })
}

// core validation validateClientIPAffinityConfig: "must be greater than 0 and less than 86400"
export const affinityTimeout = (v: string | number, at: At): void => {
  if (typeof v === 'number' && !(v > 0 && v <= 86400)) invalid(at, v, ['must be greater than 0 and less than 86400'])
}

// core validation validateContainers: "spec.containers[1].name: Duplicate value"
export const uniqueContainerNames = (items: unknown[], at: At): void => uniqueBy(items, at, 'name')

// core validation validateContainerPorts: port names unique within a container
export const uniquePortNames = (items: unknown[], at: At): void => uniqueBy(items, at, 'name')

function uniqueBy(items: unknown[], at: At, key: string): void {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (!isPlainObject(item) || typeof item[key] !== 'string' || item[key] === '') return
    const v = item[key] as string
    if (seen.has(v)) duplicate(child(child(at, i), key), v)
    seen.add(v)
  })
}

function duplicate(at: At, value: string | number): void {
  at.report('manifest.duplicateValue', 'error', { path: at.path, value: goValue(value) }, at.dotted)
}

// core validation validatePodSpec: hostNetwork pods' hostPort "must match `containerPort` when `hostNetwork` is true"
export const podSpecRules: ObjectCheck = (spec, at) => {
  if (spec.hostNetwork !== true) return
  for (const field of ['containers', 'initContainers']) {
    list(spec[field]).forEach((c, ci) => {
      if (!isPlainObject(c)) return
      list(c.ports).forEach((p, pi) => {
        if (!isPlainObject(p) || typeof p.hostPort !== 'number' || p.hostPort === 0) return
        if (p.hostPort !== p.containerPort) {
          invalid(child(child(child(child(child(at, field), ci), 'ports'), pi), 'hostPort'), p.hostPort, ['must match `containerPort` when `hostNetwork` is true'])
        }
      })
    })
  }
}

// networking validation validateHTTPIngressPath: Exact and Prefix paths "must be an absolute path"
// (and none of invalidPathSequences / invalidPathSuffixes); an ImplementationSpecific path, when given, is absolute too
export const ingressPathRules: ObjectCheck = (p, at) => {
  const type = str(p.pathType)
  const path = typeof p.path === 'string' ? p.path : ''
  const pathAt = child(at, 'path')
  if (type === 'Exact' || type === 'Prefix') {
    if (!path.startsWith('/')) invalid(pathAt, path, ['must be an absolute path'])
    for (const seq of ['//', '/./', '/../', '%2f', '%2F']) if (path.includes(seq)) invalid(pathAt, path, [`must not contain '${seq}'`])
    for (const suffix of ['/..', '/.']) if (path.endsWith(suffix)) invalid(pathAt, path, [`cannot end with '${suffix}'`])
  } else if (type === 'ImplementationSpecific' && path !== '' && !path.startsWith('/')) {
    invalid(pathAt, path, ['must be an absolute path'])
  }
  if (type === '' && p.pathType === undefined) {
    at.report('manifest.requiredValue', 'error', { path: child(at, 'pathType').path, detail: ': pathType must be specified' }, at.dotted)
  }
}

// networking validation validateIngressBackend / validateIngressServiceBackend
export const ingressBackendRules: ObjectCheck = (b, at) => {
  const hasService = isPlainObject(b.service)
  if (hasService && b.resource !== undefined) {
    at.report('manifest.invalidValue', 'error', { path: at.path, value: '', detail: 'cannot set both resource and service backends' }, at.dotted)
  }
  if (!hasService && b.resource === undefined) {
    at.report('manifest.invalidValue', 'error', { path: at.path, value: '', detail: 'resource or service backend is required' }, at.dotted)
  }
  if (!hasService) return
  const port = (b.service as Record<string, unknown>).port
  const portAt = child(child(at, 'service'), 'port')
  if (!isPlainObject(port)) {
    at.report('manifest.requiredValue', 'error', { path: portAt.path, detail: ': port name or number is required' }, child(at, 'service').dotted)
    return
  }
  const named = typeof port.name === 'string' && port.name !== ''
  const numbered = typeof port.number === 'number' && port.number !== 0
  if (named && numbered) {
    at.report('manifest.invalidValue', 'error', { path: portAt.path, value: '', detail: 'cannot set both port name & port number' }, portAt.dotted)
  } else if (!named && !numbered) {
    at.report('manifest.requiredValue', 'error', { path: portAt.path, detail: ': port name or number is required' }, portAt.dotted)
  }
}

// core validation validateNodeAddresses: InternalIP/ExternalIP addresses are IPs
export const nodeAddressRules: ObjectCheck = (a, at) => {
  if ((a.type === 'InternalIP' || a.type === 'ExternalIP') && typeof a.address === 'string') ipAddress(a.address, child(at, 'address'))
}

// discovery validation validateEndpoints: each address must be of the slice's addressType
export const endpointSliceRules: ObjectCheck = (slice, at) => {
  const type = str(slice.addressType)
  if (type === 'IPv6') {
    at.report('manifest.notSimulated.ipv6', 'warning', { path: child(at, 'addressType').path, value: 'IPv6' }, child(at, 'addressType').dotted)
  }
  list(slice.endpoints).forEach((ep, i) => {
    if (!isPlainObject(ep)) return
    list(ep.addresses).forEach((addr, j) => {
      if (typeof addr !== 'string') return
      const aAt = child(child(child(child(at, 'endpoints'), i), 'addresses'), j)
      if (type === 'IPv4' && !isIPv4(addr)) invalid(aAt, addr, ['must be a valid IPv4 address'])
      if (type === 'IPv6' && !isIPv6(addr)) invalid(aAt, addr, ['must be a valid IPv6 address'])
    })
  })
}

// core validation ValidateConfigMap / ValidateSecret: keys are IsConfigMapKey
export const configMapKey = (v: string | number, at: At): void => {
  const key = String(v)
  const errs: string[] = []
  if (key.length > 253) errs.push('must be no more than 253 bytes')
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")
  if (key === '.' || key === '..') errs.push(`must not be '${key}'`)
  else if (key.startsWith('..')) errs.push("must not start with '..'")
  invalid(at, key, errs)
}

// kube-proxy validateKubeProxyConfiguration: clusterCIDR is a comma-separated list of CIDRs
export const clusterCIDRList = (v: string | number, at: At): void => {
  for (const part of String(v).split(',').map((s) => s.trim()).filter(Boolean)) {
    const [addr, prefix] = part.split('/')
    const n = Number(prefix)
    if (isIPv4(addr) && Number.isInteger(n) && n >= 0 && n <= 32) continue
    if (isIPv6(addr) && Number.isInteger(n) && n >= 0 && n <= 128) { notSimulatedIPv6(at, part); continue }
    invalid(at, v, ['must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)'])
  }
}

// kube-proxy validateKubeProxyNodePortAddress: CIDRs, or the special value "primary"
export const nodePortAddress = (v: string | number, at: At): void => {
  if (v === 'primary') return
  clusterCIDRList(v, at)
}

// metallb BGPPeer webhook: a peer needs peerASN, or dynamicASN (v1beta2) to learn it from the session
export const bgpPeerRules: ObjectCheck = (spec, at) => {
  if (spec.peerASN === undefined && spec.dynamicASN === undefined) {
    at.report('manifest.requiredValue', 'error', { path: child(at, 'peerASN').path, detail: '' }, at.dotted)
  }
}
