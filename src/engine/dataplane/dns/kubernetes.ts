import type { Cluster, ObjectRef, Service } from '../../cluster/types'
import { isIPv4, isIPv6 } from '../../util/ip'
import type { KubernetesPlugin } from './corefile/config'
import { replyTo, type DnsMessage, type DnsQuestion, type DnsRecord, type QType } from './message'
import { addressFromReverse, canonical, dashedIp, fqdn, isSubdomain, matchZone, trimZone } from './names'
import { clusterDnsIP, corednsPods, kubeDnsService, namespaceExists, soaSerial } from './world'

/**
 * CoreDNS's kubernetes plugin (coredns plugin/kubernetes, kubernetes/dns docs/specification.md 1.1.0): what it
 * answers for a question in one of its zones, or that it passes the question on (`next`) when the zone is not its
 * own or a name error falls through.
 */

/** Why the plugin answered as it did: a catalogue code for the hop's note and the object it came from. */
export interface Explanation {
  code: string
  params: Record<string, string>
  source?: ObjectRef
}

export type PluginResult = { kind: 'reply'; message: DnsMessage; explain: Explanation } | { kind: 'next'; explain?: Explanation }

export interface K8sContext {
  cluster: Cluster
  plugin: KubernetesPlugin
  /** Resolve a name through the server's own plugin chain again (coredns plugin/pkg/upstream Lookup). */
  lookup: (name: string, type: QType) => DnsMessage | undefined
}

// coredns plugin/kubernetes/kubernetes.go: DNSSchemaVersion, and the TXT's hard-coded TTL
export const DNS_SCHEMA_VERSION = '1.1.0'
const DNS_VERSION_TTL = 28800
// coredns plugin/backend_lookup.go: maxCnameChainLength
const MAX_CNAME_CHAIN = 10

/** One backend entry, as msg.Service is in CoreDNS: an address or a name, a port, and the owner name it stands for. */
interface Entry {
  host: string
  port: number
  /** The owner name (`mysql-service.default.svc.cluster.local.`, `web-0.web.default.svc.cluster.local.`). */
  owner: string
  ttl: number
  text?: string
  service?: Service
}

interface RecordRequest {
  port: string
  protocol: string
  endpoint: string
  service: string
  namespace: string
  podOrSvc: '' | 'pod' | 'svc'
}

type Lookup<T> = { ok: true; value: T } | { ok: false; nameError: true; explain: Explanation }

const nameError = (code: string, params: Record<string, string> = {}, source?: ObjectRef): Lookup<never> => ({
  ok: false,
  nameError: true,
  explain: source ? { code, params, source } : { code, params },
})

// coredns plugin/kubernetes/parse.go parseRequest
function parseRequest(name: string, zone: string): RecordRequest | 'invalid' {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' }
  const base = trimZone(name, zone).toLowerCase()
  if (base === '' || base === 'svc' || base === 'pod') return r
  const segs = base.split('.')
  let last = segs.length - 1
  const kind = segs[last]
  if (kind !== 'pod' && kind !== 'svc') return 'invalid'
  r.podOrSvc = kind
  if (--last < 0) return r
  r.namespace = segs[last]
  if (--last < 0) return r
  r.service = segs[last]
  if (--last < 0) return r
  if (last === 0) r.endpoint = segs[0]
  else if (last === 1) {
    r.protocol = segs[1].replace(/^_/, '')
    r.port = segs[0].replace(/^_/, '')
  } else return 'invalid'
  return r
}

function zonePathOwner(parts: string[], zone: string): string {
  return fqdn(`${parts.join('.')}.${zone === '.' ? '' : zone.replace(/\.$/, '')}`.replace(/\.$/, ''))
}

function exposed(ctx: K8sContext, ns: string): boolean {
  const list = ctx.plugin.namespaces
  if (list.length > 0 && !list.includes(ns)) return false
  return namespaceExists(ctx.cluster, ns)
}

// coredns plugin/kubernetes endpointHostname
function endpointHostname(addr: { ip: string; hostname?: string; targetName?: string }, podNames: boolean): string {
  if (addr.hostname) return addr.hostname
  if (podNames && addr.targetName) return addr.targetName
  return dashedIp(addr.ip)
}

