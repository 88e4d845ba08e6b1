import { expectGolden } from '../../../../../test/support/golden'
import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../../scenario'
import { Simulation } from '../../../sim/simulation'
import { gallery } from '../../../../scenarios/gallery.generated'
import { nodeRuleset } from '../state'
import { renderIptablesSave, renderRestoreInput } from './render'

/**
 * Golden iptables-save text for the tutorial's Service labs (the service-basics scenario), per node, as the virtual
 * clock's t0 stamps it. Regenerate with UPDATE_GOLDEN=1 after a deliberate change, and review the diff.
 */
const scenario = gallery.find((g) => g.name === 'service-basics')!
const compiled = compileScenario(scenario.files)

describe('iptables-save on the service-basics nodes', () => {
  for (const node of compiled.cluster.nodes) {
    it(`${node.name}: iptables-save and kube-proxy's restore input`, () => {
      const sim = new Simulation(compiled, 1)
      const rs = nodeRuleset(sim, node)
      for (const [kind, text] of [
        ['iptables-save', renderIptablesSave(rs, sim.clock.now())],
        ['restore', renderRestoreInput(rs)],
      ] as const) {
        expectGolden(new URL(`./testdata/service-basics.${node.name}.${kind}`, import.meta.url), text)
      }
    })
  }

  it('captures the tutorial\'s Services: mysql-service on 3306 and the NodePort 30080', () => {
    const rs = nodeRuleset(new Simulation(compiled, 1), compiled.cluster.nodes[1])
    const save = renderIptablesSave(rs, 0)
    expect(save).toMatch(/-A KUBE-SERVICES -d 10\.96\.\d+\.\d+\/32 -p tcp -m comment --comment "default\/mysql-service:mysql cluster IP" -m tcp --dport 3306 -j KUBE-SVC-[A-Z2-7]{16}/)
    expect(save).toMatch(/-A KUBE-NODEPORTS -p tcp -m comment --comment "default\/nginx-nodeport:http" -m tcp --dport 30080 -j KUBE-EXT-[A-Z2-7]{16}/)
    expect(save).toContain('--probability 0.33333333349')
    expect(save).toContain('--probability 0.50000000000')
  })
})
