import type { AndOr, Command as Node, List, Pipeline, Redirect, SimpleCommand } from './ast'
import { expandString, expandWords, type Expander } from './expand'
import { parse } from './parser'
import { adoptSimulation, relocate, type ShellSession } from './session'
import { compileScenario } from '../../scenario'
import { Simulation } from '../../sim/simulation'
import type { Trace } from '../../trace/types'
import { readFile } from '../files/registry'
import { absolutePath, writeOverlayFile } from '../files/overlay'
import { runCommandLine } from '../runner'
import type { Command, Location, ScenarioEdit, ShellContext } from '../types'

/** Output in the order it was written, each piece tagged with the descriptor it went to (1 stdout, 2 stderr). */
export interface Chunk {
  fd: 1 | 2
  text: string
}

interface Result {
  chunks: Chunk[]
  status: number
}

/** A single line's run: where it runs, what it collected, and a pending `break`/`continue`/`exit`. */
interface Run {
  session: ShellSession
  where: Location
  commands?: ReadonlyMap<string, Command>
  /** The caller's request for data (`--json`), the repeat context, and whether kubectl may edit the scenario. */
  json: boolean
  repeat?: ShellContext['run']
  readOnly: boolean
  traces: Trace[]
  edit?: ScenarioEdit
  /** The data of the last command that returned some (what the CLI's `--json` prints). */
  data?: { value: unknown }
  steps: number
  /** `levels` for break/continue; `status` for exit (the line's exit status). */
  flow?: { kind: 'break' | 'continue' | 'exit'; levels: number; status?: number }
  loopDepth: number
}

/** Commands one line may run before the shell stops it (a playground guard against `while true`, not sh's). */
export const MAX_COMMANDS = 20000

const stdout = (text: string): Chunk[] => (text ? [{ fd: 1, text }] : [])
const stderr = (text: string): Chunk[] => (text ? [{ fd: 2, text }] : [])
const textOn = (chunks: Chunk[], fd: 1 | 2): string => chunks.filter((c) => c.fd === fd).map((c) => c.text).join('')

export interface ExecOptions {
  commands?: ReadonlyMap<string, Command>
  /** Ask each command for its data as well as its text (the CLI's `--json`). */
  json?: boolean
  /** Which run of an `exec --repeat` this line is, passed to every command it runs. */
  run?: ShellContext['run']
  /** kubectl's mutating verbs refuse (as in a shell that cannot change the scenario) instead of editing. */
  readOnly?: boolean
}

export interface ExecResult {
  chunks: Chunk[]
  status: number
  where: Location
  traces: Trace[]
  edit?: ScenarioEdit
  /** Set when a command returned data (with `json`): the last such command's. */
  data?: { value: unknown }
}

/** Runs a parsed line in the session; the session's variables, `$?` and simulation carry to the next line. */
export function execute(session: ShellSession, where: Location, list: List, opts: ExecOptions = {}): ExecResult {
  const run: Run = {
    session, where, traces: [], steps: 0, loopDepth: 0, json: opts.json ?? false, readOnly: opts.readOnly ?? false,
    ...(opts.commands ? { commands: opts.commands } : {}), ...(opts.run ? { repeat: opts.run } : {}),
  }
  const r = execList(run, list, undefined)
  const status = run.flow?.kind === 'exit' && run.flow.status !== undefined ? run.flow.status : r.status
  session.status = status
  return { chunks: r.chunks, status, where: run.where, traces: run.traces, ...(run.edit ? { edit: run.edit } : {}), ...(run.data ? { data: run.data } : {}) }
}

function execList(run: Run, list: List, stdin: string | undefined): Result {
  const chunks: Chunk[] = []
  let status = run.session.status
  for (const item of list) {
    const r = execAndOr(run, item, stdin)
    chunks.push(...r.chunks)
    status = r.status
    if (run.flow) break
  }
  return { chunks, status }
}

