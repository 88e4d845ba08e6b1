/** What a stranger's link or file may hold. Checked before and after decompression, and field by field. */
export const LIMITS = {
  /** Characters of the fragment's payload, checked before anything is decoded. */
  fragmentChars: 64 * 1024,
  /** Bytes of JSON after inflating; inflating stops as soon as this is passed (a decompression bomb). */
  inflatedBytes: 2 * 1024 * 1024,
  /** Characters of a .kubehops.json file (pretty-printed JSON of at most `inflatedBytes`). */
  fileChars: 4 * 1024 * 1024,
  files: 100,
  pathChars: 128,
  positions: 20_000,
  objectIdChars: 512,
  /** Canvas coordinates, in pixels either way. */
  coordinate: 10_000_000,
  commandChars: 4096,
  /** Runs replayed before the shown request: the worker keeps 200 (worker/run.ts HISTORY_LIMIT), plus one for a repeated run's earlier requests. */
  history: 201,
  /** A repeated send's count (the Composer's maximum). */
  repeat: 1000,
  fromChars: 256,
  scenarioChars: 63,
  hop: 100_000,
  seed: 0xffffffff,
} as const

/** A link longer than this is offered as a file instead (common URL limits: 8 KB in many servers and proxies). */
export const LINK_LIMIT = 8000
