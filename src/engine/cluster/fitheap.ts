/**
 * The scheduler's choice among the nodes one pod spec fits: fewest untolerated PreferNoSchedule taints, then fewest
 * pods, then the earliest in node order (schedule.ts). A linear scan per pod costs pods × nodes (10,000 × 100 at
 * 1000 × 10, 50,000 × 500 at 5000 × 10); this keeps the fitting nodes in a binary heap instead. Pod counts only grow
 * while a build places pods, so an entry's remembered count is never above the node's real one: the top is checked
 * against the real count when it is read, and refreshed and sunk when stale, which keeps the top the true minimum.
 * fitheap.test.ts compares it with the linear scan.
 */
export interface FitHeap {
  /** The best node's index for the current counts, or -1 when no node fits. */
  best(podCount: Int32Array): number
}

export function createFitHeap(fit: Int32Array, prefer: Int32Array, podCount: Int32Array): FitHeap {
  const size = fit.length
  const node = fit.slice()
  const count = new Int32Array(size)
  for (let k = 0; k < size; k++) count[k] = podCount[node[k]]
  const less = (a: number, b: number) => {
    const pa = prefer[node[a]], pb = prefer[node[b]]
    if (pa !== pb) return pa < pb
    if (count[a] !== count[b]) return count[a] < count[b]
    return node[a] < node[b]
  }
  const swap = (a: number, b: number) => {
    const n = node[a]; node[a] = node[b]; node[b] = n
    const c = count[a]; count[a] = count[b]; count[b] = c
  }
  const sink = (k: number) => {
    for (;;) {
      const l = 2 * k + 1, r = l + 1
      let m = k
      if (l < size && less(l, m)) m = l
      if (r < size && less(r, m)) m = r
      if (m === k) return
      swap(k, m)
      k = m
    }
  }
  for (let k = (size >> 1) - 1; k >= 0; k--) sink(k)
  return {
    best(podCount) {
      if (size === 0) return -1
      for (;;) {
        const real = podCount[node[0]]
        if (count[0] === real) return node[0]
        count[0] = real
        sink(0)
      }
    },
  }
}
