import type { Diagnostic, SourceRange } from '../engine/core/diagnostic'
import type { ObjectId } from '../engine/core/ids'
import type { SourceFile } from '../engine/manifest/types'
import type { KubeProxySettings, ProxyMode } from '../engine/cluster/types'
import type { PositionedGraph } from '../app/canvas/model'

/** One compile, numbered by the app: a higher number supersedes every lower one. */
export interface CompileRequest {
  seq: number
  files: SourceFile[]
}

/** A manifest object's place in the YAML, so a cursor position can name the object under it. */
export interface ObjectLocation {
  id: ObjectId
  kind: string
  range: SourceRange
}

export interface CompiledView {
  graph: PositionedGraph
  diagnostics: Diagnostic[]
  objects: ObjectLocation[]
  /** The mode kube-proxy runs in and where it came from (the toolbar's switch shows it). */
  kubeProxy: Pick<KubeProxySettings, 'mode' | 'modeSource'>
}

/**
 * The worker's answer. `stale` means a newer request arrived before this one finished, so the worker dropped it;
 * `failed` means the engine broke its never-throw promise, and carries the message for the Problems list.
 */
export type CompileReply =
  | ({ seq: number; status: 'done' } & CompiledView)
  | { seq: number; status: 'stale' }
  | { seq: number; status: 'failed'; message: string }

/** What the worker exposes through comlink. */
export interface CompilerApi {
  compile(request: CompileRequest): Promise<CompileReply>
  /** The files with kube-proxy switched to `mode`, edited where the engine reads it (see proxyMode.ts). */
  setProxyMode(files: SourceFile[], mode: ProxyMode): Promise<SourceFile[]>
}
