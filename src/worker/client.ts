import * as Comlink from 'comlink'
import type { CompilerApi } from './protocol'

/** The main thread's handle on the compiler worker (one per page). */
export function startCompilerWorker(): { api: Comlink.Remote<CompilerApi>; terminate(): void } {
  const worker = new Worker(new URL('./compiler.worker.ts', import.meta.url), { type: 'module', name: 'kube-hops-compiler' })
  return { api: Comlink.wrap<CompilerApi>(worker), terminate: () => worker.terminate() }
}
