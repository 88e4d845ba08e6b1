import type { Diagnostic, SourceRange } from '../engine/core/diagnostic'
import type { ObjectId } from '../engine/core/ids'
import type { SourceFile } from '../engine/manifest/types'
import type { KubeProxySettings, ProxyMode } from '../engine/cluster/types'
import type { PositionedGraph } from '../app/canvas/model'
import type { ObjectView } from '../app/canvas/neighbourhood'
import type { Lang } from '../engine/i18n/types'
import type { Trace } from '../engine/trace/types'
import type { RepeatSummary } from '../engine/shell/repeat'
import type { ScenarioEdit } from '../engine/shell/types'
import type { InspectRequest, Inspection } from './inspect'
import type { WhatIfOp, WhatIfResult } from '../engine/whatif/types'
import type { ImportResult } from '../engine/importer'
import type { ExportScenario } from '../engine/export'
import type { WhatIfAction } from '../app/whatif/actions'

/** One compile, numbered by the app: a higher number supersedes every lower one. */
export interface CompileRequest {
  seq: number
  files: SourceFile[]
}

/** A manifest object's place in the YAML, so a cursor position can name the object under it. */
export interface ObjectLocation {
  id: ObjectId
  kind: string
  range: SourceRange
}

export interface CompiledView {
  graph: PositionedGraph
  diagnostics: Diagnostic[]
  objects: ObjectLocation[]
  /** The mode kube-proxy runs in and where it came from (the toolbar's switch shows it). */
  kubeProxy: Pick<KubeProxySettings, 'mode' | 'modeSource'>
}

/**
 * The worker's answer. `stale` means a newer request arrived before this one finished, so the worker dropped it;
 * `failed` means the engine broke its never-throw promise, and carries the message for the Problems list.
 */
export type CompileReply =
  | ({ seq: number; status: 'done' } & CompiledView)
  | { seq: number; status: 'stale' }
  | { seq: number; status: 'failed'; message: string }

/** A terminal line or a composed request, run at a canvas object (`Pod/ns/name`, `Node/n`, `Client/c`). */
export interface RunRequest {
  files: SourceFile[]
  where: ObjectId
  line: string
  lang: Lang
  /** Run the (single) command this many times on the same simulation and summarize the outcomes. */
  repeat?: number
}

/** One run made on a simulation, as its session's history records it (a share link replays them in order). */
export interface RunRecord {
  where: ObjectId
  line: string
  /** Set for a repeated run (more than 1). */
  repeat?: number
}

export interface RunReply {
  stdout: string
  stderr: string
  exitCode: number
  traces: Trace[]
  /** Set for repeated runs: how the requests spread over pods, Services, statuses. */
  summary?: RepeatSummary
  /** A kubectl verb changed the scenario: the app puts these files in the editor as one undoable edit. */
  scenarioEdit?: ScenarioEdit
  /** The line is not finished (an open quote, `do` without `done`): the terminal shows PS2 and waits for more. */
  incomplete?: boolean
  /** This run's 0-based position among the runs made on its simulation (worker/run.ts), when it counted as one. */
  historyIndex?: number
  /** The runs made on the same simulation before this one, oldest first: the last 200 (fewer than historyIndex once more ran). */
  history?: RunRecord[]
}

/** What the send composer offers to complete. */
export interface SendTargets {
  services: string[]
  ingressHosts: string[]
  nodePorts: string[]
}

/** What the worker exposes through comlink. */
export interface CompilerApi {
  compile(request: CompileRequest): Promise<CompileReply>
  /** The files with kube-proxy switched to `mode`, edited where the engine reads it (see proxyMode.ts). */
  setProxyMode(files: SourceFile[], mode: ProxyMode): Promise<SourceFile[]>
  /** Runs a line at a machine of the scenario's simulation (one seeded Simulation per compiled scenario). */
  run(request: RunRequest): Promise<RunReply>
  sendTargets(files: SourceFile[]): Promise<SendTargets>
  /** Whole-line completions of `line` typed at the canvas object `at` (a pod, node or client). */
  complete(files: SourceFile[], line: string, at?: ObjectId): Promise<string[]>
  /** The inspector's view of one object and its neighbours (canvas/neighbourhood.ts), for a collapsed picture. */
  objectView(files: SourceFile[], id: ObjectId): Promise<ObjectView | undefined>
  /** The inspector's data-plane view of one object (rules, DNS names, resolv.conf, nginx servers): see inspect.ts. */
  inspect(request: InspectRequest): Promise<Inspection>
  /** Forgets the simulations: conntrack, affinity and the random stream start again. */
  resetSimulation(): Promise<void>
  /** The what-ifs the canvas offers on an object (src/app/whatif/actions.ts), and applying one (worker/transfer.ts). */
  whatIfActions(files: SourceFile[], id: ObjectId): Promise<WhatIfAction[]>
  applyWhatIf(files: SourceFile[], op: WhatIfOp): Promise<WhatIfResult>
  /** A `kubectl get -o yaml` dump or Helm output as scenario files, with what was taken and left out. */
  importManifests(text: string, redactSecrets: boolean): Promise<ImportResult>
  /** "Run it on a real cluster": the kind script of the scenario. */
  kindScript(scenario: ExportScenario): Promise<string>
}
