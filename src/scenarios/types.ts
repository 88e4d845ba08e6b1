import type { SourceFile } from '../engine/manifest/types'

export interface LocalizedText {
  en: string
  zh: string
}

/** A request the scenario suggests, and what it must show (checked by the golden tests). */
export interface SuggestedRequest {
  /** Where the command runs: `client/workstation`, `default/nginx-pod-1`, `node/node1`. */
  from: string
  /** The command line as typed in the terminal, e.g. `curl -s http://192.168.100.21:30080`. */
  command: string
  title: LocalizedText
  /** Expected fields of the trace outcome (a subset match), e.g. {"result": "ok", "service": "default/nginx-nodeport"}. */
  expect?: Record<string, unknown>
  /** The command's exit status, for commands whose status tells something (busybox nslookup exits 1 on any miss). */
  expectExit?: number
  /** Text the command's output must contain (each entry a substring of stdout), for commands that walk no packet. */
  expectOutput?: string[]
}

export interface GalleryScenario {
  name: string
  title: LocalizedText
  story: LocalizedText
  files: SourceFile[]
  requests: SuggestedRequest[]
  /**
   * Generated scenarios (1000 × 10): the files come from `generators/` (call `scenarioFiles(entry)`, not `files`),
   * and a share link carries only these parameters.
   */
  generator?: { name: string; params: Record<string, number> }
}
