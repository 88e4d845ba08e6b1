import type { Simulation } from '../sim/simulation'
import type { Lang } from '../i18n/types'
import { commands } from './registry'
import type { CommandResult, Location, ShellContext } from './types'

export interface RunOptions {
  lang?: Lang
  json?: boolean
  stdin?: string
  /** Set by `exec --repeat`: which run of how many, and its concurrency wave. */
  run?: ShellContext['run']
}

/**
 * Run one command line (already split into words: the command name, then its arguments) on a machine of the
 * simulation. Shared by the CLI's `exec` and the browser terminal. An unknown command answers as bash does.
 */
export function runCommandLine(sim: Simulation, where: Location, argv: string[], opts: RunOptions = {}): CommandResult {
  if (argv.length === 0) return { stdout: '', stderr: '', exitCode: 0 }
  const [name, ...args] = argv
  const command = commands.get(name)
  if (!command) return { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 }
  const ctx: ShellContext = { sim, where, lang: opts.lang ?? 'en', json: opts.json ?? false }
  if (opts.stdin !== undefined) ctx.stdin = opts.stdin
  if (opts.run) ctx.run = opts.run
  return command.run(args, ctx)
}
