import { describe, expect, it } from 'vitest'
import { simulationOf } from '../testing'
import { complete } from './complete'
import { createShellSession, runShellLine } from './index'
import type { Location } from '../types'

const sim = simulationOf('ingress-host-routing')
const session = createShellSession(sim)
const client: Location = { kind: 'client', client: sim.scenario.cluster.clients[0] }
const node: Location = { kind: 'node', node: sim.scenario.cluster.nodes[0] }

describe('completion', () => {
  it.each([
    ['kubec', ['kubectl']],
    ['for i in 1 2; do cu', ['curl', 'cut']],
    ['kubectl g', ['get']],
    ['kubectl get svc ngi', ['nginx-service']],
    ['kubectl get svc/ngi', ['svc/nginx-service']],
    ['kubectl get ingr', ['ingress', 'ingressclass', 'ingressclasses', 'ingresses']],
    ['kubectl scale --rep', ['--replicas', '--current-replicas'].filter((f) => f.startsWith('--rep'))],
    ['kubectl describe node node', sim.scenario.cluster.nodes.map((n) => n.name).filter((n) => n.startsWith('node')).sort()],
    ['curl -s http://nginx.ex', ['http://nginx.example.com']],
    ['curl --ver', ['--verbose']],
    ['nslookup httpd-s', ['httpd-service', 'httpd-service.default', 'httpd-service.default.svc.cluster.local']],
    ['cat /etc/re', ['/etc/resolv.conf']],
    ['grep -c', ['-c']],
  ])('%s', (line, expected) => {
    expect(complete(session, node, line)).toEqual(expected)
  })

  it('files the shell wrote and variables it set complete too', () => {
    runShellLine(session, client, 'echo x > notes.txt; answer=42')
    expect(complete(session, client, 'cat no')).toEqual(['notes.txt'])
    expect(complete(session, client, 'echo $ans')).toEqual(['$answer'])
  })
})
