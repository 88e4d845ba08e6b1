import { compareDiagnostics, diagnostic, type Diagnostic, type SourceRange } from '../../core/diagnostic'
import type { Cluster, ObjectRef, PassThroughObject, Service } from '../../cluster/types'
import type { ManifestObject } from '../../manifest/types'
import { parseIngressAnnotations, type IngressAnnotations } from './annotations'
import { classifyIngress, readClasses } from './classes'
import { readControllerConfig } from './config'
import {
  CATCH_ALL,
  DEFAULT_UPSTREAM,
  type IngressModel,
  type IngressRef,
  type Location,
  type PathType,
  type Server,
  type Upstream,
  type UpstreamEndpoint,
} from './model'
import { parseCertificate, serverCertificate } from './tls-select'
import { secretData } from './annotations'

export interface BuildIngressOptions {
  /** The parsed manifests, for field-level source ranges (a diagnostic on the annotation's own line). */
  objects?: ManifestObject[]
  /** Whether an ingress-nginx controller runs (controller.ts decides); default true. */
  installed?: boolean
  /** The controller's namespace, where its ConfigMap lives. */
  controllerNamespace?: string
}

interface ServiceBackend {
  name: string
  port: string
  portIsNumber: boolean
}

interface IngressPath {
  path: string
  pathType: PathType
  backend?: ServiceBackend
  source: ObjectRef
}

interface IngressRule {
  host: string
  hasHTTP: boolean
  paths: IngressPath[]
}

interface ParsedIngress {
  obj: PassThroughObject
  ref: IngressRef
  anns: IngressAnnotations
  defaultBackend?: ServiceBackend
  rules: IngressRule[]
  tls: { hosts: string[]; secretName: string; source: ObjectRef }[]
}

/** ingress-nginx's configuration for the cluster: servers, locations and upstreams, as the controller would write them. */
export function buildIngressModel(cluster: Cluster, options: BuildIngressOptions = {}): IngressModel {
  const diagnostics: Diagnostic[] = []
  const installed = options.installed ?? true
  const config = readControllerConfig(cluster.others, options.controllerNamespace ?? 'ingress-nginx')
  const manifests = new Map((options.objects ?? []).map((o) => [o.id, o]))
  const rangeIn = (obj: PassThroughObject, path: string): SourceRange | undefined => manifests.get(obj.id)?.fieldRanges[path] ?? obj.source.range
  const refAt = (obj: PassThroughObject, path: string): ObjectRef => {
    const range = rangeIn(obj, path)
    return range ? { object: obj.id, range } : { object: obj.id }
  }
  const secrets = cluster.others.filter((o) => o.kind === 'Secret')
  const classes = readClasses(cluster.others, installed)

  const watched: IngressRef[] = []
  const ignored: IngressModel['ignored'] = []
  const ingresses: ParsedIngress[] = []
  // store.go ListIngresses sorts by creation time, then namespace/name; the playground has no creation times
  const allIngresses = cluster.others.filter((o) => o.kind === 'Ingress').sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1))
  for (const obj of allIngresses) {
    const ref: IngressRef = { id: obj.id, namespace: obj.namespace, name: obj.name, source: obj.source }
    const decision = classifyIngress(obj, classes)
    if (!installed || !decision.watched) {
      const reason = installed ? decision.reason : 'ingress.class.no-controller'
      ignored.push({ ingress: ref, reason })
      diagnostics.push(diagnostic(reason, 'warning', { ingress: `${obj.namespace}/${obj.name}`, class: decision.className ?? '' }, rangeIn(obj, 'spec.ingressClassName') ?? obj.source.range, obj.id))
      continue
    }
    watched.push(ref)
    const parsed = parseIngressAnnotations(obj, { config, secrets, rangeOf: (key) => rangeIn(obj, `metadata.annotations.${key}`) })
    diagnostics.push(...parsed.diagnostics)
    ingresses.push({ obj, ref, anns: parsed.annotations, ...readSpec(obj, refAt) })
  }

  const upstreams = createUpstreams(ingresses, cluster)
  const servers = createServers(ingresses, upstreams, secrets, diagnostics, rangeIn)
  addLocations(ingresses, upstreams, servers)

  // controller.go getBackendServers: canaries merge into the primary upstream of the same host+path
  const canaries = ingresses.filter((i) => i.anns.canary.enabled)
  if (ingresses.length - canaries.length > 0) for (const c of canaries) mergeAlternativeBackends(c, upstreams, servers, diagnostics)
  else for (const c of canaries) diagnostics.push(diagnostic('ingress.canary.alone', 'warning', { ingress: `${c.ref.namespace}/${c.ref.name}` }, c.obj.source.range, c.ref.id))

  const ordered: Server[] = []
  for (const server of servers.values()) {
    // controller.go: sort.SliceStable by Path descending, then sort.SliceStable by len(Path) descending
    server.locations = stableSort(server.locations, (a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0))
    server.locations = stableSort(server.locations, (a, b) => b.path.length - a.path.length)
    // controller.go getConfiguration → location.go updateServerLocations
    server.locations = updateServerLocations(server.locations)
    server.enforceRegex = server.locations.some((l) => needsRewrite(l) || l.annotations.rewrite.useRegex)
    if (!server.enforceRegex) reportDuplicates(server, diagnostics)
    ordered.push(server)
  }
  ordered.sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0))

  lintBackends(ingresses, cluster, diagnostics, refAt)
  return { installed, config, servers: ordered, upstreams: Object.fromEntries(upstreams), watched, ignored, diagnostics: diagnostics.sort(compareDiagnostics) }
}

