/**
 * Keeps one worker alive for the page. Every call has a deadline; a call past it, an `error` event or a reply that
 * cannot be read means the worker is hung or broken: it is terminated, a new one started (after a back-off), the
 * calls it held are rejected with `WorkerRestartedError`, and the newest call of the `resend` method (the compile) is
 * sent again so the canvas comes back. After `maxRestarts` restarts within `windowMs` it stops trying and says so;
 * `retry()` starts again. Nothing here touches the editor's text or the store: the app hears about faults only
 * through `onStatus`, and the re-sent reply through `deliver`.
 *
 * Browser-free: the worker factory and the timers are injected (supervisor.test.ts drives it with fake workers).
 */

/** Why a worker was replaced. */
export type FaultReason = 'timeout' | 'error' | 'messageerror'

/**
 * What the app shows: nothing (`running`), a calm note after a restart, or a stop with a Retry button. `restarts`
 * counts the restarts within the window, `total` all of them (a new restart is a new note even if one was dismissed).
 */
export type SupervisorStatus =
  | { state: 'running' }
  | { state: 'restarted'; reason: FaultReason; restarts: number; total: number }
  | { state: 'stopped'; reason: FaultReason; restarts: number; total: number }

/** One started worker: its methods (each returns a promise) and a way to end it. */
export interface WorkerHandle {
  call(method: string, args: unknown[]): Promise<unknown>
  terminate(): void
}

/** Starts a worker; it reports its own `error`/`messageerror` events through `onFault`. */
export type WorkerFactory = (onFault: (reason: FaultReason, detail: string) => void) => WorkerHandle

export interface SupervisorTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

export interface SupervisorOptions {
  start: WorkerFactory
  timers: SupervisorTimers
  /** How long a call may take before the worker counts as hung (see deadline.ts). */
  deadlineMs(method: string, args: unknown[]): number
  onStatus(status: SupervisorStatus): void
  /** The method whose newest call is sent again to a restarted worker, and where that reply goes. */
  resend?: { method: string; deliver(reply: unknown): void }
  /** Restarts allowed within `windowMs` before giving up (default 3 in a minute). */
  maxRestarts?: number
  windowMs?: number
  /** Wait before the n-th restart of the window (the last entry repeats); the first restart is immediate. */
  backoffMs?: readonly number[]
}

/** A call that the worker held when it was replaced: the app may simply try again. */
export class WorkerRestartedError extends Error {
  readonly reason: FaultReason
  constructor(reason: FaultReason) {
    super(`the simulation engine was restarted (${reason})`)
    this.name = 'WorkerRestartedError'
    this.reason = reason
  }
}

/** A call made after the supervisor gave up (too many restarts): nothing runs until `retry()`. */
export class WorkerStoppedError extends Error {
  constructor() {
    super('the simulation engine stopped after repeated failures')
    this.name = 'WorkerStoppedError'
  }
}

export interface Supervisor {
  call(method: string, args: unknown[]): Promise<unknown>
  /** After a stop: start a fresh worker and re-send the newest compile. */
  retry(): void
  status(): SupervisorStatus
  dispose(): void
}

interface Pending {
  method: string
  args: unknown[]
  resolve(value: unknown): void
  reject(error: unknown): void
  timer?: unknown
  /** When the call counts as hung (timers.now() time). */
  due?: number
}