interface ReadyAddress {
  ip: string
  hostname?: string
  targetName?: string
  ports: { name: string; port: number; protocol: string }[]
}

// coredns object/endpoint.go EndpointSliceToEndpoints: only endpoints whose ready condition is true (nil = ready)
function readyAddresses(ctx: K8sContext, svc: Service): ReadyAddress[] {
  if (ctx.plugin.noEndpoints) return []
  const out: ReadyAddress[] = []
  for (const slice of ctx.cluster.endpointSlices) {
    if (slice.namespace !== svc.namespace || slice.serviceName !== svc.name) continue
    if (slice.addressType === 'FQDN') continue
    // a slice without ports gets the sentinel port -1
    const ports = slice.ports.length > 0 ? slice.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })) : [{ name: '', port: -1, protocol: '' }]
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue
      for (const ip of ep.addresses) {
        // object/endpoint.go: pod names too long for a label are dropped
        const targetName = ep.targetRef && ep.targetRef.name.length < 64 ? ep.targetRef.name : undefined
        out.push({ ip, hostname: ep.hostname, targetName, ports })
      }
    }
  }
  return out
}

const matchPortProto = (rPort: string, port: string, rProto: string, proto: string) =>
  (rPort === '' || rPort === port.toLowerCase()) && (rProto === '' || rProto === proto.toLowerCase())

// coredns plugin/kubernetes findServices
function findServices(ctx: K8sContext, r: RecordRequest, zone: string): Lookup<Entry[]> {
  if (!exposed(ctx, r.namespace)) return nameError('dns.k8s.noNamespace', { namespace: r.namespace })
  if (r.service === '') return { ok: true, value: [] }
  const ttl = ctx.plugin.ttl
  const out: Entry[] = []
  let found = false
  let matched: Service | undefined
  for (const svc of ctx.cluster.services) {
    if (svc.namespace.toLowerCase() !== r.namespace || svc.name.toLowerCase() !== r.service) continue
    matched = svc
    const headless = svc.clusterIP === 'None'
    if (ctx.plugin.ignoreEmptyService && svc.type !== 'ExternalName' && !headless) {
      if (readyAddresses(ctx, svc).length === 0) continue
    }
    const base = zonePathOwner([svc.name, svc.namespace, 'svc'], zone)
    if (svc.type === 'ExternalName') {
      // external services have no endpoints nor port/protocol pseudo-subdomains
      if (r.endpoint !== '' || r.port !== '' || r.protocol !== '') continue
      const target = svc.externalName ?? ''
      if (target !== '' && !isIPv4(target) && !isIPv6(target)) {
        out.push({ host: target, port: 0, owner: base, ttl, service: svc })
        found = true
      }
      continue
    }
    if (headless || r.endpoint !== '') {
      for (const addr of readyAddresses(ctx, svc)) {
        const host = endpointHostname(addr, ctx.plugin.endpointPodNames)
        if (r.endpoint !== '' && r.endpoint !== host.toLowerCase()) continue
        for (const p of addr.ports) {
          if (!matchPortProto(r.port, p.name, r.protocol, p.protocol)) continue
          out.push({ host: addr.ip, port: p.port, owner: zonePathOwner([host, svc.name, svc.namespace, 'svc'], zone), ttl, service: svc })
          found = true
        }
      }
      continue
    }
    for (const p of svc.ports) {
      if (!matchPortProto(r.port, p.name, r.protocol, p.protocol)) continue
      found = true
      if (svc.clusterIP) out.push({ host: svc.clusterIP, port: p.port, owner: base, ttl, service: svc })
    }
  }
  if (!found) {
    if (!matched) return nameError('dns.k8s.noService', { service: r.service, namespace: r.namespace })
    if (matched.clusterIP === 'None' && r.endpoint === '') return nameError('dns.k8s.headlessNoReady', { service: matched.name, namespace: matched.namespace }, matched.source)
    if (r.endpoint !== '') return nameError('dns.k8s.noEndpointName', { endpoint: r.endpoint, service: matched.name, namespace: matched.namespace }, matched.source)
    return nameError('dns.k8s.noPort', { service: matched.name, namespace: matched.namespace, port: r.port, protocol: r.protocol }, matched.source)
  }
  return { ok: true, value: out }
}