function readSpec(obj: PassThroughObject, refAt: (o: PassThroughObject, path: string) => ObjectRef): Pick<ParsedIngress, 'defaultBackend' | 'rules' | 'tls'> {
  const spec = (obj.body.spec ?? {}) as Record<string, unknown>
  const defaultBackend = readServiceBackend(spec.defaultBackend)
  const rules: IngressRule[] = []
  const rawRules = Array.isArray(spec.rules) ? spec.rules : []
  rawRules.forEach((r: unknown, i: number) => {
    const rule = (r ?? {}) as Record<string, unknown>
    const http = rule.http as Record<string, unknown> | undefined
    const rawPaths = http && Array.isArray(http.paths) ? http.paths : []
    const paths: IngressPath[] = rawPaths.map((p: unknown, j: number) => {
      const path = (p ?? {}) as Record<string, unknown>
      const pt = path.pathType
      return {
        path: typeof path.path === 'string' ? path.path : '',
        pathType: pt === 'Exact' || pt === 'Prefix' ? pt : 'ImplementationSpecific',
        backend: readServiceBackend(path.backend),
        source: refAt(obj, `spec.rules.${i}.http.paths.${j}`),
      }
    })
    rules.push({ host: typeof rule.host === 'string' ? rule.host.toLowerCase() : '', hasHTTP: !!http, paths })
  })
  const rawTLS = Array.isArray(spec.tls) ? spec.tls : []
  const tls = rawTLS.map((t: unknown, i: number) => {
    const entry = (t ?? {}) as Record<string, unknown>
    return {
      hosts: Array.isArray(entry.hosts) ? entry.hosts.filter((h): h is string => typeof h === 'string').map((h) => h.toLowerCase()) : [],
      secretName: typeof entry.secretName === 'string' ? entry.secretName : '',
      source: refAt(obj, `spec.tls.${i}`),
    }
  })
  return { defaultBackend, rules, tls }
}

function readServiceBackend(raw: unknown): ServiceBackend | undefined {
  const svc = ((raw ?? {}) as Record<string, unknown>).service as Record<string, unknown> | undefined
  if (!svc || typeof svc.name !== 'string') return undefined
  const port = (svc.port ?? {}) as Record<string, unknown>
  if (typeof port.number === 'number' && port.number > 0) return { name: svc.name, port: String(port.number), portIsNumber: true }
  if (typeof port.name === 'string' && port.name) return { name: svc.name, port: port.name, portIsNumber: false }
  return { name: svc.name, port: '', portIsNumber: false }
}

/** controller.go upstreamName. */
export function upstreamName(namespace: string, backend: ServiceBackend): string {
  if (backend.port) return `${namespace}-${backend.name}-${backend.port}`
  return `${namespace}-INVALID`
}