export function createSupervisor(options: SupervisorOptions): Supervisor {
  const { start, timers, deadlineMs, onStatus, resend } = options
  const maxRestarts = options.maxRestarts ?? 3
  const windowMs = options.windowMs ?? 60_000
  const backoff = options.backoffMs ?? [0, 1_000, 4_000]

  let worker: WorkerHandle | undefined
  /** Bumped on every replacement, so replies and faults from an old worker are ignored. */
  let generation = 0
  let current: SupervisorStatus = { state: 'running' }
  let restartTimer: unknown
  let restartTimes: number[] = []
  let latestResend: unknown[] | undefined
  let total = 0
  let disposed = false
  /** Calls made while a restart waits out its back-off: sent to the new worker. */
  let queued: Pending[] = []
  const inFlight = new Set<Pending>()

  const setStatus = (s: SupervisorStatus) => {
    current = s
    onStatus(s)
  }

  const launch = () => {
    const mine = ++generation
    worker = start((reason) => { if (mine === generation) fault(reason) })
  }

  const send = (p: Pending) => {
    if (!worker) { queued.push(p); return }
    const mine = generation
    // The worker answers one message at a time, so a call sent behind others may wait for them first: its own budget
    // counts from the latest deadline of the calls ahead of it.
    const now = timers.now()
    let start = now
    for (const q of inFlight) if (q.due !== undefined && q.due > start) start = q.due
    p.due = start + deadlineMs(p.method, p.args)
    inFlight.add(p)
    p.timer = timers.setTimeout(() => { if (mine === generation && inFlight.has(p)) fault('timeout') }, p.due - now)
    let reply: Promise<unknown>
    try {
      reply = worker.call(p.method, p.args)
    } catch (e) {
      reply = Promise.reject(e)
    }
    reply.then(
      (value) => { if (settle(p, mine)) p.resolve(value) },
      (error: unknown) => { if (settle(p, mine)) p.reject(error) },
    )
  }

  /** True when the reply is still wanted (its worker is the current one and the call was not rejected already). */
  const settle = (p: Pending, mine: number): boolean => {
    if (mine !== generation || !inFlight.has(p)) return false
    inFlight.delete(p)
    timers.clearTimeout(p.timer)
    return true
  }

  const fault = (reason: FaultReason) => {
    if (disposed || !worker) return
    worker.terminate()
    worker = undefined
    generation++
    const now = timers.now()
    restartTimes = restartTimes.filter((t) => now - t < windowMs)
    const stopping = restartTimes.length >= maxRestarts
    // The newest compile is carried over to the new worker (its caller simply gets the reply later); every other
    // call the worker held is refused: re-running a command on a fresh simulation could answer something else.
    const carried: Pending[] = []
    for (const p of inFlight) {
      timers.clearTimeout(p.timer)
      p.due = undefined
      if (!stopping && resend && p.method === resend.method && p.args === latestResend) carried.push(p)
      else p.reject(stopping ? new WorkerStoppedError() : new WorkerRestartedError(reason))
    }
    inFlight.clear()
    total++
    if (stopping) {
      for (const p of queued) p.reject(new WorkerStoppedError())
      queued = []
      setStatus({ state: 'stopped', reason, restarts: restartTimes.length, total })
      return
    }
    queued = [...carried, ...queued]
    const wait = backoff[Math.min(restartTimes.length, backoff.length - 1)] ?? 0
    restartTimes.push(now)
    setStatus({ state: 'restarted', reason, restarts: restartTimes.length, total })
    restartTimer = timers.setTimeout(restart, wait)
  }

  const restart = () => {
    restartTimer = undefined
    if (disposed) return
    launch()
    const waiting = queued
    queued = []
    // the newest compile first, so the canvas comes back before anything queued behind it runs
    if (resend && latestResend && !waiting.some((p) => p.method === resend.method && p.args === latestResend)) resendLatest()
    for (const p of waiting) send(p)
  }

  const resendLatest = () => {
    if (!resend || !latestResend) return
    const { deliver } = resend
    send({ method: resend.method, args: latestResend, resolve: deliver, reject: () => undefined })
  }

  launch()

  return {
    call(method, args) {
      if (resend && method === resend.method) latestResend = args
      if (disposed || current.state === 'stopped') return Promise.reject(new WorkerStoppedError())
      return new Promise((resolve, reject) => send({ method, args, resolve, reject }))
    },
    retry() {
      if (disposed || current.state !== 'stopped') return
      restartTimes = []
      setStatus({ state: 'running' })
      launch()
      resendLatest()
    },
    status: () => current,
    dispose() {
      disposed = true
      timers.clearTimeout(restartTimer)
      worker?.terminate()
      worker = undefined
      for (const p of inFlight) { timers.clearTimeout(p.timer); p.reject(new WorkerStoppedError()) }
      inFlight.clear()
      for (const p of queued) p.reject(new WorkerStoppedError())
      queued = []
    },
  }
}
