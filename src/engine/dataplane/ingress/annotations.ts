import { diagnostic, type Diagnostic, type SourceRange } from '../../core/diagnostic'
import type { PassThroughObject } from '../../cluster/types'
import { parseCidr, isIPv4 } from '../../util/ip'
import type { ControllerConfig } from './config'
import { parseGoBool, parseGoInt } from './goparse'
import { ANNOTATION_PREFIX, KNOWN_ANNOTATIONS } from './known-annotations'
import { decodeBase64Text } from './secrets'

/** What ingress-nginx's annotation parsers make of one Ingress (internal/ingress/annotations/*). */
export interface IngressAnnotations {
  rewrite: {
    target: string
    useRegex: boolean
    sslRedirect: boolean
    forceSSLRedirect: boolean
    preserveTrailingSlash: boolean
    appRoot: string
  }
  /** redirect/redirect.go: temporal-redirect wins over permanent-redirect. */
  redirect?: { url: string; code: number }
  usePortInRedirects: boolean
  backendProtocol: 'HTTP' | 'HTTPS' | 'AUTO_HTTP' | 'GRPC' | 'GRPCS' | 'FCGI'
  upstreamVhost: string
  serviceUpstream: boolean
  xForwardedPrefix: string
  canary: CanaryConfig
  /** ipallowlist/ipdenylist: CIDRs (sorted, as the parser sorts them). Empty = no list. */
  allowlist: string[]
  denylist: string[]
  rateLimit: RateLimitConfig
  auth?: BasicAuthConfig
  cors: CorsConfig
  /** annotations.go Extract: the first LocationDenied error; the location answers 503. */
  denied?: string
}

export interface CanaryConfig {
  enabled: boolean
  weight: number
  weightTotal: number
  header: string
  headerValue: string
  headerPattern: string
  cookie: string
}

export interface RateLimitConfig {
  rps: number
  rpm: number
  connections: number
  burstMultiplier: number
  /** limit-allowlist: sources exempt from the limits. */
  allowlist: string[]
}

export interface BasicAuthConfig {
  type: 'basic' | 'digest'
  realm: string
  secret: string
  secretType: 'auth-file' | 'auth-map'
  /** The password file's lines (`user:hash`), as the controller writes it. */
  lines: string[]
}

export interface CorsConfig {
  enabled: boolean
  allowOrigin: string[]
  allowMethods: string
  allowHeaders: string
  allowCredentials: boolean
  exposeHeaders: string
  maxAge: number
}

export interface AnnotationContext {
  config: ControllerConfig
  secrets: PassThroughObject[]
  /** The range of `metadata.annotations.<key>` in the user's YAML, if known. */
  rangeOf?: (key: string) => SourceRange | undefined
}

