import type { ClusterNode, OutsideClient, Pod, Router } from '../cluster/types'
import type { Lang } from '../i18n/types'
import type { Simulation } from '../sim/simulation'
import type { Trace } from '../trace/types'

/** The machine a command runs on, as the terminal and `exec WHERE` name it. */
export type Location =
  | { kind: 'pod'; pod: Pod }
  | { kind: 'node'; node: ClusterNode }
  | { kind: 'client'; client: OutsideClient }
  | { kind: 'router'; router: Router }

export interface ShellContext {
  sim: Simulation
  where: Location
  lang: Lang
  /** --json: the command's data instead of its text. */
  json: boolean
  /** Text piped into the command, if any. */
  stdin?: string
  /**
   * Set when `exec --repeat N --concurrency C` runs the command: run `index` (0-based) of `total`, started in
   * concurrency wave `wave` together with up to `concurrency - 1` others (their connections are open at once).
   */
  run?: { index: number; total: number; wave: number; concurrency: number }
  /**
   * Set by a shell that can change the scenario (the terminal's sh/): kubectl's mutating verbs hand their edited
   * files here; the shell recompiles so the next command sees the change. Absent: those verbs refuse.
   */
  edit?: ScenarioEditor
}

/** A change of the scenario's YAML made by a command: every file after the edit, and what kubectl printed. */
export interface ScenarioEdit {
  files: { path: string; text: string }[]
  /** Paths of the files that changed. */
  changed: string[]
  /** One line per change, as kubectl printed it (`pod/nginx-pod-1 labeled`). */
  summary: string[]
}

export interface ScenarioEditor {
  apply(edit: ScenarioEdit): void
}

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
  /** The command's result as data (printed by --json). */
  json?: unknown
  /** Traces of the requests the command sent, for the app to animate. */
  traces?: Trace[]
}

/**
 * One command of the shell shared by the in-browser terminal and the CLI. `args` excludes the command name.
 * Commands never throw: bad arguments give a usage message on stderr and exit status 2, as the real tools do.
 */
export interface Command {
  name: string
  run(args: string[], ctx: ShellContext): CommandResult
}

export function ok(stdout: string, json?: unknown): CommandResult {
  return { stdout, stderr: '', exitCode: 0, json }
}

export function fail(stderr: string, exitCode = 1): CommandResult {
  return { stdout: '', stderr, exitCode }
}
