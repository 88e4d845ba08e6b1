import type { Diagnostic } from '../../engine/core/diagnostic'
import type { CompileReply, CompiledView } from '../../worker/protocol'

/** A compile the app accepted, with the request number that produced it. */
export interface CompileResult extends CompiledView {
  seq: number
}

export interface CompileTracking {
  /** The number of the newest compile the app asked for; only its reply is accepted. */
  requestedSeq: number
  /** The newest accepted result, good or broken. */
  current?: CompileResult
  /** The newest accepted result without errors: what the canvas keeps drawing while the YAML is broken. */
  lastGood?: CompileResult
  /** Set when the worker itself failed (the engine threw): shown in Problems, the canvas stays as it was. */
  workerFailure?: string
}

/** A result is good when nothing in it is an error (warnings such as lint findings still draw normally). */
export function isGood(result: { diagnostics: Diagnostic[] }): boolean {
  return !result.diagnostics.some((d) => d.severity === 'error')
}

/**
 * The state after a worker reply arrives, or undefined when the reply is ignored: a reply to any request but the
 * newest is out of date (the user typed since), and a `stale` reply carries nothing.
 */
export function acceptReply(state: CompileTracking, reply: CompileReply): Partial<CompileTracking> | undefined {
  if (reply.seq !== state.requestedSeq) return undefined
  if (reply.status === 'stale') return undefined
  if (reply.status === 'failed') return { workerFailure: reply.message }
  const { status: _status, ...view } = reply
  const result: CompileResult = { ...view }
  return isGood(result)
    ? { current: result, lastGood: result, workerFailure: undefined }
    : { current: result, workerFailure: undefined }
}

/** What the canvas draws, and whether it is an older picture kept while the YAML is broken. */
export function shownResult(state: CompileTracking): { result?: CompileResult; outdated: boolean } {
  const { current, lastGood } = state
  if (!current) return { result: undefined, outdated: false }
  if (isGood(current)) return { result: current, outdated: false }
  return { result: lastGood ?? current, outdated: true }
}
