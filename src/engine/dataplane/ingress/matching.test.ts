import { describe, expect, it } from 'vitest'
import { backend, ingress, ingressWorld } from './fixtures'

/**
 * Path matching, table-driven. Sources: the Ingress API's examples (kubernetes/website
 * content/en/docs/concepts/services-networking/ingress.md, "Examples" table) and how ingress-nginx realises them
 * (internal/ingress/controller/location.go updateServerLocations, template.go buildLocation, nginx's location choice).
 * `want` is the Service that answers, or 'default' for the controller's default backend (404).
 */
const svcs = ['svc-a', 'svc-b', 'svc-c'].map((s) => backend(s)).join('')

interface Row {
  name: string
  paths: [string, string, string][]
  request: string
  want: string
  status?: number
}

const rows: Row[] = [
  { name: 'Prefix / matches any path', paths: [['/', 'Prefix', 'svc-a']], request: '/anything/at/all', want: 'svc-a' },
  { name: 'Exact /foo matches /foo', paths: [['/foo', 'Exact', 'svc-a']], request: '/foo', want: 'svc-a' },
  { name: 'Exact /foo does not match /bar', paths: [['/foo', 'Exact', 'svc-a']], request: '/bar', want: 'default' },
  { name: 'Exact /foo does not match /foo/', paths: [['/foo', 'Exact', 'svc-a']], request: '/foo/', want: 'default' },
  // nginx: an exact location named `/foo/` that proxies answers `/foo` with 301 to `/foo/` (auto_redirect), not 404
  { name: 'Exact /foo/ does not serve /foo (nginx redirects to /foo/)', paths: [['/foo/', 'Exact', 'svc-a']], request: '/foo', want: 'redirect', status: 301 },
  { name: 'Prefix /foo matches /foo', paths: [['/foo', 'Prefix', 'svc-a'], ['/foo/', 'Prefix', 'svc-b']], request: '/foo', want: 'svc-a' },
  { name: 'Prefix /aaa/bb does not match /aaa/bbb', paths: [['/aaa/bb', 'Prefix', 'svc-a']], request: '/aaa/bbb', want: 'default' },
  { name: 'Prefix /aaa/bbb matches /aaa/bbb', paths: [['/aaa/bbb', 'Prefix', 'svc-a']], request: '/aaa/bbb', want: 'svc-a' },
  { name: 'Prefix /aaa/bbb matches /aaa/bbb/ (trailing slash ignored)', paths: [['/aaa/bbb', 'Prefix', 'svc-a']], request: '/aaa/bbb/', want: 'svc-a' },
  { name: 'Prefix /aaa/bbb matches the subpath /aaa/bbb/ccc', paths: [['/aaa/bbb', 'Prefix', 'svc-a']], request: '/aaa/bbb/ccc', want: 'svc-a' },
  // the spec says "matches, trailing slash ignored"; ingress-nginx writes `/aaa/bbb/` + `= /aaa/bbb/`, so nginx 301s /aaa/bbb → /aaa/bbb/
  { name: 'Prefix /aaa/bbb/ and request /aaa/bbb: nginx redirects to the slash form', paths: [['/aaa/bbb/', 'Prefix', 'svc-a']], request: '/aaa/bbb', want: 'redirect', status: 301 },
  { name: 'Prefix /aaa/bbb does not match /aaa/bbbxyz', paths: [['/aaa/bbb', 'Prefix', 'svc-a']], request: '/aaa/bbbxyz', want: 'default' },
  { name: 'Prefix / and /aaa: /aaa/ccc → /aaa', paths: [['/', 'Prefix', 'svc-a'], ['/aaa', 'Prefix', 'svc-b']], request: '/aaa/ccc', want: 'svc-b' },
  { name: 'Prefix /, /aaa, /aaa/bbb: /aaa/bbb → /aaa/bbb', paths: [['/', 'Prefix', 'svc-a'], ['/aaa', 'Prefix', 'svc-b'], ['/aaa/bbb', 'Prefix', 'svc-c']], request: '/aaa/bbb', want: 'svc-c' },
  { name: 'Prefix /, /aaa, /aaa/bbb: /ccc → /', paths: [['/', 'Prefix', 'svc-a'], ['/aaa', 'Prefix', 'svc-b'], ['/aaa/bbb', 'Prefix', 'svc-c']], request: '/ccc', want: 'svc-a' },
  { name: 'Prefix /aaa: /ccc → default backend', paths: [['/aaa', 'Prefix', 'svc-a']], request: '/ccc', want: 'default' },
  { name: 'Mixed /foo Prefix + /foo Exact: /foo → Exact', paths: [['/foo', 'Prefix', 'svc-a'], ['/foo', 'Exact', 'svc-b']], request: '/foo', want: 'svc-b' },
  { name: 'Mixed /foo Prefix + /foo Exact: /foo/x → Prefix', paths: [['/foo', 'Prefix', 'svc-a'], ['/foo', 'Exact', 'svc-b']], request: '/foo/x', want: 'svc-a' },
  // ImplementationSpecific without regex is an nginx prefix location: plain string prefix
  { name: 'ImplementationSpecific /foo is a string prefix (matches /foobar)', paths: [['/foo', 'ImplementationSpecific', 'svc-a']], request: '/foobar', want: 'svc-a' },
  // nginx prefix locations are case-sensitive
  { name: 'Prefix matching is case-sensitive', paths: [['/foo', 'Prefix', 'svc-a']], request: '/FOO', want: 'default' },
]

