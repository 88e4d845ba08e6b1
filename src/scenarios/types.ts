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
}

export interface GalleryScenario {
  name: string
  title: LocalizedText
  story: LocalizedText
  files: SourceFile[]
  requests: SuggestedRequest[]
  /** Generated scenarios (1000 × 10) are shared as their generator's parameters. */
  generator?: { name: string; params: Record<string, number> }
}
