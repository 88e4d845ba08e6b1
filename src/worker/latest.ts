/**
 * Tracks the newest request number seen, so work for an older one can be dropped. Requests arrive in order, but the
 * worker yields between stages (layout is async), so a newer request can start while an older one is in flight.
 */
export interface LatestOnly {
  /** Records a request; returns false when it is already older than one seen before. */
  begin(seq: number): boolean
  /** True when a newer request than `seq` has been seen. */
  isStale(seq: number): boolean
}

export function latestOnly(): LatestOnly {
  let newest = -Infinity
  return {
    begin(seq) {
      if (seq < newest) return false
      newest = seq
      return true
    },
    isStale(seq) {
      return seq < newest
    },
  }
}

/** Lets queued messages run (a newer request posted while this one computed), then resumes. */
export function yieldToQueuedMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * ELK with a memory of its last answer: a layout request equal to the previous one (an edit that changed a label, an
 * annotation or a port but no box, size or edge) gets the previous positions without running ELK again. ELK writes
 * its positions into the graph it is given, so the request is keyed before it runs; callers only read the answer.
 */
export function rememberLastLayout<G, R>(elk: { layout(graph: G): Promise<R> }): { layout(graph: G): Promise<R>; readonly reused: number } {
  let lastKey: string | undefined
  let last: Promise<R> | undefined
  let reused = 0
  return {
    layout(graph) {
      const key = JSON.stringify(graph)
      if (key === lastKey && last) {
        reused++
        return last
      }
      lastKey = key
      last = elk.layout(graph)
      last.catch(() => { if (lastKey === key) lastKey = undefined })
      return last
    },
    get reused() { return reused },
  }
}
