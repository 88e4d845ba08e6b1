import { describe, expect, it } from 'vitest'
import { compileScenario } from '../scenario'
import type { Pod } from './types'

// history.ts: what-if edits leave their traces as annotations; the cluster stage honours them deterministically.
const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name}}${extra}
spec:
  nodeName: node1
  containers: [{name: c, image: nginx}]
---
`
const deploy = (annotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${annotations}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeName: node1
      containers: [{name: c, image: nginx}]
`
const sts = (annotations = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db${annotations}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      nodeName: node1
      containers: [{name: c, image: mysql}]
`
function pods(yaml: string): Map<string, Pod> {
  const s = compileScenario([{ path: 't.yaml', text: yaml }])
  expect(s.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return new Map(s.cluster.pods.filter((p) => !p.system).map((p) => [p.name, p]))
}

describe('cluster history annotations (host-local IPAM: a freed address is not reused, a new pod takes the next)', () => {
  it('a re-applied bare pod (previous-ips) gets a new address; the others keep theirs', () => {
    const before = pods(pod('mysql') + pod('a') + pod('b'))
    expect([...before.values()].map((p) => p.podIP)).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4'])
    const after = pods(pod('mysql', '\n  annotations: {kube-hops.dev/previous-ips: "10.244.1.2"}') + pod('a') + pod('b'))
    expect(after.get('a')!.podIP).toBe('10.244.1.3')
    expect(after.get('b')!.podIP).toBe('10.244.1.4')
    expect(after.get('mysql')!.podIP).toBe('10.244.1.5')
    expect(after.get('mysql')!.ready).toBe(true)
  })

  it('a deleted ReplicaSet pod (deleted-pods) is replaced under a new name and a new address; the rest stay', () => {
    const before = pods(deploy())
    const [gone, ...kept] = [...before.values()]
    const after = pods(deploy(`\n  annotations: {kube-hops.dev/deleted-pods: "${gone.name}@${gone.podIP}"}`))
    expect(after.has(gone.name)).toBe(false)
    for (const k of kept) expect(after.get(k.name)?.podIP).toBe(k.podIP)
    const fresh = [...after.values()].find((p) => !before.has(p.name))!
    expect(fresh.name).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}$/)
    expect(fresh.podIP).not.toBe(gone.podIP)
    expect([...before.values()].map((p) => p.podIP)).not.toContain(fresh.podIP)
    expect(after.size).toBe(3)
  })

  it('a deleted StatefulSet pod comes back under its ordinal name with a new address', () => {
    const before = pods(sts())
    const after = pods(sts(`\n  annotations: {kube-hops.dev/deleted-pods: "db-0@${before.get('db-0')!.podIP}"}`))
    expect(after.get('db-1')!.podIP).toBe(before.get('db-1')!.podIP)
    expect(after.get('db-0')!.podIP).not.toBe(before.get('db-0')!.podIP)
    expect(after.get('db-0')!.podIP).not.toBe(before.get('db-1')!.podIP)
  })

  it('unready-pods makes exactly the named pods of a workload not ready', () => {
    const names = [...pods(deploy()).keys()]
    const after = pods(deploy(`\n  annotations: {kube-hops.dev/unready-pods: "${names[1]}"}`))
    expect(names.map((n) => after.get(n)!.ready)).toEqual([true, false, true])
  })
})