function execAndOr(run: Run, item: AndOr, stdin: string | undefined): Result {
  const first = execPipeline(run, item.first, stdin)
  const chunks = [...first.chunks]
  let status = first.status
  for (const { op, pipeline } of item.rest) {
    if (run.flow) break
    if ((op === '&&') !== (status === 0)) continue
    const r = execPipeline(run, pipeline, stdin)
    chunks.push(...r.chunks)
    status = r.status
  }
  return { chunks, status }
}

function execPipeline(run: Run, p: Pipeline, stdin: string | undefined): Result {
  const chunks: Chunk[] = []
  let input = stdin
  let status = 0
  const alone = p.commands.length === 1
  for (let i = 0; i < p.commands.length; i++) {
    const last = i === p.commands.length - 1
    // each command of a real pipeline runs in a subshell: its assignments and `exit` stay there
    const saved = alone ? undefined : new Map(run.session.vars)
    const r = execCommand(run, p.commands[i], input)
    status = r.status
    if (saved) {
      run.session.vars = saved
      if (run.flow?.kind === 'exit') {
        status = run.flow.status ?? status
        run.flow = undefined
      }
    }
    if (last) chunks.push(...r.chunks)
    else {
      chunks.push(...r.chunks.filter((c) => c.fd === 2))
      input = textOn(r.chunks, 1)
    }
    if (run.flow && alone) break
  }
  if (p.negate) status = status === 0 ? 1 : 0
  run.session.status = status
  return { chunks, status }
}

function execCommand(run: Run, node: Node, stdin: string | undefined): Result {
  if (node.type === 'simple') return execSimple(run, node, stdin)
  const redir = openRedirects(run, node.redirects)
  if ('error' in redir) return { chunks: stderr(redir.error), status: 1 }
  const input = redir.stdin ?? stdin
  let r: Result
  switch (node.type) {
    case 'group': r = execList(run, node.body, input); break
    case 'if': {
      r = { chunks: [], status: 0 }
      for (const b of node.branches) {
        const c = execList(run, b.cond, input)
        r.chunks.push(...c.chunks)
        if (run.flow) { r.status = c.status; break }
        if (c.status === 0) {
          const body = execList(run, b.body, input)
          r = { chunks: [...r.chunks, ...body.chunks], status: body.status }
          break
        }
        if (b === node.branches[node.branches.length - 1] && node.otherwise) {
          const body = execList(run, node.otherwise, input)
          r = { chunks: [...r.chunks, ...body.chunks], status: body.status }
        }
      }
      break
    }
    case 'for': {
      const ex = expander(run)
      const items = node.items ? expandWords(node.items, ex.expander) : []
      r = { chunks: [...ex.chunks], status: 0 }
      run.loopDepth++
      for (const item of items) {
        run.session.vars.set(node.name, item)
        const b = execList(run, node.body, input)
        r.chunks.push(...b.chunks)
        r.status = b.status
        if (loopFlow(run)) break
      }
      run.loopDepth--
      break
    }
    case 'while': {
      r = { chunks: [], status: 0 }
      run.loopDepth++
      for (;;) {
        const c = execList(run, node.cond, input)
        r.chunks.push(...c.chunks)
        if (run.flow ? loopFlow(run) : (c.status === 0) === node.until) break
        const b = execList(run, node.body, input)
        r.chunks.push(...b.chunks)
        r.status = b.status
        if (loopFlow(run)) break
      }
      run.loopDepth--
      break
    }
  }
  return { chunks: route(run, r.chunks, redir.table), status: r.status }
}

/** After a loop body: whether the loop ends (`break`, an outer `continue`, `exit`); consumes this level's flow. */
function loopFlow(run: Run): boolean {
  const f = run.flow
  if (!f) return false
  if (f.kind === 'exit') return true
  if (f.levels > 1) { f.levels--; return true }
  run.flow = undefined
  return f.kind === 'break'
}

interface Expansion {
  expander: Expander
  /** stderr of command substitutions, in order. */
  chunks: Chunk[]
  lastStatus?: number
}