/** controller.go createUpstreams (with serviceEndpoints / getEndpointsFromSlices). */
function createUpstreams(ingresses: ParsedIngress[], cluster: Cluster): Map<string, Upstream> {
  const upstreams = new Map<string, Upstream>()
  upstreams.set(DEFAULT_UPSTREAM, {
    name: DEFAULT_UPSTREAM, namespace: '', service: '', servicePort: '',
    // controller.go getDefaultUpstream without --default-backend-service: the controller's own 127.0.0.1:8181
    endpoints: [{ address: '127.0.0.1', port: 8181 }],
    serviceUpstream: false, noServer: false, alternativeBackends: [], serviceExists: true,
  })
  for (const ing of ingresses) {
    const backends: ServiceBackend[] = []
    if (ing.defaultBackend) backends.push(ing.defaultBackend)
    for (const rule of ing.rules) for (const p of rule.paths) if (p.backend) backends.push(p.backend)
    for (const b of backends) {
      const name = upstreamName(ing.ref.namespace, b)
      if (upstreams.has(name)) continue
      const svc = cluster.services.find((s) => s.namespace === ing.ref.namespace && s.name === b.name)
      const ups: Upstream = {
        name, namespace: ing.ref.namespace, service: b.name, servicePort: b.port, endpoints: [],
        serviceUpstream: false, noServer: false, alternativeBackends: [], ingress: ing.ref, serviceExists: !!svc,
      }
      if (ing.anns.serviceUpstream && svc) {
        // controller.go getServiceClusterEndpoint: the ClusterIP as the single endpoint
        const ep = clusterIPEndpoint(svc, b)
        if (ep) { ups.endpoints = [ep]; ups.serviceUpstream = true }
      }
      if (ing.anns.canary.enabled) {
        ups.noServer = true
        ups.trafficShaping = ing.anns.canary
      }
      if (ups.endpoints.length === 0 && svc) ups.endpoints = serviceEndpoints(svc, b.port, cluster)
      upstreams.set(name, ups)
    }
  }
  return upstreams
}

function clusterIPEndpoint(svc: Service, b: ServiceBackend): UpstreamEndpoint | undefined {
  if (!svc.clusterIP || svc.clusterIP === 'None') return undefined
  if (b.portIsNumber) return { address: svc.clusterIP, port: Number(b.port) }
  const p = svc.ports.find((sp) => sp.name === b.port)
  return p ? { address: svc.clusterIP, port: p.port } : undefined
}

/** controller.go serviceEndpoints + endpointslices.go getEndpointsFromSlices (ready endpoints only, deduplicated). */
function serviceEndpoints(svc: Service, backendPort: string, cluster: Cluster): UpstreamEndpoint[] {
  if (svc.type === 'ExternalName') {
    const sp = svc.ports[0]
    const tp = sp && typeof sp.targetPort === 'number' ? sp.targetPort : Number(backendPort) || 80
    return svc.externalName ? [{ address: svc.externalName, port: tp }] : []
  }
  const sp = svc.ports.find((p) => String(p.port) === backendPort || String(p.targetPort) === backendPort || p.name === backendPort)
  if (!sp) return []
  const out: UpstreamEndpoint[] = []
  const seen = new Set<string>()
  const slices = cluster.endpointSlices.filter((s) => s.namespace === svc.namespace && s.serviceName === svc.name && s.addressType === 'IPv4')
  for (const slice of slices) {
    const ports: number[] = []
    if (slice.ports.length === 0 && typeof sp.targetPort === 'number') ports.push(sp.targetPort)
    for (const ep of slice.ports) {
      if (ep.protocol !== 'TCP') continue
      let target = 0
      if (sp.name === '') target = ep.port
      else if (sp.name === ep.name) target = ep.port
      if (target === 0 && typeof sp.targetPort === 'number') target = sp.targetPort
      if (target) ports.push(target)
    }
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue
      for (const port of ports) for (const address of ep.addresses) {
        const key = `${address}:${port}`
        if (seen.has(key)) continue
        seen.add(key)
        const e: UpstreamEndpoint = { address, port }
        if (ep.targetRef) e.pod = { namespace: ep.targetRef.namespace, name: ep.targetRef.name }
        if (ep.nodeName) e.nodeName = ep.nodeName
        out.push(e)
      }
    }
  }
  return out
}

