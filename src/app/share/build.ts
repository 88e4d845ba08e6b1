import type { ProxyMode } from '../../engine/cluster/types'
import type { SourceFile } from '../../engine/manifest/types'
import type { GalleryScenario } from '../../scenarios/types'
import type { ShareState } from './types'

/** The worker's Simulation seed (src/worker/run.ts: one `new Simulation(compiled, 1)` per compiled scenario). */
export const WORKER_SEED = 1

/** What the page holds that a link carries, gathered by the caller from the app store and the trace store. */
export interface PageState {
  scenarioName: string
  files: SourceFile[]
  positions: Record<string, { x: number; y: number }>
  mode?: ProxyMode
  /** The run being shown: the canvas object it was sent from and the line as typed. */
  run?: { where: string; line: string }
  hop: number
}

// wire.ts's SCENARIO: a gallery name or nothing
const SCENARIO = /^[a-z0-9][a-z0-9-]{0,62}$/

/** The ShareState of what is on screen. A generated gallery scenario's unchanged files travel as its parameters. */
export function shareStateOf(page: PageState, gallery: GalleryScenario[]): ShareState {
  const entry = gallery.find((g) => g.name === page.scenarioName)
  const state: ShareState = {
    scenario: SCENARIO.test(page.scenarioName) ? page.scenarioName : '',
    files: page.files.map((f) => ({ path: f.path, text: f.text })),
    positions: { ...page.positions },
    seed: WORKER_SEED,
    hop: Math.max(0, page.hop),
  }
  if (entry?.generator) state.generator = { name: entry.generator.name, params: { ...entry.generator.params } }
  if (page.mode) state.proxyMode = page.mode
  if (page.run) state.request = { from: page.run.where, command: page.run.line }
  return state
}
