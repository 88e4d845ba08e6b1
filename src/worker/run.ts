import type { CompiledScenario } from '../engine/scenario'
import { compileShared } from './compiled'
import type { SourceFile } from '../engine/manifest/types'
import { Simulation } from '../engine/sim/simulation'
import { resolveWhere } from '../engine/shell/location'
import { adoptSimulation, complete, createShellSession, runShellLine, type ShellSession } from '../engine/shell/sh'
import { runRepeated, summarize } from '../engine/shell/repeat'
import { commands } from '../engine/shell/registry'
import { formatMessage } from '../engine/i18n/catalog'
import { fnv32a } from '../engine/util/hash'
import type { RunRecord, RunReply, RunRequest, SendTargets } from './protocol'

/**
 * The worker keeps one Simulation per compiled scenario (seeded), so requests sent one after another share the
 * random stream, conntrack and affinity as they would on a real cluster. A few recent scenarios are kept, so going
 * back to an earlier text (undo) finds its simulation again.
 */
const KEEP = 4
/**
 * Each session also records the runs made on it, in order, so a share link can replay them before the shown one (the
 * receiver's fresh simulation then reaches the same draws, conntrack and affinity). Only the last HISTORY_LIMIT are
 * kept; `runs` counts them all, so a reply can tell that its history is no longer complete.
 */
export const HISTORY_LIMIT = 200
interface Session { compiled: CompiledScenario; sim: Simulation; history: RunRecord[]; runs: number }
const sessions = new Map<string, Session>()

function filesKey(files: SourceFile[]): string {
  const text = files.map((f) => `${f.path}\u0000${f.text}`).join('\u0001')
  return `${fnv32a(text).toString(16)}:${text.length}:${text}`
}

export function sessionFor(files: SourceFile[]): Session {
  const key = filesKey(files)
  let session = sessions.get(key)
  if (session) {
    sessions.delete(key)
  } else {
    const compiled = compileShared(files) // the canvas's compile of the same text, if it is the newest (compiled.ts)
    session = { compiled, sim: new Simulation(compiled, 1), history: [], runs: 0 }
  }
  sessions.set(key, session)
  while (sessions.size > KEEP) sessions.delete(sessions.keys().next().value as string)
  return session
}

/** The terminal's shell per machine (variables, `$?`, files it wrote), moved onto the newest simulation each run. */
const shells = new Map<string, ShellSession>()

/** Forgets every simulation (the user asked for a fresh start: conntrack, affinity and draws begin again). */
export function resetSessions(): void {
  sessions.clear()
  shells.clear()
}

/** Canvas ids (`Pod/ns/name`, `Node/n`, `Client/c`, `Router/r`) written as the shell's `exec WHERE`. */
export function whereFromId(id: string): string {
  const slash = id.indexOf('/')
  return slash < 0 ? id : id.slice(0, slash).toLowerCase() + id.slice(slash)
}

/** The machine's shell session, moved onto the scenario's newest simulation. */
function shellAt(id: string, sim: Simulation, lang: RunRequest['lang']): ShellSession {
  let shell = shells.get(id)
  if (!shell) shells.set(id, shell = createShellSession(sim, { lang }))
  adoptSimulation(shell, sim)
  shell.lang = lang
  return shell
}

/** Runs one terminal line (or, with `repeat`, one command N times on the same simulation) at a canvas object. */
export function runAt(request: RunRequest): RunReply {
  const session = sessionFor(request.files)
  const { sim, compiled } = session
  const where = resolveWhere(compiled.cluster, whereFromId(request.where))
  if (!where.ok) {
    return { stdout: '', stderr: formatMessage(where.code, where.params, request.lang) + '\n', exitCode: 1, traces: [] }
  }
  const repeat = Math.max(1, Math.floor(request.repeat ?? 1))
  if (repeat > 1) {
    const place = record(session, { where: request.where, line: request.line, repeat })
    const r = runRepeated(sim, where.where, request.line, { repeat }, { lang: request.lang })
    const traces = r.traces ?? []
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, traces, summary: summarize(repeat, traces, []), ...place }
  }
  const shell = shellAt(request.where, sim, request.lang)
  const before = { history: session.history.slice(), runs: session.runs }
  const r = runShellLine(shell, where.where, request.line)
  // An unfinished line ran nothing yet; a line that edited the scenario made new files, hence a new session whose
  // history starts empty (replaying it would edit the receiver's files again).
  const place = r.incomplete || r.scenarioEdit ? {} : record(session, { where: request.where, line: request.line }, before)
  return {
    stdout: r.output, stderr: '', exitCode: r.exitCode, traces: r.traces,
    ...(r.scenarioEdit ? { scenarioEdit: r.scenarioEdit } : {}),
    ...(r.incomplete ? { incomplete: true } : {}),
    ...place,
  }
}

