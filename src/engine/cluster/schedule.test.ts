import { describe, expect, it } from 'vitest'
import { parseManifests } from '../manifest/parse'
import { buildCluster } from './build'
import { toleratesTaint } from './schedule'

function build(yaml: string) {
  const { objects } = parseManifests([{ path: 's.yaml', text: yaml }])
  return buildCluster(objects, {})
}
const nodesOf = (yaml: string) => build(yaml).cluster.pods.filter((p) => !p.system).map((p) => p.nodeName)

const pod = (name: string, spec = '') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${spec}  containers: [{name: c, image: nginx}]
`
const lab = (nodes: string) => `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: {name: lab}
spec:
  nodes:
${nodes}
`

describe('toleratesTaint (k8s.io/api/core/v1 toleration.go)', () => {
  const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' as const }
  it.each([
    { t: { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, ok: true },
    { t: { key: 'dedicated', value: 'gpu' }, ok: true, why: 'empty effect matches every effect; operator defaults to Equal' },
    { t: { key: 'dedicated', operator: 'Equal', value: 'cpu' }, ok: false },
    { t: { key: 'dedicated', operator: 'Exists' }, ok: true },
    { t: { operator: 'Exists' }, ok: true, why: 'empty key with Exists tolerates everything' },
    { t: { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, ok: false },
    { t: { key: 'other', operator: 'Exists' }, ok: false },
  ])('$t → $ok', ({ t, ok }) => expect(toleratesTaint(t, taint)).toBe(ok))
})

describe('scheduling', () => {
  it('spreads evenly, least pods first, ties by node order; the control-plane taint keeps pods off master', () => {
    expect(nodesOf(pod('a') + pod('b') + pod('c') + pod('d'))).toEqual(['node1', 'node2', 'node1', 'node2'])
  })

  it('a pod tolerating the control-plane taint may land on master (least pods first)', () => {
    const tol = '  tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]\n'
    expect(nodesOf(pod('a') + pod('b', tol))).toEqual(['node1', 'master'])
  })

  it('nodeName bypasses the scheduler, taints included (the kubelet just runs it)', () => {
    expect(nodesOf(pod('a', '  nodeName: master\n'))).toEqual(['master'])
  })

  it('nodeName of a node that does not exist: Pending, warning on spec.nodeName', () => {
    const { cluster, diagnostics } = build(pod('a', '  nodeName: node9\n'))
    const p = cluster.pods.find((x) => x.name === 'a')!
    expect(p.phase).toBe('Pending')
    expect(p.podIP).toBe('')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'cluster.pod.unknownNode', range: expect.objectContaining({ startLine: 6 }) })])
  })

  it('nodeSelector must match the node labels', () => {
    const yaml = lab('  - {name: n1, ip: 10.0.0.1}\n  - {name: n2, ip: 10.0.0.2, labels: {disk: ssd}}') + pod('a', '  nodeSelector: {disk: ssd}\n') + pod('b', '  nodeSelector: {disk: ssd}\n')
    expect(nodesOf(yaml)).toEqual(['n2', 'n2'])
  })

  it('required node affinity (matchExpressions) filters nodes', () => {
    const yaml = lab('  - {name: n1, ip: 10.0.0.1, labels: {zone: a}}\n  - {name: n2, ip: 10.0.0.2, labels: {zone: b}}') + pod('a', `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: NotIn, values: [a]}]}]
