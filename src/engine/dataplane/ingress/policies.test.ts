import { describe, expect, it } from 'vitest'
import { createRng } from '../../core/rng'
import type { CanaryConfig } from './annotations'
import { decideCanary } from './canary'
import { backend, ingress, ingressWorld } from './fixtures'
import { apr1, checkPassword } from './htpasswd'
import { encodeBase64Text } from './secrets'

const header = (headers: [string, string][] | undefined, name: string) => headers?.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]

describe('canary precedence (rootfs/etc/nginx/lua/balancer.lua route_to_alternative_balancer)', () => {
  const base: CanaryConfig = { enabled: true, weight: 0, weightTotal: 100, header: '', headerValue: '', headerPattern: '', cookie: '' }
  const rows: [string, Partial<CanaryConfig>, Record<string, string>, boolean, string][] = [
    ['header always → canary', { header: 'X-Canary' }, { 'X-Canary': 'always' }, true, 'header-always'],
    ['header never → mainline, even with weight 100', { header: 'X-Canary', weight: 100 }, { 'X-Canary': 'never' }, false, 'header-never'],
    ['header name is case-insensitive, - and _ alike', { header: 'X-Canary' }, { 'x_canary': 'always' }, true, 'header-always'],
    ['header with another value falls through to the weight', { header: 'X-Canary', weight: 100 }, { 'X-Canary': 'maybe' }, true, 'weight'],
    ['header-value equal → canary', { header: 'X-Canary', headerValue: 'true' }, { 'X-Canary': 'true' }, true, 'header-value'],
    ['header-value different → falls through (no never check)', { header: 'X-Canary', headerValue: 'true' }, { 'X-Canary': 'never' }, false, 'weight'],
    ['header-pattern matches → canary', { header: 'X-User', headerPattern: '^(alice|bob)$' }, { 'X-User': 'bob' }, true, 'header-pattern'],
    ['header-pattern ignored when header-value is set', { header: 'X-User', headerValue: 'carol', headerPattern: '.*' }, { 'X-User': 'bob' }, false, 'weight'],
    ['invalid header-pattern → mainline', { header: 'X-User', headerPattern: '(' }, { 'X-User': 'bob' }, false, 'header-pattern'],
    ['cookie always → canary', { cookie: 'ab_test' }, { Cookie: 'a=1; ab_test=always' }, true, 'cookie-always'],
    ['cookie never → mainline even with weight 100', { cookie: 'ab_test', weight: 100 }, { Cookie: 'ab_test=never' }, false, 'cookie-never'],
    ['cookie with another value (the tutorial\'s version_b) falls through', { cookie: 'ab_test' }, { Cookie: 'ab_test=version_b' }, false, 'weight'],
    ['header beats cookie', { header: 'X-Canary', cookie: 'ab_test' }, { 'X-Canary': 'never', Cookie: 'ab_test=always' }, false, 'header-never'],
    ['weight 0 → never', { weight: 0 }, {}, false, 'weight'],
    ['weight 100 of 100 → always', { weight: 100 }, {}, true, 'weight'],
    ['weight-total 1000 with weight 1000 → always', { weight: 1000, weightTotal: 1000 }, {}, true, 'weight'],
  ]
  for (const [name, cfg, headers, canary, by] of rows) {
    it(name, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const d = decideCanary({ ...base, ...cfg }, headers, createRng(seed))
        expect(d.canary).toBe(canary)
        expect(d.by).toBe(by)
      }
    })
  }
  it('weight-total: weight 5 of 1000 is about 0.5%', () => {
    const rng = createRng(3)
    let n = 0
    for (let i = 0; i < 20000; i++) if (decideCanary({ ...base, weight: 5, weightTotal: 1000 }, {}, rng).canary) n++
    expect(n / 20000).toBeGreaterThan(0.003)
    expect(n / 20000).toBeLessThan(0.007)
  })
  it('weight-total below 100 is ignored (100 is used)', () => {
    const rng = createRng(4)
    let n = 0
    for (let i = 0; i < 10000; i++) if (decideCanary({ ...base, weight: 50, weightTotal: 50 }, {}, rng).canary) n++
    expect(n / 10000).toBeGreaterThan(0.46)
    expect(n / 10000).toBeLessThan(0.54)
  })
})

