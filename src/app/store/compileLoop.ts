import type { StoreApi } from 'zustand/vanilla'
import type { CompileReply, CompileRequest } from '../../worker/protocol'
import type { AppState } from './index'

/**
 * The longest an edit waits behind a compile that has not answered yet. A compile of the 1000 × 10 scenario takes
 * about a second in the worker; past this the newest text is sent anyway (the worker drops what is stale), so a
 * hung or restarted worker never leaves the loop waiting forever.
 */
export const MAX_COALESCE_MS = 1000

/**
 * Keeps the worker's picture in step with the text, adaptively: when no compile is running, an edit is sent at once
 * (no typing debounce: the tutorial's scenarios compile in tens of milliseconds, and a debounce was most of the
 * edit-to-canvas latency); while one runs, edits are coalesced and only the newest text is sent when it answers.
 * Every edit takes a new request number at once, so a reply for older text is ignored the moment the user types
 * (compileResult.ts acceptReply). Returns a function that stops the loop.
 */
export function startCompileLoop(
  store: StoreApi<AppState>,
  compile: (request: CompileRequest) => Promise<CompileReply>,
  maxCoalesceMs = MAX_COALESCE_MS,
): () => void {
  let inFlight = 0 // the seq of the compile awaiting its reply, 0 when none
  let waiting: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const sendNewest = () => {
    clearTimeout(waiting)
    waiting = undefined
    const seq = store.getState().requestedSeq
    inFlight = seq
    const settled = (reply: CompileReply) => {
      if (stopped) return
      store.getState().receiveCompile(reply)
      if (inFlight !== seq) return // the coalescing guard already sent newer text
      inFlight = 0
      if (store.getState().requestedSeq !== seq) sendNewest()
    }
    compile({ seq, files: store.getState().files }).then(settled,
      (e: unknown) => settled({ seq, status: 'failed', message: e instanceof Error ? e.message : String(e) }))
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.revision === prev.revision) return
    s.beginCompile()
    if (inFlight === 0) sendNewest()
    else if (waiting === undefined) waiting = setTimeout(sendNewest, maxCoalesceMs)
  })

  store.getState().beginCompile()
  sendNewest()
  return () => {
    stopped = true
    unsubscribe()
    clearTimeout(waiting)
  }
}