// coredns plugin/kubernetes findPods
function findPods(ctx: K8sContext, r: RecordRequest, zone: string): Lookup<Entry[]> {
  if (ctx.plugin.pods === 'disabled') return nameError('dns.k8s.podsDisabled')
  if (!exposed(ctx, r.namespace)) return nameError('dns.k8s.noNamespace', { namespace: r.namespace })
  const podname = r.service
  if (podname === '') return { ok: true, value: [] }
  const owner = zonePathOwner([podname, r.namespace, 'pod'], zone)
  const dashes = podname.split('-').length - 1
  const ip = dashes === 3 && !podname.includes('--') ? podname.split('-').join('.') : podname.split('-').join(':')
  if (ctx.plugin.pods === 'insecure') {
    if (!isIPv4(ip) && !isIPv6(ip)) return nameError('dns.k8s.podNameNotIp', { name: podname })
    return { ok: true, value: [{ host: ip, port: 0, owner, ttl: ctx.plugin.ttl }] }
  }
  const pods = ctx.cluster.pods.filter((p) => p.podIP === ip && p.namespace.toLowerCase() === r.namespace)
  if (pods.length === 0) return nameError('dns.k8s.noPodWithIp', { ip, namespace: r.namespace })
  return { ok: true, value: pods.map(() => ({ host: ip, port: 0, owner, ttl: ctx.plugin.ttl })) }
}

function isDefaultNS(name: string, zone: string): boolean {
  return canonical(name) === canonical(`ns.dns.${zone === '.' ? '' : zone}`)
}

// coredns plugin/kubernetes nsAddrs: the ClusterIP of the Service whose endpoints are CoreDNS's own pods
function nsAddresses(ctx: K8sContext): string[] {
  const svc = kubeDnsService(ctx.cluster)
  if (svc && svc.clusterIP && svc.clusterIP !== 'None') return [svc.clusterIP]
  const pods = corednsPods(ctx.cluster)
  return pods.length > 0 ? [pods[0].podIP] : [clusterDnsIP(ctx.cluster)]
}

// coredns plugin/kubernetes Records
function records(ctx: K8sContext, name: string, zone: string): Lookup<Entry[]> {
  const r = parseRequest(name, zone)
  if (r === 'invalid') return nameError('dns.k8s.invalidName', { name: fqdn(name) })
  if (r.podOrSvc === '') return { ok: true, value: [] }
  if (isSubdomain(name, 'in-addr.arpa.') || isSubdomain(name, 'ip6.arpa.')) return nameError('dns.k8s.invalidName', { name: fqdn(name) })
  if (!exposed(ctx, r.namespace)) return nameError('dns.k8s.noNamespace', { namespace: r.namespace })
  return r.podOrSvc === 'pod' ? findPods(ctx, r, zone) : findServices(ctx, r, zone)
}

// coredns plugin/kubernetes Services (the ServiceBackend entry point)
function services(ctx: K8sContext, name: string, type: QType, zone: string): Lookup<Entry[]> {
  if (type === 'TXT') {
    const rest = trimZone(name, zone)
    if (rest.toLowerCase() === 'dns-version') {
      return { ok: true, value: [{ host: '', port: 0, owner: fqdn(name), ttl: DNS_VERSION_TTL, text: DNS_SCHEMA_VERSION }] }
    }
    const existing = records(ctx, name, zone)
    // an existing record of another type answers an empty NOERROR
    if (existing.ok && existing.value.length > 0) return { ok: true, value: [] }
    if (!existing.ok) return existing
    return nameError('dns.k8s.noTxt', { name: fqdn(name) })
  }
  if (isDefaultNS(name, zone)) {
    if (type !== 'A') return { ok: true, value: [] }
    return { ok: true, value: nsAddresses(ctx).map((ip) => ({ host: ip, port: 0, owner: fqdn(name), ttl: ctx.plugin.ttl })) }
  }
  const found = records(ctx, name, zone)
  // SRV for external services is not implemented in CoreDNS: drop the CNAME entries
  if (type === 'SRV' && found.ok) return { ok: true, value: found.value.filter((e) => isIPv4(e.host) || isIPv6(e.host)) }
  return found
}