/** controller.go createServers: one server per host, each starting with a root location on its default backend. */
function createServers(
  ingresses: ParsedIngress[],
  upstreams: Map<string, Upstream>,
  secrets: PassThroughObject[],
  diagnostics: Diagnostic[],
  rangeIn: (o: PassThroughObject, path: string) => SourceRange | undefined,
): Map<string, Server> {
  const servers = new Map<string, Server>()
  servers.set(CATCH_ALL, {
    hostname: CATCH_ALL,
    enforceRegex: false,
    certificate: serverCertificate(undefined, CATCH_ALL),
    locations: [{
      path: '/', pathType: 'Prefix', ingressPath: '/', exactCopy: false, backend: DEFAULT_UPSTREAM, isDefBackend: true,
      annotations: defaultLocationAnnotations(),
    }],
  })
  for (const ing of ingresses) {
    if (ing.anns.canary.enabled) continue // "Ingress is marked as Canary, ignoring"
    let un = DEFAULT_UPSTREAM
    if (ing.defaultBackend) {
      const up = upstreams.get(upstreamName(ing.ref.namespace, ing.defaultBackend))
      if (up) {
        un = up.name
        const defLoc = servers.get(CATCH_ALL)!.locations[0]
        if (defLoc.isDefBackend && ing.rules.length === 0) {
          // the special catch-all case: an Ingress with a backend and no rule configures server `_`
          defLoc.isDefBackend = false
          defLoc.backend = up.name
          defLoc.ingress = ing.ref
          defLoc.source = ing.obj.source
          defLoc.annotations = { ...ing.anns, rewrite: defLoc.annotations.rewrite, redirect: defLoc.annotations.redirect }
        }
      }
    }
    for (const rule of ing.rules) {
      const host = rule.host || CATCH_ALL
      if (servers.has(host)) continue
      servers.set(host, {
        hostname: host,
        enforceRegex: false,
        locations: [{
          path: '/', pathType: 'Prefix', ingressPath: '/', exactCopy: false, backend: un, isDefBackend: true,
          ingress: ing.ref, annotations: ing.anns, source: ing.obj.source,
        }],
      })
    }
  }
  // controller.go createServers, second pass: the first Ingress with a TLS section for the host gives the certificate
  for (const ing of ingresses) {
    if (ing.anns.canary.enabled) continue
    for (const rule of ing.rules) {
      const host = rule.host || CATCH_ALL
      const server = servers.get(host)!
      if (server.certificate || ing.tls.length === 0) continue
      // extractTLSSecretName: the entry listing the host, else an entry whose certificate's SANs cover it; with
      // neither, "Host is listed in the TLS section but secretName is empty. Using default certificate" — so every
      // host of an Ingress with a TLS section gets a certificate (the fake one at worst), and with it the HTTPS redirect
      const secretOf = (name: string) => secrets.find((s) => s.namespace === ing.ref.namespace && s.name === name)
      const entry = ing.tls.find((t) => t.hosts.includes(host)) ??
        ing.tls.find((t) => t.secretName && sanCovers(secretOf(t.secretName), host))
      const secret = entry?.secretName ? secretOf(entry.secretName) : undefined
      const cert = serverCertificate(secret, host)
      if (cert.fake && entry?.secretName) {
        diagnostics.push(diagnostic(secret ? 'ingress.tls.unusable-secret' : 'ingress.tls.missing-secret', 'warning',
          { secret: `${ing.ref.namespace}/${entry.secretName}`, host }, rangeIn(ing.obj, `spec.tls`) ?? ing.obj.source.range, ing.ref.id))
      } else if (!entry && host !== CATCH_ALL) {
        diagnostics.push(diagnostic('ingress.tls.not-listed', 'info', { host, ingress: `${ing.ref.namespace}/${ing.ref.name}` }, rangeIn(ing.obj, 'spec.tls') ?? ing.obj.source.range, ing.ref.id))
      }
      server.certificate = cert
      server.tlsSource = (entry ?? ing.tls[0]).source
    }
  }
  return servers
}

/** Go's Certificate.VerifyHostname: the SAN DNS names only (the CN is not consulted since Go 1.15). */
function sanCovers(secret: PassThroughObject | undefined, host: string): boolean {
  const pem = secret ? secretData(secret)['tls.crt'] : undefined
  const cert = pem ? parseCertificate(pem, '') : undefined
  if (!cert) return false
  return cert.dnsNames.some((n) => n.toLowerCase() === host || (n.startsWith('*.') && host.indexOf('.') > 0 && host.slice(host.indexOf('.') + 1) === n.slice(2).toLowerCase()))
}

