import { describe, expect, it } from 'vitest'
import { formatWhere, resolveWhere } from './location'
import { simulationOf } from './testing'

describe('resolveWhere (exec WHERE)', () => {
  const cluster = simulationOf('service-basics').scenario.cluster
  const cases: [string, string | null][] = [
    ['node/node1', 'node/node1'],
    ['client/workstation', 'client/workstation'],
    ['default/nginx-pod-1', 'default/nginx-pod-1'],
    ['nginx-pod-1', 'default/nginx-pod-1'],
    ['pod/default/mysql-pod', 'default/mysql-pod'],
    ['kube-system/nope', null],
    ['node/node9', null],
    ['client/nobody', null],
    ['router/edge', null],
    ['a/b/c', null],
  ]
  it.each(cases)('%s', (where, want) => {
    const r = resolveWhere(cluster, where)
    if (want === null) expect(r).toMatchObject({ ok: false, code: 'shell.where.unknown', params: { where } })
    else expect(r.ok && formatWhere(r.where)).toBe(want)
  })
})