describe('canary Ingresses (controller.go mergeAlternativeBackends)', () => {
  const svcs = backend('app-v1') + backend('app-v2') + backend('app-v3')
  const main = ingress('app-main', 'app.example.com', [['/', 'Prefix', 'app-v1']])
  const canary = (name: string, svc: string, anns: Record<string, string>) => ingress(name, 'app.example.com', [['/', 'Prefix', svc]], { canary: 'true', ...anns })

  it('the tutorial\'s weight 10: about 90/10 in 100 requests, within 3 points of 10% over 1000', () => {
    const w = ingressWorld(svcs + main + canary('app-canary', 'app-v2', { 'canary-weight': '10' }), 42)
    const count = (n: number) => Array.from({ length: n }, () => w.request({ host: 'app.example.com' }).upstream!.service).filter((s) => s === 'app-v2').length
    const in100 = count(100)
    expect(in100).toBeGreaterThanOrEqual(4)
    expect(in100).toBeLessThanOrEqual(16)
    expect(Math.abs(count(1000) / 1000 - 0.1)).toBeLessThanOrEqual(0.03)
  })
  it('canary-by-header X-Canary: true always reaches v2, its absence always v1', () => {
    const w = ingressWorld(svcs + main + canary('app-canary-header', 'app-v2', { 'canary-by-header': 'X-Canary', 'canary-by-header-value': 'true' }))
    for (let i = 0; i < 50; i++) {
      expect(w.request({ host: 'app.example.com', headers: { 'X-Canary': 'true' } }).upstream?.service).toBe('app-v2')
      expect(w.request({ host: 'app.example.com' }).upstream?.service).toBe('app-v1')
    }
  })
  it('the tutorial\'s A/B lab: ab_test=version_b reaches the main backend, ab_test=always the canary, with a warning', () => {
    const w = ingressWorld(svcs + main + canary('app-ab-test', 'app-v2', { 'canary-by-cookie': 'ab_test', 'canary-by-cookie-value': 'version_b' }))
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.annotation.unknown.cookie-value')
    expect(w.request({ host: 'app.example.com', headers: { Cookie: 'ab_test=version_b' } }).upstream?.service).toBe('app-v1')
    expect(w.request({ host: 'app.example.com', headers: { Cookie: 'ab_test=always' } }).upstream?.service).toBe('app-v2')
  })
  it('a lone canary creates no server: 404', () => {
    const w = ingressWorld(svcs + canary('alone', 'app-v2', { 'canary-weight': '100' }))
    expect(w.model.servers.map((s) => s.hostname)).toEqual(['_'])
    expect(w.request({ host: 'app.example.com' }).response?.status).toBe(404)
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.canary.alone')
  })
  it('one canary per rule: a second canary never gets traffic, and is reported', () => {
    const w = ingressWorld(svcs + main + canary('c1', 'app-v2', { 'canary-weight': '0' }) + canary('c2', 'app-v3', { 'canary-weight': '100' }))
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.canary.second')
    for (let i = 0; i < 20; i++) expect(w.request({ host: 'app.example.com' }).upstream?.service).toBe('app-v1')
  })
  it('a canary whose path has no main Ingress is dropped', () => {
    const w = ingressWorld(svcs + main + ingress('c', 'app.example.com', [['/other', 'Prefix', 'app-v2']], { canary: 'true', 'canary-weight': '100' }))
    expect(w.model.upstreams['default-app-v2-80']).toBeUndefined()
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.canary.no-primary')
  })
})