`)
    expect(nodesOf(yaml)).toEqual(['n2'])
  })

  it('NoExecute taints must be tolerated too; PreferNoSchedule only steers', () => {
    const yaml = lab(`  - {name: n1, ip: 10.0.0.1, taints: [{key: maint, effect: NoExecute}]}
  - {name: n2, ip: 10.0.0.2, taints: [{key: soft, effect: PreferNoSchedule}]}
  - {name: n3, ip: 10.0.0.3}`) + pod('a') + pod('b') + pod('c')
    // n1 is filtered; n3 is preferred over n2 while they tie, then n2 takes pods.
    expect(nodesOf(yaml)).toEqual(['n3', 'n3', 'n3'])
  })

  it('pods whose specs ask the same of the nodes share one placement; a difference in any filter input keeps them apart', () => {
    const hp = '  containers: [{name: c, image: nginx, ports: [{containerPort: 80, hostPort: 80}]}]\n'
    const yaml = lab(`  - {name: n1, ip: 10.0.0.1, taints: [{key: dedicated, value: x, effect: NoSchedule}]}
  - {name: n2, ip: 10.0.0.2, labels: {disk: ssd}}
  - {name: n3, ip: 10.0.0.3}`) + pod('a') + pod('b', '  nodeSelector: {disk: ssd}\n') + pod('b2', '  nodeSelector: {disk: ssd}\n')
      + pod('c') + pod('d', '  tolerations: [{key: dedicated, operator: Exists}]\n')
      + (pod('e', hp) + pod('f', hp)).replaceAll('  containers: [{name: c, image: nginx}]\n', '') + pod('g')
    // least pods first among the nodes each pod fits, ties by node order; e holds hostPort 80 on n3, so f, which
    // would take n3 (2 pods against n2's 3), goes to n2
    expect(nodesOf(yaml)).toEqual(['n2', 'n2', 'n2', 'n3', 'n1', 'n3', 'n2', 'n3'])
  })

  it('unschedulable (cordoned) nodes take no new pods', () => {
    const yaml = lab(`  - {name: n1, ip: 10.0.0.1, unschedulable: true}
  - {name: n3, ip: 10.0.0.3}`) + pod('a') + pod('b')
    expect(nodesOf(yaml)).toEqual(['n3', 'n3'])
  })

  it('powering a node off (ready: false) keeps every pod in place, and its pods stop being ready (MarkPodsNotReady)', () => {
    const nodes = (n2: string) => lab(`  - {name: n1, ip: 10.0.0.1}\n  - {name: n2, ip: 10.0.0.2${n2}}`) + pod('a') + pod('b')
    const up = build(nodes('')).cluster.pods.filter((p) => !p.system)
    const down = build(nodes(', ready: false')).cluster.pods.filter((p) => !p.system)
    expect(down.map((p) => [p.nodeName, p.podIP])).toEqual(up.map((p) => [p.nodeName, p.podIP]))
    expect(down.map((p) => [p.nodeName, p.ready])).toEqual([['n1', true], ['n2', false]])
  })

  it('NodePorts: two pods cannot hold the same hostPort on one node; hostNetwork ports count as host ports', () => {
    const hp = '  containers: [{name: c, image: nginx, ports: [{containerPort: 80, hostPort: 8080}]}]\n'
    const three = (pod('a', hp) + pod('b', hp) + pod('c', hp)).replaceAll('  containers: [{name: c, image: nginx}]\n', '')
    const { cluster, diagnostics } = build(three)
    expect(cluster.pods.filter((p) => !p.system).map((p) => [p.name, p.nodeName, p.phase])).toEqual([['a', 'node1', 'Running'], ['b', 'node2', 'Running'], ['c', '', 'Pending']])
    expect(diagnostics[0].params.reason).toContain("2 node(s) didn't have free ports for the requested pod ports")
    const hn = '  hostNetwork: true\n  containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]\n'
    const hostNet = (pod('h1', hn) + pod('h2', hn)).replaceAll('  containers: [{name: c, image: nginx}]\n', '') + pod('h3', '  containers: [{name: c, image: nginx, ports: [{containerPort: 80, hostPort: 80}]}]\n').replace('  containers: [{name: c, image: nginx}]\n', '')
    expect(nodesOf(hostNet)).toEqual(['node1', 'node2', ''])
  })

  it('a pod that fits nowhere is Pending with the scheduler\'s FailedScheduling message', () => {
    const { cluster, diagnostics } = build(pod('a', '  nodeSelector: {disk: ssd}\n'))
    expect(cluster.pods.find((p) => p.name === 'a')!.phase).toBe('Pending')
    expect(diagnostics).toEqual([expect.objectContaining({
      code: 'cluster.pod.unschedulable',
      params: expect.objectContaining({
        reason: "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      }),
    })])
  })

  it('written taints on a control plane replace kubeadm\'s (taints: [] untaints the master)', () => {
    const yaml = lab('  - {name: master, ip: 10.0.0.1, controlPlane: true, taints: []}\n  - {name: node1, ip: 10.0.0.2}') + pod('a')
    expect(nodesOf(yaml)).toEqual(['master'])
  })
})
