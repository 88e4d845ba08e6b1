import type { ObjectRef } from '../../cluster/types'
import type { Rng } from '../../core/rng'
import { cidrContains, isIPv4, parseCidr } from '../../util/ip'
import { decideCanary, headerValue, type CanaryDecision } from './canary'
import { basicCredentials } from './basic'
import { checkPassword, findUser, hashScheme } from './htpasswd'
import { findLocation, findServer, normalizeHost, pcreToJs } from './match'
import { CATCH_ALL, DEFAULT_UPSTREAM, type IngressModel, type Location, type Server, type Upstream, type UpstreamEndpoint } from './model'
import { nginxErrorPage } from './pages'
import { limitReq, type LeakyBucket } from './ratelimit'
import { buildProxyPass, corsBlock, locationLine, serverNameLine } from './render'
import { fakeCertificate } from './tls-select'
import type { ServerCertificate } from './tls'

/** One HTTP request as the controller's nginx receives it. */
export interface IngressRequest {
  method: string
  scheme: 'http' | 'https'
  /** The Host header (may carry a port). */
  host: string
  /** The TLS server name (https); defaults to the Host without port. */
  sni?: string
  /** The request target: path and query, as sent. */
  path: string
  /** Request headers as the client sent them (names in any case). */
  headers: Record<string, string>
  /** $remote_addr: the source address the controller sees (after any SNAT on the way). */
  clientIP: string
  /** $server_port: where the controller received it (80/443 inside the pod; the hostNetwork port). */
  serverPort?: number
  /** Requests this client already has in flight to the same location (limit-connections). */
  openConnections?: number
}

/** What persists from request to request: limit_req buckets and the round-robin position of each upstream. */
export interface IngressState {
  limitReq: Map<string, LeakyBucket>
  roundRobin: Map<string, number>
}

export function createIngressState(): IngressState {
  return { limitReq: new Map(), roundRobin: new Map() }
}

export interface RouteContext {
  rng: Rng
  /** Virtual time in ms (limit_req). */
  now: number
  state: IngressState
}

/** One decision the controller made, for a hop: a catalogue code, its params, and the nginx text it quotes. */
export interface RouteStep {
  code: string
  params: Record<string, string>
  rule?: string
  source?: ObjectRef
}

export interface IngressResponse {
  status: number
  headers: [string, string][]
  body: string
}

export interface RoutedUpstream {
  upstream: string
  namespace: string
  service: string
  servicePort: string
  endpoint: UpstreamEndpoint
  /** The endpoint is the Service's ClusterIP (service-upstream): kube-proxy picks the pod after this hop. */
  viaClusterIP: boolean
  canary?: CanaryDecision & { primary: string }
  protocol: 'http' | 'https' | 'grpc' | 'grpcs' | 'fastcgi'
}

export interface RouteResult {
  server: Server
  serverRule: string
  location?: Location
  locationRule?: string
  /** https only: the certificate nginx presented for the SNI name. */
  certificate?: ServerCertificate
  /** The controller answered itself (redirect, 401, 403, 404, 503, the CORS preflight, /healthz). */
  response?: IngressResponse
  /** Otherwise: the upstream pick and the request as proxied. */
  upstream?: RoutedUpstream
  upstreamRequest?: { method: string; path: string; headers: [string, string][] }
  /** Headers the controller adds to the backend's response (CORS, HSTS). */
  responseHeaders: [string, string][]
  steps: RouteStep[]
  /** $req_id: 16 random bytes as hex, drawn for every request (X-Request-ID, the access log). */
  requestId: string
  /** $remote_addr after the realip module (the client as the access log and the allow-lists see it). */
  remoteAddr: string
}

