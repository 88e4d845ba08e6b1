import { describe, expect, it } from 'vitest'
import {
  createSupervisor, WorkerRestartedError, WorkerStoppedError,
  type FaultReason, type SupervisorStatus, type SupervisorTimers, type WorkerHandle,
} from './supervisor'
import { DEADLINE, deadlineMs } from './deadline'

/** A clock the test moves by hand: timers fire in due order when `advance` passes them. */
function manualTimers(): SupervisorTimers & { advance(ms: number): Promise<void> } {
  let now = 0
  let nextId = 1
  const timers = new Map<number, { due: number; fn: () => void }>()
  return {
    now: () => now,
    setTimeout(fn, ms) { const id = nextId++; timers.set(id, { due: now + ms, fn }); return id },
    clearTimeout(id) { timers.delete(id as number) },
    async advance(ms) {
      const end = now + ms
      for (;;) {
        await flush()
        const next = [...timers.entries()].filter(([, t]) => t.due <= end).sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0]
        if (!next) break
        timers.delete(next[0])
        now = next[1].due
        next[1].fn()
      }
      now = end
      await flush()
    },
  }
}

const flush = async () => { for (let i = 0; i < 10; i++) await Promise.resolve() }

/** How a fake worker behaves: answers, never answers (hung), throws an `error` event, or refuses every call. */
type Behaviour = 'answer' | 'hang' | 'error' | 'reject'

/** Fake workers: the n-th started worker behaves as `script[n]` (the last entry repeats), or as a function says. */
function fakeWorkers(script: Behaviour[] | ((n: number) => Behaviour)) {
  const behaviourOf = (n: number) => (typeof script === 'function' ? script(n) : script[Math.min(n, script.length - 1)])
  const started: { behaviour: Behaviour; terminated: boolean; calls: string[]; fault(reason: FaultReason): void }[] = []
  const start = (onFault: (reason: FaultReason, detail: string) => void): WorkerHandle => {
    const w = { behaviour: behaviourOf(started.length), terminated: false, calls: [] as string[], fault: (r: FaultReason) => onFault(r, 'fake') }
    started.push(w)
    return {
      call(method, args) {
        w.calls.push(method)
        if (w.behaviour === 'hang') return new Promise(() => undefined)
        if (w.behaviour === 'reject') return Promise.reject(new Error('engine threw'))
        if (w.behaviour === 'error') { queueMicrotask(() => w.fault('error')); return new Promise(() => undefined) }
        return Promise.resolve({ method, args, worker: started.indexOf(w) })
      },
      terminate() { w.terminated = true },
    }
  }
  return { start, started }
}

function setup(script: Behaviour[] | ((n: number) => Behaviour), opts: { maxRestarts?: number } = {}) {
  const timers = manualTimers()
  const workers = fakeWorkers(script)
  const statuses: SupervisorStatus[] = []
  const delivered: unknown[] = []
  const sup = createSupervisor({
    start: workers.start, timers, deadlineMs: () => 1_000, onStatus: (s) => statuses.push(s),
    resend: { method: 'compile', deliver: (r) => delivered.push(r) }, backoffMs: [0, 100, 400], ...opts,
  })
  return { sup, timers, workers, statuses, delivered }
}

/** Settles a promise into a value the test can inspect without an unhandled rejection. */
const outcome = (p: Promise<unknown>) => {
  const box: { value?: unknown; error?: unknown; done: boolean } = { done: false }
  p.then((v) => { box.value = v; box.done = true }, (e: unknown) => { box.error = e; box.done = true })
  return box
}

