import type { Simulation } from '../sim/simulation'
import type { Lang } from '../i18n/types'
import { formatMessage } from '../i18n/catalog'
import { commands } from './registry'
import type { Command, CommandResult, Location, ShellContext } from './types'

export interface RunOptions {
  lang?: Lang
  json?: boolean
  stdin?: string
  /** Set by `exec --repeat`: which run of how many, and its concurrency wave. */
  run?: ShellContext['run']
  /** The commands to look names up in; the shell's registry unless a caller brings its own. */
  commands?: ReadonlyMap<string, Command>
  /** Lets kubectl's mutating verbs change the scenario (the terminal's shell, sh/). */
  edit?: ShellContext['edit']
}

/**
 * Run one command (already split into words: the command name, then its arguments) on a machine of the simulation.
 * Lines (pipes, lists, quoting, loops) are the shell's job: `sh/index.ts` `runShellLine` / `runLine` parse them and
 * call this for each simple command. An unknown command answers as bash does.
 */
export function runCommandLine(sim: Simulation, where: Location, argv: string[], opts: RunOptions = {}): CommandResult {
  if (argv.length === 0) return { stdout: '', stderr: '', exitCode: 0 }
  const [name, ...args] = argv
  const command = (opts.commands ?? commands).get(name)
  if (!command) return { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 }
  const ctx: ShellContext = { sim, where, lang: opts.lang ?? 'en', json: opts.json ?? false }
  if (opts.stdin !== undefined) ctx.stdin = opts.stdin
  if (opts.run) ctx.run = opts.run
  if (opts.edit) ctx.edit = opts.edit
  try {
    return command.run(args, ctx)
  } catch (e) {
    // Commands must not throw; if one does anyway, the user gets a message instead of a broken terminal.
    const detail = e instanceof Error ? e.message : String(e)
    return { stdout: '', stderr: formatMessage('shell.internalError', { command: name, detail }, ctx.lang) + '\n', exitCode: 70 }
  }
}
