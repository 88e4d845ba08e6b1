import { useSyncExternalStore } from 'react'

/**
 * monaco-yaml validates every model against the Kubernetes schemas on each change. Measured with a 5 MB paste
 * (19,000 ConfigMaps) on the 2-core machine: with validation the main thread had tasks of 1.3 to 2 s and the engine's
 * compile took 24 to 36 s (the YAML worker took the other core); without it, the longest task was 0.5 s and the
 * compile 9 s. So above this many characters in all the editor's YAML, schema validation is paused (and the
 * editor says so); the engine's own diagnostics in Problems are unaffected.
 */
export const YAML_CHECKS_MAX_CHARS = 1_000_000

export function schemaChecksFit(totalChars: number): boolean {
  return totalChars <= YAML_CHECKS_MAX_CHARS
}

let paused = false
const listeners = new Set<() => void>()

/** Set by the editor's set-up (editor/monaco.ts) when it pauses or resumes monaco-yaml's validation. */
export function publishYamlChecksPaused(next: boolean): void {
  if (next === paused) return
  paused = next
  for (const l of listeners) l()
}

export function useYamlChecksPaused(): boolean {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l) }, () => paused)
}
