/**
 * Virtual time. A scenario starts at a fixed instant (so AGE columns and timestamps are the same on every run)
 * and time moves only when a request or an explicit wait advances it. Milliseconds since the Unix epoch.
 */
export const SCENARIO_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0)

/** How long objects are considered to have existed when a scenario loads (AGE of everything at t0). */
export const OBJECT_AGE_AT_LOAD_MS = 10 * 60 * 1000

export interface VirtualClock {
  now(): number
  advance(ms: number): void
}

export function createClock(start = SCENARIO_EPOCH_MS): VirtualClock {
  let t = start
  return { now: () => t, advance: (ms) => { t += Math.max(0, ms) } }
}
