import { expectGolden } from '../../../test/support/golden'
import { describe, it } from 'vitest'
import { compileScenario } from '../scenario'
import { Simulation } from '../sim/simulation'
import { gallery } from '../../scenarios/gallery.generated'
import { traceJson } from './commands/common'
import type { RequestSpec } from './types'
import { traceRequest } from './walk'

/**
 * Golden traces of the tutorial's Service labs (seed 1): the whole walk as `--json` prints it, notes in English.
 * A change to any stage the walk crosses shows up here as a reviewed diff. Regenerate with UPDATE_GOLDEN=1.
 */
const compiled = compileScenario(gallery.find((g) => g.name === 'service-basics')!.files)
const mysqlIP = compiled.cluster.services.find((s) => s.name === 'mysql-service')!.clusterIP

const cases: [string, RequestSpec][] = [
  ['nodeport-from-workstation', { from: 'Client/workstation', protocol: 'TCP', host: '192.168.100.21', port: 30080, http: { method: 'GET', path: '/', scheme: 'http', headers: { Host: '192.168.100.21:30080', 'User-Agent': 'curl/7.88.1', Accept: '*/*' } } }],
  ['nginx-to-mysql-clusterip', { from: 'Pod/default/nginx-pod-1', protocol: 'TCP', host: mysqlIP, port: 3306 }],
]

describe('golden traces of service-basics', () => {
  it.each(cases)('%s', (name, spec) => {
    const t = traceRequest(new Simulation(compiled, 1), spec)
    const text = JSON.stringify(traceJson(t, 'en'), null, 2) + '\n'
    expectGolden(new URL(`./testdata/service-basics.${name}.trace.json`, import.meta.url), text)
  })
})