describe('ingress-nginx path matching (Ingress spec examples as nginx serves them)', () => {
  for (const row of rows) {
    it(row.name, () => {
      const w = ingressWorld(svcs + ingress('test', 'foo.example.com', row.paths))
      const r = w.request({ host: 'foo.example.com', path: row.request })
      if (row.want === 'redirect') {
        expect(r.response?.status).toBe(row.status)
        expect(r.response?.headers).toContainEqual(['Location', `http://foo.example.com${row.request}/`])
      } else if (row.want === 'default') {
        expect(r.upstream).toBeUndefined()
        expect(r.response?.status).toBe(404)
      } else {
        expect(r.response, JSON.stringify(r.steps)).toBeUndefined()
        expect(r.upstream?.service).toBe(row.want)
      }
    })
  }
})

describe('locations as ingress-nginx writes them (location.go, template.go buildLocation)', () => {
  it('Prefix /foo becomes "/foo/" plus = "/foo", sorted by descending length', () => {
    const w = ingressWorld(svcs + ingress('t', 'foo.example.com', [['/foo', 'Prefix', 'svc-a'], ['/foo/bar', 'Exact', 'svc-b']]))
    const server = w.model.servers.find((s) => s.hostname === 'foo.example.com')!
    expect(server.locations.map((l) => `${l.pathType === 'Exact' ? '= ' : ''}${l.path}`)).toEqual(['= /foo/bar', '/foo/', '= /foo', '/'])
  })
  it('Prefix /foo and Prefix /foo/ in one host both become "/foo/": nginx -t rejects the duplicate location', () => {
    const w = ingressWorld(svcs + ingress('t', 'foo.example.com', [['/foo', 'Prefix', 'svc-a'], ['/foo/', 'Prefix', 'svc-b']]))
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.location.duplicate')
  })
  it('an Exact /foo stops the Prefix /foo from getting its exact copy', () => {
    const w = ingressWorld(svcs + ingress('t', 'foo.example.com', [['/foo', 'Prefix', 'svc-a'], ['/foo', 'Exact', 'svc-b']]))
    const server = w.model.servers.find((s) => s.hostname === 'foo.example.com')!
    expect(server.locations.filter((l) => l.path === '/foo').length).toBe(1)
  })
  it('use-regex on one Ingress makes every path of the host a ~* regex, first match in length order (ingress-path-matching.md "Warning")', () => {
    const w = ingressWorld(svcs + ingress('test-ingress-3', 'test.com', [['/foo/bar/bar', 'Prefix', 'svc-a'], ['/foo/bar/[A-Z0-9]{3}', 'ImplementationSpecific', 'svc-b']], { 'use-regex': 'true' }))
    const server = w.model.servers.find((s) => s.hostname === 'test.com')!
    expect(server.enforceRegex).toBe(true)
    const r = w.request({ host: 'test.com', path: '/foo/bar/bar' })
    expect(r.locationRule).toBe('location ~* "^/foo/bar/[A-Z0-9]{3}" {')
    expect(r.upstream?.service).toBe('svc-b')
  })
  it('regex paths from two Ingresses of one host, in descending length (ingress-path-matching.md "Path Priority")', () => {
    const yaml = svcs +
      ingress('test-ingress-1', 'test.com', [['/foo/bar', 'Prefix', 'svc-a'], ['/foo/bar/', 'Prefix', 'svc-b']]) +
      ingress('test-ingress-2', 'test.com', [['/foo/bar/(.+)', 'ImplementationSpecific', 'svc-c']], { 'rewrite-target': '/$1' })
    const w = ingressWorld(yaml)
    const server = w.model.servers.find((s) => s.hostname === 'test.com')!
    expect(server.locations.map((l) => l.path).slice(0, 3)).toEqual(['/foo/bar/(.+)', '/foo/bar/', '/foo/bar/'])
    expect(w.request({ host: 'test.com', path: '/foo/bar/1' }).upstream?.service).toBe('svc-c')
    expect(w.request({ host: 'test.com', path: '/foo/bar/' }).upstream?.service).toBe('svc-b')
    expect(w.request({ host: 'test.com', path: '/foo/bar' }).upstream?.service).toBe('svc-a')
  })
  it('regex locations are case-insensitive', () => {
    const w = ingressWorld(svcs + ingress('t', 'test.com', [['/api', 'Prefix', 'svc-a']], { 'use-regex': 'true' }))
    expect(w.request({ host: 'test.com', path: '/API/v1' }).upstream?.service).toBe('svc-a')
  })
})

