import { execute } from './interpret'
import { parse } from './parser'
import type { ShellSession } from './session'
import type { Trace } from '../../trace/types'
import type { Command, Location, ScenarioEdit } from '../types'

export { createShellSession, adoptSimulation, type ShellSession } from './session'
export { complete } from './complete'
export { parse } from './parser'

export interface ShellLineOptions {
  /** The commands to look names up in; the shell's registry unless a caller brings its own. */
  commands?: ReadonlyMap<string, Command>
}

export interface ShellLineResult {
  /** What the terminal shows: stdout and stderr interleaved in the order they were written, `\n` line ends. */
  output: string
  exitCode: number
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
    if (parsed.kind === 'incomplete') return { output: '', exitCode: 0, traces: [], incomplete: true, where }
    session.status = 2
    return { output: `sh: ${parsed.message}\n`, exitCode: 2, traces: [], where }
  }
  const r = execute(session, where, parsed.list, opts)
  return {
    output: r.chunks.map((c) => c.text).join(''),
    exitCode: r.status,
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
