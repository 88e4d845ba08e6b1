import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProxyMode } from '../cluster/types'
import { compileScenario } from '../scenario'
import { runLine } from '../shell/sh'
import { Simulation } from '../sim/simulation'
import { clusterPlanArb, planFiles } from './generate'

/**
 * A pod's TCP connection to a Service's ClusterIP ends the same way in the three modes wherever the real ones agree:
 * - iptables and nftables always: both proxiers write their own verdict for a Service without endpoints (REJECT,
 *   or DROP when internalTrafficPolicy=Local leaves none on this node: proxier.go in each mode);
 * - IPVS when iptables delivers: with no real server the kernel's ip_vs_leave answers ICMP port unreachable (a
 *   refusal), where the other two modes drop, so those cases are left out of the comparison.
 * Each mode picks the endpoint its own way (iptables' statistic rule and nftables' numgen draw at random, IPVS round
 * robin starts at its first real server), so when the endpoints themselves answer differently (one listens on the
 * target port, another does not) the modes may rightly end differently: then each mode's result must be what its
 * chosen endpoint answers to a direct connection. Only the outcome's result is compared (iptables mode leaves
 * outcome.service out of a REJECT, the other modes name it: noted, not compared).
 */
/** FUZZ_SEED replays a run fast-check reported (its `seed`), FUZZ_RUNS sets how many cases. */
const SEED = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}
const RUNS = Number(process.env.FUZZ_RUNS ?? 15)
const MODES: ProxyMode[] = ['iptables', 'ipvs', 'nftables']

interface Connection { id: string; result?: string; endpoint?: string }

describe('the three proxy modes agree', () => {
  it('on the outcome of a pod\'s connection to each ClusterIP', () => {
    fc.assert(fc.property(clusterPlanArb, (plan) => {
      const files = planFiles(plan)
      let direct: (endpoint: string) => string | undefined = () => undefined
      let endpointsOf: (id: string) => string[] = () => []
      const results = MODES.map((mode): Connection[] => {
        const compiled = compileScenario(files, { modeOverride: mode })
        const sim = new Simulation(compiled, 1)
        const client = compiled.cluster.pods.find((p) => p.name === 'client')
        if (!client) return []
        const connect = (ip: string, port: number) => runLine(sim, { kind: 'pod', pod: client }, `nc -zv -w 2 ${ip} ${port}`, { json: true }).traces?.[0]?.outcome
        if (mode === 'iptables') {
          // what each endpoint answers when connected to directly, pod to pod (no Service, so no mode involved)
          const answers = new Map<string, string | undefined>()
          direct = (endpoint) => {
            if (!answers.has(endpoint)) {
              const [ip, port] = endpoint.split(':')
              answers.set(endpoint, connect(ip, Number(port))?.result)
            }
            return answers.get(endpoint)
          }
          const slices = compiled.cluster.endpointSlices
          endpointsOf = (id) => {
            const s = compiled.cluster.services.find((x) => x.id === id)!
            const port = s.ports[0]
            return slices.filter((sl) => sl.namespace === s.namespace && sl.serviceName === s.name).flatMap((sl) => {
              const p = sl.ports.find((x) => x.name === port.name) ?? sl.ports[0]
              return p ? sl.endpoints.filter((e) => e.conditions.ready !== false).flatMap((e) => e.addresses.map((a) => `${a}:${p.port}`)) : []
            })
          }
        }
        return compiled.cluster.services.filter((s) => !s.system && s.clusterIP && s.clusterIP !== 'None').map((s) => {
          const o = connect(s.clusterIP!, s.ports[0].port)
          return { id: s.id, result: o?.result, endpoint: o?.endpoint }
        })
      })
      // Services whose ready endpoints all answer alike: the choice of endpoint cannot matter, so the modes must agree
      const uniform = new Set(results[0].filter((r) => new Set(endpointsOf(r.id).map(direct)).size <= 1).map((r) => r.id))
      const only = (rs: Connection[], keep: (r: Connection) => boolean) => rs.filter(keep).map(({ id, result }) => ({ id, result }))
      const [iptables, ipvs, nftables] = results
      expect(only(nftables, (r) => uniform.has(r.id)), 'nftables vs iptables').toEqual(only(iptables, (r) => uniform.has(r.id)))
      const delivered = new Set(iptables.filter((r) => r.result === 'ok').map((r) => r.id))
      const compared = (r: Connection) => uniform.has(r.id) && delivered.has(r.id)
      expect(only(ipvs, compared), 'ipvs vs iptables').toEqual(only(iptables, compared))
      // the others: each mode's result is what its chosen endpoint answers directly
      for (const [i, rs] of results.entries()) {
        for (const r of rs) {
          if (uniform.has(r.id) || !r.endpoint) continue
          expect(r.result, `${MODES[i]}: ${r.id} through ${r.endpoint}`).toBe(direct(r.endpoint))
        }
      }
    }), { numRuns: RUNS, ...SEED })
  }, Math.max(600_000, RUNS * 1_000))

  it('regression (fuzz seed 2083694435): endpoints that answer differently, each mode ends as its chosen endpoint answers', () => {
    // a bare Pod listening on the target port 8080 and a Deployment's pod listening on 80 behind one Service: IPVS
    // round robin picks the Deployment's pod first (refused), iptables' random draw the bare pod (connected)
    const plan = {
      workers: 1, controller: 'none', pool: 'none', ingresses: [], mode: 'iptables',
      workloads: [
        { kind: 'Pod', name: 'w0', namespace: 'shop', app: 'web', replicas: 0, port: 8080, portName: 'http' },
        { kind: 'Deployment', name: 'w0', namespace: 'shop', app: 'web', replicas: 1, port: 80, portName: 'http' },
      ],
      services: [{ name: 's0', namespace: 'shop', type: 'ClusterIP', app: 'web', port: 80, targetPort: 8080, eTP: 'Cluster', iTP: 'Cluster', affinity: false, externalName: 's0.default.svc.cluster.local' }],
    } as const
    const outcomes = MODES.map((mode) => {
      const compiled = compileScenario(planFiles(plan as unknown as Parameters<typeof planFiles>[0]), { modeOverride: mode })
      const client = compiled.cluster.pods.find((p) => p.name === 'client')!
      const s = compiled.cluster.services.find((x) => x.name === 's0')!
      return runLine(new Simulation(compiled, 1), { kind: 'pod', pod: client }, `nc -zv -w 2 ${s.clusterIP} 80`, { json: true }).traces![0].outcome
    })
    for (const o of outcomes) expect(o.endpoint?.endsWith(':8080')).toBe(true)
    const byEndpoint = new Map(outcomes.map((o) => [o.endpoint, o.result]))
    // two endpoints, two answers: the same endpoint always gives the same answer whichever mode chose it
    expect(new Set(outcomes.map((o) => `${o.endpoint} ${o.result}`)).size).toBe(byEndpoint.size)
    expect(new Set(byEndpoint.values())).toEqual(new Set(['ok', 'refused']))
  })
})
