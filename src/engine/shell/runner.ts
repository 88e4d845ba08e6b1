import type { Simulation } from '../sim/simulation'
import type { Lang } from '../i18n/types'
import { formatMessage } from '../i18n/catalog'
import { commands } from './registry'
import { splitPipeline } from './words'
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
 * Run one command line (already split into words: the command name, then its arguments) on a machine of the
 * simulation. Shared by the CLI's `exec` and the browser terminal. An unknown command answers as bash does.
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

/**
 * Run a line as the terminal receives it: words split as a shell does, `a | b` feeding a's output to b. The
 * pipeline's exit status is the last command's; every command's stderr is kept; traces are collected in order.
 */
export function runShellLine(sim: Simulation, where: Location, line: string, opts: RunOptions = {}): CommandResult {
  const parsed = splitPipeline(line)
  if (!parsed.ok) return { stdout: '', stderr: `bash: ${parsed.error}\n`, exitCode: 2 }
  let stdin = opts.stdin
  let stderr = ''
  let last: CommandResult = { stdout: '', stderr: '', exitCode: 0 }
  const traces: NonNullable<CommandResult['traces']> = []
  for (const argv of parsed.commands) {
    last = runCommandLine(sim, where, argv, { ...opts, stdin })
    stderr += last.stderr
    if (last.traces) traces.push(...last.traces)
    stdin = last.stdout
  }
  return { ...last, stderr, ...(traces.length ? { traces } : {}) }
}