/** The whole request processing of ingress-nginx's nginx, phase by phase, for one request. */
export function routeRequest(model: IngressModel, req: IngressRequest, ctx: RouteContext): RouteResult {
  const steps: RouteStep[] = []
  const fwd = forwardedView(model, req)
  req = { ...req, clientIP: fwd.remoteAddr }
  const host = normalizeHost(req.host)
  const { server, how, captures } = findServer(model, req.host)
  const serverRule = serverNameLine(server)
  steps.push({ code: `ingress.server.${how}`, params: { host, server: server.hostname, ...(captures?.subdomain ? { subdomain: captures.subdomain } : {}) }, rule: serverRule })
  const result: RouteResult = { server, serverRule, responseHeaders: [], steps, requestId: requestId(ctx.rng), remoteAddr: fwd.remoteAddr }

  const [uriRaw, args] = splitTarget(req.path)
  const uri = normalizeUri(uriRaw)
  const requestUri = req.path || '/'

  if (req.scheme === 'https') {
    result.certificate = certificateFor(model, req.sni ?? host)
    steps.push({ code: result.certificate.fake ? 'ingress.tls.fake' : 'ingress.tls.cert', params: { sni: req.sni ?? host, cn: result.certificate.subjectCN, secret: result.certificate.secret }, rule: 'ssl_certificate_by_lua_file /etc/nginx/lua/nginx/ngx_conf_certificate.lua;' })
  }
  const hsts: [string, string][] = req.scheme === 'https' && model.config.hsts
    ? [['Strict-Transport-Security', `max-age=${model.config.hstsMaxAge}${model.config.hstsIncludeSubdomains ? '; includeSubDomains' : ''}${model.config.hstsPreload ? '; preload' : ''}`]]
    : []
  const answer = (status: number, extra: [string, string][] = [], body?: string): RouteResult => {
    const b = body ?? (status >= 300 && status !== 304 ? nginxErrorPage(status) : '')
    result.response = { status, headers: [...extra, ...result.responseHeaders, ...hsts], body: b }
    return result
  }

  // server rewrite phase: app-root (nginx.tmpl writes `if ($uri = /) { return 302 ... }` in the server block)
  const appRootLoc = server.locations.find((l) => l.annotations.rewrite.appRoot)
  if (appRootLoc && uri === '/') {
    const target = `${req.scheme}://${req.host}${appRootLoc.annotations.rewrite.appRoot}`
    steps.push({ code: 'ingress.app-root', params: { location: target }, rule: `return 302 $scheme://$http_host${appRootLoc.annotations.rewrite.appRoot};`, source: appRootLoc.source })
    return answer(302, [['Location', target]])
  }

  // find-config phase
  const match = findLocation(server, uri)
  if (server.hostname === CATCH_ALL && uri.startsWith('/healthz') && !(match.kind === 'location' && match.location.path.length > '/healthz'.length)) {
    steps.push({ code: 'ingress.healthz', params: {}, rule: 'location /healthz {' })
    return answer(200, [], '')
  }
  if (match.kind === 'none') {
    steps.push({ code: 'ingress.location.none', params: { uri } })
    return answer(404)
  }
  if (match.kind === 'auto-redirect') {
    result.location = match.location
    result.locationRule = locationLine(server, match.location)
    const target = `${req.scheme}://${host}${uri}/${args !== undefined ? '?' + args : ''}`
    steps.push({ code: 'ingress.location.auto-redirect', params: { uri, location: target }, rule: result.locationRule, source: match.location.source })
    return answer(301, [['Location', target]])
  }
  const loc = match.location
  result.location = loc
  result.locationRule = locationLine(server, loc)
  steps.push({
    code: loc.isDefBackend ? 'ingress.location.default' : loc.exactCopy ? 'ingress.location.exact-copy' : `ingress.location.${match.how}`,
    params: { uri, path: loc.path, ingressPath: loc.ingressPath, pathType: loc.exactCopy ? 'Prefix' : loc.pathType, ingress: loc.ingress ? `${loc.ingress.namespace}/${loc.ingress.name}` : '' },
    rule: result.locationRule,
    source: loc.source,
  })
  const a = loc.annotations

  // rewrite phase, in the order nginx.tmpl writes the directives
  if (a.denied) {
    steps.push({ code: 'ingress.denied', params: { reason: a.denied }, rule: 'return 503;', source: loc.source })
    return answer(503)
  }
  if (a.cors.enabled) {
    const origin = headerValue(req.headers, 'origin')
    let cors = ''
    let allowOrigin = origin ?? ''
    if (a.cors.allowOrigin.length === 1 && a.cors.allowOrigin[0] === '*') { cors = 'true'; allowOrigin = '*' }
    else if (origin !== undefined && corsOriginMatches(a.cors.allowOrigin, origin)) cors = 'true'
    if (req.method === 'OPTIONS') cors += 'options'
    const headers: [string, string][] = [['Access-Control-Allow-Origin', allowOrigin]]
    if (a.cors.allowCredentials) headers.push(['Access-Control-Allow-Credentials', 'true'])
    headers.push(['Access-Control-Allow-Methods', a.cors.allowMethods], ['Access-Control-Allow-Headers', a.cors.allowHeaders])
    if (a.cors.exposeHeaders) headers.push(['Access-Control-Expose-Headers', a.cors.exposeHeaders])
    headers.push(['Access-Control-Max-Age', String(a.cors.maxAge)])
    const block = corsBlock(a.cors)
    if (cors === 'trueoptions') {
      steps.push({ code: 'ingress.cors.preflight', params: { origin: origin ?? '' }, rule: block.find((l) => l.startsWith('if ($cors = "trueoptions")')) })
      result.responseHeaders.push(...headers, ['Content-Type', 'text/plain charset=UTF-8'], ['Content-Length', '0'])
      return answer(204, [], '')
    }
    if (cors === 'true') {
      result.responseHeaders.push(...headers)
      steps.push({ code: 'ingress.cors.headers', params: { origin: origin ?? '*' }, rule: block.find((l) => l.startsWith('if ($cors = "true")')) })
    } else {
      steps.push({ code: 'ingress.cors.no-match', params: { origin: origin ?? '' }, rule: block[1] })
    }
  }
  if (a.redirect) {
    steps.push({ code: a.redirect.code === 302 || a.redirect.code === 307 ? 'ingress.redirect.temporal' : 'ingress.redirect.permanent', params: { code: String(a.redirect.code), location: a.redirect.url }, rule: `return ${a.redirect.code} ${a.redirect.url};`, source: loc.source })
    return answer(a.redirect.code, [['Location', a.redirect.url]])
  }
  let upstreamUri: string | undefined
  const proxyPass = buildProxyPass(loc)
  if (proxyPass.length > 1) {
    // `rewrite "(?i)<path>" <target> break;` — unanchored, case-insensitive, on $uri
    let re: RegExp | undefined
    try { re = new RegExp(pcreToJs(loc.path), 'i') } catch { re = undefined }
    const m = re?.exec(uri)
    if (m) {
      const replaced = a.rewrite.target.replace(/\$(\d)/g, (_, d: string) => m[Number(d)] ?? '')
      upstreamUri = replaced.includes('?') ? replaced : replaced + (args !== undefined ? `?${args}` : '')
      steps.push({ code: 'ingress.rewrite', params: { from: uri, to: upstreamUri, target: a.rewrite.target }, rule: proxyPass[0], source: loc.source })
    }
  }
  // rewrite_by_lua (lua_ingress.lua rewrite → redirect_to_https)
  const forced = a.rewrite.forceSSLRedirect && fwd.passScheme === 'http'
  const certConfigured = server.certificate !== undefined && server.hostname !== CATCH_ALL
  if (forced || (fwd.passScheme === 'http' && a.rewrite.sslRedirect && certConfigured)) {
    let ru = requestUri
    // "do not append a trailing slash on redirects unless enabled by annotations"
    if (!a.rewrite.preserveTrailingSlash && ru.endsWith('/')) ru = ru.slice(0, -1)
    // redirect_host: $best_http_host up to its first ':'
    const rhost = fwd.bestHost.split(':')[0]
    const target = a.usePortInRedirects ? `https://${rhost}:443${ru}` : `https://${rhost}${ru}`
    const code = model.config.httpRedirectCode
    steps.push({ code: forced ? 'ingress.ssl-redirect.forced' : 'ingress.ssl-redirect', params: { code: String(code), location: target }, rule: 'rewrite_by_lua_file /etc/nginx/lua/nginx/ngx_rewrite.lua;', source: loc.source })
    return answer(code, [['Location', target]])
  }

  // preaccess phase: limit_req (rps, then rpm), then limit_conn
  const rl = a.rateLimit
  const exempt = rl.allowlist.some((c) => inCidr(c, req.clientIP))
  const zone = loc.ingress ? `${loc.ingress.namespace}_${loc.ingress.name}` : 'default'
  if (!exempt) {
    for (const [limit, per] of [[rl.rps, 's'], [rl.rpm, 'm']] as const) {
      if (limit <= 0) continue
      const burst = limit * rl.burstMultiplier
      const r = limitReq({ rate: limit, per, burst }, ctx.state.limitReq, `${zone}_${per === 's' ? 'rps' : 'rpm'}|${req.clientIP}`, ctx.now)
      const rule = `limit_req zone=${zone}_${per === 's' ? 'rps' : 'rpm'} burst=${burst} nodelay;`
      if (!r.allowed) {
        steps.push({ code: 'ingress.limit-req.rejected', params: { rate: `${limit}r/${per}`, burst: String(burst), excess: (r.excess / 1000).toFixed(3) }, rule, source: loc.source })
        return answer(model.config.limitReqStatusCode)
      }
      steps.push({ code: 'ingress.limit-req.passed', params: { rate: `${limit}r/${per}`, burst: String(burst), excess: (r.excess / 1000).toFixed(3) }, rule, source: loc.source })
    }
    if (rl.connections > 0) {
      const open = req.openConnections ?? 0
      const rule = `limit_conn ${zone}_conn ${rl.connections};`
      if (open + 1 > rl.connections) {
        steps.push({ code: 'ingress.limit-conn.rejected', params: { open: String(open), limit: String(rl.connections) }, rule, source: loc.source })
        return answer(model.config.limitConnStatusCode)
      }
    }
  }

  // access phase: deny/allow (ngx_http_access_module), then auth_basic
  if (a.denylist.length || a.allowlist.length) {
    const denied = a.denylist.find((c) => inCidr(c, req.clientIP))
    const allowed = a.allowlist.length === 0 || a.allowlist.some((c) => inCidr(c, req.clientIP))
    if (denied || !allowed) {
      steps.push({ code: 'ingress.allowlist.denied', params: { client: req.clientIP, ranges: (denied ? [denied] : a.allowlist).join(', ') }, rule: denied ? `deny ${denied};` : 'deny all;', source: loc.source })
      return answer(403)
    }
    steps.push({ code: 'ingress.allowlist.allowed', params: { client: req.clientIP, ranges: a.allowlist.join(', ') }, rule: `allow ${a.allowlist.find((c) => inCidr(c, req.clientIP)) ?? ''};`, source: loc.source })
  }
  if (a.auth) {
    const rule = `auth_${a.auth.type} ${JSON.stringify(a.auth.realm)};`
    const challenge: [string, string][] = [['WWW-Authenticate', `Basic realm="${a.auth.realm}"`]]
    const creds = basicCredentials(headerValue(req.headers, 'authorization'))
    if (!creds) {
      steps.push({ code: 'ingress.auth.required', params: { realm: a.auth.realm }, rule, source: loc.source })
      return answer(401, challenge)
    }
    const hash = findUser(a.auth.lines, creds.user)
    if (hash === undefined || !checkPassword(hash, creds.password)) {
      steps.push({ code: hash === undefined ? 'ingress.auth.unknown-user' : hashScheme(hash) === 'unsupported' ? 'ingress.auth.unsupported-hash' : 'ingress.auth.wrong-password', params: { user: creds.user, secret: a.auth.secret }, rule, source: loc.source })
      return answer(401, challenge)
    }
    steps.push({ code: 'ingress.auth.ok', params: { user: creds.user, scheme: hashScheme(hash), secret: a.auth.secret }, rule, source: loc.source })
  }

  // content phase: proxy_pass http://upstream_balancer; balancer.lua picks the upstream and the endpoint
  if (loc.backend === DEFAULT_UPSTREAM) {
    steps.push({ code: 'ingress.default-backend', params: { uri }, rule: proxyPass[proxyPass.length - 1] })
    return answer(404)
  }
  let ups: Upstream | undefined = model.upstreams[loc.backend]
  let canary: RoutedUpstream['canary']
  if (ups && ups.alternativeBackends.length) {
    const alt = model.upstreams[ups.alternativeBackends[0]]
    if (alt?.trafficShaping) {
      const d = decideCanary(alt.trafficShaping, req.headers, ctx.rng)
      canary = { ...d, primary: ups.name }
      steps.push({ code: `ingress.canary.${d.by}${d.canary ? '' : '.mainline'}`, params: {
        canary: alt.name, primary: ups.name, header: alt.trafficShaping.header, cookie: alt.trafficShaping.cookie,
        value: String(d.draw?.value ?? ''), weight: String(d.draw?.weight ?? alt.trafficShaping.weight), total: String(d.draw?.total ?? ''),
      }, source: alt.ingress?.source })
      if (d.canary) ups = alt
    }
  }
  if (!ups || ups.endpoints.length === 0) {
    steps.push({ code: 'ingress.no-endpoints', params: { upstream: loc.backend, service: ups ? `${ups.namespace}/${ups.service}` : '' }, rule: proxyPass[proxyPass.length - 1] })
    return answer(503)
  }
  const endpoint = pickRoundRobin(ups, ctx)
  const protocol = ({ HTTPS: 'https', GRPC: 'grpc', GRPCS: 'grpcs', FCGI: 'fastcgi', AUTO_HTTP: req.scheme, HTTP: 'http' } as const)[a.backendProtocol]
  result.upstream = {
    upstream: ups.name, namespace: ups.namespace, service: ups.service, servicePort: ups.servicePort, endpoint,
    viaClusterIP: ups.serviceUpstream, protocol, ...(canary ? { canary } : {}),
  }
  steps.push({ code: ups.serviceUpstream ? 'ingress.upstream.cluster-ip' : 'ingress.upstream.endpoint', params: {
    upstream: ups.name, endpoint: `${endpoint.address}:${endpoint.port}`, pod: endpoint.pod ? `${endpoint.pod.namespace}/${endpoint.pod.name}` : '', count: String(ups.endpoints.length),
  }, rule: proxyPass[proxyPass.length - 1] })

  result.upstreamRequest = {
    method: req.method,
    path: upstreamUri ?? requestUri,
    headers: proxyHeaders(model, req, a, fwd, result.requestId),
  }
  result.responseHeaders.push(...hsts)
  return result
}