/** The annotations a location gets when no Ingress applies any (the default server's root location). */
export function defaultLocationAnnotations(): IngressAnnotations {
  return {
    rewrite: { target: '', useRegex: false, sslRedirect: false, forceSSLRedirect: false, preserveTrailingSlash: false, appRoot: '' },
    usePortInRedirects: false,
    backendProtocol: 'HTTP',
    upstreamVhost: '',
    serviceUpstream: false,
    xForwardedPrefix: '',
    canary: { enabled: false, weight: 0, weightTotal: 100, header: '', headerValue: '', headerPattern: '', cookie: '' },
    allowlist: [],
    denylist: [],
    rateLimit: { rps: 0, rpm: 0, connections: 0, burstMultiplier: 5, allowlist: [] },
    cors: { enabled: false, allowOrigin: ['*'], allowMethods: '', allowHeaders: '', allowCredentials: true, exposeHeaders: '', maxAge: 1728000 },
  }
}

/** controller.go getBackendServers: one location per Ingress path, replacing a root default location of the same type. */
function addLocations(ingresses: ParsedIngress[], upstreams: Map<string, Upstream>, servers: Map<string, Server>): void {
  for (const ing of ingresses) {
    for (const rule of ing.rules) {
      const host = rule.host || CATCH_ALL
      const server = servers.get(host) ?? servers.get(CATCH_ALL)!
      if (!rule.hasHTTP) continue
      for (const p of rule.paths) {
        if (!p.backend) continue
        const ups = upstreams.get(upstreamName(ing.ref.namespace, p.backend))
        if (!ups || ups.noServer) continue
        const nginxPath = p.path || '/'
        let addLoc = true
        for (const loc of server.locations) {
          if (loc.path !== nginxPath) continue
          // "Same paths but different types are allowed"
          if (loc.pathType !== p.pathType) break
          addLoc = false
          if (!loc.isDefBackend) break // "Location already configured": the first Ingress wins
          loc.backend = ups.name
          loc.isDefBackend = false
          loc.ingress = ing.ref
          loc.annotations = ing.anns
          loc.source = p.source
          break
        }
        if (addLoc) {
          server.locations.push({
            path: nginxPath, pathType: p.pathType, ingressPath: nginxPath, exactCopy: false, backend: ups.name,
            isDefBackend: false, ingress: ing.ref, annotations: ing.anns, source: p.source,
          })
        }
      }
    }
  }
}

/** location.go needsRewrite. */
export function needsRewrite(loc: Location): boolean {
  return loc.annotations.rewrite.target !== '' && loc.annotations.rewrite.target !== loc.path
}

/** location.go updateServerLocations: Prefix `/foo` → `/foo/` plus an exact `= /foo`, unless an Exact `/foo` exists. */
function updateServerLocations(locations: Location[]): Location[] {
  const exact = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path))
  const out: Location[] = []
  for (const loc of locations) {
    if (loc.path === '/') { out.push(loc); continue }
    loc.ingressPath = loc.path
    if (loc.pathType !== 'Prefix' || needsRewrite(loc) || loc.annotations.rewrite.useRegex) { out.push(loc); continue }
    const copy: Location = { ...loc, exactCopy: true, pathType: 'Exact' }
    loc.path = normalizePrefixPath(loc.path)
    out.push(loc)
    if (!exact.has(copy.path)) out.push(copy)
  }
  return out
}

function normalizePrefixPath(path: string): string {
  return path === '/' || path.endsWith('/') ? path : `${path}/`
}

