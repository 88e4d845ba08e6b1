import type { StoreApi } from 'zustand/vanilla'
import type { AppState } from './index'

/**
 * Resolves once the first compile's picture is on the screen (a result accepted, a frame drawn and painted), or the
 * worker failed, or `maxWaitMs` passed. What the first screen does not need (Monaco: about a megabyte of JavaScript to
 * parse on the main thread) waits for it, instead of competing with the worker's start and the canvas's first render
 * on a 2-core machine.
 */
export function afterFirstCanvas(store: StoreApi<AppState>, maxWaitMs = 4000): Promise<void> {
  return new Promise((resolve) => {
    let done = false
    const shown = (s: AppState) => s.current !== undefined || s.workerFailure !== undefined
    const finish = () => {
      if (done) return
      done = true
      unsubscribe()
      clearTimeout(timer)
      // the frame that draws the result, then a task after its paint
      requestAnimationFrame(() => setTimeout(resolve, 0))
    }
    const unsubscribe = store.subscribe((s) => { if (shown(s)) finish() })
    const timer = setTimeout(finish, maxWaitMs)
    if (shown(store.getState())) finish()
  })
}
