import { describe, expect, it } from 'vitest'
import { compileScenario } from '../scenario'
import { INPUT_LIMITS } from './limits'
import { parseManifests } from './parse'

const configMap = (name: string, data = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${data}`
const ok = configMap('fine', 'data:\n  a: "[not flow {"\n  b: \'{also}\'  # [comment\n')

/** Hostile input (issue 12): each refused with one clear error, quickly, and never a throw or a stack overflow. */
describe('input limits', () => {
  it.each([
    ['over 5 MiB in total', [configMap('a', `data:\n  a: "${'x'.repeat(3 * 1024 * 1024)}"\n`), configMap('b', `data:\n  a: "${'x'.repeat(3 * 1024 * 1024)}"\n`)], 'input.tooLarge'],
    ['50,000 objects', [Array.from({ length: 50_000 }, (_, i) => `kind: ConfigMap\napiVersion: v1\nmetadata: {name: c${i}}\n`).join('---\n')], 'input.tooManyObjects'],
    ['a List of 20,001 items', [`apiVersion: v1\nkind: List\nitems:\n${Array.from({ length: INPUT_LIMITS.objects }, (_, i) => `- kind: ConfigMap\n  apiVersion: v1\n  metadata: {name: c${i}}\n`).join('')}`], 'input.tooManyObjects'],
    ['flow nesting 20,000 deep', [configMap('deep', `data:\n  a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`)], 'input.tooDeep'],
    ['block nesting 3,000 deep', [configMap('deep', `x:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`)], 'input.tooDeep'],
    ['a 2 MiB scalar on one line', [configMap('huge', `data:\n  a: "${'x'.repeat(2 * 1024 * 1024)}"\n`)], 'input.lineTooLong'],
  ])('%s → %s', (_name, texts, code) => {
    const files = texts.map((text, i) => ({ path: `f${i}.yaml`, text }))
    const compiled = compileScenario(files)
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.code)).toEqual([code])
    expect(compiled.objects).toEqual([])
  })

  it('refuses only the file that nests too deep, and parses the others', () => {
    const { objects, diagnostics } = parseManifests([
      { path: 'deep.yaml', text: configMap('deep', `data:\n  a: ${'{'.repeat(INPUT_LIMITS.flowDepth + 1)}\n`) },
      { path: 'ok.yaml', text: ok },
    ])
    expect(diagnostics.map((d) => [d.code, d.range?.file])).toEqual([['input.tooDeep', 'deep.yaml']])
    expect(objects.map((o) => o.name)).toEqual(['fine'])
  })

  it('lets through what real manifests hold: brackets in quotes and comments, flow maps, deep-ish nesting', () => {
    const nested = configMap('nested', `data:\n  a: ${'['.repeat(INPUT_LIMITS.flowDepth)}${']'.repeat(INPUT_LIMITS.flowDepth)}\n`)
    const { diagnostics } = parseManifests([{ path: 'ok.yaml', text: ok }, { path: 'nested.yaml', text: nested }])
    expect(diagnostics.filter((d) => d.code.startsWith('input.'))).toEqual([])
  })
})