function expander(run: Run): Expansion {
  const out: Expansion = {
    chunks: [],
    expander: {
      variable: (name) => variable(run, name),
      substitute: (list) => {
        // $(...) runs in a subshell: its assignments do not leak out
        const saved = new Map(run.session.vars)
        const flow = run.flow
        const r = execList(run, list, undefined)
        run.session.vars = saved
        run.flow = flow
        out.chunks.push(...r.chunks.filter((c) => c.fd === 2))
        out.lastStatus = r.status
        run.session.status = r.status
        return textOn(r.chunks, 1).replace(/\n+$/, '')
      },
    },
  }
  return out
}

function variable(run: Run, name: string): string {
  switch (name) {
    case '?': return String(run.session.status)
    case '#': return '0'
    case '0': return 'sh'
    // the shell's process id: fixed, so a line's output is the same on every run
    case '$': return '1'
    case '@': case '*': case '!': case '-': return ''
  }
  return run.session.vars.get(name) ?? ''
}

type Sink = { k: 'fd'; fd: 1 | 2 } | { k: 'file'; path: string } | { k: 'null' }
interface Opened {
  table: (Sink | undefined)[]
  stdin?: string
}

/** The descriptors after a command's redirections, applied left to right as sh does (`>/dev/null 2>&1`). */
function openRedirects(run: Run, redirects: Redirect[]): Opened | { error: string } {
  const table: (Sink | undefined)[] = [undefined, { k: 'fd', fd: 1 }, { k: 'fd', fd: 2 }]
  let stdin: string | undefined
  const sim = () => run.session.sim
  for (const r of redirects) {
    if (r.op === '>&') {
      if (!table[r.to]) return { error: `sh: ${r.to}: Bad file descriptor\n` }
      table[r.fd] = table[r.to]
      continue
    }
    if (r.op === '<<') {
      stdin = expandString(r.body, expander(run).expander)
      continue
    }
    const ex = expander(run)
    const fields = expandWords([r.target], ex.expander)
    if (fields.length !== 1) return { error: `sh: ${expandString(r.target, ex.expander)}: ambiguous redirect\n` }
    const path = fields[0]
    if (r.op === '<') {
      const text = readFile(sim(), run.where, path)
      if (text === undefined) return { error: `sh: ${path}: No such file or directory\n` }
      if (r.fd === 0) stdin = text
      continue
    }
    const abs = absolutePath(run.where, path)
    if (abs === '/dev/null') { table[r.fd] = { k: 'null' }; continue }
    if (abs === '/dev/stdout' || abs === '/dev/stderr') { table[r.fd] = table[abs === '/dev/stdout' ? 1 : 2]; continue }
    if (/^\/(proc|sys|dev)(\/|$)/.test(abs)) return { error: `sh: ${path}: Permission denied\n` }
    // `>` truncates when it is opened, `>>` creates the file if needed; both before the command runs
    const existing = readFile(sim(), run.where, abs)
    writeOverlayFile(sim(), run.where, abs, r.op === '>' ? '' : (existing ?? ''))
    table[r.fd] = { k: 'file', path: abs }
  }
  return { table, ...(stdin !== undefined ? { stdin } : {}) }
}

/** A command's output through its descriptor table: to the terminal, into a file, or nowhere. */
function route(run: Run, chunks: Chunk[], table: (Sink | undefined)[]): Chunk[] {
  const out: Chunk[] = []
  for (const c of chunks) {
    const sink = table[c.fd]
    if (!sink || sink.k === 'null') continue
    if (sink.k === 'fd') out.push({ fd: sink.fd, text: c.text })
    else writeOverlayFile(run.session.sim, run.where, sink.path, (readFile(run.session.sim, run.where, sink.path) ?? '') + c.text)
  }
  return out
}

type Builtin = (run: Run, args: string[], stdin: string | undefined) => Result

const done = (status: number, err = ''): Result => ({ chunks: stderr(err), status })

