import { appStore } from '../store'
import { getCompiler } from '../compiler'
import type { RunReply } from '../../worker/protocol'
import { traceStore } from './store'

/**
 * Runs a line at a canvas object in the worker (the main thread only renders what comes back) and records it: a line
 * that walked packets becomes the trace being played. Returns the worker's reply, or undefined without a worker.
 */
export async function runLine(where: string, line: string, opts: { repeat?: number; play?: boolean } = {}): Promise<RunReply | undefined> {
  const compiler = getCompiler()
  if (!compiler) return undefined
  const app = appStore.getState()
  const trace = traceStore.getState()
  trace.setBusy(true)
  try {
    const reply = await compiler.run({ files: app.files, where, line, lang: app.lang, ...(opts.repeat && opts.repeat > 1 ? { repeat: opts.repeat } : {}) })
    const mode = appStore.getState().current?.kubeProxy.mode ?? ''
    // A mutating kubectl edits the YAML through the editor's models (pushEditOperations), so Ctrl-Z undoes it.
    if (reply.scenarioEdit) appStore.getState().setFiles(reply.scenarioEdit.files, reply.scenarioEdit.changed[0])
    if (!reply.incomplete) traceStore.getState().addRun({ where, line, mode, revision: app.revision, reply }, opts.play ?? true)
    traceStore.getState().setBusy(false)
    return reply
  } catch (e) {
    traceStore.getState().setBusy(false, e instanceof Error ? e.message : String(e))
    return undefined
  }
}

/** Sends a composed request and shows it: the spread for several requests, the hop list for one. */
export async function sendRequest(where: string, line: string, count: number): Promise<RunReply | undefined> {
  const reply = await runLine(where, line, { repeat: count, play: true })
  if (reply) traceStore.getState().setTab(count > 1 ? 'spread' : 'events')
  return reply
}

/** Runs the request being shown again on the current YAML (after an edit or a mode switch) and opens Compare. */
export async function rerunCurrent(): Promise<void> {
  const s = traceStore.getState()
  const run = s.runs.find((r) => r.id === s.runId)
  if (!run) return
  const reply = await runLine(run.where, run.line, { repeat: run.reply.summary?.runs, play: true })
  const latest = traceStore.getState().runs.at(-1)
  if (reply && latest) {
    traceStore.getState().setCompare([run.id, latest.id])
    traceStore.getState().setTab('compare')
  }
}