/** nginx.tmpl's proxy_set_header list, then the client's own headers nginx passes on unchanged. */
function proxyHeaders(model: IngressModel, req: IngressRequest, a: Location['annotations'], fwd: ForwardedView, reqId: string): [string, string][] {
  const best = fwd.bestHost
  const xff = headerValue(req.headers, 'x-forwarded-for')
  // $full_x_forwarded_for: "$http_x_forwarded_for, $realip_remote_addr" (the peer before realip rewrote it)
  const full = xff ? `${xff}, ${fwd.peer}` : fwd.peer
  const set: [string, string][] = [
    ['Host', a.upstreamVhost || best],
    ['X-Request-ID', reqId],
    ['X-Real-IP', req.clientIP],
    ['X-Forwarded-For', model.config.useForwardedHeaders && model.config.computeFullForwardedFor ? full : req.clientIP],
    ['X-Forwarded-Host', best],
    ['X-Forwarded-Port', String(fwd.passPort)],
    ['X-Forwarded-Proto', fwd.passScheme],
    ['X-Forwarded-Scheme', fwd.passScheme],
    ['X-Scheme', fwd.passScheme],
  ]
  // "Pass the original X-Forwarded-For": nginx drops a proxy_set_header whose value is empty
  if (xff) set.push(['X-Original-Forwarded-For', xff])
  if (a.xForwardedPrefix) set.push(['X-Forwarded-Prefix', a.xForwardedPrefix])
  const overridden = new Set([...set.map(([k]) => k.toLowerCase()), 'connection', 'proxy', 'x-original-forwarded-host', 'host'])
  if (a.auth) overridden.add('authorization')
  const passed = Object.entries(req.headers).filter(([k]) => !overridden.has(k.toLowerCase()))
  return [...set, ['Connection', 'close'], ...passed]
}