const BUILTINS: Record<string, Builtin> = {
  ':': () => done(0),
  true: () => done(0),
  false: () => done(1),
  exit: (run, args) => {
    const n = args.length ? Number(args[0]) : run.session.status
    if (!Number.isInteger(n)) { run.flow = { kind: 'exit', levels: 0, status: 2 }; return done(2, `sh: exit: ${args[0]}: numeric argument required\n`) }
    const status = ((n % 256) + 256) % 256
    run.flow = { kind: 'exit', levels: 0, status }
    return done(status)
  },
  break: (run, args) => loopControl(run, 'break', args),
  continue: (run, args) => loopControl(run, 'continue', args),
  export: (run, args) => {
    for (const a of args) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a)
      if (!m) return done(1, `sh: export: \`${a}': not a valid identifier\n`)
      if (m[2] !== undefined) run.session.vars.set(m[1], m[2])
    }
    return done(0)
  },
  unset: (run, args) => {
    for (const a of args) if (a !== '-v') run.session.vars.delete(a)
    return done(0)
  },
  cd: (run, args) => {
    const target = args[0] ?? '~'
    if (['~', '/root', '.', absolutePathOf(run)].includes(target)) return done(0)
    return done(1, `sh: cd: ${target}: the playground's shell stays in ${absolutePathOf(run)}\n`)
  },
  test: (run, args) => testBuiltin(run, 'test', args),
  '[': (run, args) => {
    if (args[args.length - 1] !== ']') return done(2, "sh: [: missing `]'\n")
    return testBuiltin(run, '[', args.slice(0, -1))
  },
  sh: (run, args, stdin) => subshell(run, 'sh', args, stdin),
  bash: (run, args, stdin) => subshell(run, 'bash', args, stdin),
}

/**
 * test / [ (POSIX test(1), bash's builtin): `! EXPR`, `-n S`, `-z S`, `-e/-f FILE`, `S1 = S2`, `S1 != S2`,
 * `N1 -eq|-ne|-lt|-le|-gt|-ge N2`, and a lone string (true when not empty). Status 0 true, 1 false, 2 error.
 */
function testBuiltin(run: Run, name: string, args: string[]): Result {
  const evaluate = (a: string[]): boolean | string => {
    if (a[0] === '!' && a.length > 1) { const r = evaluate(a.slice(1)); return typeof r === 'string' ? r : !r }
    if (a.length === 0) return false
    if (a.length === 1) return a[0] !== ''
    if (a.length === 2) {
      switch (a[0]) {
        case '-n': return a[1] !== ''
        case '-z': return a[1] === ''
        case '-e': case '-f': case '-r': case '-s': return readFile(run.session.sim, run.where, a[1]) !== undefined && (a[0] !== '-s' || readFile(run.session.sim, run.where, a[1]) !== '')
        case '-d': return ['/', '/root', '/etc', '/tmp'].includes(absolutePath(run.where, a[1]))
      }
      return `${a[0]}: unary operator expected`
    }
    if (a.length === 3) {
      const [x, op, y] = a
      if (op === '=' || op === '==') return x === y
      if (op === '!=') return x !== y
      const ints = { '-eq': (p: number, q: number) => p === q, '-ne': (p: number, q: number) => p !== q, '-lt': (p: number, q: number) => p < q, '-le': (p: number, q: number) => p <= q, '-gt': (p: number, q: number) => p > q, '-ge': (p: number, q: number) => p >= q } as Record<string, (p: number, q: number) => boolean>
      if (ints[op]) {
        for (const v of [x, y]) if (!/^\s*[-+]?\d+\s*$/.test(v)) return `${v}: integer expression expected`
        return ints[op](Number(x), Number(y))
      }
      return `${op}: binary operator expected`
    }
    return 'too many arguments'
  }
  const r = evaluate(args)
  if (typeof r === 'string') return done(2, `sh: ${name}: ${r}\n`)
  return done(r ? 0 : 1)
}

function absolutePathOf(run: Run): string {
  return absolutePath(run.where, '.')
}