function soaRecord(ctx: K8sContext, zone: string): DnsRecord {
  // coredns plugin/backend_lookup.go SOA: ttl min(minTTL, 300), ns.dns.<zone>, hostmaster.<zone>, 7200 1800 86400 minTTL
  const z = zone === '.' ? '' : zone
  return {
    name: zone,
    type: 'SOA',
    ttl: Math.min(ctx.plugin.ttl, 300),
    soa: {
      mname: `ns.dns.${z}`,
      rname: `hostmaster.${z}`,
      serial: soaSerial(ctx.cluster),
      refresh: 7200,
      retry: 1800,
      expire: 86400,
      minimum: ctx.plugin.ttl,
    },
  }
}

// coredns plugin/backend_lookup.go A / AAAA (CNAMEs followed inside the zone, else through the upstream)
function addressRecords(ctx: K8sContext, name: string, type: 'A' | 'AAAA', zone: string, previous: DnsRecord[]): Lookup<DnsRecord[]> {
  const found = services(ctx, name, type, zone)
  if (!found.ok) return found
  const out: DnsRecord[] = []
  const dup = new Set<string>()
  for (const e of found.value) {
    if (isIPv4(e.host) || isIPv6(e.host)) {
      const family = isIPv4(e.host) ? 'A' : 'AAAA'
      if (family !== type || dup.has(e.host)) continue
      dup.add(e.host)
      out.push({ name: fqdn(name), type, ttl: e.ttl, address: e.host })
      continue
    }
    const target = fqdn(e.host)
    // x CNAME x is a direct loop
    if (canonical(target) === canonical(name)) continue
    const cname: DnsRecord = { name: fqdn(name), type: 'CNAME', ttl: e.ttl, target }
    if (previous.length > MAX_CNAME_CHAIN) continue
    if (previous.some((p) => p.type === 'CNAME' && canonical(p.name) === canonical(cname.name) && p.type === cname.type && canonical(p.target) === canonical(target))) continue
    if (isSubdomain(target, zone)) {
      const next = addressRecords(ctx, target, type, zone, [...previous, cname])
      if (next.ok && next.value.length > 0) out.push(cname, ...next.value)
      continue
    }
    const upstream = ctx.lookup(target, type)
    if (!upstream) continue
    out.push(cname, ...upstream.answer)
  }
  return { ok: true, value: out }
}

// coredns plugin/backend_lookup.go SRV: weight = floor(100 / entries of the same priority), at least 1
function srvRecords(ctx: K8sContext, name: string, zone: string): Lookup<{ answer: DnsRecord[]; extra: DnsRecord[] }> {
  const found = services(ctx, name, 'SRV', zone)
  if (!found.ok) return found
  const total = found.value.length * 100
  const answer: DnsRecord[] = []
  const extra: DnsRecord[] = []
  const seen = new Set<string>()
  for (const e of found.value) {
    if (e.port === -1) continue
    const weight = Math.max(1, Math.floor((100 / total) * 100))
    const target = e.owner
    const key = `${canonical(target)}|${e.port}`
    if (!seen.has(key)) {
      seen.add(key)
      answer.push({ name: fqdn(name), type: 'SRV', ttl: e.ttl, srv: { priority: 0, weight, port: e.port, target } })
    }
    const addrKey = `${canonical(target)}|${e.host}`
    if (!seen.has(addrKey)) {
      seen.add(addrKey)
      extra.push({ name: target, type: isIPv4(e.host) ? 'A' : 'AAAA', ttl: e.ttl, address: e.host })
    }
  }
  return { ok: true, value: { answer, extra } }
}

