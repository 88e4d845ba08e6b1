import type { ProxyMode } from '../engine/cluster/types'
import type { Lang } from '../engine/i18n/types'

/** The CLI's command line, parsed: global options, then the command and its own arguments. */
export interface CliArgs {
  files: string[]
  scenario?: string
  json: boolean
  seed: number
  mode?: ProxyMode
  lang: Lang
  help: boolean
  command: Command
}

export type Command =
  | { kind: 'none' }
  | { kind: 'check' }
  | { kind: 'kubectl'; args: string[] }
  | { kind: 'exec'; where: string; repeat: number; intervalMs: number; concurrency: number; argv: string[] }

/** A usage error: a catalogue code and its parameters (printed in the chosen language, exit status 2). */
export interface UsageError {
  code: string
  params: Record<string, string>
}

export type ParseResult = { ok: true; args: CliArgs } | { ok: false; error: UsageError; lang: Lang }

const MODES: ProxyMode[] = ['iptables', 'ipvs', 'nftables']

function positiveInt(text: string | undefined, min: number): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined
  const n = Number(text)
  return Number.isSafeInteger(n) && n >= min ? n : undefined
}

/**
 * Global options come before COMMAND, `exec`'s own options between WHERE and `--`, and everything after `--`
 * belongs to the command unparsed. `--opt=value` and `--opt value` are both accepted.
 */
export function parseCliArgs(argv: string[]): ParseResult {
  const out: CliArgs = { files: [], json: false, seed: 1, lang: 'en', help: false, command: { kind: 'none' } }
  // --lang is read first so that every later error is already in the right language.
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  if (langAt >= 0) {
    const v = argv[langAt].includes('=') ? argv[langAt].split('=')[1] : argv[langAt + 1]
    if (v === 'en' || v === 'zh') out.lang = v
  }
  const fail = (code: string, params: Record<string, string> = {}): ParseResult => ({ ok: false, error: { code, params }, lang: out.lang })
  let i = 0
  for (; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('-') || a === '-') break
    const eq = a.startsWith('--') ? a.indexOf('=') : -1
    const name = eq > 0 ? a.slice(0, eq) : a
    const takeValue = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : argv[++i])
    switch (name) {
      case '-f': case '--filename': {
        const v = takeValue()
        if (v === undefined) return fail('shell.cli.missingValue', { option: name })
        out.files.push(v)
        break
      }
      case '--scenario': {
        const v = takeValue()
        if (v === undefined) return fail('shell.cli.missingValue', { option: name })
        out.scenario = v
        break
      }
      case '--json': out.json = true; break
      case '-h': case '--help': out.help = true; break
      case '--seed': {
        const v = takeValue()
        const n = positiveInt(v, 0)
        if (n === undefined || n > 0xffffffff) return fail('shell.cli.badValue', { option: name, value: v ?? '', expected: '0..4294967295' })
        out.seed = n
        break
      }
      case '--mode': {
        const v = takeValue()
        if (!MODES.includes(v as ProxyMode)) return fail('shell.cli.badValue', { option: name, value: v ?? '', expected: MODES.join('|') })
        out.mode = v as ProxyMode
        break
      }
      case '--lang': {
        const v = takeValue()
        if (v !== 'en' && v !== 'zh') return fail('shell.cli.badValue', { option: name, value: v ?? '', expected: 'en|zh' })
        out.lang = v
        break
      }
      default: return fail('shell.cli.unknownOption', { option: a })
    }
  }
  if (out.scenario !== undefined && out.files.length) return fail('shell.cli.scenarioAndFiles')
  const rest = argv.slice(i)
  const [command, ...args] = rest
  switch (command) {
    case undefined:
      if (!out.help) return fail('shell.cli.missingCommand')
      break
    case 'help': out.help = true; break
    case 'check':
      if (args.length) return fail('shell.cli.unknownOption', { option: args[0] })
      out.command = { kind: 'check' }
      break
    case 'kubectl': out.command = { kind: 'kubectl', args }; break
    case 'exec': {
      if (args[0] === '-h' || args[0] === '--help') {
        out.help = true
        break
      }
      const parsed = parseExec(args)
      if ('code' in parsed) return fail(parsed.code, parsed.params)
      out.command = parsed
      break
    }
    default: return fail('shell.cli.unknownCommand', { command })
  }
  return { ok: true, args: out }
}

function parseExec(args: string[]): Extract<Command, { kind: 'exec' }> | UsageError {
  const dashdash = args.indexOf('--')
  if (dashdash < 0 || dashdash === 0 || dashdash === args.length - 1) return { code: 'shell.cli.execNeedsCommand', params: {} }
  const [where, ...opts] = args.slice(0, dashdash)
  const cmd: Extract<Command, { kind: 'exec' }> = { kind: 'exec', where, repeat: 1, intervalMs: 10, concurrency: 1, argv: args.slice(dashdash + 1) }
  if (where.startsWith('-')) return { code: 'shell.cli.execNeedsCommand', params: {} }
  for (let i = 0; i < opts.length; i++) {
    const a = opts[i]
    const eq = a.indexOf('=')
    const name = eq > 0 ? a.slice(0, eq) : a
    const v = eq > 0 ? a.slice(eq + 1) : opts[++i]
    const fields: Record<string, 'repeat' | 'intervalMs' | 'concurrency'> = { '--repeat': 'repeat', '--interval': 'intervalMs', '--concurrency': 'concurrency' }
    const field = fields[name]
    if (!field) return { code: 'shell.cli.unknownOption', params: { option: a } }
    const min = field === 'intervalMs' ? 0 : 1
    const n = positiveInt(v, min)
    if (n === undefined || n > 1_000_000) return { code: 'shell.cli.badValue', params: { option: name, value: v ?? '', expected: `${min}..1000000` } }
    cmd[field] = n
  }
  return cmd
}
