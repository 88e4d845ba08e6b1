import type { SourceFile } from '../engine/manifest/types'
import { createParseCache } from '../engine/manifest/parse'
import { compileScenario, type CompiledScenario } from '../engine/scenario'

// The documents of the previous compile: an edit re-parses only the documents it touched (engine/manifest/parse.ts).
const parseCache = createParseCache()
let last: { files: SourceFile[]; compiled: CompiledScenario } | undefined

const sameFiles = (a: SourceFile[], b: SourceFile[]) =>
  a.length === b.length && a.every((f, i) => f.path === b[i].path && f.text === b[i].text)

/**
 * compileScenario for the worker's callers: the canvas's compile and the requests that follow it for the same text
 * (the inspector's view of the selected object, the composer's targets, a send) share one compile, and every compile
 * goes through the parse cache. Without it an edit of 1000 × 10 with an object selected compiled twice, the second
 * time from scratch, in the one worker thread. Plain data, never changed by its users (the Simulation keeps its own
 * state apart).
 */
export function compileShared(files: SourceFile[]): CompiledScenario {
  if (last && sameFiles(last.files, files)) return last.compiled
  const compiled = compileScenario(files, { parseCache })
  last = { files: files.map((f) => ({ path: f.path, text: f.text })), compiled }
  return compiled
}
