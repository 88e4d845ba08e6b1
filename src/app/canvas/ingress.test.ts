import { describe, expect, it } from 'vitest'
import type { PassThroughObject } from '../../engine/cluster/types'
import { deriveCanvasGraph } from './graph'
import { ingressBackends, ingressView } from './ingress'
import { tutorialCluster } from './clusterFixture'

const ingress = (name: string, spec: Record<string, unknown>): PassThroughObject => ({
  id: `Ingress/default/${name}`, kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', namespace: 'default', name,
  labels: {}, annotations: {}, body: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name }, spec },
  source: { object: `Ingress/default/${name}` },
})
const backend = (name: string, port: number | string) =>
  ({ service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } })

describe('ingressView', () => {
  // networking.k8s.io/v1 IngressSpec: rules[].host, rules[].http.paths[].{path, pathType, backend}, defaultBackend, tls.
  it('reads hosts, paths, backends, the class and TLS as written', () => {
    const v = ingressView(ingress('web', {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['www.example.com'], secretName: 'tls' }],
      rules: [
        { host: 'www.example.com', http: { paths: [
          { path: '/api', pathType: 'Prefix', backend: backend('api', 8080) },
          { path: '/', pathType: 'Prefix', backend: backend('web', 'http') },
        ] } },
        { http: { paths: [{ pathType: 'ImplementationSpecific', backend: backend('web', 80) }] } },
      ],
      defaultBackend: backend('fallback', 80),
    }))
    expect(v).toEqual({
      kind: 'ingress', name: 'web', namespace: 'default', className: 'nginx', hosts: 'www.example.com,*', tls: true,
      defaultBackend: 'fallback',
      routes: [
        { host: 'www.example.com', path: '/api', pathType: 'Prefix', service: 'api', port: '8080' },
        { host: 'www.example.com', path: '/', pathType: 'Prefix', service: 'web', port: 'http' },
        { host: '', path: '/', pathType: 'ImplementationSpecific', service: 'web', port: '80' },
      ],
    })
    expect(ingressBackends(v)).toEqual(['api', 'web', 'fallback'])
  })

  it('survives a malformed spec (rules not a list, backend without a service)', () => {
    const v = ingressView(ingress('odd', { rules: 'nope', defaultBackend: { resource: { kind: 'Bucket' } } }))
    expect([v.hosts, v.routes, v.defaultBackend, v.className]).toEqual(['*', [], undefined, ''])
  })
})

describe('Ingress on the canvas', () => {
  it('links an Ingress to the Services its rules name, skipping Services that do not exist', () => {
    const c = tutorialCluster()
    c.others.push(ingress('web', { rules: [{ host: 'a.example', http: { paths: [
      { path: '/', pathType: 'Prefix', backend: backend('nginx-nodeport', 80) },
      { path: '/db', pathType: 'Prefix', backend: backend('missing', 80) },
    ] } }] }))
    const g = deriveCanvasGraph(c)
    expect(g.nodes.find((n) => n.id === 'Ingress/default/web')?.kind).toBe('ingress')
    expect(g.edges.filter((e) => e.kind === 'backend').map((e) => [e.source, e.target]))
      .toEqual([['Ingress/default/web', 'Service/default/nginx-nodeport']])
  })
})
