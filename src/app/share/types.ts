import type { ProxyMode } from '../../engine/cluster/types'
import type { SourceFile } from '../../engine/manifest/types'

/** Everything a share link or a `.kubehops.json` file restores: the scenario and where the user was in it. */
export interface ShareState {
  /** The gallery scenario the work started from (a name, for the title and "reset"), '' for none. */
  scenario: string
  /** The scenario's files, in tab order. For a generated scenario, all of them (the generator's output included). */
  files: SourceFile[]
  /** A generated scenario's generator; its unchanged output travels as these parameters only. */
  generator?: { name: string; params: Record<string, number> }
  /** Canvas positions the user dragged nodes to, by object id. */
  positions: Record<string, { x: number; y: number }>
  /** The toolbar's kube-proxy mode, when it overrides the YAML. */
  proxyMode?: ProxyMode
  /** The selected request: where it runs and the command line as typed. */
  request?: { from: string; command: string }
  /**
   * The runs made on the sender's simulation before the shown request, oldest first (a repeated send with its count):
   * replayed on the receiver's fresh simulation first, so the random stream, conntrack and affinity match.
   */
  history?: ShareRun[]
  /** The editor tab the sender was looking at. */
  activeFile?: string
  /** The simulation's seed (a 32-bit unsigned integer). */
  seed: number
  /** The hop the trace view shows (0-based). */
  hop: number
}

/** One run replayed before the shown request. */
export interface ShareRun {
  from: string
  command: string
  /** A repeated send (2 or more). */
  repeat?: number
}

/** Why a link or file was refused. `invalid-field:<path>` names the first field that failed (`files.2.path`). */
export type ShareError =
  | 'truncated'
  | 'bad-base64'
  | 'too-large'
  | 'bomb'
  | 'corrupt'
  | 'bad-version'
  | `invalid-field:${string}`

export type DecodeResult = { ok: true; state: ShareState } | { ok: false; error: ShareError }
