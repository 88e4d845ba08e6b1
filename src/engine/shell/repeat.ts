import type { Simulation } from '../sim/simulation'
import type { Trace } from '../trace/types'
import type { Lang } from '../i18n/types'
import { runLine } from './sh'
import { KUBECTL_GET_TABS, tabwrite } from './tabwriter'
import type { CommandResult, Location } from './types'

export interface RepeatOptions {
  repeat: number
  /** Virtual milliseconds between one wave of runs and the next (default 10). */
  intervalMs?: number
  /** How many runs start together; their connections are open at the same time. */
  concurrency?: number
}

/** What `exec --repeat N` reports for commands that send requests: counts per backend pod, Service, status, result. */
export interface RepeatSummary {
  runs: number
  requests: number
  byPod: Record<string, number>
  byService: Record<string, number>
  byStatus: Record<string, number>
  byResult: Record<string, number>
  exitCodes: Record<string, number>
}

const NONE = '<none>'

function countInto(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1
}

function sortedByKey(map: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const k of Object.keys(map).sort()) out[k] = map[k]
  return out
}

export function summarize(runs: number, traces: Trace[], exitCodes: number[]): RepeatSummary {
  const s: RepeatSummary = { runs, requests: traces.length, byPod: {}, byService: {}, byStatus: {}, byResult: {}, exitCodes: {} }
  for (const t of traces) {
    countInto(s.byPod, t.outcome.pod ?? NONE)
    countInto(s.byService, t.outcome.service ?? NONE)
    countInto(s.byStatus, t.outcome.httpStatus === undefined ? NONE : String(t.outcome.httpStatus))
    countInto(s.byResult, t.outcome.result)
  }
  for (const c of exitCodes) countInto(s.exitCodes, String(c))
  return { ...s, byPod: sortedByKey(s.byPod), byService: sortedByKey(s.byService), byStatus: sortedByKey(s.byStatus),
    byResult: sortedByKey(s.byResult), exitCodes: sortedByKey(s.exitCodes) }
}

/** The summary as short tables: most frequent first, each with its share of the requests. */
export function formatSummary(s: RepeatSummary): string {
  const section = (title: string, map: Record<string, number>) => {
    const rows = Object.entries(map).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    const total = rows.reduce((n, [, c]) => n + c, 0) || 1
    const text = `${title}\tREQUESTS\tSHARE\n` + rows.map(([k, c]) => `${k}\t${c}\t${((100 * c) / total).toFixed(1)}%\n`).join('')
    return tabwrite(text, KUBECTL_GET_TABS)
  }
  return `runs: ${s.runs}, requests: ${s.requests}\n\n` + [
    section('POD', s.byPod), section('SERVICE', s.byService), section('STATUS', s.byStatus), section('RESULT', s.byResult),
  ].join('\n')
}

/**
 * `exec WHERE --repeat N --interval MS --concurrency C -- CMD...`, and the send composer's count: a shell line run N
 * times on one Simulation, so conntrack, affinity and the random stream carry from run to run. Runs start in waves of
 * C; the virtual clock advances by the interval between waves. Lines that send requests are summarized by outcome;
 * others by their output. kubectl may not edit the scenario here: each edit would fork its own simulation, and the
 * runs share one (its verbs say "run the command in the terminal").
 */
export function runRepeated(sim: Simulation, where: Location, line: string, repeat: RepeatOptions, opts: { lang?: Lang } = {}): CommandResult {
  const total = Math.max(1, Math.floor(repeat.repeat))
  const concurrency = Math.max(1, Math.floor(repeat.concurrency ?? 1))
  const interval = Math.max(0, repeat.intervalMs ?? 10)
  const traces: Trace[] = []
  const codes: number[] = []
  const outputs: Record<string, number> = {}
  let firstFailure: { exitCode: number; stderr: string } | undefined
  for (let i = 0; i < total; i++) {
    const wave = Math.floor(i / concurrency)
    if (i > 0 && i % concurrency === 0) sim.clock.advance(interval)
    const r = runLine(sim, where, line, { ...opts, readOnly: true, run: { index: i, total, wave, concurrency } })
    codes.push(r.exitCode)
    traces.push(...r.traces)
    countInto(outputs, r.stdout)
    if (r.exitCode !== 0 && !firstFailure) firstFailure = r
  }
  const exitCode = firstFailure?.exitCode ?? 0
  const stderr = firstFailure?.stderr ?? ''
  if (traces.length === 0) {
    // No requests to summarize: report how often each distinct output came back.
    const byOutput = sortedByKey(outputs)
    const text = Object.entries(byOutput).sort((a, b) => b[1] - a[1]).map(([out, n]) => `${String(n).padStart(7)} ${out.replace(/\n$/, '').replace(/\n/g, '\n        ')}\n`).join('')
    return { stdout: text, stderr, exitCode, json: { runs: total, byOutput, exitCodes: summarize(total, [], codes).exitCodes } }
  }
  const summary = summarize(total, traces, codes)
  return { stdout: formatSummary(summary), stderr, exitCode, json: summary, traces }
}