/**
 * Appends a run to its session's history and says where it stands: its 0-based position among every run made on the
 * session, and the runs before it that are still kept (fewer than `historyIndex` once more than HISTORY_LIMIT ran).
 */
function record(session: Session, run: { where: string; line: string; repeat?: number },
  before = { history: session.history.slice(), runs: session.runs }): Pick<RunReply, 'history' | 'historyIndex'> {
  const entry: RunRecord = { where: run.where, line: run.line, ...(run.repeat && run.repeat > 1 ? { repeat: run.repeat } : {}) }
  session.history.push(entry)
  if (session.history.length > HISTORY_LIMIT) session.history.shift()
  session.runs += 1
  return { history: before.history, historyIndex: before.runs }
}

/** What the send composer completes: Service names in the three forms the resolver accepts, Ingress hosts, NodePorts. */
export function sendTargets(files: SourceFile[]): SendTargets {
  const { compiled } = sessionFor(files)
  const { cluster } = compiled
  const domain = cluster.config.clusterDomain
  const services: string[] = []
  const nodePorts: string[] = []
  for (const svc of cluster.services) {
    if (svc.system) continue
    for (const p of svc.ports) {
      const port = p.port === 80 && p.protocol === 'TCP' ? '' : `:${p.port}`
      services.push(`${svc.name}${port}`, `${svc.name}.${svc.namespace}${port}`, `${svc.name}.${svc.namespace}.svc.${domain}${port}`)
      if (p.nodePort) for (const n of cluster.nodes) nodePorts.push(`${n.ip}:${p.nodePort}`)
    }
  }
  const hosts = (compiled.ingress?.servers ?? []).map((s) => s.hostname).filter((h) => h && h !== '_')
  return { services: [...new Set(services)], ingressHosts: [...new Set(hosts)], nodePorts: [...new Set(nodePorts)] }
}

/**
 * Tab completion for the terminal, as whole lines: the shell's own completion (sh/complete.ts) at a machine, else
 * command names for the first word, then Service names, hosts and NodePorts.
 */
export function completeLine(files: SourceFile[], line: string, at?: string): string[] {
  if (at) {
    const { sim, compiled } = sessionFor(files)
    const where = resolveWhere(compiled.cluster, whereFromId(at))
    if (where.ok) {
      const head = line.slice(0, line.search(/\S*$/))
      return complete(shellAt(at, sim, 'en'), where.where, line).map((c) => head + c)
    }
  }
  const start = Math.max(line.lastIndexOf(' '), line.lastIndexOf('|'), line.lastIndexOf(';')) + 1
  const word = line.slice(start)
  const before = line.slice(0, start).trim()
  const firstWord = before === '' || /[|;]$/.test(before) || /\b(do|then)$/.test(before)
  let pool: string[]
  if (firstWord) {
    pool = [...commands.keys()]
  } else {
    const t = sendTargets(files)
    const urls = word.startsWith('http') ? [...t.ingressHosts, ...t.services, ...t.nodePorts].map((h) => `http://${h}`) : []
    pool = [...urls, ...t.services.map((s) => s.replace(/:\d+$/, '')), ...t.ingressHosts, ...t.nodePorts]
  }
  return [...new Set(pool)].filter((c) => c.startsWith(word)).sort().map((c) => line.slice(0, start) + c)
}
