import { formatMessage } from '../engine/i18n/catalog'
import { compileScenario } from '../engine/scenario'
import { formatCheck } from '../engine/shell/check'
import { localizeJson } from '../engine/shell/localize'
import { resolveWhere } from '../engine/shell/location'
import { runRepeated } from '../engine/shell/repeat'
import { runCommandLine } from '../engine/shell/runner'
import { quoteWords, runLine } from '../engine/shell/sh'
import type { CommandResult, Location } from '../engine/shell/types'
import { Simulation } from '../engine/sim/simulation'
import { gallery } from '../scenarios/gallery.generated'
import { scenarioFiles } from '../scenarios/generators'
import { parseCliArgs, type UsageError } from './args'
import { loadSources, type FileSystem } from './load'
import { USAGE } from './usage'

/** The tutorial's first two labs: what the CLI runs on when given no -f and no --scenario. */
export const DEFAULT_SCENARIO = 'service-basics'

export interface CliOutput {
  stdout: string
  stderr: string
  exitCode: number
}

/**
 * The whole CLI as a function of its arguments and file system: parse, load, compile, run on the engine, format.
 * main.ts only wires it to process.argv and the real file system.
 */
export function runCli(argv: string[], fs: FileSystem): CliOutput {
  const parsed = parseCliArgs(argv)
  if (!parsed.ok) return usageError(parsed.error, parsed.lang)
  const args = parsed.args
  if (args.help) return { stdout: USAGE, stderr: '', exitCode: 0 }
  const usage = (e: UsageError) => usageError(e, args.lang)

  let files
  if (args.files.length) {
    const loaded = loadSources(args.files, fs)
    if (!loaded.ok) return usage(loaded.error)
    files = loaded.files
  } else {
    const name = args.scenario ?? DEFAULT_SCENARIO
    const entry = gallery.find((g) => g.name === name)
    if (!entry) return usage({ code: 'shell.cli.unknownScenario', params: { name, names: gallery.map((g) => g.name).join(', ') } })
    files = scenarioFiles(entry)
  }
  const scenario = compileScenario(files, args.mode ? { modeOverride: args.mode } : {})
  const json = (data: unknown) => JSON.stringify(localizeJson(data, args.lang), null, 2) + '\n'

  const command = args.command
  if (command.kind === 'check') {
    const { text, exitCode } = formatCheck(scenario.diagnostics, args.lang)
    return { stdout: args.json ? json(scenario.diagnostics) : text, stderr: '', exitCode }
  }
  const sim = new Simulation(scenario, args.seed)
  let result: CommandResult
  if (command.kind === 'kubectl') {
    // kubectl talks to the API server from anywhere; run it on the control plane like the tutorial's master.
    const node = scenario.cluster.nodes.find((n) => n.controlPlane) ?? scenario.cluster.nodes[0]
    const where: Location = { kind: 'node', node }
    result = runCommandLine(sim, where, ['kubectl', ...command.args], { lang: args.lang, json: args.json })
  } else if (command.kind === 'exec') {
    const where = resolveWhere(scenario.cluster, command.where)
    if (!where.ok) return { stdout: '', stderr: formatMessage(where.code, where.params, args.lang) + '\n', exitCode: 1 }
    // kubectl exec runs ARGS as one program; the playground's programs (sh -c included) live in its shell, so the
    // words, already split by the user's shell, go there quoted back into one line. The CLI writes no files back, so
    // kubectl may not edit the scenario (readOnly), as before.
    const line = quoteWords(command.argv)
    if (command.repeat > 1) {
      result = runRepeated(sim, where.where, line, { repeat: command.repeat, intervalMs: command.intervalMs, concurrency: command.concurrency }, { lang: args.lang })
    } else {
      const r = runLine(sim, where.where, line, { lang: args.lang, json: args.json, readOnly: true })
      result = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, ...(r.json !== undefined ? { json: r.json } : {}), ...(r.traces.length ? { traces: r.traces } : {}) }
    }
  } else {
    return usage({ code: 'shell.cli.missingCommand', params: {} })
  }
  if (args.json) {
    const data = result.json ?? { stdout: result.stdout, exitCode: result.exitCode }
    return { stdout: json(result.traces && result.json === undefined ? { ...(data as object), traces: result.traces } : data), stderr: result.stderr, exitCode: result.exitCode }
  }
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }
}

function usageError(e: UsageError, lang: 'en' | 'zh'): CliOutput {
  return { stdout: '', stderr: `error: ${formatMessage(e.code, e.params, lang)}\n\n${USAGE}`, exitCode: 2 }
}