interface ForwardedView {
  /** The connection's peer ($realip_remote_addr). */
  peer: string
  /** $remote_addr after the realip module. */
  remoteAddr: string
  passScheme: 'http' | 'https'
  bestHost: string
  passPort: number
}

/**
 * What the controller believes about the client. By default the connection itself; with use-forwarded-headers the
 * realip module (real_ip_header X-Forwarded-For, real_ip_recursive on, set_real_ip_from proxy-real-ip-cidr =
 * 0.0.0.0/0: every hop trusted, so the leftmost address) and lua_ingress.lua rewrite() (X-Forwarded-Proto,
 * X-Forwarded-Port, the first X-Forwarded-Host) take the client's word.
 */
function forwardedView(model: IngressModel, req: IngressRequest): ForwardedView {
  const serverPort = req.serverPort ?? (req.scheme === 'https' ? 443 : 80)
  // lua_ingress.lua: pass_port is 443 when the request came in on the https listener
  const view: ForwardedView = { peer: req.clientIP, remoteAddr: req.clientIP, passScheme: req.scheme, bestHost: req.host, passPort: req.scheme === 'https' ? 443 : serverPort }
  if (!model.config.useForwardedHeaders) return view
  const xff = headerValue(req.headers, 'x-forwarded-for')
  const left = xff?.split(',')[0].trim()
  if (left && isIPv4(left)) view.remoteAddr = left
  const proto = headerValue(req.headers, 'x-forwarded-proto')
  if (proto === 'http' || proto === 'https') view.passScheme = proto
  const port = headerValue(req.headers, 'x-forwarded-port')
  if (port && /^\d+$/.test(port)) view.passPort = port === '443' ? 443 : Number(port)
  const xfh = headerValue(req.headers, 'x-forwarded-host')
  if (xfh) view.bestHost = xfh.split(',')[0]
  return view
}

