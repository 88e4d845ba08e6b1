import { describe, expect, it } from 'vitest'
import { gallery } from '../../../../scenarios/gallery.generated'
import { run, simulationOf } from '../../testing'

// Every gallery scenario: kubectl answers every kind without failing, and the same scenario prints the same bytes.
const COMMANDS: string[][] = [
  ['get', 'all,ep,endpointslices,cm,secrets,ing,ingressclasses,ns,no,events', '-A', '-o', 'wide', '--show-labels'],
  ['get', 'all,ing', '-A', '-o', 'yaml'],
  ['describe', 'pods', '-A'],
  ['describe', 'svc', '-A'],
  ['describe', 'ep', '-A'],
  ['describe', 'endpointslices', '-A'],
  ['describe', 'deploy', '-A'],
  ['describe', 'ing', '-A'],
  ['describe', 'nodes'],
]

describe.each(gallery.map((g) => [g.name]))('kubectl on gallery scenario %s', (name) => {
  it.each(COMMANDS.map((c) => [c.join(' '), c]))('kubectl %s', (_, args) => {
    const a = run(simulationOf(name), ['kubectl', ...(args as string[])])
    const b = run(simulationOf(name), ['kubectl', ...(args as string[])])
    expect(a.exitCode).toBe(0)
    expect(a.stderr).not.toMatch(/^error|Error from server/m)
    expect(a).toEqual(b)
  })
})
