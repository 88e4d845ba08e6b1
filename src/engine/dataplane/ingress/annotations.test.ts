import { describe, expect, it } from 'vitest'
import { backend, ingress, ingressWorld } from './fixtures'
import { renderNginxConf } from './render'

const svc = backend('web')
const one = (anns: Record<string, string>, path = '/', type = 'Prefix', extra = '') => ingressWorld(svc + ingress('t', 'foo.example.com', [[path, type, 'web']], anns, extra))
const header = (headers: [string, string][] | undefined, name: string) => headers?.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]

describe('rewrite-target (docs/examples/rewrite/README.md; template.go buildProxyPass)', () => {
  const w = () => one({ 'rewrite-target': '/$2' }, '/something(/|$)(.*)', 'ImplementationSpecific')
  const cases: [string, string][] = [
    ['/something', '/'],
    ['/something/', '/'],
    ['/something/new', '/new'],
    ['/something/new?x=1', '/new?x=1'],
  ]
  for (const [from, to] of cases) {
    it(`${from} → ${to}`, () => {
      const r = w().request({ host: 'foo.example.com', path: from })
      expect(r.upstreamRequest?.path).toBe(to)
    })
  }
  it('quotes the rewrite line as nginx.conf has it', () => {
    const r = w().request({ host: 'foo.example.com', path: '/something/new' })
    expect(r.steps.find((s) => s.code === 'ingress.rewrite')?.rule).toBe('rewrite "(?i)/something(/|$)(.*)" /$2 break;')
    expect(r.locationRule).toBe('location ~* "^/something(/|$)(.*)" {')
  })
  it('a host using rewrite-target still sends / to the default backend (its root location)', () => {
    expect(w().request({ host: 'foo.example.com', path: '/' }).response?.status).toBe(404)
  })
})

describe('redirects (redirect/redirect.go, nginx.tmpl `return`)', () => {
  it('permanent-redirect answers 301 with the Location', () => {
    const r = one({ 'permanent-redirect': 'https://new.example.com' }).request({ host: 'foo.example.com', path: '/x' })
    expect(r.response?.status).toBe(301)
    expect(header(r.response?.headers, 'Location')).toBe('https://new.example.com')
    expect(r.response?.body).toContain('301 Moved Permanently')
  })
  it('permanent-redirect-code 308 is honoured; an out-of-range code falls back to 301', () => {
    expect(one({ 'permanent-redirect': 'https://n.example.com', 'permanent-redirect-code': '308' }).request({ host: 'foo.example.com' }).response?.status).toBe(308)
    expect(one({ 'permanent-redirect': 'https://n.example.com', 'permanent-redirect-code': '200' }).request({ host: 'foo.example.com' }).response?.status).toBe(301)
  })
  it('temporal-redirect answers 302 and wins over permanent-redirect', () => {
    const r = one({ 'temporal-redirect': 'https://t.example.com', 'permanent-redirect': 'https://p.example.com' }).request({ host: 'foo.example.com' })
    expect(r.response?.status).toBe(302)
    expect(header(r.response?.headers, 'Location')).toBe('https://t.example.com')
  })
  it('app-root redirects / with 302 to the app root, other paths pass', () => {
    const w = one({ 'app-root': '/app1' })
    const r = w.request({ host: 'foo.example.com', path: '/' })
    expect(r.response?.status).toBe(302)
    expect(header(r.response?.headers, 'Location')).toBe('http://foo.example.com/app1')
    expect(w.request({ host: 'foo.example.com', path: '/app1' }).upstream?.service).toBe('web')
  })
})

