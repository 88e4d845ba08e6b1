import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { electL2Speaker } from '../dataplane/metallb/l2'
import { formatMessage } from '../i18n/catalog'
import type { SourceFile } from '../manifest/types'
import { compileScenario } from '../scenario'
import { resolveWhere } from '../shell/location'
import { runLine } from '../shell/sh'
import { Simulation } from '../sim/simulation'
import { applyWhatIf } from './apply'
import type { WhatIfOp, WhatIfResult } from './types'

const filesOf = (name: string): SourceFile[] => gallery.find((g) => g.name === name)!.files.map((f) => ({ ...f }))

function ok(r: WhatIfResult) {
  if ('error' in r) throw new Error(`what-if refused: ${formatMessage(r.error.code, r.error.params)}`)
  return r
}

function cluster(files: SourceFile[]) {
  const s = compileScenario(files)
  expect(s.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return s.cluster
}

function run(files: SourceFile[], from: string, line: string) {
  const sim = new Simulation(compileScenario(files), 1)
  const where = resolveWhere(sim.scenario.cluster, from)
  if (!where.ok) throw new Error(`no ${from}`)
  return runLine(sim, where.where, line, { json: true })
}

describe('what-if: the tutorial\'s "delete and re-apply the MySQL pod"', () => {
  it('mysql-pod comes back with a different IP, and nginx still reaches mysql-service:3306 at the new one', () => {
    const files = filesOf('service-basics')
    const before = cluster(files).pods.find((p) => p.name === 'mysql-pod')!
    const r = ok(applyWhatIf(files, { op: 'recreatePod', pod: 'default/mysql-pod' }))
    const after = cluster(r.files).pods.find((p) => p.name === 'mysql-pod')!
    expect(after.podIP).not.toBe(before.podIP)
    expect(after.podIP).not.toBe('')
    expect(r.summary).toEqual({ code: 'whatif.recreatePod', params: { pod: 'default/mysql-pod', ip: before.podIP, newIp: after.podIP } })
    // the other pods keep their addresses (host-local hands out the next address; nobody else moves)
    const others = (fs: SourceFile[]) => cluster(fs).pods.filter((p) => p.name.startsWith('nginx-pod')).map((p) => p.podIP)
    expect(others(r.files)).toEqual(others(files))
    const nc = run(r.files, 'default/nginx-pod-1', 'nc -zv mysql-service 3306')
    expect(nc.exitCode).toBe(0)
    expect(nc.traces?.[0].outcome).toMatchObject({ result: 'ok', service: 'default/mysql-service', pod: 'default/mysql-pod', endpoint: `${after.podIP}:3306` })
    // the edit is visible in the YAML, and the rest of the file is untouched
    expect(r.changed).toEqual(['mysql.yaml'])
    const text = r.files.find((f) => f.path === 'mysql.yaml')!.text
    expect(text).toContain(`kube-hops.dev/previous-ips: "${before.podIP}"`)
    expect(text).toContain('    app: mysql          # the Service finds the pod by this label\n')
    // deterministic, and a second re-apply moves on again
    expect(applyWhatIf(files, { op: 'recreatePod', pod: 'default/mysql-pod' })).toEqual(r)
    const twice = ok(applyWhatIf(r.files, { op: 'recreatePod', pod: 'default/mysql-pod' }))
    const third = cluster(twice.files).pods.find((p) => p.name === 'mysql-pod')!.podIP
    expect([before.podIP, after.podIP]).not.toContain(third)
  })

  it('deleting a bare pod removes its document; mysql-service then has no endpoint and nc is refused', () => {
    const r = ok(applyWhatIf(filesOf('service-basics'), { op: 'deletePod', pod: 'default/mysql-pod' }))
    expect(cluster(r.files).pods.some((p) => p.name === 'mysql-pod')).toBe(false)
    expect(r.files.find((f) => f.path === 'mysql.yaml')!.text).not.toContain('kind: Pod')
    expect(r.files.find((f) => f.path === 'mysql.yaml')!.text).toContain('name: mysql-service')
    expect(run(r.files, 'default/nginx-pod-1', 'nc -zv mysql-service 3306').traces?.[0].outcome.result).not.toBe('ok')
  })
})

describe('what-if on controller pods, readiness, nodes and scale', () => {
  it('a Deployment pod deleted: the ReplicaSet makes a new one (new name, new IP) and the Service\'s endpoints follow', () => {
    const files = filesOf('ingress-advanced-annotations')
    const api = cluster(files).pods.filter((p) => p.name.startsWith('api-'))
    const gone = api[0]
    const r = ok(applyWhatIf(files, { op: 'deletePod', pod: `default/${gone.name}` }))
    const after = cluster(r.files)
    const now = after.pods.filter((p) => p.name.startsWith('api-'))
    expect(now).toHaveLength(api.length)
    expect(now.some((p) => p.name === gone.name)).toBe(false)
    const fresh = now.find((p) => !api.some((q) => q.name === p.name))!
    expect(fresh.podIP).not.toBe(gone.podIP)
    expect(r.summary.params).toMatchObject({ pod: `default/${gone.name}`, newPod: `default/${fresh.name}`, newIp: fresh.podIP })
    const slice = after.endpointSlices.find((s) => s.serviceName === 'api-service')!
    const addresses = slice.endpoints.flatMap((e) => e.addresses)
    expect(addresses).toContain(fresh.podIP)
    expect(addresses).not.toContain(gone.podIP)
  })

  const readiness: [string, string, (files: SourceFile[]) => string][] = [
    ['a bare pod (kube-hops.dev/ready annotation)', 'service-basics', () => 'default/nginx-pod-2'],
    ['a Deployment pod (the workload\'s unready-pods list)', 'ingress-advanced-annotations', (f) => `default/${cluster(f).pods.find((p) => p.name.startsWith('api-'))!.name}`],
  ]
  for (const [name, scenario, pick] of readiness) {
    it(`readiness fails and is restored on ${name}; the file returns to what it was`, () => {
      const files = filesOf(scenario)
      const pod = pick(files)
      const failed = ok(applyWhatIf(files, { op: 'setPodReady', pod, ready: false }))
      const p = cluster(failed.files).pods.find((x) => `${x.namespace}/${x.name}` === pod)!
      expect(p.ready).toBe(false)
      const restored = ok(applyWhatIf(failed.files, { op: 'setPodReady', pod, ready: true }))
      expect(cluster(restored.files).pods.find((x) => `${x.namespace}/${x.name}` === pod)!.ready).toBe(true)
      expect(restored.files).toEqual(files)
    })
  }

  it('power off the MetalLB L2 winner: its pods stop being ready and another node announces the address', () => {
    const files = filesOf('loadbalancer-metallb-l2')
    const c = cluster(files)
    const svc = c.services.find((s) => s.name === 'nginx-loadbalancer')!
    const winner = electL2Speaker(c, svc).node!
    const r = ok(applyWhatIf(files, { op: 'powerOff', node: winner }))
    const after = cluster(r.files)
    expect(after.nodes.find((n) => n.name === winner)!.ready).toBe(false)
    expect(after.pods.filter((p) => p.nodeName === winner && !p.system).every((p) => !p.ready)).toBe(true)
    const next = electL2Speaker(after, after.services.find((s) => s.name === 'nginx-loadbalancer')!).node
    expect(next).toBeDefined()
    expect(next).not.toBe(winner)
    expect(run(r.files, 'client/workstation', 'curl -s http://192.168.100.100').traces?.[0].outcome.result).toBe('ok')
    // the default lab has no Cluster document: the edit writes one, with the three default machines
    expect(r.changed).toEqual(['cluster.yaml'])
    const on = ok(applyWhatIf(r.files, { op: 'powerOn', node: winner }))
    expect(cluster(on.files).nodes.every((n) => n.ready)).toBe(true)
  })

  it('power off a node of a lab whose Cluster document names only its router: the machines are written into it', () => {
    const files = filesOf('loadbalancer-metallb-bgp')
    const r = ok(applyWhatIf(files, { op: 'powerOff', node: 'node1' }))
    // a second Cluster document would be a duplicate object that the engine ignores (the edit would do nothing)
    expect(r.changed).toEqual(['lab.yaml'])
    expect(compileScenario(r.files).diagnostics.map((d) => d.code)).not.toContain('manifest.duplicateObject')
    const after = cluster(r.files)
    expect(after.nodes.map((n) => [n.name, n.ready])).toEqual([['master', true], ['node1', false], ['node2', true]])
    expect(after.router?.name).toBe('edge')
    const on = ok(applyWhatIf(r.files, { op: 'powerOn', node: 'node1' }))
    expect(cluster(on.files).nodes.every((n) => n.ready)).toBe(true)
  })

  it('cordon and uncordon a node of a Cluster document edit its entry in place', () => {
    const files = filesOf('ingress-advanced-annotations')
    const r = ok(applyWhatIf(files, { op: 'cordon', node: 'node2' }))
    expect(cluster(r.files).nodes.find((n) => n.name === 'node2')!.unschedulable).toBe(true)
    expect(r.changed).toEqual(['cluster.yaml'])
    const back = ok(applyWhatIf(r.files, { op: 'uncordon', node: 'node2' }))
    expect(cluster(back.files).nodes.find((n) => n.name === 'node2')!.unschedulable).toBe(false)
  })

  it('drain refuses bare pods as kubectl does, and with --force evicts them', () => {
    const files = filesOf('service-basics')
    const onNode1 = cluster(files).pods.filter((p) => p.nodeName === 'node1' && !p.system).map((p) => `${p.namespace}/${p.name}`)
    const refused = applyWhatIf(files, { op: 'drain', node: 'node1' })
    expect(refused).toEqual({ error: { code: 'whatif.error.drainBarePods', params: { pods: onNode1.join(', ') } } })
    const forced = ok(applyWhatIf(files, { op: 'drain', node: 'node1', force: true }))
    const after = cluster(forced.files)
    expect(after.nodes.find((n) => n.name === 'node1')!.unschedulable).toBe(true)
    for (const p of onNode1) expect(after.pods.some((q) => `${q.namespace}/${q.name}` === p)).toBe(false)
  })

  it('drain moves Deployment pods off the node under new names', () => {
    const files = filesOf('ingress-advanced-annotations')
    const c = cluster(files)
    const node = c.pods.find((p) => p.name.startsWith('api-'))!.nodeName
    const r = ok(applyWhatIf(files, { op: 'drain', node }))
    const after = cluster(r.files)
    expect(after.pods.filter((p) => p.name.startsWith('api-') && p.nodeName === node)).toEqual([])
    expect(after.pods.filter((p) => p.name.startsWith('api-'))).toHaveLength(c.pods.filter((p) => p.name.startsWith('api-')).length)
  })

  it('scale sets spec.replicas in place', () => {
    const files = filesOf('ingress-advanced-annotations')
    const w = cluster(files).workloads.find((x) => x.name === 'api')!
    const r = ok(applyWhatIf(files, { op: 'scale', workload: w.id, replicas: 5 }))
    expect(cluster(r.files).pods.filter((p) => p.name.startsWith('api-'))).toHaveLength(5)
    expect(r.summary).toEqual({ code: 'whatif.scale', params: { workload: w.id, from: String(w.replicas), to: '5' } })
  })

  const refusals: [string, string, WhatIfOp, string][] = [
    ['unknown pod', 'service-basics', { op: 'deletePod', pod: 'default/nope' }, 'whatif.error.noPod'],
    ['system pod', 'service-basics', { op: 'deletePod', pod: 'kube-system/' }, 'whatif.error.noPod'],
    ['unknown node', 'service-basics', { op: 'cordon', node: 'node9' }, 'whatif.error.noNode'],
    ['unknown workload', 'service-basics', { op: 'scale', workload: 'Deployment/default/nope', replicas: 1 }, 'whatif.error.noWorkload'],
    ['negative replicas', 'ingress-advanced-annotations', { op: 'scale', workload: 'Deployment/default/api', replicas: -1 }, 'whatif.error.replicas'],
    ['CoreDNS (the playground\'s own)', 'service-basics', { op: 'scale', workload: 'Deployment/kube-system/coredns', replicas: 1 }, 'whatif.error.system'],
  ]
  for (const [name, scenario, op, code] of refusals) {
    it(`refuses: ${name}`, () => {
      const r = applyWhatIf(filesOf(scenario), op)
      expect('error' in r && r.error.code).toBe(code)
    })
  }

  it('every what-if text exists in English and Chinese with the same placeholders', async () => {
    const { whatIfMessages } = await import('./messages')
    for (const [code, m] of Object.entries(whatIfMessages)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
      expect(names(m.zh), code).toEqual(names(m.en))
    }
  })
})