/** nginx $request_id: 16 random bytes as 32 hex digits (from the seeded stream). */
function requestId(rng: Rng): string {
  let s = ''
  for (let i = 0; i < 32; i++) s += rng.int(16).toString(16)
  return s
}

function pickRoundRobin(ups: Upstream, ctx: RouteContext): UpstreamEndpoint {
  // resty.roundrobin with equal weights: a strict rotation; its starting point comes from Lua table order
  // (unspecified), so the first position is drawn from the seeded stream
  let i = ctx.state.roundRobin.get(ups.name)
  if (i === undefined) i = ctx.rng.int(ups.endpoints.length)
  const ep = ups.endpoints[i % ups.endpoints.length]
  ctx.state.roundRobin.set(ups.name, (i + 1) % ups.endpoints.length)
  return ep
}

/** certificate.lua get_pem_cert_uid: the SNI name, then `*.` + its parent, else the default (fake) certificate. */
export function certificateFor(model: IngressModel, sni: string): ServerCertificate {
  const name = sni.toLowerCase().replace(/\.$/, '')
  const direct = model.servers.find((s) => s.hostname === name && s.certificate)
  if (direct?.certificate) return direct.certificate
  const wildcard = name.replace(/^[^.]+\./, '*.')
  const wild = model.servers.find((s) => s.hostname === wildcard && s.certificate)
  if (wild?.certificate) return wild.certificate
  return model.servers.find((s) => s.hostname === CATCH_ALL)?.certificate ?? fakeCertificate()
}

