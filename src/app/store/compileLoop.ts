import type { StoreApi } from 'zustand/vanilla'
import type { CompileReply, CompileRequest } from '../../worker/protocol'
import type { AppState } from './index'

/** How long typing must pause before the worker recompiles. */
export const COMPILE_DEBOUNCE_MS = 150

/**
 * Keeps the worker's picture in step with the text. Every edit takes a new request number at once, so a compile
 * already running for older text is out of date the moment the user types; the request itself is sent when typing
 * pauses. Returns a function that stops the loop.
 */
export function startCompileLoop(
  store: StoreApi<AppState>,
  compile: (request: CompileRequest) => Promise<CompileReply>,
  debounceMs = COMPILE_DEBOUNCE_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined

  const send = (seq: number) => {
    const state = store.getState()
    if (state.requestedSeq !== seq) return
    compile({ seq, files: state.files }).then(
      (reply) => store.getState().receiveCompile(reply),
      (e: unknown) => store.getState().receiveCompile({ seq, status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    )
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.revision === prev.revision) return
    const seq = s.beginCompile()
    clearTimeout(timer)
    timer = setTimeout(() => send(seq), debounceMs)
  })

  send(store.getState().beginCompile())
  return () => {
    unsubscribe()
    clearTimeout(timer)
  }
}
