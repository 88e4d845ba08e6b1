import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../core/rng'
import { compileScenario } from '../../scenario'
import { buildIngressModel } from './build'
import { backend, ingress } from './fixtures'
import { createIngressState, routeRequest } from './route'

/** The engine never throws at the user: any annotation values, paths and requests give an answer or an upstream. */
const keys = ['rewrite-target', 'use-regex', 'ssl-redirect', 'force-ssl-redirect', 'app-root', 'permanent-redirect', 'permanent-redirect-code',
  'temporal-redirect', 'canary', 'canary-weight', 'canary-weight-total', 'canary-by-header', 'canary-by-header-pattern', 'canary-by-cookie',
  'whitelist-source-range', 'limit-rps', 'limit-rpm', 'limit-connections', 'auth-type', 'auth-secret', 'enable-cors', 'cors-allow-origin',
  'backend-protocol', 'upstream-vhost', 'service-upstream', 'x-forwarded-prefix', 'no-such-annotation']
const values = fc.constantFrom('true', 'false', '0', '10', '1000', '-5', 'x', '', '/$2', '/$1/$9', '(', '[a-z', '^(a|b)$', '10.0.0.0/8', '300.1.1.1/40',
  'https://new.example.com', 'basic', 'HTTPS', '*', 'https://*.example.com')
const paths = fc.constantFrom('/', '/a', '/a/', '/a(/|$)(.*)', '/[A-Z]{3}', '/(', '/a/b', '/*', '/\\d+', '/"q"')
const reqPaths = fc.constantFrom('/', '/a', '/a/', '/a/b?x=1', '/ABC', '/%2e%2e/a', '//a//b', '/a/../b', '/\u00e9')

describe('robustness (property)', () => {
  it('random annotations, paths and requests never throw', () => {
    const svcs = backend('s0') + backend('s1')
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom(...keys), values), { maxLength: 6 }),
      fc.array(fc.tuple(paths, fc.constantFrom('Prefix', 'Exact', 'ImplementationSpecific')), { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(reqPaths, fc.constantFrom('GET', 'OPTIONS', 'HEAD'), fc.constantFrom('http', 'https')), { minLength: 1, maxLength: 4 }),
      (anns, ps, reqs) => {
        const yaml = svcs + ingress('a', 'h.example.com', ps.map(([p, t], i) => [p, t, `s${i % 2}`]), Object.fromEntries(anns)) +
          ingress('b', 'h.example.com', [['/', 'Prefix', 's1']], { canary: 'true', 'canary-weight': '50' })
        const compiled = compileScenario([{ path: 'x.yaml', text: yaml }])
        const model = buildIngressModel(compiled.cluster, { objects: compiled.objects })
        const ctx = { rng: createRng(1), now: 0, state: createIngressState() }
        for (const [path, method, scheme] of reqs) {
          const r = routeRequest(model, { method, scheme: scheme as 'http' | 'https', host: 'h.example.com', path, headers: { Origin: 'https://a.example.com', 'X-Canary': 'always' }, clientIP: '10.1.2.3' }, ctx)
          expect(r.response !== undefined || r.upstream !== undefined).toBe(true)
        }
      },
    ), { numRuns: Number(process.env.FUZZ_RUNS ?? 80) })
  })
})
