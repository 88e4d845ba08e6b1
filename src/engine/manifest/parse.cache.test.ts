import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gallery } from '../../scenarios/gallery.generated'
import { scaleScenarioYaml } from '../../scenarios/generators/scale'
import { mutateFiles, mutationArb } from '../fuzz/mutate'
import { compileScenario } from '../scenario'
import { splitDocuments } from './chunks'
import { createParseCache, parseManifests } from './parse'
import type { SourceFile } from './types'

describe('splitDocuments (YAML 1.2 §9.1.4: a `---` line always starts a document)', () => {
  const cases: { name: string; text: string; want: [number, string][] | undefined }[] = [
    { name: 'no marker: one chunk', text: 'a: 1\nb: 2\n', want: [[1, 'a: 1\nb: 2\n']] },
    { name: 'leading marker stays with its document', text: '---\na: 1\n---\nb: 2\n', want: [[1, '---\na: 1\n'], [3, '---\nb: 2\n']] },
    { name: 'content on the marker line', text: 'a: 1\n--- {b: 2}\n', want: [[1, 'a: 1\n'], [2, '--- {b: 2}\n']] },
    { name: 'a tab or CR after the marker', text: 'a\n---\t\nb\n---\r\nc', want: [[1, 'a\n'], [2, '---\t\nb\n'], [4, '---\r\nc']] },
    { name: '---- and an indented --- are content', text: 'a: |\n  ---\n----\n', want: [[1, 'a: |\n  ---\n----\n']] },
    { name: 'a marker ending the file', text: 'a: 1\n---', want: [[1, 'a: 1\n'], [2, '---']] },
    { name: 'a directive carries over: not cut', text: '%YAML 1.1\n---\na: 1\n---\nb: 2\n', want: undefined },
  ]
  it.each(cases)('$name', ({ text, want }) => {
    const got = splitDocuments(text)
    expect(got?.map((c) => [c.startLine, c.text])).toEqual(want)
    if (got) expect(got.map((c) => c.text).join('')).toBe(text)
  })
})

const written = gallery.filter((g) => g.generator === undefined && g.files.length > 0)
const json = (x: unknown) => JSON.stringify(x)

describe('parseManifests with a cache gives what it gives without one', () => {
  it('every gallery scenario, cold, then with every document moved down by an edit above it, then back', () => {
    const cache = createParseCache()
    for (const g of [...written.map((w) => w.files), [{ path: 'scale.yaml', text: scaleScenarioYaml({ services: 20, podsPerService: 3 }) }]]) {
      const shifted: SourceFile[] = g.map((f) => ({ ...f, text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: inserted-above}\n---\n${f.text}` }))
      for (const files of [g, shifted, g]) expect(json(parseManifests(files, cache))).toBe(json(parseManifests(files)))
    }
    expect(cache.size).toBeGreaterThan(0)
  })

  it('findings of validation move with their document (a quoted port, an unknown kind, an IPv6 address), below an edit that adds lines', () => {
    const below = [
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: a}\n  ports:\n  - port: "80"\n',
      'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: v6}\nspec:\n  clusterIP: fd00::1\n  ports: [{port: 80}]\n',
    ].join('---\n')
    const cache = createParseCache()
    for (const above of ['', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: v\n---\n']) {
      const files = [{ path: 'a.yaml', text: above + below }]
      const plain = parseManifests(files)
      expect(plain.diagnostics.length).toBeGreaterThanOrEqual(3)
      expect(json(parseManifests(files, cache))).toBe(json(plain))
    }
  })

  it('mutated gallery YAML (typing mistakes), parsed after the unmutated text warmed the cache', () => {
    fc.assert(fc.property(
      fc.nat({ max: written.length - 1 }),
      fc.array(fc.record({ file: fc.nat(), m: mutationArb }), { minLength: 1, maxLength: 4 }),
      (i, mutations) => {
        const cache = createParseCache()
        parseManifests(written[i].files, cache)
        const files = mutateFiles(written[i].files, mutations)
        expect(json(parseManifests(files, cache))).toBe(json(parseManifests(files)))
      },
    ), { numRuns: 60 })
  })

  it('later stages do not change what the cache holds: compiling twice through it gives the uncached cluster', () => {
    for (const g of written) {
      const cache = createParseCache()
      const plain = json(compileScenario(g.files))
      expect(json(compileScenario(g.files, { parseCache: cache })), g.name).toBe(plain)
      expect(json(compileScenario(g.files, { parseCache: cache })), g.name).toBe(plain)
    }
  })
})
