import { describe, expect, it } from 'vitest'
import { idFromWhere, promptFor } from './machines'

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
