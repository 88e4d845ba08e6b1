import * as Comlink from 'comlink'
import type { CompilerApi } from './protocol'

/**
 * The main thread's handle on the compiler worker (one per page). `onFailure` hears about a worker that could not
 * start or crashed outside a request (a request's own failure comes back as a `failed` reply).
 */
export function startCompilerWorker(onFailure: (message: string) => void): { api: Comlink.Remote<CompilerApi>; terminate(): void } {
  const worker = new Worker(new URL('./compiler.worker.ts', import.meta.url), { type: 'module', name: 'kube-hops-compiler' })
  worker.addEventListener('error', (e) => onFailure(e.message || 'worker error'))
  worker.addEventListener('messageerror', () => onFailure('a worker message could not be read'))
  return { api: Comlink.wrap<CompilerApi>(worker), terminate: () => worker.terminate() }
}
