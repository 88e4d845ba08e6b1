import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * load.ts evaluates Monaco in stages; together they must evaluate monaco-editor's modules (and its CSS) in exactly the
 * order one import of editor.api, edcore.main and the YAML grammar does, so every registry (contributions, menus,
 * keybindings, commands) fills in the same order and the stylesheets cascade the same way. The order is computed from
 * monaco-editor's own files as ECMAScript evaluates a module graph: depth first, each module after the modules it
 * imports, in their order, each once (InnerModuleEvaluation).
 */

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../../..')
const stageDir = join(here, 'stages')

/** The static imports of a module, in order (not dynamic `import()`, which is lazy). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: { at: number; spec: string }[] = []
  for (const m of text.matchAll(/^[ \t]*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/gm)) found.push({ at: m.index, spec: m[1] })
  for (const m of text.matchAll(/^[ \t]*import\s*['"]([^'"]+)['"]/gm)) found.push({ at: m.index, spec: m[1] })
  return found.sort((a, b) => a.at - b.at).map((f) => f.spec)
}

/** monaco-editor's files by path; other packages are outside the check. */
function resolveSpec(spec: string, from: string): string | undefined {
  if (spec.startsWith('.')) return resolve(dirname(from), spec)
  if (spec.startsWith('monaco-editor/')) return join(root, 'node_modules', spec)
  return undefined
}

/** The evaluation order of the given entries' graphs, as paths inside monaco-editor. */
function evaluationOrder(entries: { spec: string; from: string }[]): string[] {
  const order: string[] = []
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    if (file.endsWith('.js')) for (const spec of importsOf(file)) {
      const dep = resolveSpec(spec, file)
      if (dep) visit(dep)
    }
    order.push(file.slice(file.indexOf('node_modules/') + 'node_modules/'.length))
  }
  for (const { spec, from } of entries) {
    const file = resolveSpec(spec, from)
    if (file) visit(file)
  }
  return order
}

const stageFiles = readdirSync(stageDir).filter((f) => /^\d+-.*\.ts$/.test(f)).sort((a, b) => parseInt(a) - parseInt(b))

describe('Monaco loads in stages (load.ts)', () => {
  it('the stages evaluate monaco-editor in the order of one import of editor.api, edcore.main and the YAML grammar', () => {
    const whole = evaluationOrder([
      'monaco-editor/esm/vs/editor/editor.api.js',
      'monaco-editor/esm/vs/editor/edcore.main.js',
      'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js',
    ].map((spec) => ({ spec, from: here })))
    const staged = evaluationOrder(stageFiles.flatMap((f) => importsOf(join(stageDir, f)).map((spec) => ({ spec, from: join(stageDir, f) }))))
    // the check reads the real graph: about a thousand modules, the CSS among them
    expect(whole.length).toBeGreaterThan(900)
    expect(whole.some((f) => f.endsWith('.css'))).toBe(true)
    expect(staged).toEqual(whole)
  })

  it('every imported file exists, and load.ts runs every stage, in their numbered order', () => {
    for (const f of stageFiles) {
      for (const spec of importsOf(join(stageDir, f))) {
        const file = resolveSpec(spec, join(stageDir, f))
        if (file) expect(existsSync(file), `${f}: ${spec}`).toBe(true)
      }
    }
    const load = readFileSync(join(here, 'load.ts'), 'utf8')
    const run = [...load.matchAll(/import\('\.\/stages\/([^']+)'\)/g)].map((m) => `${m[1]}.ts`)
    expect(run).toEqual(stageFiles)
  })
})
