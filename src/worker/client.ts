import * as Comlink from 'comlink'
import type { CompileReply, CompilerApi } from './protocol'
import { createSupervisor, type SupervisorStatus, type WorkerHandle, type FaultReason } from './supervisor'
import { deadlineMs } from './deadline'

export interface CompilerClient {
  /** The worker's API; every call is supervised (deadline, restart): see supervisor.ts. */
  api: CompilerApi
  /** After the supervisor gave up: start a fresh worker and re-send the newest compile. */
  retry(): void
  terminate(): void
}

/** One real compiler worker; its `error` and `messageerror` events are faults the supervisor acts on. */
function startWorker(onFault: (reason: FaultReason, detail: string) => void): WorkerHandle {
  const worker = new Worker(new URL('./compiler.worker.ts', import.meta.url), { type: 'module', name: 'kube-hops-compiler' })
  worker.addEventListener('error', (e) => {
    // handled here (restart and a note to the user), so the page does not also report it as its own uncaught error
    e.preventDefault()
    onFault('error', e.message || 'worker error')
  })
  worker.addEventListener('messageerror', () => onFault('messageerror', 'a worker message could not be read'))
  const remote = Comlink.wrap<CompilerApi>(worker) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  return {
    call: (method, args) => remote[method](...args),
    terminate: () => worker.terminate(),
  }
}

/**
 * The main thread's handle on the compiler worker (one per page), supervised: a call past its deadline or a worker
 * error restarts the worker and re-sends the newest compile, whose reply goes to `deliverCompile`; `onStatus` tells
 * the app (src/app/faults shows it). The editor's text is never involved.
 */
export function startCompilerWorker(options: {
  onStatus(status: SupervisorStatus): void
  deliverCompile(reply: CompileReply): void
}): CompilerClient {
  const supervisor = createSupervisor({
    start: startWorker,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => performance.now(),
    },
    deadlineMs,
    onStatus: options.onStatus,
    resend: { method: 'compile', deliver: (reply) => options.deliverCompile(reply as CompileReply) },
  })
  // Every method name is forwarded, as comlink's own proxy does, so a method added to the worker needs nothing here;
  // `then` stays undefined so the api object is not mistaken for a promise.
  const api = new Proxy({}, {
    get: (_target, method) => (typeof method === 'string' && method !== 'then'
      ? (...args: unknown[]) => supervisor.call(method, args)
      : undefined),
  }) as CompilerApi
  return { api, retry: () => supervisor.retry(), terminate: () => supervisor.dispose() }
}
