import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../engine/scenario'
import { applyWhatIf } from '../../engine/whatif'
import type { SourceFile } from '../../engine/manifest/types'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import { whatIfActions, type WhatIfActionKey } from './actions'

const basics = scenarioFiles(gallery.find((g) => g.name === 'service-basics')!)

// A Deployment, a StatefulSet and a DaemonSet beside the tutorial's bare pods.
const workloads: SourceFile = {
  path: 'workloads.yaml',
  text: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 1
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: mysql}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: busybox}]}
`,
}

const keys = (files: SourceFile[], id: string): WhatIfActionKey[] => whatIfActions(compileScenario(files).cluster, id).map((a) => a.key)
const podOf = (files: SourceFile[], prefix: string) => compileScenario(files).cluster.pods.find((p) => p.name.startsWith(prefix))!.id

describe('whatIfActions: what the canvas offers per object kind', () => {
  const withWorkloads = [...basics, workloads]
  // [object, files, expected menu] — kubectl's verbs: delete pod, scale (Deployment/ReplicaSet/StatefulSet), cordon,
  // uncordon, drain (--force for bare pods, drain.go unreplicatedFilter); the playground's readiness and power switches
  const cases: [string, () => [SourceFile[], string], WhatIfActionKey[]][] = [
    ['a bare pod: deleted for good, or deleted and applied again; its probe can fail', () => [basics, 'Pod/default/mysql-pod'], ['deletePod', 'recreatePod', 'failReadiness']],
    ['a Deployment\'s pod: its ReplicaSet replaces it; the Deployment scales', () => [withWorkloads, podOf(withWorkloads, 'web-')], ['deletePod', 'failReadiness', 'scale']],
    ['a StatefulSet\'s pod: same name back; the StatefulSet scales', () => [withWorkloads, 'Pod/default/db-0'], ['deletePod', 'failReadiness', 'scale']],
    ['a DaemonSet\'s pod: replaced, but a DaemonSet is not scaled', () => [withWorkloads, podOf(withWorkloads, 'agent-')], ['deletePod', 'failReadiness']],
    ['a node with bare pods: drain needs --force', () => [basics, 'Node/node1'], ['cordon', 'drainForce', 'powerOff']],
    ['a Deployment selected in the editor', () => [withWorkloads, 'Deployment/default/web'], ['scale']],
    ['a StatefulSet selected in the editor', () => [withWorkloads, 'StatefulSet/default/db'], ['scale']],
    ['a DaemonSet: nothing to scale', () => [withWorkloads, 'DaemonSet/default/agent'], []],
    ['a Service: no what-if', () => [basics, 'Service/default/mysql-service'], []],
    ['an outside client: no what-if', () => [basics, 'Client/workstation'], []],
    ['a system pod (CoreDNS): not the user\'s', () => [basics, compileScenario(basics).cluster.pods.find((p) => p.system)!.id], []],
    ['an unknown id', () => [basics, 'Pod/default/nope'], []],
  ]
  for (const [name, setup, expected] of cases) {
    it(name, () => {
      const [files, id] = setup()
      expect(keys(files, id)).toEqual(expected)
    })
  }

  it('a Deployment pod\'s scale action starts at the Deployment\'s replicas', () => {
    const a = whatIfActions(compileScenario(withWorkloads).cluster, podOf(withWorkloads, 'web-')).find((x) => x.key === 'scale')!
    expect(a.op).toEqual({ op: 'scale', workload: 'Deployment/default/web', replicas: 2 })
  })

  it('after the what-if, the opposite action is offered (cordon → uncordon, power off → on, fail → restore)', () => {
    const step = (files: SourceFile[], id: string, key: WhatIfActionKey): SourceFile[] => {
      const action = whatIfActions(compileScenario(files).cluster, id).find((a) => a.key === key)!
      const r = applyWhatIf(files, action.op)
      if ('error' in r) throw new Error(r.error.code)
      return r.files
    }
    const cordoned = step(basics, 'Node/node2', 'cordon')
    expect(keys(cordoned, 'Node/node2')).toContain('uncordon')
    const off = step(basics, 'Node/node2', 'powerOff')
    expect(keys(off, 'Node/node2')).toContain('powerOn')
    const pods = compileScenario(off).cluster.pods.filter((p) => p.nodeName === 'node2' && !p.system)
    // its pods are not ready while it is off, and restoring their probe would change nothing
    expect(pods.length).toBeGreaterThan(0)
    for (const p of pods) expect(keys(off, p.id)).not.toContain('restoreReadiness')
    const failed = step(basics, 'Pod/default/mysql-pod', 'failReadiness')
    expect(keys(failed, 'Pod/default/mysql-pod')).toContain('restoreReadiness')
  })
})
