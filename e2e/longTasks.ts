import type { CDPSession, Page } from '@playwright/test'

export type LongTask = { start: number; duration: number }
type Recorded = { __longTasks: LongTask[] }

/** Records the page's main-thread long tasks (PerformanceObserver 'longtask') from before its first script. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Recorded
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
}

/** The long tasks recorded so far. */
export function longTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as Recorded).__longTasks)
}

/**
 * Main-thread tasks as Chromium's trace records them, with their CPU time (`tdur`) beside their wall time: on a
 * shared, loaded machine a task's wall time includes the time the OS gave other processes, its CPU time does not.
 * Phases are told apart by performance.mark()s, which the trace records on the same clock. (V8's sampling profiler
 * would say whose code each task ran, but with it on, V8 logs every function it compiles: Monaco's load grew tasks of
 * 100 to 180 ms that were the profiler's own. So a task is named by its events only.)
 */
export type TraceEvent = {
  name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } }
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (d) => { events.push(...(d.value as unknown as TraceEvent[])) })
  // RunTask (one event per main-thread task) is in the disabled-by-default timeline category
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents',
  })
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
    await cdp.send('Tracing.end')
    await done
    return events
  }
}

export type TracedTask = { wallMs: number; cpuMs: number; what: string }
export type Phase = { wallMs: number; cpuMs: number; top: TracedTask[] }

const fileOf = (url: string) => url.split('/').pop()

/**
 * What a task spent its time on: its longest inner event (a script, a message, a frame, a collection) and where; when
 * that event names no script (a timer, a frame callback, a message), the script of the first call in it that does
 * (the app's `index-*.js`, the editor's `load-*.js` or `MonacoEditor-*.js`, one of Monaco's chunks).
 */
function taskWhat(events: TraceEvent[], task: TraceEvent): string {
  const end = task.ts + (task.dur ?? 0)
  const inner = events.filter((e) => e.ph === 'X' && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end && e !== task
    && e.name !== 'RunTask' && e.name !== 'RunMicrotasks')
  const longest = [...inner].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0]
  if (!longest) return ''
  const d = longest.args?.data
  const script = d?.url ? undefined : inner.find((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && e.args?.data?.url)?.args?.data?.url
  const where = [d?.url && fileOf(d.url), d?.functionName, d?.type, script && `in ${fileOf(script)}`].filter((x) => x).join(' ')
  return where ? `${longest.name} (${where})` : longest.name
}

/** The longest main-thread task (wall and CPU ms) between consecutive marks of the page, and the three costliest in CPU. */
export function longestTraced(events: TraceEvent[], marks: string[]): Record<string, Phase> {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const tasksOf = (m: TraceEvent) => events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === m.pid && e.tid === m.tid)
  // the page's renderer is the one that ran our marks
  const markEvents = events.filter((e) => marks.includes(e.name))
  const main = mains.find((m) => markEvents.some((e) => e.pid === m.pid)) ?? mains[0]
  const tasks = main ? tasksOf(main) : []
  const at = (name: string) => markEvents.find((e) => e.name === name && e.pid === main?.pid)?.ts ?? Infinity
  const out: Record<string, Phase> = {}
  let from = 0
  for (const mark of marks) {
    const to = at(mark)
    const inPhase = tasks.filter((t) => t.ts >= from && t.ts < to)
    out[mark] = {
      wallMs: Math.round(Math.max(0, ...inPhase.map((t) => (t.dur ?? 0) / 1000))),
      cpuMs: Math.round(Math.max(0, ...inPhase.map((t) => (t.tdur ?? 0) / 1000))),
      top: [...inPhase].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 3)
        .map((t) => ({ wallMs: Math.round((t.dur ?? 0) / 1000), cpuMs: Math.round((t.tdur ?? 0) / 1000), what: taskWhat(events, t) })),
    }
    from = to
  }
  return out
}
