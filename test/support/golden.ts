import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

/**
 * Compares text with its golden file. `UPDATE_GOLDEN=1` rewrites the file after a deliberate change (review the
 * diff); a missing file fails rather than being written, so a golden test cannot pass by creating its own answer.
 */
export function expectGolden(file: URL, text: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, text)
  if (!existsSync(file)) throw new Error(`golden file ${fileURLToPath(file)} is missing: run with UPDATE_GOLDEN=1 and review it`)
  expect(text).toBe(readFileSync(file, 'utf8'))
}