// cors/main.go defaults
const DEFAULT_CORS_METHODS = 'GET, PUT, POST, DELETE, PATCH, OPTIONS'
const DEFAULT_CORS_HEADERS = 'DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization'
const DEFAULT_CORS_MAX_AGE = 1728000
// cors/main.go corsOriginRegex: scheme://host[:port], `*` allowed as the first label
const CORS_ORIGIN = /^(https?:\/\/(\*\.)?[A-Za-z0-9\-.]*(:\d+)?|\*)$/
const CORS_METHODS = /^([A-Za-z]+,?\s?)+$/
const BACKEND_PROTOCOLS = ['AUTO_HTTP', 'HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'FCGI'] as const

export function parseIngressAnnotations(ing: PassThroughObject, ctx: AnnotationContext): { annotations: IngressAnnotations; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const all = ing.annotations
  const range = (key: string) => ctx.rangeOf?.(key) ?? ing.source.range
  // parser.checkAnnotation: the full name first, then its aliases when the value is empty
  const raw = (name: string, aliases: string[] = []): string | undefined => {
    const v = all[ANNOTATION_PREFIX + name]
    if (v !== undefined && v !== '') return v
    for (const a of aliases) {
      const av = all[ANNOTATION_PREFIX + a]
      if (av !== undefined && av !== '') return av
    }
    return v
  }
  const str = (name: string, aliases?: string[]) => raw(name, aliases) ?? ''
  const bool = (name: string, dflt: boolean) => {
    const v = raw(name)
    if (v === undefined) return dflt
    const b = parseGoBool(v)
    if (b === undefined) {
      diagnostics.push(diagnostic('ingress.annotation.invalid-bool', 'warning', { annotation: ANNOTATION_PREFIX + name, value: v, default: String(dflt) }, range(ANNOTATION_PREFIX + name), ing.id))
      return dflt
    }
    return b
  }
  const int = (name: string, dflt: number) => {
    const v = raw(name)
    if (v === undefined) return dflt
    const n = parseGoInt(v)
    if (n === undefined) {
      diagnostics.push(diagnostic('ingress.annotation.invalid-int', 'warning', { annotation: ANNOTATION_PREFIX + name, value: v, default: String(dflt) }, range(ANNOTATION_PREFIX + name), ing.id))
      return dflt
    }
    return n
  }

  // Unknown keys under the controller's prefix: ingress-nginx never reads them.
  for (const key of Object.keys(all).sort()) {
    if (!key.startsWith(ANNOTATION_PREFIX)) continue
    const short = key.slice(ANNOTATION_PREFIX.length)
    if (!KNOWN_ANNOTATIONS.has(short)) {
      const hint = short === 'canary-by-cookie-value' ? 'ingress.annotation.unknown.cookie-value' : 'ingress.annotation.unknown'
      diagnostics.push(diagnostic(hint, 'warning', { annotation: key, ingress: `${ing.namespace}/${ing.name}` }, range(key), ing.id))
    }
  }

  let denied: string | undefined
  const deny = (reason: string, key: string) => {
    diagnostics.push(diagnostic('ingress.annotation.location-denied', 'warning', { annotation: ANNOTATION_PREFIX + key, reason }, range(ANNOTATION_PREFIX + key), ing.id))
    denied ??= reason
  }

  // rewrite/main.go
  const rewrite = {
    target: str('rewrite-target'),
    sslRedirect: bool('ssl-redirect', ctx.config.sslRedirect),
    preserveTrailingSlash: bool('preserve-trailing-slash', ctx.config.preserveTrailingSlash),
    forceSSLRedirect: bool('force-ssl-redirect', ctx.config.forceSSLRedirect),
    useRegex: bool('use-regex', false),
    appRoot: str('app-root'),
  }
  // rewrite/main.go: app-root must be a path (url.ParseRequestURI, not absolute)
  if (rewrite.appRoot && (!rewrite.appRoot.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(rewrite.appRoot))) rewrite.appRoot = ''

  // redirect/redirect.go
  let redirect: IngressAnnotations['redirect']
  const temporal = str('temporal-redirect')
  if (temporal) {
    let code = int('temporal-redirect-code', 302)
    if (code < 300 || code > 307) code = 302
    if (/^https?:/.test(temporal)) redirect = { url: temporal, code }
  } else {
    const permanent = str('permanent-redirect')
    let code = int('permanent-redirect-code', 301)
    if (code < 300 || code > 308) code = 301
    if (permanent) redirect = { url: permanent, code }
  }

  // backendprotocol/main.go: invalid values fall back to HTTP
  const bp = str('backend-protocol').toUpperCase()
  const backendProtocol = (BACKEND_PROTOCOLS as readonly string[]).includes(bp) ? (bp as IngressAnnotations['backendProtocol']) : 'HTTP'

  // canary/main.go
  const canary: CanaryConfig = {
    enabled: bool('canary', false),
    weight: int('canary-weight', 0),
    weightTotal: int('canary-weight-total', 100),
    header: str('canary-by-header'),
    headerValue: str('canary-by-header-value'),
    headerPattern: str('canary-by-header-pattern'),
    cookie: str('canary-by-cookie'),
  }
  if (!canary.enabled && (canary.weight > 0 || canary.header || canary.headerValue || canary.cookie || canary.headerPattern)) {
    // canary/main.go: "configured but not enabled" — the whole canary config is dropped
    diagnostics.push(diagnostic('ingress.canary.not-enabled', 'warning', { ingress: `${ing.namespace}/${ing.name}` }, range(ANNOTATION_PREFIX + 'canary'), ing.id))
    canary.weight = 0; canary.header = ''; canary.headerValue = ''; canary.headerPattern = ''; canary.cookie = ''
  }

  // ipallowlist/main.go (whitelist-source-range is its alias); an unparsable list denies the location
  const cidrList = (name: string, aliases: string[], dflt: string[]): string[] => {
    const v = raw(name, aliases)
    if (v === undefined || v === '') return [...dflt].sort()
    const out: string[] = []
    for (const part of v.split(',')) {
      const p = part.trim()
      const c = parseCidr(p)
      if (c) out.push(c.text === p ? p : p.includes('/') ? p : c.text)
      else if (isIPv4(p)) out.push(p)
    }
    if (out.length === 0) {
      deny(`the annotation does not contain a valid IP address or network: ${v}`, name)
      return [...dflt].sort()
    }
    return out.sort()
  }
  const allowlist = cidrList('allowlist-source-range', ['whitelist-source-range'], ctx.config.allowlistSourceRange)
  const denylist = cidrList('denylist-source-range', [], [])

  // ratelimit/main.go: burst = limit × limit-burst-multiplier (default 5)
  const rateLimit: RateLimitConfig = {
    rps: int('limit-rps', 0),
    rpm: int('limit-rpm', 0),
    connections: int('limit-connections', 0),
    burstMultiplier: int('limit-burst-multiplier', 5),
    allowlist: (() => {
      const v = raw('limit-allowlist', ['limit-whitelist'])
      return v ? v.split(',').map((s) => s.trim()).filter((s) => parseCidr(s) || isIPv4(s)) : []
    })(),
  }

  // auth/main.go
  let auth: BasicAuthConfig | undefined
  const authType = raw('auth-type')
  if (authType !== undefined) {
    if (!/^(basic|digest)$/.test(authType)) deny('invalid authentication type', 'auth-type')
    else {
      const secretType = str('auth-secret-type') || 'auth-file'
      const secretRef = str('auth-secret')
      if (!secretRef) deny('error reading secret name from annotation: annotation not found', 'auth-secret')
      else if (secretType !== 'auth-file' && secretType !== 'auth-map') deny("invalid auth-secret-type in annotation, must be 'auth-file' or 'auth-map'", 'auth-secret-type')
      else {
        const [sns, sname] = secretRef.includes('/') ? secretRef.split('/', 2) : [ing.namespace, secretRef]
        if (sns !== ing.namespace) deny('cross namespace usage of secrets is not allowed', 'auth-secret')
        else {
          const secret = ctx.secrets.find((s) => s.namespace === sns && s.name === sname)
          if (!secret) deny(`unexpected error reading secret ${sns}/${sname}: secret not found`, 'auth-secret')
          else {
            const data = secretData(secret)
            let lines: string[] | undefined
            if (secretType === 'auth-file') {
              if (data.auth === undefined) deny(`the secret ${sname} does not contain a key with value auth`, 'auth-secret')
              else lines = data.auth.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.length > 0)
            } else {
              // auth/main.go dumpSecretAuthMap: one `user:value` line per key
              lines = Object.keys(data).sort().map((u) => `${u}:${data[u]}`)
            }
            if (lines) auth = { type: authType as 'basic' | 'digest', realm: str('auth-realm'), secret: `${sns}/${sname}`, secretType, lines }
          }
        }
      }
    }
  }

  // cors/main.go
  const cors: CorsConfig = {
    enabled: bool('enable-cors', false),
    allowOrigin: ['*'],
    allowMethods: DEFAULT_CORS_METHODS,
    allowHeaders: DEFAULT_CORS_HEADERS,
    allowCredentials: bool('cors-allow-credentials', true),
    exposeHeaders: '',
    maxAge: int('cors-max-age', DEFAULT_CORS_MAX_AGE),
  }
  const origins = raw('cors-allow-origin')
  if (origins !== undefined) {
    cors.allowOrigin = []
    for (const o of origins.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (o === '*') { cors.allowOrigin = ['*']; break }
      if (CORS_ORIGIN.test(o)) cors.allowOrigin.push(o)
    }
  }
  const methods = raw('cors-allow-methods')
  if (methods && CORS_METHODS.test(methods)) cors.allowMethods = methods
  const headers = raw('cors-allow-headers')
  // parser.HeadersVariable: letters, digits, `_`, `-`, `,`, spaces
  if (headers && /^[A-Za-z0-9_\-, ]*$/.test(headers)) cors.allowHeaders = headers
  const expose = raw('cors-expose-headers')
  if (expose && /^[A-Za-z0-9_\-, *]*$/.test(expose)) cors.exposeHeaders = expose

  return {
    annotations: {
      rewrite,
      redirect,
      usePortInRedirects: bool('use-port-in-redirects', false),
      backendProtocol,
      upstreamVhost: str('upstream-vhost'),
      serviceUpstream: bool('service-upstream', false),
      xForwardedPrefix: str('x-forwarded-prefix'),
      canary,
      allowlist,
      denylist,
      rateLimit,
      auth,
      cors,
      denied,
    },
    diagnostics,
  }
}

/** A Secret's data as text: `data` is base64 (as the API stores it), `stringData` is plain. */
export function secretData(secret: PassThroughObject): Record<string, string> {
  const out: Record<string, string> = {}
  const data = (secret.body.data ?? {}) as Record<string, unknown>
  for (const [k, v] of Object.entries(data)) if (typeof v === 'string') out[k] = decodeBase64Text(v) ?? ''
  const sd = (secret.body.stringData ?? {}) as Record<string, unknown>
  for (const [k, v] of Object.entries(sd)) if (typeof v === 'string') out[k] = v
  return out
}