describe('hosts (Ingress spec "Hostname wildcards"; template.go buildServerName)', () => {
  const yaml = svcs +
    ingress('exact', 'bar.foo.com', [['/', 'Prefix', 'svc-a']]) +
    ingress('wild', '*.foo.com', [['/', 'Prefix', 'svc-b']]) +
    ingress('any', undefined, [['/', 'Prefix', 'svc-c']])
  const cases: [string, string, string][] = [
    ['bar.foo.com', 'svc-a', 'exact host wins over the wildcard'],
    ['baz.foo.com', 'svc-b', '*.foo.com matches one extra label'],
    ['BAZ.Foo.com:80', 'svc-b', 'the Host header is compared lower-cased, without its port'],
    ['baz.bar.foo.com', 'svc-c', 'two extra labels do not match *.foo.com: the rule without host takes it'],
    ['foo.com', 'svc-c', 'the bare domain does not match *.foo.com'],
    ['other.example', 'svc-c', 'a rule without host matches every host'],
  ]
  for (const [host, want, why] of cases) {
    it(`${host}: ${why}`, () => {
      expect(ingressWorld(yaml).request({ host }).upstream?.service).toBe(want)
    })
  }
  it('renders the wildcard as a named-capture server_name', () => {
    const w = ingressWorld(yaml)
    expect(w.request({ host: 'baz.foo.com' }).serverRule).toBe('server_name "~^(?<subdomain>[\\\\w-]+)\\\\.foo\\\\.com$" ;')
  })
  it('an unknown host without a catch-all rule hits server _ and the default backend (404)', () => {
    const w = ingressWorld(svcs + ingress('exact', 'bar.foo.com', [['/', 'Prefix', 'svc-a']]))
    const r = w.request({ host: 'nope.example.com' })
    expect(r.server.hostname).toBe('_')
    expect(r.response?.status).toBe(404)
    expect(r.response?.body).toContain('<center><h1>404 Not Found</h1></center>')
  })
  it('the default server answers /healthz with 200', () => {
    const w = ingressWorld(svcs)
    expect(w.request({ host: '10.0.0.1', path: '/healthz' }).response?.status).toBe(200)
  })
})

