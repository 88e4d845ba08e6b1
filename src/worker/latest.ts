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
