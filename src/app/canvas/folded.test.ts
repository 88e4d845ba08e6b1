import { describe, expect, it } from 'vitest'
import { foldedRow } from './folded'
import type { CanvasNode, PodView } from './model'

const pod = (extra: Partial<PodView>): CanvasNode => ({
  id: 'Pod/default/web-1', kind: 'pod', width: 200, height: 64, system: false, sourceObject: 'Deployment/default/web',
  data: { kind: 'pod', name: 'web-1', namespace: 'default', ip: '10.244.1.2', nodeName: 'node1', readyText: '1/1', ready: true, status: 'Running', hostNetwork: false, labels: { app: 'web' }, ...extra },
})

describe('a folded object as its group card lists it', () => {
  const cases: [string, CanvasNode, unknown][] = [
    ['a ready pod', pod({}), { id: 'Pod/default/web-1', kind: 'pod', sourceObject: 'Deployment/default/web', name: 'web-1', ip: '10.244.1.2', state: 'ready' }],
    ['a pod failing its readiness probe', pod({ ready: false, readyText: '0/1' }), expect.objectContaining({ state: 'not-ready' })],
    // kubectl shows Terminating for a pod with a deletionTimestamp, ready or not
    ['a terminating pod', pod({ status: 'Terminating' }), expect.objectContaining({ state: 'terminating' })],
    ['a pending pod without an IP', pod({ ip: '', ready: false, status: 'Pending' }), expect.objectContaining({ ip: '', state: 'not-ready' })],
    ['a Service: its ClusterIP and type', {
      id: 'Service/default/s1', kind: 'service', width: 256, height: 96, system: false, sourceObject: 'Service/default/s1',
      data: { kind: 'service', name: 's1', namespace: 'default', type: 'NodePort', clusterIP: '10.96.0.11', ports: '80:30080/TCP', externalIP: '<none>', selectorless: false, dnsName: '', otherEndpoints: [] },
    }, { id: 'Service/default/s1', kind: 'service', sourceObject: 'Service/default/s1', name: 's1', ip: '10.96.0.11', state: 'NodePort' }],
    ['a node box is never folded', {
      id: 'Node/node1', kind: 'node', width: 400, height: 200, system: false,
      data: { kind: 'node', name: 'node1', ip: '', podCIDR: '', controlPlane: false, ready: true, podCount: 3 },
    }, undefined],
  ]
  for (const [name, node, want] of cases) it(name, () => expect(foldedRow(node)).toEqual(want))
})