/** controller.go mergeAlternativeBackends: a canary joins the primary upstream of the same host, path and pathType. */
function mergeAlternativeBackends(ing: ParsedIngress, upstreams: Map<string, Upstream>, servers: Map<string, Server>, diagnostics: Diagnostic[]): void {
  const tryMerge = (altName: string, locations: Location[], matches: (l: Location) => boolean, source: ObjectRef) => {
    const alt = upstreams.get(altName)
    if (!alt) return
    let merged = false
    let altEqualsPri = false
    for (const loc of locations) {
      const pri = upstreams.get(loc.backend)
      if (!pri) continue
      altEqualsPri = alt.name === pri.name
      if (altEqualsPri) break
      if (pri.name !== DEFAULT_UPSTREAM && !pri.noServer && matches(loc)) {
        if (!pri.alternativeBackends.includes(alt.name)) {
          pri.alternativeBackends.push(alt.name)
          if (pri.alternativeBackends.length > 1) {
            // balancer.lua: "TODO: support traffic shaping for n > 1 alternative backends" — only the first is used
            diagnostics.push(diagnostic('ingress.canary.second', 'warning', { ingress: `${ing.ref.namespace}/${ing.ref.name}`, primary: pri.name, first: pri.alternativeBackends[0] }, source.range, ing.ref.id))
          }
        }
        merged = true
      }
    }
    if (!altEqualsPri && !merged) {
      // "unable to find real backend for alternative backend %v. Deleting."
      upstreams.delete(alt.name)
      diagnostics.push(diagnostic('ingress.canary.no-primary', 'warning', { ingress: `${ing.ref.namespace}/${ing.ref.name}`, upstream: alt.name }, source.range, ing.ref.id))
    }
  }
  if (ing.defaultBackend) {
    tryMerge(upstreamName(ing.ref.namespace, ing.defaultBackend), servers.get(CATCH_ALL)!.locations, () => true, ing.obj.source)
  }
  for (const rule of ing.rules) {
    const host = rule.host || CATCH_ALL
    const server = servers.get(host)
    for (const p of rule.paths) {
      if (!p.backend) continue
      const altName = upstreamName(ing.ref.namespace, p.backend)
      if (!server) {
        upstreams.delete(altName)
        diagnostics.push(diagnostic('ingress.canary.no-primary', 'warning', { ingress: `${ing.ref.namespace}/${ing.ref.name}`, upstream: altName }, p.source.range, ing.ref.id))
        continue
      }
      tryMerge(altName, server.locations, (l) => l.path === (p.path || '/') && l.pathType === p.pathType, p.source)
    }
  }
}

/** Cross-object checks the controller logs about: a backend Service or port that does not exist. */
function lintBackends(ingresses: ParsedIngress[], cluster: Cluster, diagnostics: Diagnostic[], refAt: (o: PassThroughObject, p: string) => ObjectRef): void {
  for (const ing of ingresses) {
    ing.rules.forEach((rule, i) => rule.paths.forEach((p, j) => {
      if (!p.backend) return
      const svc = cluster.services.find((s) => s.namespace === ing.ref.namespace && s.name === p.backend!.name)
      const at = refAt(ing.obj, `spec.rules.${i}.http.paths.${j}.backend.service`).range
      if (!svc) {
        diagnostics.push(diagnostic('ingress.backend.no-service', 'warning', { service: `${ing.ref.namespace}/${p.backend.name}` }, at, ing.ref.id))
        return
      }
      const port = p.backend.port
      if (svc.type !== 'ExternalName' && !svc.ports.some((sp) => String(sp.port) === port || sp.name === port || String(sp.targetPort) === port)) {
        diagnostics.push(diagnostic('ingress.backend.no-port', 'warning', { service: `${ing.ref.namespace}/${p.backend.name}`, port }, at, ing.ref.id))
      }
    }))
  }
}

/**
 * nginx -t refuses two static locations of the same name (ngx_http_join_exact_locations: `duplicate location`),
 * so the validating webhook rejects the Ingress that causes it; the playground keeps the first and reports it.
 */
function reportDuplicates(server: Server, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>()
  for (const loc of server.locations) {
    const key = `${loc.pathType === 'Exact' ? '=' : ''}${loc.path}`
    if (seen.has(key)) {
      diagnostics.push(diagnostic('ingress.location.duplicate', 'error', { path: loc.path, host: server.hostname, ingress: loc.ingress ? `${loc.ingress.namespace}/${loc.ingress.name}` : '' }, loc.source?.range, loc.ingress?.id))
    }
    seen.add(key)
  }
}

function stableSort<T>(items: T[], cmp: (a: T, b: T) => number): T[] {
  return items.map((v, i) => ({ v, i })).sort((a, b) => cmp(a.v, b.v) || a.i - b.i).map((x) => x.v)
}
