import { describe, expect, it } from 'vitest'
import { backend, ingress, ingressWorld } from './fixtures'
import { SECURE_CRT_B64, SECURE_KEY_B64, WWW_CRT_B64, WWW_KEY_B64 } from './testcerts'
import { CURL_CA_CERT_ERRORMSG, curlVerifyError } from './tls-select'

const secret = (name: string, crt: string, key: string) => `---
apiVersion: v1
kind: Secret
metadata: { name: ${name} }
type: kubernetes.io/tls
data:
  tls.crt: ${crt}
  tls.key: ${key}
`
const tlsFor = (host: string, secretName: string) => `  tls:\n  - hosts: [${host}]\n    secretName: ${secretName}\n`
const world = (extra = '') => ingressWorld(backend('web') +
  secret('example-tls', SECURE_CRT_B64, SECURE_KEY_B64) + secret('www-tls', WWW_CRT_B64, WWW_KEY_B64) +
  ingress('https-ingress', 'secure.example.com', [['/', 'Prefix', 'web']], { 'ssl-redirect': 'true' }, tlsFor('secure.example.com', 'example-tls')) +
  ingress('www', 'www.example.com', [['/', 'Prefix', 'web']], {}, tlsFor('www.example.com', 'www-tls')) + extra)

describe('TLS certificates (controller.go createServers, certificate.lua, ssl.go)', () => {
  it('reads subject CN, SAN names, issuer and validity of the Secret\'s tls.crt', () => {
    const server = world().model.servers.find((s) => s.hostname === 'secure.example.com')!
    expect(server.certificate).toMatchObject({
      secret: 'default/example-tls', fake: false, subjectCN: 'secure.example.com', dnsNames: ['secure.example.com'],
      issuerCN: 'secure.example.com', notBefore: '2025-01-01T00:00:00.000Z', notAfter: '2035-01-01T00:00:00.000Z', selfSigned: true,
    })
  })
  it('SNI selects each server\'s own certificate', () => {
    const w = world()
    expect(w.request({ host: 'secure.example.com', scheme: 'https' }).certificate?.subjectCN).toBe('secure.example.com')
    expect(w.request({ host: 'www.example.com', scheme: 'https' }).certificate?.subjectCN).toBe('www.example.com')
  })
  it('an SNI name with no certificate gets the controller\'s fake certificate', () => {
    const r = world().request({ host: 'other.example.com', scheme: 'https' })
    expect(r.certificate).toMatchObject({ fake: true, subjectCN: 'Kubernetes Ingress Controller Fake Certificate', dnsNames: ['ingress.local'] })
  })
  it('a TLS section naming a Secret whose certificate does not cover the host falls back to the fake one, with a warning', () => {
    const w = world(ingress('mismatch', 'api.example.com', [['/', 'Prefix', 'web']], {}, tlsFor('api.example.com', 'www-tls')))
    expect(w.model.servers.find((s) => s.hostname === 'api.example.com')!.certificate?.fake).toBe(true)
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.tls.unusable-secret')
  })
  it('a missing Secret gives the fake certificate and a warning; the host still redirects to HTTPS', () => {
    const w = world(ingress('nosecret', 'api.example.com', [['/', 'Prefix', 'web']], {}, tlsFor('api.example.com', 'nope')))
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.tls.missing-secret')
    expect(w.request({ host: 'api.example.com' }).response?.status).toBe(308)
  })
  it('curl without -k fails on the self-signed certificate with curl\'s own words', () => {
    const cert = world().request({ host: 'secure.example.com', scheme: 'https' }).certificate!
    expect(`curl: (60) ${curlVerifyError(cert)}`).toBe('curl: (60) SSL certificate problem: self-signed certificate')
    expect(CURL_CA_CERT_ERRORMSG.startsWith('More details here: https://curl.se/docs/sslcerts.html\n\n')).toBe(true)
  })
  it('the tutorial\'s lab: https reaches nginx, http answers 308 with Location https://secure.example.com', () => {
    const w = world()
    expect(w.request({ host: 'secure.example.com', scheme: 'https' }).upstream?.service).toBe('web')
    const r = w.request({ host: 'secure.example.com', method: 'HEAD' })
    expect(r.response?.status).toBe(308)
    expect(r.response?.headers).toContainEqual(['Location', 'https://secure.example.com'])
  })
})

describe('hosts of a TLS Ingress that its TLS section does not list (controller.go extractTLSSecretName)', () => {
  it('get the fake certificate, and so the HTTPS redirect, with an info finding', () => {
    const yaml = backend('web') + secret('example-tls', SECURE_CRT_B64, SECURE_KEY_B64) + `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: two-hosts }
spec:
  ingressClassName: nginx
  tls:
  - hosts: [secure.example.com]
    secretName: example-tls
  rules:
  - host: secure.example.com
    http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] }
  - host: plain.example.com
    http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] }
`
    const w = ingressWorld(yaml)
    expect(w.model.servers.find((s) => s.hostname === 'plain.example.com')!.certificate?.fake).toBe(true)
    expect(w.request({ host: 'plain.example.com' }).response?.status).toBe(308)
    expect(w.model.diagnostics.map((d) => d.code)).toContain('ingress.tls.not-listed')
  })
  it('a TLS entry without hosts is used when its certificate\'s SAN covers the host', () => {
    const w = world(ingress('nohosts', 'secure.example.com', [['/x', 'Prefix', 'web']], {}, '  tls:\n  - secretName: example-tls\n'))
    expect(w.model.servers.find((s) => s.hostname === 'secure.example.com')!.certificate?.fake).toBe(false)
  })
})