// coredns plugin/kubernetes/reverse.go serviceRecordForIP: a ClusterIP first, else every endpoint with that address
function reverseRecords(ctx: K8sContext, name: string, zone: string): Lookup<DnsRecord[]> & { source?: ObjectRef } {
  const ip = addressFromReverse(name)
  if (!ip) {
    const r = records(ctx, name, zone)
    if (!r.ok) return r
    return nameError('dns.k8s.notReverse', { name: fqdn(name) })
  }
  const primary = ctx.plugin.zones.find((z) => !z.endsWith('in-addr.arpa.') && !z.endsWith('ip6.arpa.')) ?? 'cluster.local.'
  const pz = primary.replace(/\.$/, '')
  for (const svc of ctx.cluster.services) {
    if (svc.clusterIP !== ip) continue
    if (ctx.plugin.namespaces.length > 0 && !ctx.plugin.namespaces.includes(svc.namespace)) continue
    return { ok: true, value: [{ name: fqdn(name), type: 'PTR', ttl: ctx.plugin.ttl, target: fqdn(`${svc.name}.${svc.namespace}.svc.${pz}`) }], source: svc.source }
  }
  const out: DnsRecord[] = []
  const dup = new Set<string>()
  let source: ObjectRef | undefined
  for (const svc of ctx.cluster.services) {
    if (ctx.plugin.namespaces.length > 0 && !ctx.plugin.namespaces.includes(svc.namespace)) continue
    for (const addr of readyAddresses(ctx, svc)) {
      if (addr.ip !== ip) continue
      const target = fqdn(`${endpointHostname(addr, ctx.plugin.endpointPodNames)}.${svc.name}.${svc.namespace}.svc.${pz}`)
      if (dup.has(target)) continue
      dup.add(target)
      source ??= svc.source
      out.push({ name: fqdn(name), type: 'PTR', ttl: ctx.plugin.ttl, target })
    }
  }
  if (out.length === 0) return nameError('dns.k8s.noReverse', { ip })
  return { ok: true, value: out, source }
}

/** What the kubernetes plugin does with one question. */
export function kubernetesPlugin(ctx: K8sContext, question: DnsQuestion): PluginResult {
  const matched = matchZone(question.name, ctx.plugin.zones)
  if (!matched) return { kind: 'next' }
  const name = question.name
  // handler.go: "maintain case of original query" for the zone part
  const zone = matched === '.' ? '.' : fqdn(name).slice(-matched.length)
  let result: Lookup<DnsRecord[]>
  let extra: DnsRecord[] = []
  let source: ObjectRef | undefined
  switch (question.type) {
    case 'A':
    case 'AAAA':
      result = addressRecords(ctx, name, question.type, zone, [])
      break
    case 'TXT': {
      const found = services(ctx, name, 'TXT', zone)
      result = found.ok ? { ok: true, value: found.value.filter((e) => e.text !== undefined).map((e) => ({ name: fqdn(name), type: 'TXT' as const, ttl: e.ttl, text: e.text ?? '' })) } : found
      break
    }
    case 'CNAME': {
      const found = services(ctx, name, 'CNAME', zone)
      const first = found.ok ? found.value[0] : undefined
      result = !found.ok ? found : { ok: true, value: first && !isIPv4(first.host) && !isIPv6(first.host) ? [{ name: fqdn(name), type: 'CNAME', ttl: first.ttl, target: fqdn(first.host) }] : [] }
      break
    }
    case 'PTR': {
      const r = reverseRecords(ctx, name, zone)
      result = r
      source = r.source
      break
    }
    case 'SRV': {
      const r = srvRecords(ctx, name, zone)
      result = r.ok ? { ok: true, value: r.value.answer } : r
      if (r.ok) extra = r.value.extra
      break
    }
    case 'SOA':
      result = { ok: true, value: canonical(name) === canonical(zone) ? [soaRecord(ctx, zone)] : [] }
      break
    case 'NS':
      if (canonical(name) === canonical(zone)) {
        const z = zone === '.' ? '' : zone
        const nsName = `ns.dns.${z}`
        result = { ok: true, value: [{ name: fqdn(name), type: 'NS', ttl: ctx.plugin.ttl, target: nsName }] }
        extra = nsAddresses(ctx).map((ip) => ({ name: nsName, type: 'A' as const, ttl: ctx.plugin.ttl, address: ip }))
        break
      }
      result = fakeA(ctx, name, zone)
      break
    default:
      // "Do a fake A lookup, so we can distinguish between NODATA and NXDOMAIN"
      result = fakeA(ctx, name, zone)
  }
  if (!result.ok) {
    const fall = ctx.plugin.fallthrough
    if (fall && matchZone(name, fall)) return { kind: 'next', explain: { code: 'dns.k8s.fallthrough', params: { name: fqdn(name), zone } } }
    const m = replyTo(question, 'NXDOMAIN', true)
    m.authority = [soaRecord(ctx, zone)]
    return { kind: 'reply', message: m, explain: result.explain }
  }
  const m = replyTo(question, 'NOERROR', true)
  // handler.go: no records and no error → BackendError(RcodeSuccess): NODATA with the SOA
  if (result.value.length === 0) {
    m.authority = [soaRecord(ctx, zone)]
    return { kind: 'reply', message: m, explain: nodataExplain(ctx, name, question.type, zone) }
  }
  m.answer = result.value
  m.additional = extra
  return { kind: 'reply', message: m, explain: answerExplain(ctx, name, zone, result.value, source) }
}

