/**
 * How long a call to the compiler worker may take before the worker counts as hung. Generous on purpose: a false
 * alarm restarts a healthy engine. Measured on the 2-core CI machine: the default scenario compiles in tens of
 * milliseconds, 1000 Services × 10 endpoints (about 1 MB of YAML) in a few seconds when the machine is busy; the
 * engine's input limit is 5 MiB (manifest/limits.ts), refused in milliseconds.
 */
export const DEADLINE = {
  /** Any call, however small. */
  baseMs: 15_000,
  /** Added per mebibyte of text the call carries (YAML files, an imported dump). */
  perMiBMs: 20_000,
  /** Added per repetition of a repeated request (`run` with `repeat`, at most 1000 from the composer). */
  perRepeatMs: 20,
} as const

/** The UTF-16 length of the strings in a call's arguments: files' texts, a pasted dump, a line. */
export function textLength(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length
  if (depth > 4 || value === null || typeof value !== 'object') return 0
  let n = 0
  if (Array.isArray(value)) for (const item of value) n += textLength(item, depth + 1)
  else for (const item of Object.values(value)) n += textLength(item, depth + 1)
  return n
}

/** The deadline of one call: the base, plus time for its size and its repetitions. */
export function deadlineMs(_method: string, args: unknown[]): number {
  const bytes = textLength(args)
  const first = args[0] as { repeat?: unknown } | undefined
  const repeat = typeof first?.repeat === 'number' && Number.isFinite(first.repeat) ? Math.max(0, first.repeat) : 0
  return Math.round(DEADLINE.baseMs + (bytes / (1024 * 1024)) * DEADLINE.perMiBMs + repeat * DEADLINE.perRepeatMs)
}
