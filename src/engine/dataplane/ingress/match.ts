import { buildServerName } from './render'
import { CATCH_ALL, type IngressModel, type Location, type Server } from './model'

/**
 * nginx's virtual-server choice (ngx_http_find_virtual_server): the Host header, lower-cased, without port or
 * trailing dot; exact names first, then regex names in the order the servers appear; else the default server
 * (`_`, which ingress-nginx marks `default_server`).
 */
export function findServer(model: IngressModel, hostHeader: string): { server: Server; how: 'exact' | 'wildcard' | 'default'; captures?: Record<string, string> } {
  const host = normalizeHost(hostHeader)
  const exact = model.servers.find((s) => s.hostname !== CATCH_ALL && !s.hostname.startsWith('*') && s.hostname === host)
  if (exact) return { server: exact, how: 'exact' }
  for (const s of model.servers) {
    if (!s.hostname.startsWith('*')) continue
    const m = serverNameRegex(s.hostname).exec(host)
    if (m) return { server: s, how: 'wildcard', captures: { ...(m.groups ?? {}) } }
  }
  return { server: model.servers.find((s) => s.hostname === CATCH_ALL)!, how: 'default' }
}

export function normalizeHost(hostHeader: string): string {
  let h = hostHeader.trim().toLowerCase()
  if (h.startsWith('[')) h = h.slice(0, h.indexOf(']') + 1)
  else if (h.includes(':')) h = h.slice(0, h.indexOf(':'))
  return h.replace(/\.$/, '')
}

/** buildServerName's PCRE as a JS RegExp (`[\w-]` means the same in both). */
function serverNameRegex(hostname: string): RegExp {
  return new RegExp(buildServerName(hostname).slice(1))
}

export type LocationMatch =
  | { kind: 'location'; location: Location; how: 'exact' | 'prefix' | 'regex'; captures: string[] }
  /** A prefix location ending in `/` matched the URI plus a slash: nginx answers 301 to the URI with `/` (auto_redirect). */
  | { kind: 'auto-redirect'; location: Location }
  | { kind: 'none' }

/**
 * nginx's location choice (ngx_http_core_find_location): an exact `=` match wins at once; otherwise the longest
 * prefix is remembered and the regex locations are tried in order, the first match winning; with no regex match
 * the longest prefix serves. Prefix matching is case-sensitive; `~*` regexes are not. A prefix location whose name
 * ends in `/` and that proxies (every ingress-nginx location does) answers a request for the name without the
 * slash with a 301 (ngx_http_core_find_static_location, auto_redirect).
 */
export function findLocation(server: Server, uri: string): LocationMatch {
  const regexes: Location[] = []
  let longest: Location | undefined
  let autoRedirect: Location | undefined
  let named = false
  for (const loc of server.locations) {
    if (server.enforceRegex) { regexes.push(loc); continue }
    if (loc.path === uri) named = true
    if (loc.pathType === 'Exact') {
      if (uri === loc.path) return { kind: 'location', location: loc, how: 'exact', captures: [] }
      if (loc.path.endsWith('/') && uri + '/' === loc.path) autoRedirect ??= loc
      continue
    }
    if (uri.startsWith(loc.path)) {
      if (!longest || loc.path.length > longest.path.length) longest = loc
    } else if (loc.path.endsWith('/') && uri + '/' === loc.path) {
      autoRedirect ??= loc
    }
  }
  if (autoRedirect && !named) {
    // the static tree ends on the node named uri+"/" only when no location is named exactly uri
    return { kind: 'auto-redirect', location: autoRedirect }
  }
  for (const loc of regexes) {
    const re = locationRegex(loc.path)
    const m = re?.exec(uri)
    if (m) return { kind: 'location', location: loc, how: 'regex', captures: [...m].slice(1).map((c) => c ?? '') }
  }
  if (longest) return { kind: 'location', location: longest, how: 'prefix', captures: [] }
  return { kind: 'none' }
}

/** `~* "^<path>"` as a JS RegExp; undefined when the path is not a valid regex in JS. */
export function locationRegex(path: string): RegExp | undefined {
  try {
    return new RegExp('^' + pcreToJs(path), 'i')
  } catch {
    return undefined
  }
}

/** The few PCRE spellings that differ in JS: `(?<name>` is shared; `\Z`/`\z`/`\A` are anchors PCRE has and JS lacks. */
export function pcreToJs(re: string): string {
  return re.replace(/\\[zZ]/g, '$').replace(/\\A/g, '^')
}
