import type { IngressModel, Location, Server } from './model'
import { needsRewrite } from './build'

/**
 * The servers and locations as nginx.conf text, following rootfs/etc/nginx/template/nginx.tmpl and template.go
 * (buildServerName, buildLocation, buildProxyPass, buildRateLimit, the CORS block). Only the directives whose
 * behaviour the playground emulates are written; the text is valid nginx.
 */

/** template.go buildServerName: `*.foo.com` → `~^(?<subdomain>[\w-]+)\.foo\.com$`. */
export function buildServerName(hostname: string): string {
  if (!hostname.startsWith('*')) return hostname
  const parts = hostname.replace('*.', '').split('.')
  return '~^(?<subdomain>[\\w-]+)\\.' + parts.join('\\.') + '$'
}

/** template.go sanitizeQuotedRegex: escape `\` and `"` inside the quoted location path. */
export function sanitizeQuotedRegex(path: string): string {
  return path.replace(/[\\"]/g, (c) => '\\' + c)
}

/** template.go buildLocation: `~* "^/foo"` when the host enforces regex, `= "/foo"` for Exact, else `"/foo"`. */
export function buildLocation(loc: Location, enforceRegex: boolean): string {
  const path = sanitizeQuotedRegex(loc.path)
  if (enforceRegex) return `~* "^${path}"`
  if (loc.pathType === 'Exact') return `= "${path}"`
  return `"${path}"`
}

/** The `server_name` line as nginx.tmpl writes it (Go's %q of buildServerName). */
export function serverNameLine(server: Server): string {
  return `server_name ${goQuote(buildServerName(server.hostname))} ;`
}

/** The `location ... {` line a hop quotes. */
export function locationLine(server: Server, loc: Location): string {
  return `location ${buildLocation(loc, server.enforceRegex)} {`
}

/** Go's %q for the ASCII the playground handles: backslashes and quotes escaped. */
function goQuote(s: string): string {
  return '"' + s.replace(/[\\"]/g, (c) => '\\' + c) + '"'
}

/** template.go buildProxyPass: the proxy_pass, or the rewrite + proxy_pass when rewrite-target applies. */
export function buildProxyPass(loc: Location): string[] {
  const proto = loc.backend === 'upstream-default-backend' ? 'http://' : protoFor(loc.annotations.backendProtocol)
  const pass = ['GRPC', 'GRPCS'].includes(loc.annotations.backendProtocol) && loc.backend !== 'upstream-default-backend' ? 'grpc_pass' : loc.annotations.backendProtocol === 'FCGI' && loc.backend !== 'upstream-default-backend' ? 'fastcgi_pass' : 'proxy_pass'
  const def = `${pass} ${proto}upstream_balancer;`
  const target = loc.annotations.rewrite.target
  if (!target || loc.path === target) return [def]
  const lines = [`rewrite "(?i)${sanitizeQuotedRegex(loc.path)}" ${target} break;`]
  if (loc.annotations.xForwardedPrefix) lines.push(`proxy_set_header X-Forwarded-Prefix ${goQuote(loc.annotations.xForwardedPrefix)};`)
  lines.push(def)
  return lines
}

function protoFor(p: string): string {
  switch (p) {
    case 'AUTO_HTTP': return '$scheme://'
    case 'HTTPS': return 'https://'
    case 'GRPC': return 'grpc://'
    case 'GRPCS': return 'grpcs://'
    case 'FCGI': return ''
    default: return 'http://'
  }
}

function locationBody(loc: Location, model: IngressModel): string[] {
  const a = loc.annotations
  const out: string[] = []
  const ing = loc.ingress
  out.push(`set $namespace      ${goQuote(ing?.namespace ?? '')};`)
  out.push(`set $ingress_name   ${goQuote(ing?.name ?? '')};`)
  const ups = model.upstreams[loc.backend]
  out.push(`set $service_name   ${goQuote(ups?.service ?? '')};`)
  out.push(`set $service_port   ${goQuote(ups?.servicePort ?? '')};`)
  out.push(`set $location_path  ${goQuote(loc.ingressPath.replace(/\$/g, '${literal_dollar}'))};`)
  out.push('')
  out.push('rewrite_by_lua_file /etc/nginx/lua/nginx/ngx_rewrite.lua;')
  out.push('')
  out.push(`port_in_redirect ${a.usePortInRedirects ? 'on' : 'off'};`)
  out.push('')
  out.push(`set $proxy_upstream_name ${goQuote(loc.backend)};`)
  if (a.denied) {
    out.push(`# Location denied. Reason: ${goQuote(a.denied)}`)
    out.push('return 503;')
    return out
  }
  for (const c of a.denylist) out.push(`deny ${c};`)
  if (a.allowlist.length) {
    for (const c of a.allowlist) out.push(`allow ${c};`)
    out.push('deny all;')
  }
  if (a.cors.enabled) out.push(...corsBlock(a.cors))
  if (a.auth) {
    out.push(a.auth.type === 'basic' ? `auth_basic ${goQuote(a.auth.realm)};` : `auth_digest ${goQuote(a.auth.realm)};`)
    out.push(`auth_${a.auth.type}_user_file /etc/ingress-controller/auth/${ing?.namespace ?? ''}-${ing?.name ?? ''}.passwd;`)
    out.push('proxy_set_header Authorization "";')
  }
  const zone = `${ing?.namespace}_${ing?.name}`
  if (a.rateLimit.connections > 0) out.push(`limit_conn ${zone}_conn ${a.rateLimit.connections};`)
  if (a.rateLimit.rps > 0) out.push(`limit_req zone=${zone}_rps burst=${a.rateLimit.rps * a.rateLimit.burstMultiplier} nodelay;`)
  if (a.rateLimit.rpm > 0) out.push(`limit_req zone=${zone}_rpm burst=${a.rateLimit.rpm * a.rateLimit.burstMultiplier} nodelay;`)
  out.push(a.upstreamVhost ? `proxy_set_header Host                   ${goQuote(a.upstreamVhost)};` : 'proxy_set_header Host                   $best_http_host;')
  out.push('proxy_set_header X-Request-ID           $req_id;')
  out.push('proxy_set_header X-Real-IP              $remote_addr;')
  out.push(model.config.useForwardedHeaders && model.config.computeFullForwardedFor
    ? 'proxy_set_header X-Forwarded-For        $full_x_forwarded_for;'
    : 'proxy_set_header X-Forwarded-For        $remote_addr;')
  out.push('proxy_set_header X-Forwarded-Host       $best_http_host;')
  out.push('proxy_set_header X-Forwarded-Port       $pass_port;')
  out.push('proxy_set_header X-Forwarded-Proto      $pass_access_scheme;')
  out.push('proxy_set_header X-Forwarded-Scheme     $pass_access_scheme;')
  out.push('proxy_set_header X-Scheme               $pass_access_scheme;')
  if (a.redirect) out.push(`return ${a.redirect.code} ${a.redirect.url};`)
  out.push(...buildProxyPass(loc))
  return out
}

/** nginx.tmpl "CORS" template, with template.go buildCorsOriginRegex. */
export function corsBlock(c: IngressModel['servers'][number]['locations'][number]['annotations']['cors']): string[] {
  const out: string[] = ['# Cors Preflight methods needs additional options and different Return Code']
  if (c.allowOrigin.length === 1 && c.allowOrigin[0] === '*') out.push("set $http_origin *;", "set $cors 'true';")
  else out.push(`if ($http_origin ~* (${c.allowOrigin.map(originRegex).join('|')})$ ) { set $cors 'true'; }`)
  const headers = [
    "more_set_headers 'Access-Control-Allow-Origin: $http_origin';",
    ...(c.allowCredentials ? [`more_set_headers 'Access-Control-Allow-Credentials: ${c.allowCredentials}';`] : []),
    `more_set_headers 'Access-Control-Allow-Methods: ${c.allowMethods}';`,
    `more_set_headers 'Access-Control-Allow-Headers: ${c.allowHeaders}';`,
    ...(c.exposeHeaders ? [`more_set_headers 'Access-Control-Expose-Headers: ${c.exposeHeaders}';`] : []),
    `more_set_headers 'Access-Control-Max-Age: ${c.maxAge}';`,
  ]
  out.push("if ($request_method = 'OPTIONS') {", '    set $cors ${cors}options;', '}')
  out.push('if ($cors = "true") {', ...headers.map((h) => '    ' + h), '}')
  out.push('if ($cors = "trueoptions") {', ...headers.map((h) => '    ' + h),
    "    more_set_headers 'Content-Type: text/plain charset=UTF-8';", "    more_set_headers 'Content-Length: 0';", '    return 204;', '}')
  return out
}

/** template.go buildOriginRegex: QuoteMeta, then the first `*` becomes one DNS label. */
export function originRegex(origin: string): string {
  const quoted = origin.replace(/[\\.+*?()|[\]{}^$]/g, (c) => '\\' + c)
  return `(${quoted.replace('\\*', '[A-Za-z0-9\\-]+')})`
}

/** The whole http{} server section: one server block per host, the catch-all `_` first. */
export function renderNginxConf(model: IngressModel): string {
  const out: string[] = []
  for (const server of model.servers) {
    out.push(`## start server ${server.hostname}`)
    out.push('server {')
    out.push(`\t${serverNameLine(server)}`)
    out.push('')
    out.push(server.hostname === '_' ? '\tlisten 80 default_server reuseport backlog=4096 ;' : '\tlisten 80  ;')
    out.push(server.hostname === '_' ? '\tlisten 443 default_server reuseport backlog=4096 ssl;' : '\tlisten 443  ssl;')
    out.push('')
    out.push('\tset $proxy_upstream_name "-";')
    out.push('')
    out.push('\tssl_certificate_by_lua_file /etc/nginx/lua/nginx/ngx_conf_certificate.lua;')
    out.push('')
    for (const loc of server.locations) {
      if (loc.annotations.rewrite.appRoot) {
        out.push('\tif ($uri = /) {', `\t\treturn 302 $scheme://$http_host${loc.annotations.rewrite.appRoot};`, '\t}', '')
      }
      out.push(`\t${locationLine(server, loc)}`)
      for (const line of locationBody(loc, model)) out.push(line ? `\t\t${line}` : '')
      out.push('\t}')
      out.push('')
    }
    if (server.hostname === '_') {
      out.push('\t# health checks in cloud providers require the use of port 80', '\tlocation /healthz {', '\t\taccess_log off;', '\t\treturn 200;', '\t}', '')
    }
    out.push('}')
    out.push(`## end server ${server.hostname}`)
    out.push('')
  }
  return out.join('\n')
}

export { needsRewrite }
