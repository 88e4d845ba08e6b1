import type { ProxyMode } from '../../engine/cluster/types'
import type { SourceFile } from '../../engine/manifest/types'
import type { GalleryScenario } from '../../scenarios/types'
import type { RunRecord } from '../../worker/protocol'
import type { ShareRun, ShareState } from './types'

/** The worker's Simulation seed (src/worker/run.ts: one `new Simulation(compiled, 1)` per compiled scenario). */
export const WORKER_SEED = 1

/** What the page holds that a link carries, gathered by the caller from the app store and the trace store. */
export interface PageState {
  scenarioName: string
  files: SourceFile[]
  positions: Record<string, { x: number; y: number }>
  mode?: ProxyMode
  /** The run being shown: the canvas object it was sent from, the line as typed, and where it stands in its simulation. */
  run?: ShownRun
  /** The editor tab on screen. */
  activeFile?: string
  hop: number
}

/** The shown run as the trace store has it: the worker's reply says what ran on the same simulation before it. */
export interface ShownRun {
  where: string
  line: string
  /** From the worker's RunReply: the run's position in its simulation and the (last 200) runs before it. */
  historyIndex?: number
  history?: RunRecord[]
  /** For a repeated send (the Composer's count): how many requests it made, and which one's trace is shown. */
  repeat?: number
  traceIndex?: number
}

/**
 * The runs to replay before the shown request so the receiver's fresh simulation is where the sender's was, or
 * `exact: false` when the worker no longer has all of them (more than 200 ran): then the request travels alone.
 */
export function shareHistory(run: ShownRun): { history: ShareRun[]; exact: boolean } {
  const kept = run.history ?? []
  if (kept.length < (run.historyIndex ?? 0)) return { history: [], exact: false }
  const history: ShareRun[] = kept.map((h) => ({ from: h.where, command: h.line, ...(h.repeat && h.repeat > 1 ? { repeat: h.repeat } : {}) }))
  // The shown trace of a repeated send is its request number traceIndex: the ones before it ran on the same
  // simulation first (shell/repeat.ts runRepeated: one after another, same random stream, conntrack and affinity;
  // only its virtual clock steps 10 ms between them, which single sends do not).
  const before = run.repeat && run.repeat > 1 ? Math.max(0, Math.min(run.repeat - 1, run.traceIndex ?? 0)) : 0
  if (before > 0) history.push({ from: run.where, command: run.line, ...(before > 1 ? { repeat: before } : {}) })
  return { history, exact: true }
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
  if (page.run) {
    state.request = { from: page.run.where, command: page.run.line }
    const { history } = shareHistory(page.run)
    if (history.length > 0) state.history = history
  }
  if (page.activeFile && page.files.some((f) => f.path === page.activeFile)) state.activeFile = page.activeFile
  return state
}
