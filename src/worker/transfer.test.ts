import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gallery } from '../scenarios/gallery.generated'
import { scenarioFiles } from '../scenarios/generators'
import { compileScenario } from '../engine/scenario'
import { applyWhatIfTo, importText, kindScriptOf, whatIfActionsAt } from './transfer'

const basics = scenarioFiles(gallery.find((g) => g.name === 'service-basics')!)

// What crosses the comlink boundary must survive the structured clone algorithm unchanged.
const cloned = <T,>(v: T): T => structuredClone(v)

describe('worker transfer: what-if, import and export as the page calls them', () => {
  it('the MySQL pod\'s menu, then re-applying it: a new IP in the edited files (the tutorial\'s step)', () => {
    const actions = cloned(whatIfActionsAt(basics, 'Pod/default/mysql-pod'))
    const recreate = actions.find((a) => a.key === 'recreatePod')!
    const r = cloned(applyWhatIfTo(basics, recreate.op))
    if ('error' in r) throw new Error(r.error.code)
    expect(r.changed).toEqual(['mysql.yaml'])
    const before = compileScenario(basics).cluster.pods.find((p) => p.name === 'mysql-pod')!.podIP
    const after = compileScenario(r.files).cluster.pods.find((p) => p.name === 'mysql-pod')!.podIP
    expect(after).not.toBe(before)
    expect(r.summary.params).toMatchObject({ ip: before, newIp: after })
  })

  it('a refused what-if comes back as an error code, not a throw (drain without --force over bare pods)', () => {
    const r = cloned(applyWhatIfTo(basics, { op: 'drain', node: 'node1' }))
    expect('error' in r && r.error.code).toBe('whatif.error.drainBarePods')
  })

  it('the import fixture: files that compile to its pods with their IPs; the summary is plain data', () => {
    const text = readFileSync(join(import.meta.dirname, '..', 'engine', 'importer', 'testdata', 'kubectl-get-all.yaml'), 'utf8')
    const r = importText(text, true)
    expect(cloned(r)).toEqual(r)
    const pods = compileScenario(r.files).cluster.pods.filter((p) => p.namespace === 'default').map((p) => `${p.name} ${p.podIP}`)
    expect(pods).toContain('web-7d9f8c6b5-2xkqz 10.244.1.15')
  })

  it('the kind script of the current files names the cluster after the scenario', () => {
    expect(kindScriptOf({ name: 'service-basics', files: basics })).toContain('kind create cluster --config "/tmp/$CLUSTER.kind.yaml"')
  })
})
