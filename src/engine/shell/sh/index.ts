import { execute } from './interpret'
import { parse } from './parser'
import { createShellSession, type ShellSession } from './session'
import type { Lang } from '../../i18n/types'
import type { Simulation } from '../../sim/simulation'
import type { Trace } from '../../trace/types'
import type { Command, Location, ScenarioEdit, ShellContext } from '../types'

export { createShellSession, adoptSimulation, type ShellSession } from './session'
export { complete } from './complete'
export { parse } from './parser'

export { quoteWords } from './quote'

export interface ShellLineOptions {
  /** The commands to look names up in; the shell's registry unless a caller brings its own. */
  commands?: ReadonlyMap<string, Command>
  /** Ask the commands for their data beside their text (the CLI's `--json`); the last command's comes back as `json`. */
  json?: boolean
  /** Which run of an `exec --repeat` this is (shell/repeat.ts), passed to every command of the line. */
  run?: ShellContext['run']
  /** kubectl's mutating verbs refuse to change the scenario (the repeated runs of the send composer). */
  readOnly?: boolean
}

export interface ShellLineResult {
  /** What the terminal shows: stdout and stderr interleaved in the order they were written, `\n` line ends. */
  output: string
  /** The same output split by descriptor: what went to stdout, and what went to stderr. */
  stdout: string
  stderr: string
  exitCode: number
  /** With `json`: the data of the last command that returned some (what the CLI prints for `--json`). */
  json?: unknown
  /** Requests the line sent, in order, for the canvas to animate. */
  traces: Trace[]
  /** Set when kubectl changed the scenario: the app puts these files in the editor (one undoable edit). */
  scenarioEdit?: ScenarioEdit
  /** The line needs more input (an open quote, `do` without `done`, a here-document): show PS2 and append. */
  incomplete?: boolean
  /** The machine the line ran on, as it is after any edit (the same pod of the recompiled cluster). */
  where: Location
}

/**
 * Runs one line typed in the terminal (or several pasted lines) with the shell subset described in README.md.
 * Side effects: only the session (variables, `$?`, the simulation and the files the shell wrote); scenario changes
 * come back as `scenarioEdit` for the app to apply.
 */
export function runShellLine(session: ShellSession, where: Location, line: string, opts: ShellLineOptions = {}): ShellLineResult {
  const parsed = parse(line)
  if (!parsed.ok) {
    if (parsed.kind === 'incomplete') return { output: '', stdout: '', stderr: '', exitCode: 0, traces: [], incomplete: true, where }
    session.status = 2
    const message = `sh: ${parsed.message}\n`
    return { output: message, stdout: '', stderr: message, exitCode: 2, traces: [], where }
  }
  const r = execute(session, where, parsed.list, opts)
  const on = (fd: 1 | 2) => r.chunks.filter((c) => c.fd === fd).map((c) => c.text).join('')
  return {
    output: r.chunks.map((c) => c.text).join(''),
    stdout: on(1),
    stderr: on(2),
    exitCode: r.status,
    ...(r.data ? { json: r.data.value } : {}),
    traces: r.traces,
    ...(r.edit ? { scenarioEdit: r.edit } : {}),
    where: r.where,
  }
}

/** For the terminal: the message an incomplete line would give if the input ended here (bash at EOF). */
export function incompleteMessage(line: string): string | undefined {
  const parsed = parse(line)
  return !parsed.ok && parsed.kind === 'incomplete' ? `sh: ${parsed.message}\n` : undefined
}

/**
 * One line on a throwaway session (no variables from earlier lines, `$?` 0), run to its end as `sh -c LINE` runs it:
 * a line that needs more input is a syntax error at end of file, not a PS2 prompt. For callers with no terminal: the
 * CLI's exec, `exec --repeat`, tests, the fuzz harness and the bench. The simulation (conntrack, clock, draws, the
 * files the shell writes) is the caller's and carries on; a kubectl edit recompiles into the throwaway session only
 * and comes back as `scenarioEdit`.
 */
export function runLine(sim: Simulation, where: Location, line: string, opts: ShellLineOptions & { lang?: Lang } = {}): ShellLineResult {
  const { lang, ...rest } = opts
  const r = runShellLine(createShellSession(sim, lang ? { lang } : {}), where, line, rest)
  if (!r.incomplete) return r
  const message = incompleteMessage(line) ?? ''
  return { output: message, stdout: '', stderr: message, exitCode: 2, traces: [], where }
}