describe('worker supervisor', () => {
  it('a healthy worker answers and nothing is reported', async () => {
    const { sup, timers, statuses, workers } = setup(['answer'])
    const r = outcome(sup.call('compile', [{ seq: 1 }]))
    await timers.advance(5_000)
    expect(r.value).toEqual({ method: 'compile', args: [{ seq: 1 }], worker: 0 })
    expect(statuses).toEqual([])
    expect(workers.started).toHaveLength(1)
  })

  it('a call past its deadline: the hung worker is terminated, a new one started, the newest compile carried over', async () => {
    const { sup, timers, statuses, workers } = setup(['hang', 'answer'])
    const compile = outcome(sup.call('compile', [{ seq: 7 }]))
    const run = outcome(sup.call('run', [{ line: 'curl x' }]))
    await timers.advance(999)
    expect(compile.done).toBe(false)
    await timers.advance(1)
    expect(workers.started[0].terminated).toBe(true)
    expect(workers.started).toHaveLength(2)
    // the command is refused with the typed error; the compile is answered by the new worker
    expect(run.error).toBeInstanceOf(WorkerRestartedError)
    expect((run.error as WorkerRestartedError).reason).toBe('timeout')
    expect(compile.value).toEqual({ method: 'compile', args: [{ seq: 7 }], worker: 1 })
    expect(statuses).toEqual([{ state: 'restarted', reason: 'timeout', restarts: 1, total: 1 }])
  })

  it('a hang in another call still brings the canvas back: the newest compile is re-sent and delivered', async () => {
    const { sup, timers, delivered, workers } = setup(['answer'])
    const first = outcome(sup.call('compile', [{ seq: 3 }]))
    await timers.advance(0)
    expect(first.value).toMatchObject({ worker: 0 })
    workers.started[0].behaviour = 'hang'
    const run = outcome(sup.call('run', [{ line: 'x' }]))
    await timers.advance(1_000)
    expect(run.error).toBeInstanceOf(WorkerRestartedError)
    expect(workers.started[1].calls).toEqual(['compile'])
    expect(delivered).toEqual([{ method: 'compile', args: [{ seq: 3 }], worker: 1 }])
  })

  it('an error event restarts the worker at once; replies from the old worker are ignored', async () => {
    const { sup, timers, statuses, workers } = setup(['error', 'answer'])
    const r = outcome(sup.call('compile', [{ seq: 1 }]))
    await timers.advance(0)
    expect(statuses[0]).toMatchObject({ state: 'restarted', reason: 'error' })
    expect(workers.started[0].terminated).toBe(true)
    expect(r.value).toMatchObject({ worker: 1 })
    // a late fault from the replaced worker changes nothing
    workers.started[0].fault('error')
    await timers.advance(0)
    expect(workers.started).toHaveLength(2)
  })

  it('a call that the engine rejects is that call\'s failure, not a restart', async () => {
    const { sup, timers, statuses, workers } = setup(['reject'])
    const r = outcome(sup.call('inspect', [{}]))
    await timers.advance(5_000)
    expect((r.error as Error).message).toBe('engine threw')
    expect(statuses).toEqual([])
    expect(workers.started).toHaveLength(1)
  })

  it('never loops: after 3 restarts within a minute it stops, refuses calls, and Retry starts again', async () => {
    // the first four workers hang, the one Retry starts answers
    const { sup, timers, statuses, workers, delivered } = setup((n) => (n < 4 ? 'hang' : 'answer'))
    const first = outcome(sup.call('compile', [{ seq: 1 }]))
    await timers.advance(60_000)
    // 4 workers started (the first and 3 restarts, backing off 0, 100, 400 ms), then the stop
    expect(workers.started).toHaveLength(4)
    expect(workers.started.every((w) => w.terminated)).toBe(true)
    expect(statuses.map((s) => s.state)).toEqual(['restarted', 'restarted', 'restarted', 'stopped'])
    expect(first.error).toBeInstanceOf(WorkerStoppedError)
    const later = outcome(sup.call('compile', [{ seq: 2 }]))
    await timers.advance(0)
    expect(later.error).toBeInstanceOf(WorkerStoppedError)
    expect(workers.started).toHaveLength(4)
    // Retry: a fresh worker, the newest compile (seq 2, asked for while stopped) re-sent
    sup.retry()
    expect(sup.status()).toEqual({ state: 'running' })
    await timers.advance(0)
    expect(delivered).toEqual([{ method: 'compile', args: [{ seq: 2 }], worker: 4 }])
  })

  it('the back-off: restarts wait 0, then 100 ms; restarts older than the window are forgotten', async () => {
    // workers 0 and 1 hang, worker 2 answers
    const { sup, timers, workers, statuses } = setup((n) => (n < 2 ? 'hang' : 'answer'))
    const compile = outcome(sup.call('compile', [{ seq: 1 }]))
    await timers.advance(1_000) // deadline: restart 1, immediate
    expect(workers.started).toHaveLength(2)
    await timers.advance(1_000) // deadline again: restart 2 waits 100 ms
    expect(workers.started).toHaveLength(2)
    await timers.advance(100)
    expect(workers.started).toHaveLength(3)
    expect(compile.value).toMatchObject({ worker: 2 })
    // two minutes later worker 2 hangs: the window is empty again, so this is restart 1 of a new window, not a stop
    await timers.advance(120_000)
    workers.started[2].behaviour = 'hang'
    const before = statuses.length
    void outcome(sup.call('compile', [{ seq: 2 }]))
    await timers.advance(1_000)
    expect(statuses.slice(before)).toEqual([{ state: 'restarted', reason: 'timeout', restarts: 1, total: 3 }])
  })

  it('calls made during the back-off wait for the new worker', async () => {
    const { sup, timers } = setup(['hang', 'hang', 'answer'])
    void outcome(sup.call('compile', [{ seq: 1 }]))
    await timers.advance(1_000) // restart 1 (immediate) to another hanging worker
    await timers.advance(1_000) // restart 2 waits 100 ms
    const r = outcome(sup.call('sendTargets', [[]]))
    await timers.advance(50)
    expect(r.done).toBe(false)
    await timers.advance(50)
    expect(r.value).toMatchObject({ method: 'sendTargets', worker: 2 })
  })

  it('a call queued behind a slow one gets its own budget after the slow one\'s deadline', async () => {
    const timers = manualTimers()
    const statuses: SupervisorStatus[] = []
    let resolveSlow: (v: unknown) => void = () => undefined
    const sup = createSupervisor({
      timers, onStatus: (s) => statuses.push(s), deadlineMs: (m) => (m === 'run' ? 5_000 : 1_000),
      start: () => ({
        call: (m) => (m === 'run' ? new Promise((r) => { resolveSlow = r }) : new Promise(() => undefined)),
        terminate: () => undefined,
      }),
    })
    void outcome(sup.call('run', [{}]))
    void outcome(sup.call('compile', [{}]))
    await timers.advance(4_000)
    resolveSlow('done')
    await timers.advance(1_500)
    expect(statuses).toEqual([])
    await timers.advance(500)
    expect(statuses).toEqual([{ state: 'restarted', reason: 'timeout', restarts: 1, total: 1 }])
  })

  it('dispose ends the worker and refuses what is pending', async () => {
    const { sup, timers, workers } = setup(['hang'])
    const r = outcome(sup.call('compile', [{}]))
    sup.dispose()
    await timers.advance(10_000)
    expect(r.error).toBeInstanceOf(WorkerStoppedError)
    expect(workers.started).toHaveLength(1)
    expect(workers.started[0].terminated).toBe(true)
  })
})

describe('call deadlines', () => {
  it.each([
    ['a small compile gets the base', 'compile', [{ seq: 1, files: [{ path: 'a.yaml', text: 'x'.repeat(1000) }] }], DEADLINE.baseMs + Math.round((1006 / 1024 / 1024) * DEADLINE.perMiBMs)],
    ['a 1 MiB compile gets 20 s more', 'compile', [{ seq: 1, files: [{ path: 'a.yaml', text: 'x'.repeat(1024 * 1024 - 6) }] }], DEADLINE.baseMs + DEADLINE.perMiBMs],
    ['1000 repeated requests get 20 s more', 'run', [{ files: [], where: 'Pod/x', line: '', lang: 'en', repeat: 1000 }], DEADLINE.baseMs + 1000 * DEADLINE.perRepeatMs + 0],
    ['an imported dump is measured too', 'importManifests', ['y'.repeat(2 * 1024 * 1024), true], DEADLINE.baseMs + 2 * DEADLINE.perMiBMs],
  ])('%s', (_name, method, args, expected) => {
    expect(deadlineMs(method, args)).toBe(expected)
  })
})
