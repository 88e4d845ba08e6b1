import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { scenarioFiles } from '../../scenarios/generators'
import { compileScenario } from '../../engine/scenario'
import { joinedYaml } from './exporters'

describe('joinedYaml: the scenario as one multi-document YAML file', () => {
  // Every gallery scenario written out as one file and read back holds the same objects (kubectl apply -f of it
  // would create what the playground shows).
  for (const g of gallery.filter((x) => !x.generator)) {
    it(`${g.name}: the same objects read back from one file`, () => {
      const files = scenarioFiles(g)
      const one = joinedYaml(g.name, files)
      const ids = (fs: { path: string; text: string }[]) => compileScenario(fs).objects.map((o) => o.id).sort()
      expect(ids([{ path: `${g.name}.yaml`, text: one }])).toEqual(ids(files))
      for (const f of files) expect(one).toContain(`# Kube Hops scenario "${g.name}": ${f.path}\n`)
    })
  }

  it('a file without a final newline still gets its separator on a line of its own', () => {
    const text = joinedYaml('t', [
      { path: 'a.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}' },
      { path: 'b.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n' },
    ])
    expect(text).toContain('metadata: {name: a}\n---\n# Kube Hops scenario "t": b.yaml\n')
  })
})