function loopControl(run: Run, kind: 'break' | 'continue', args: string[]): Result {
  const n = args.length ? Number(args[0]) : 1
  if (!Number.isInteger(n) || n < 1) return done(1, `sh: ${kind}: ${args[0]}: loop count out of range\n`)
  // bash: outside a loop, break and continue do nothing (and say so only in POSIX mode)
  if (run.loopDepth === 0) return done(0)
  run.flow = { kind, levels: Math.min(n, run.loopDepth) }
  return done(0)
}

/** `sh -c 'LINE'` / `bash -c 'LINE'`: the line parsed and run in a subshell. */
function subshell(run: Run, name: string, args: string[], stdin: string | undefined): Result {
  if (args[0] !== '-c' || args.length < 2) return done(2, `${name}: only \`${name} -c 'COMMANDS'' is supported here\n`)
  const parsed = parse(args[1])
  if (!parsed.ok) return done(2, `${name}: -c: ${parsed.message}\n`)
  const saved = new Map(run.session.vars)
  const r = execList(run, parsed.list, stdin)
  run.session.vars = saved
  if (run.flow?.kind === 'exit') {
    const status = run.flow.status ?? r.status
    run.flow = undefined
    return { chunks: r.chunks, status }
  }
  return r
}

function execSimple(run: Run, cmd: SimpleCommand, stdin: string | undefined): Result {
  if (++run.steps > MAX_COMMANDS) {
    run.flow = { kind: 'exit', levels: 0, status: 1 }
    return done(1, `sh: stopped after ${MAX_COMMANDS} commands in one line (the playground's limit)\n`)
  }
  const ex = expander(run)
  let argv: string[]
  try {
    argv = expandWords(cmd.words, ex.expander)
  } catch (e) {
    if (e instanceof RangeError) return done(1, `sh: brace expansion too large: ${e.message}\n`)
    throw e
  }
  const values = cmd.assigns.map((a) => [a.name, expandString(a.value, ex.expander)] as const)
  const redir = openRedirects(run, cmd.redirects)
  if ('error' in redir) return { chunks: [...ex.chunks, ...stderr(redir.error)], status: 1 }
  const input = redir.stdin ?? stdin
  let result: Result
  if (argv.length === 0) {
    for (const [k, v] of values) run.session.vars.set(k, v)
    result = { chunks: [], status: ex.lastStatus ?? 0 }
  } else if (BUILTINS[argv[0]]) {
    result = BUILTINS[argv[0]](run, argv.slice(1), input)
  } else {
    result = external(run, argv, input)
  }
  return { chunks: [...ex.chunks, ...route(run, result.chunks, redir.table)], status: result.status }
}

/** A command of the registry, with an editor that recompiles the scenario when kubectl changes it. */
function external(run: Run, argv: string[], stdin: string | undefined): Result {
  const session = run.session
  const r = runCommandLine(session.sim, run.where, argv, {
    lang: session.lang,
    json: run.json,
    ...(stdin !== undefined ? { stdin } : {}),
    ...(run.commands ? { commands: run.commands } : {}),
    ...(run.repeat ? { run: run.repeat } : {}),
    ...(run.readOnly ? {} : { edit: scenarioEditor(run) }),
  })
  if (r.traces) run.traces.push(...r.traces)
  if (r.json !== undefined) run.data = { value: r.json }
  return { chunks: [...stdout(r.stdout), ...stderr(r.stderr)], status: r.exitCode }
}

/** Applies a kubectl edit: recompiles the scenario so later commands of the line see it, and records it for the app. */
function scenarioEditor(run: Run): NonNullable<ShellContext['edit']> {
  const session = run.session
  return {
    apply(edit) {
      const sim = new Simulation(compileScenario(edit.files, session.compileOptions), session.sim.seed)
      adoptSimulation(session, sim)
      run.where = relocate(run.where, sim)
      run.edit = {
        files: edit.files,
        changed: [...new Set([...(run.edit?.changed ?? []), ...edit.changed])],
        summary: [...(run.edit?.summary ?? []), ...edit.summary],
      }
    },
  }
}
