import { describe, expect, it } from 'vitest'
import { compileScenario } from '../scenario'
import { runLine } from '../shell/sh'
import { Simulation } from '../sim/simulation'
import { MAX_HOPS, traceViolations } from './exercise'

/**
 * Every trace ends, and a loop says so (issue 12): an ExternalName that names itself, two that name each other, and
 * a pod connecting to its own Service (the hairpin: kube-proxy DNATs the packet back to its sender).
 */
const scenario = `apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: c}}
spec: {containers: [{name: c, image: busybox:1.36, command: [sleep, "3600"]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: c, image: nginx:1.27, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: self}
spec: {type: ExternalName, externalName: self.default.svc.cluster.local}
---
apiVersion: v1
kind: Service
metadata: {name: a}
spec: {type: ExternalName, externalName: b.default.svc.cluster.local}
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec: {type: ExternalName, externalName: a.default.svc.cluster.local}
---
apiVersion: v1
kind: Service
metadata: {name: own}
spec: {selector: {app: c}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`

describe('loops end and are reported', () => {
  const compiled = compileScenario([{ path: 'loops.yaml', text: scenario }])
  const pods = (name: string) => compiled.cluster.pods.find((p) => p.name === name)!
  it.each([
    // CoreDNS answers the ExternalName's CNAME; chasing it comes back to the same name, the lookup fails (SERVFAIL)
    ['an ExternalName naming itself', 'client', 'curl -s -m 2 http://self/', 'dns-failure'],
    ['two ExternalNames naming each other', 'client', 'curl -s -m 2 http://a/', 'dns-failure'],
    // the hairpin: the only endpoint is the sender itself, which does not listen on 8080
    ['a pod to its own Service (hairpin), nothing listening', 'client', 'nc -zv -w 2 own 80', 'refused'],
    // the hairpin that works: nginx reaching itself through its Service
    ['a pod to its own Service (hairpin), listening', 'web', 'curl -s -m 2 http://web/', 'ok'],
  ])('%s', (_name, from, line, result) => {
    const sim = new Simulation(compiled, 1)
    const out = runLine(sim, { kind: 'pod', pod: pods(from) }, line, { json: true })
    const traces = out.traces ?? []
    expect(traces.length).toBeGreaterThan(0)
    for (const t of traces) {
      expect(t.hops.length).toBeLessThan(MAX_HOPS)
      expect(traceViolations(compiled.cluster, t)).toEqual([])
    }
    const last = traces[traces.length - 1].outcome
    expect(last.result).toBe(result)
    if (result !== 'ok') expect(last.reason?.code).toBeTruthy()
  })
})