describe('allow-lists (ipallowlist/main.go; nginx allow/deny)', () => {
  const svc = backend('admin-service')
  it('whitelist-source-range: 403 outside, 200 inside', () => {
    const w = ingressWorld(svc + ingress('wl', 'admin.example.com', [['/', 'Prefix', 'admin-service']], { 'whitelist-source-range': '10.0.0.0/8,192.168.1.0/24' }))
    expect(w.request({ host: 'admin.example.com', clientIP: '192.168.100.10' }).response?.status).toBe(403)
    expect(w.request({ host: 'admin.example.com', clientIP: '192.168.1.7' }).upstream?.service).toBe('admin-service')
    expect(w.request({ host: 'admin.example.com', clientIP: '10.244.1.0' }).upstream?.service).toBe('admin-service')
  })
  it('allowlist-source-range is the same annotation under its new name', () => {
    const w = ingressWorld(svc + ingress('al', 'admin.example.com', [['/', 'Prefix', 'admin-service']], { 'allowlist-source-range': '192.168.100.0/24' }))
    expect(w.request({ host: 'admin.example.com', clientIP: '192.168.100.10' }).upstream?.service).toBe('admin-service')
    expect(w.request({ host: 'admin.example.com', clientIP: '10.1.1.1' }).response?.status).toBe(403)
  })
  it('an unparsable list denies the location: 503', () => {
    const w = ingressWorld(svc + ingress('bad', 'admin.example.com', [['/', 'Prefix', 'admin-service']], { 'whitelist-source-range': 'not-an-ip' }))
    expect(w.request({ host: 'admin.example.com' }).response?.status).toBe(503)
  })
})

describe('rate limits (ratelimit/main.go; nginx limit_req / limit_conn)', () => {
  const svc = backend('api-service')
  it('limit-rps 10: a burst of 5×10 passes at once, the next is 503; the bucket drains with the virtual clock', () => {
    const w = ingressWorld(svc + ingress('rl', 'api.example.com', [['/', 'Prefix', 'api-service']], { 'limit-rps': '10' }))
    const statuses = Array.from({ length: 53 }, () => w.request({ host: 'api.example.com' }).response?.status ?? 200)
    expect(statuses.slice(0, 51).every((s) => s === 200)).toBe(true)
    expect(statuses.slice(51)).toEqual([503, 503])
    w.ctx.now += 100 // one request's worth at 10 r/s
    expect(w.request({ host: 'api.example.com' }).response).toBeUndefined()
    expect(w.request({ host: 'api.example.com' }).response?.status).toBe(503)
    // each client has its own bucket
    expect(w.request({ host: 'api.example.com', clientIP: '192.168.100.99' }).response).toBeUndefined()
  })
  it('limit-rpm 60 with limit-burst-multiplier 1: 61 at once, then 503 until a second passes', () => {
    const w = ingressWorld(svc + ingress('rl', 'api.example.com', [['/', 'Prefix', 'api-service']], { 'limit-rpm': '60', 'limit-burst-multiplier': '1' }))
    const ok = Array.from({ length: 62 }, () => w.request({ host: 'api.example.com' }).response?.status ?? 200).filter((s) => s === 200).length
    expect(ok).toBe(61)
    w.ctx.now += 1000
    expect(w.request({ host: 'api.example.com' }).response).toBeUndefined()
  })
  it('limit-connections 5: the sixth concurrent connection gets 503', () => {
    const w = ingressWorld(svc + ingress('rl', 'api.example.com', [['/', 'Prefix', 'api-service']], { 'limit-connections': '5' }))
    expect(w.request({ host: 'api.example.com', openConnections: 4 }).response).toBeUndefined()
    expect(w.request({ host: 'api.example.com', openConnections: 5 }).response?.status).toBe(503)
  })
})

