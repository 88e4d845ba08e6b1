import { describe, expect, it } from 'vitest'
import { idFromWhere, machinesToList, promptFor } from './machines'

describe('idFromWhere', () => {
  // scenario.json `from` as shell/location.ts reads it
  const cases: [string, string][] = [
    ['client/workstation', 'Client/workstation'], ['node/node1', 'Node/node1'], ['router/r1', 'Router/r1'],
    ['default/nginx-pod-1', 'Pod/default/nginx-pod-1'], ['nginx-pod-1', 'Pod/default/nginx-pod-1'], ['pod/kube-system/x', 'Pod/kube-system/x'],
  ]
  for (const [w, id] of cases) it(`${w} → ${id}`, () => expect(idFromWhere(w)).toBe(id))
})

describe('promptFor', () => {
  it('prints bash\'s prompt for root in a pod, root on a node, a user on the workstation', () => {
    expect(promptFor('Pod/default/nginx-pod-1')).toBe('root@nginx-pod-1:/# ')
    expect(promptFor('Node/node1')).toBe('root@node1:~# ')
    expect(promptFor('Client/workstation')).toBe('user@workstation:~$ ')
  })
})

describe('machinesToList', () => {
  type M = { id: string; kind: 'client' | 'node' | 'pod' }
  const pods: M[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `Pod/default/svc-${Math.floor(i / 10)}-${i % 10}`, kind: 'pod' }))
  const machines: M[] = [{ id: 'Client/workstation', kind: 'client' }, { id: 'Node/node1', kind: 'node' }, ...pods]
  it.each([
    ['', undefined, 300, 'Pod/default/svc-0-0'],
    ['svc-999-', undefined, 12, 'Pod/default/svc-999-9'],
    ['SVC-999-3', undefined, 3, 'Pod/default/svc-999-3'],
    ['nothing', 'Pod/default/svc-500-5', 3, 'Pod/default/svc-500-5'],
  ])('filter %j, chosen %s: %i listed, %s among them', (filter, chosen, count, included) => {
    const listed = machinesToList(machines, filter, chosen)
    expect(listed).toHaveLength(count)
    expect(listed.map((m) => m.id)).toContain(included)
    expect(listed.slice(0, 2).map((m) => m.kind)).toEqual(['client', 'node'])
  })
})