describe('backends (controller.go createUpstreams, getEndpointsFromSlices)', () => {
  it('spec.defaultBackend serves unmatched paths of the Ingress\'s hosts', () => {
    const yaml = svcs + ingress('t', 'foo.example.com', [['/api', 'Prefix', 'svc-a']], {}, '  defaultBackend: { service: { name: svc-b, port: { number: 80 } } }\n')
    const w = ingressWorld(yaml)
    expect(w.request({ host: 'foo.example.com', path: '/other' }).upstream?.service).toBe('svc-b')
  })
  it('an Ingress with only a defaultBackend configures the catch-all server', () => {
    const yaml = svcs + `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: catch }
spec:
  ingressClassName: nginx
  defaultBackend: { service: { name: svc-c, port: { number: 80 } } }
`
    expect(ingressWorld(yaml).request({ host: 'whatever.example' }).upstream?.service).toBe('svc-c')
  })
  it('a backend scaled to zero answers 503 (e2e affinitymode.go)', () => {
    const yaml = `---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 0
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
` + ingress('t', 'foo.example.com', [['/', 'Prefix', 'web']])
    const r = ingressWorld(yaml).request({ host: 'foo.example.com' })
    expect(r.response?.status).toBe(503)
    expect(r.response?.body).toContain('503 Service Temporarily Unavailable')
  })
  it('traffic goes to the pod IP and target port, not the ClusterIP', () => {
    const w = ingressWorld(backend('svc-a', 8080) + ingress('t', 'foo.example.com', [['/', 'Prefix', 'svc-a']]).replace('number: 80', 'number: 8080'))
    const r = w.request({ host: 'foo.example.com' })
    const pod = w.compiled.cluster.pods.find((p) => p.name === 'svc-a-1')!
    expect(r.upstream?.endpoint).toMatchObject({ address: pod.podIP, port: 80 })
    expect(r.upstream?.viaClusterIP).toBe(false)
  })
  it('endpoints rotate round-robin', () => {
    const w = ingressWorld(backend('svc-a', 80, 'default', 3) + ingress('t', 'foo.example.com', [['/', 'Prefix', 'svc-a']]))
    const picks = Array.from({ length: 6 }, () => w.request({ host: 'foo.example.com' }).upstream!.endpoint.address)
    expect(new Set(picks.slice(0, 3)).size).toBe(3)
    expect(picks.slice(3)).toEqual(picks.slice(0, 3))
  })
})

describe('ingress classes (store.go GetIngressClass)', () => {
  const base = svcs
  it('ignores an Ingress without class when no default IngressClass exists, with a warning', () => {
    const w = ingressWorld(base + ingress('t', 'foo.example.com', [['/', 'Prefix', 'svc-a']]).replace('  ingressClassName: nginx\n', ''))
    expect(w.model.ignored.map((i) => i.reason)).toEqual(['ingress.class.none'])
    expect(w.request({ host: 'foo.example.com' }).response?.status).toBe(404)
  })
  it('takes an Ingress without class when an ingress-nginx IngressClass is the default', () => {
    const yaml = base + `---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx, annotations: { ingressclass.kubernetes.io/is-default-class: "true" } }
spec: { controller: k8s.io/ingress-nginx }
` + ingress('t', 'foo.example.com', [['/', 'Prefix', 'svc-a']]).replace('  ingressClassName: nginx\n', '')
    expect(ingressWorld(yaml).request({ host: 'foo.example.com' }).upstream?.service).toBe('svc-a')
  })
  it('takes the legacy kubernetes.io/ingress.class: nginx annotation', () => {
    const yaml = base + ingress('t', 'foo.example.com', [['/', 'Prefix', 'svc-a']], { 'kubernetes.io/ingress.class': 'nginx' }).replace('  ingressClassName: nginx\n', '')
    expect(ingressWorld(yaml).request({ host: 'foo.example.com' }).upstream?.service).toBe('svc-a')
  })
  it('ignores an Ingress of another controller\'s class', () => {
    const yaml = base + `---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: traefik }
spec: { controller: traefik.io/ingress-controller }
` + ingress('t', 'foo.example.com', [['/', 'Prefix', 'svc-a']]).replace('ingressClassName: nginx', 'ingressClassName: traefik')
    const w = ingressWorld(yaml)
    expect(w.model.ignored[0].reason).toBe('ingress.class.other-controller')
    expect(w.model.diagnostics.some((d) => d.code === 'ingress.class.other-controller' && d.range?.startLine)).toBe(true)
  })
})