describe('HTTPS redirects (lua_ingress.lua redirect_to_https)', () => {
  const tls = '  tls:\n  - hosts: [foo.example.com]\n    secretName: missing-secret\n'
  it('a host with TLS redirects http with 308 (http-redirect-code default); no trailing slash for /', () => {
    const r = one({}, '/', 'Prefix', tls).request({ host: 'foo.example.com', path: '/' })
    expect(r.response?.status).toBe(308)
    expect(header(r.response?.headers, 'Location')).toBe('https://foo.example.com')
  })
  it('keeps the path and query, dropping one trailing slash', () => {
    const r = one({}, '/', 'Prefix', tls).request({ host: 'foo.example.com', path: '/a/b/?q=1' })
    expect(header(r.response?.headers, 'Location')).toBe('https://foo.example.com/a/b/?q=1')
    const r2 = one({}, '/', 'Prefix', tls).request({ host: 'foo.example.com', path: '/a/b/' })
    expect(header(r2.response?.headers, 'Location')).toBe('https://foo.example.com/a/b')
  })
  it('preserve-trailing-slash keeps it', () => {
    const r = one({ 'preserve-trailing-slash': 'true' }, '/', 'Prefix', tls).request({ host: 'foo.example.com', path: '/' })
    expect(header(r.response?.headers, 'Location')).toBe('https://foo.example.com/')
  })
  it('ssl-redirect: "false" turns it off', () => {
    expect(one({ 'ssl-redirect': 'false' }, '/', 'Prefix', tls).request({ host: 'foo.example.com' }).upstream?.service).toBe('web')
  })
  it('without TLS there is no redirect, unless force-ssl-redirect', () => {
    expect(one({}).request({ host: 'foo.example.com' }).upstream?.service).toBe('web')
    const r = one({ 'force-ssl-redirect': 'true' }).request({ host: 'foo.example.com', path: '/x' })
    expect(r.response?.status).toBe(308)
    expect(header(r.response?.headers, 'Location')).toBe('https://foo.example.com/x')
  })
  it('https requests are not redirected and get HSTS', () => {
    const r = one({}, '/', 'Prefix', tls).request({ host: 'foo.example.com', scheme: 'https' })
    expect(r.upstream?.service).toBe('web')
    expect(header(r.responseHeaders, 'Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
  })
  it('the ConfigMap\'s http-redirect-code changes the code', () => {
    const cm = '---\napiVersion: v1\nkind: Namespace\nmetadata: { name: ingress-nginx }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: ingress-nginx-controller, namespace: ingress-nginx }\ndata: { http-redirect-code: "301" }\n'
    const w = ingressWorld(cm + svc + ingress('t', 'foo.example.com', [['/', 'Prefix', 'web']], {}, tls))
    expect(w.request({ host: 'foo.example.com' }).response?.status).toBe(301)
  })
})

describe('proxy headers (nginx.tmpl proxy_set_header)', () => {
  it('sets X-Real-IP / X-Forwarded-* from what the controller sees; the client\'s X-Forwarded-For is replaced', () => {
    const r = one({}).request({ host: 'foo.example.com:80', clientIP: '10.244.1.0', headers: { 'X-Forwarded-For': '1.2.3.4', 'User-Agent': 'curl/8.5.0' } })
    const h = r.upstreamRequest!.headers
    expect(header(h, 'Host')).toBe('foo.example.com:80')
    expect(header(h, 'X-Real-IP')).toBe('10.244.1.0')
    expect(header(h, 'X-Forwarded-For')).toBe('10.244.1.0')
    expect(header(h, 'X-Original-Forwarded-For')).toBe('1.2.3.4')
    expect(header(h, 'X-Forwarded-Host')).toBe('foo.example.com:80')
    expect(header(h, 'X-Forwarded-Port')).toBe('80')
    expect(header(h, 'X-Forwarded-Proto')).toBe('http')
    expect(header(h, 'X-Scheme')).toBe('http')
    expect(header(h, 'User-Agent')).toBe('curl/8.5.0')
    expect(header(h, 'X-Request-ID')).toMatch(/^[0-9a-f]{32}$/)
  })
  it('upstream-vhost replaces the Host sent to the backend', () => {
    const r = one({ 'upstream-vhost': 'internal.svc' }).request({ host: 'foo.example.com' })
    expect(header(r.upstreamRequest!.headers, 'Host')).toBe('internal.svc')
    expect(header(r.upstreamRequest!.headers, 'X-Forwarded-Host')).toBe('foo.example.com')
  })
  it('backend-protocol HTTPS proxies with https://; an unknown value falls back to HTTP', () => {
    const r = one({ 'backend-protocol': 'HTTPS' }).request({ host: 'foo.example.com' })
    expect(r.upstream?.protocol).toBe('https')
    expect(r.steps.at(-1)?.rule).toBe('proxy_pass https://upstream_balancer;')
    expect(one({ 'backend-protocol': 'SPDY' }).request({ host: 'foo.example.com' }).upstream?.protocol).toBe('http')
  })
  it('service-upstream sends to the ClusterIP instead of a pod', () => {
    const w = one({ 'service-upstream': 'true' })
    const r = w.request({ host: 'foo.example.com' })
    const s = w.compiled.cluster.services.find((x) => x.name === 'web')!
    expect(r.upstream?.endpoint).toEqual({ address: s.clusterIP, port: 80 })
    expect(r.upstream?.viaClusterIP).toBe(true)
  })
})

describe('unknown annotations', () => {
  it('warns on the annotation\'s own line and has no effect', () => {
    const w = one({ 'rewrite-targets': '/' })
    const d = w.model.diagnostics.find((x) => x.code === 'ingress.annotation.unknown')!
    expect(d.params.annotation).toBe('nginx.ingress.kubernetes.io/rewrite-targets')
    const line = w.compiled.files[0].text.split('\n')[d.range!.startLine - 1]
    expect(line).toContain('rewrite-targets')
    expect(w.request({ host: 'foo.example.com', path: '/x' }).upstreamRequest?.path).toBe('/x')
  })
  it('the tutorial\'s canary-by-cookie-value gets its own explanation', () => {
    const w = one({ canary: 'true', 'canary-by-cookie': 'ab_test', 'canary-by-cookie-value': 'version_b' })
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.annotation.unknown.cookie-value')
  })
  it('annotations of other prefixes are not ours to judge', () => {
    expect(one({ 'example.com/owner': 'me' }).model.diagnostics.filter((d) => d.code.startsWith('ingress.annotation'))).toEqual([])
  })
})

describe('nginx.conf rendering', () => {
  it('writes one server block per host with its locations in nginx order', () => {
    const conf = renderNginxConf(one({ 'limit-rps': '5' }, '/api').model)
    expect(conf).toContain('server_name "foo.example.com" ;')
    expect(conf.indexOf('location "/api/" {')).toBeLessThan(conf.indexOf('location = "/api" {'))
    expect(conf).toContain('limit_req zone=default_t_rps burst=25 nodelay;')
    expect(conf).toContain('server_name "_" ;')
    expect(conf).toContain('location /healthz {')
  })
})

describe('use-forwarded-headers (ConfigMap; nginx.tmpl realip block, lua_ingress.lua rewrite)', () => {
  const cm = (v: string) => `---\napiVersion: v1\nkind: Namespace\nmetadata: { name: ingress-nginx }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: ingress-nginx-controller, namespace: ingress-nginx }\ndata: { use-forwarded-headers: "${v}", compute-full-forwarded-for: "true" }\n`
  const tls = '  tls:\n  - hosts: [foo.example.com]\n    secretName: missing-secret\n'
  const world = (v: string) => ingressWorld(cm(v) + svc + ingress('t', 'foo.example.com', [['/', 'Prefix', 'web']], { 'whitelist-source-range': '203.0.113.0/24' }, tls))
  const headers = { 'X-Forwarded-For': '203.0.113.5, 10.0.0.9', 'X-Forwarded-Proto': 'https' }
  it('trusts X-Forwarded-For and -Proto when on: allowed, no HTTPS redirect, X-Real-IP is the client', () => {
    const r = world('true').request({ host: 'foo.example.com', clientIP: '192.168.100.5', headers })
    expect(r.upstream?.service).toBe('web')
    expect(header(r.upstreamRequest?.headers, 'X-Real-IP')).toBe('203.0.113.5')
    expect(header(r.upstreamRequest?.headers, 'X-Forwarded-For')).toBe('203.0.113.5, 10.0.0.9, 192.168.100.5')
    expect(header(r.upstreamRequest?.headers, 'X-Forwarded-Proto')).toBe('https')
  })
  it('ignores them when off (the default): the connection\'s source is the client, so 403', () => {
    expect(world('false').request({ host: 'foo.example.com', clientIP: '192.168.100.5', headers, scheme: 'https' }).response?.status).toBe(403)
  })
})