describe('basic auth (auth/main.go; nginx auth_basic)', () => {
  // known vectors: openssl passwd -apr1, {SHA} = base64(sha1), and the OpenBSD bcrypt test vector for "U*U"
  const htpasswd = [
    'admin:$apr1$Wc3Z7l9x$wWAdGb3EllsaOZgbkvReg0',
    'sha:{SHA}+GW1NiOxIf007lQmx5Llwzr4wic=',
    'bob:$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW',
  ].join('\n') + '\n'
  const secret = `---
apiVersion: v1
kind: Secret
metadata: { name: basic-auth }
type: Opaque
data: { auth: ${encodeBase64Text(htpasswd)} }
`
  const w = () => ingressWorld(backend('admin-service') + secret + ingress('auth', 'admin.example.com', [['/', 'Prefix', 'admin-service']], {
    'auth-type': 'basic', 'auth-secret': 'basic-auth', 'auth-realm': 'Authentication Required',
  }))
  const basic = (u: string, p: string) => ({ Authorization: 'Basic ' + encodeBase64Text(`${u}:${p}`) })
  it('401 with WWW-Authenticate without credentials', () => {
    const r = w().request({ host: 'admin.example.com' })
    expect(r.response?.status).toBe(401)
    expect(header(r.response?.headers, 'WWW-Authenticate')).toBe('Basic realm="Authentication Required"')
    expect(r.response?.body).toContain('<title>401 Authorization Required</title>')
  })
  it('200 with the right password (apr1, SHA, bcrypt), 401 with a wrong one', () => {
    expect(w().request({ host: 'admin.example.com', headers: basic('admin', 'admin123') }).upstream?.service).toBe('admin-service')
    expect(w().request({ host: 'admin.example.com', headers: basic('sha', 'admin123') }).upstream?.service).toBe('admin-service')
    expect(w().request({ host: 'admin.example.com', headers: basic('bob', 'U*U') }).upstream?.service).toBe('admin-service')
    expect(w().request({ host: 'admin.example.com', headers: basic('admin', 'nope') }).response?.status).toBe(401)
    expect(w().request({ host: 'admin.example.com', headers: basic('eve', 'admin123') }).response?.status).toBe(401)
  })
  it('the Authorization header is not passed to the backend', () => {
    const r = w().request({ host: 'admin.example.com', headers: basic('admin', 'admin123') })
    expect(header(r.upstreamRequest?.headers, 'Authorization')).toBeUndefined()
  })
  it('a missing auth Secret denies the location (503)', () => {
    const x = ingressWorld(backend('admin-service') + ingress('auth', 'admin.example.com', [['/', 'Prefix', 'admin-service']], { 'auth-type': 'basic', 'auth-secret': 'nope' }))
    expect(x.request({ host: 'admin.example.com' }).response?.status).toBe(503)
  })
  it('apr1 matches openssl passwd -apr1', () => {
    expect(apr1('admin123', '$apr1$Wc3Z7l9x$')).toBe('$apr1$Wc3Z7l9x$wWAdGb3EllsaOZgbkvReg0')
    expect(checkPassword('{PLAIN}pw', 'pw')).toBe(true)
  })
})

describe('CORS (cors/main.go; nginx.tmpl CORS block)', () => {
  const w = () => ingressWorld(backend('api-service') + ingress('cors', 'api.example.com', [['/', 'Prefix', 'api-service']], {
    'enable-cors': 'true', 'cors-allow-origin': 'https://frontend.example.com', 'cors-allow-methods': 'GET, POST, PUT, DELETE',
  }))
  it('answers the preflight itself with 204 and the CORS headers', () => {
    const r = w().request({ host: 'api.example.com', method: 'OPTIONS', headers: { Origin: 'https://frontend.example.com', 'Access-Control-Request-Method': 'PUT' } })
    expect(r.response?.status).toBe(204)
    expect(r.response?.headers).toEqual(expect.arrayContaining([
      ['Access-Control-Allow-Origin', 'https://frontend.example.com'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE'],
      ['Access-Control-Allow-Headers', 'DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization'],
      ['Access-Control-Max-Age', '1728000'],
      ['Content-Type', 'text/plain charset=UTF-8'],
      ['Content-Length', '0'],
    ]))
    expect(r.upstream).toBeUndefined()
  })
  it('adds the headers to a simple request from an allowed origin, none for another origin', () => {
    const ok = w().request({ host: 'api.example.com', headers: { Origin: 'https://frontend.example.com' } })
    expect(header(ok.responseHeaders, 'Access-Control-Allow-Origin')).toBe('https://frontend.example.com')
    const other = w().request({ host: 'api.example.com', headers: { Origin: 'https://evil.example.org' } })
    expect(header(other.responseHeaders, 'Access-Control-Allow-Origin')).toBeUndefined()
    // a preflight from another origin is not answered by the controller: it goes to the backend
    expect(w().request({ host: 'api.example.com', method: 'OPTIONS', headers: { Origin: 'https://evil.example.org' } }).upstream?.service).toBe('api-service')
  })
  it('with no cors-allow-origin every origin gets *', () => {
    const x = ingressWorld(backend('api-service') + ingress('cors', 'api.example.com', [['/', 'Prefix', 'api-service']], { 'enable-cors': 'true' }))
    expect(header(x.request({ host: 'api.example.com' }).responseHeaders, 'Access-Control-Allow-Origin')).toBe('*')
  })
})