/** template.go buildCorsOriginRegex: `$http_origin ~* (...)$` — case-insensitive, anchored at the end only. */
function corsOriginMatches(origins: string[], origin: string): boolean {
  return origins.some((o) => {
    const quoted = o.replace(/[\\.+*?()|[\]{}^$]/g, (c) => '\\' + c).replace('\\*', '[A-Za-z0-9\\-]+')
    return new RegExp(`(${quoted})$`, 'i').test(origin)
  })
}

function inCidr(range: string, ip: string): boolean {
  if (!isIPv4(ip)) return false
  const c = parseCidr(range.includes('/') ? range : `${range}/32`)
  return c ? cidrContains(c, ip) : false
}

/** Splits the request target into path and query (undefined when there is no `?`). */
export function splitTarget(target: string): [string, string | undefined] {
  const t = target || '/'
  const i = t.indexOf('?')
  return i < 0 ? [t, undefined] : [t.slice(0, i), t.slice(i + 1)]
}

/** nginx's $uri: percent-decoded, `//` merged (merge_slashes on), `.`/`..` segments resolved. */
export function normalizeUri(path: string): string {
  let p: string
  try { p = decodeURIComponent(path) } catch { p = path }
  if (!p.startsWith('/')) p = '/' + p
  p = p.replace(/\/{2,}/g, '/')
  const out: string[] = []
  const segs = p.split('/')
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i]
    if (s === '.') { if (i === segs.length - 1) out.push(''); continue }
    if (s === '..') { out.pop(); if (i === segs.length - 1) out.push(''); continue }
    out.push(s)
  }
  return '/' + out.join('/')
}
