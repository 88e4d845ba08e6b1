import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProxyMode } from '../cluster/types'
import { compileScenario } from '../scenario'
import { runShellLine } from '../shell/runner'
import { Simulation } from '../sim/simulation'
import { clusterPlanArb, planFiles } from './generate'

/**
 * A pod's TCP connection to a Service's ClusterIP ends the same way in the three modes wherever the real ones agree:
 * - iptables and nftables always: both proxiers write their own verdict for a Service without endpoints (REJECT,
 *   or DROP when internalTrafficPolicy=Local leaves none on this node: proxier.go in each mode);
 * - IPVS when iptables delivers: with no real server the kernel's ip_vs_leave answers ICMP port unreachable (a
 *   refusal), where the other two modes drop, so those cases are left out of the comparison.
 * The endpoint chosen may differ (each mode draws its own way), so only the outcome's result is compared (iptables mode
 * leaves outcome.service out of a REJECT, the other modes name it: noted, not compared).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15)
const MODES: ProxyMode[] = ['iptables', 'ipvs', 'nftables']

describe('the three proxy modes agree', () => {
  it('on the outcome of a pod\'s connection to each ClusterIP', () => {
    fc.assert(fc.property(clusterPlanArb, (plan) => {
      const results = MODES.map((mode) => {
        const compiled = compileScenario(planFiles(plan), { modeOverride: mode })
        const sim = new Simulation(compiled, 1)
        const client = compiled.cluster.pods.find((p) => p.name === 'client')
        if (!client) return []
        return compiled.cluster.services.filter((s) => !s.system && s.clusterIP && s.clusterIP !== 'None').map((s) => {
          const out = runShellLine(sim, { kind: 'pod', pod: client }, `nc -zv -w 2 ${s.clusterIP} ${s.ports[0].port}`, { json: true })
          const o = out.traces?.[0]?.outcome
          return { id: s.id, result: o?.result }
        })
      })
      const [iptables, ipvs, nftables] = results
      expect(nftables, 'nftables vs iptables').toEqual(iptables)
      const delivered = new Set(iptables.filter((r) => r.result === 'ok').map((r) => r.id))
      expect(ipvs.filter((r) => delivered.has(r.id)), 'ipvs vs iptables').toEqual(iptables.filter((r) => delivered.has(r.id)))
    }), { numRuns: RUNS })
  }, 600_000)
})