function fakeA(ctx: K8sContext, name: string, zone: string): Lookup<DnsRecord[]> {
  const r = addressRecords(ctx, name, 'A', zone, [])
  return r.ok ? { ok: true, value: [] } : r
}

function nodataExplain(ctx: K8sContext, name: string, type: QType, zone: string): Explanation {
  const r = parseRequest(name, zone)
  if (r !== 'invalid' && r.service === '') return { code: 'dns.k8s.nodataApex', params: { name: fqdn(name), type } }
  const svc = r !== 'invalid' ? ctx.cluster.services.find((s) => s.namespace.toLowerCase() === r.namespace && s.name.toLowerCase() === r.service) : undefined
  return svc ? { code: 'dns.k8s.nodata', params: { name: fqdn(name), type }, source: svc.source } : { code: 'dns.k8s.nodata', params: { name: fqdn(name), type } }
}

function answerExplain(ctx: K8sContext, name: string, zone: string, answer: DnsRecord[], ptrSource?: ObjectRef): Explanation {
  const first = answer[0]
  if (first.type === 'PTR') return ptrSource ? { code: 'dns.k8s.ptr', params: { name: fqdn(name), target: first.target }, source: ptrSource } : { code: 'dns.k8s.ptr', params: { name: fqdn(name), target: first.target } }
  if (first.type === 'TXT') return { code: 'dns.k8s.dnsVersion', params: { version: first.text } }
  if (first.type === 'NS') return { code: 'dns.k8s.ns', params: { zone } }
  if (first.type === 'SOA') return { code: 'dns.k8s.soa', params: { zone } }
  const r = parseRequest(name, zone)
  if (r === 'invalid') return { code: 'dns.k8s.answer', params: { name: fqdn(name) } }
  if (r.podOrSvc === 'pod') return { code: ctx.plugin.pods === 'insecure' ? 'dns.k8s.podInsecure' : 'dns.k8s.podVerified', params: { name: fqdn(name) } }
  const svc = ctx.cluster.services.find((s) => s.namespace.toLowerCase() === r.namespace && s.name.toLowerCase() === r.service)
  const params = { name: fqdn(name), service: svc?.name ?? r.service, namespace: svc?.namespace ?? r.namespace, count: String(answer.filter((a) => a.type === first.type).length) }
  const withSource = (code: string): Explanation => (svc ? { code, params, source: svc.source } : { code, params })
  if (first.type === 'SRV') return withSource('dns.k8s.srv')
  if (first.type === 'CNAME') return withSource('dns.k8s.externalName')
  if (r.endpoint !== '') return withSource('dns.k8s.endpoint')
  if (svc?.clusterIP === 'None') return withSource('dns.k8s.headless')
  if (!svc) return { code: 'dns.k8s.answer', params: { name: fqdn(name) } }
  return withSource('dns.k8s.clusterIP')
}
