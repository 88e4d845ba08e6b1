import type { SourceFile } from '../../engine/manifest/types'
import type { GalleryScenario } from '../types'
import { SCALE_LIMITS, SCALE_MAX_PODS, scaleScenarioYaml } from './scale'

/**
 * Scenarios made by a program rather than written out: the gallery (scenario.json `generator: {name, params}`) and
 * share links carry only the parameters, and everyone expands them here, so the text is the same everywhere.
 */
interface Generator {
  /** The parameters it takes, each an integer in [min, max]. */
  params: Record<string, { min: number; max: number }>
  /** A limit across parameters, if any (checked after each one's range). */
  fits?(params: Record<string, number>): boolean
  /** The files it produces for valid parameters. */
  files(params: Record<string, number>): SourceFile[]
}

export const generators: Readonly<Record<string, Generator>> = {
  scale: {
    params: SCALE_LIMITS,
    // a shared link must not ask a browser tab for more than the tutorial's 10 000 pods
    fits: (p) => p.services * p.podsPerService <= SCALE_MAX_PODS,
    files: (p) => [{ path: 'scale.yaml', text: scaleScenarioYaml({ services: p.services, podsPerService: p.podsPerService }) }],
  },
}

export type GeneratorRef = { name: string; params: Record<string, number> }

/** Whether a generator of that name exists and every parameter it takes is an integer in its range (and no other). */
export function validGenerator(ref: GeneratorRef): boolean {
  const g = Object.hasOwn(generators, ref.name) ? generators[ref.name] : undefined
  if (!g) return false
  const keys = Object.keys(ref.params)
  if (keys.length !== Object.keys(g.params).length) return false
  return keys.every((k) => Object.hasOwn(g.params, k) && Number.isInteger(ref.params[k])
    && ref.params[k] >= g.params[k].min && ref.params[k] <= g.params[k].max) && (g.fits?.(ref.params) ?? true)
}

/** A generator's files, or [] for an unknown generator or parameters out of range. */
export function generatedFiles(ref: GeneratorRef): SourceFile[] {
  return validGenerator(ref) ? generators[ref.name].files(ref.params) : []
}

/**
 * The files of a gallery scenario as the user sees them: the written files, then (for a generated scenario) the
 * generator's output. Call this, not `entry.files`, wherever a scenario is opened (app, CLI, golden test).
 */
export function scenarioFiles(entry: Pick<GalleryScenario, 'files' | 'generator'>): SourceFile[] {
  const written = entry.files.map((f) => ({ path: f.path, text: f.text }))
  return entry.generator ? [...written, ...generatedFiles(entry.generator)] : written
}
