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
 * Phases are told apart by performance.mark()s, which the trace records on the same clock. V8's sampling profiler
 * runs in the trace too, so each task can say whose code it ran (the bundle chunk with the most samples in it: the
 * app's `index-*.js`, or Monaco's chunks such as `codeEditorWidget-*.js`).
 */
export type TraceEvent = {
  name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; id?: string
  args?: {
    name?: string
    data?: {
      url?: string; functionName?: string; type?: string; startTime?: number
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { url?: string } }[]; samples?: number[] }
      timeDeltas?: number[]
    }
  }
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (d) => { events.push(...(d.value as unknown as TraceEvent[])) })
  // RunTask (one event per main-thread task) is in the disabled-by-default timeline category
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,disabled-by-default-v8.cpu_profiler',
    transferMode: 'ReportEvents',
  })
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
    await cdp.send('Tracing.end')
    await done
    return events
  }
}

export type TracedTask = { wallMs: number; cpuMs: number; what: string; script: string }
export type Phase = { wallMs: number; cpuMs: number; top: TracedTask[] }

/** What a task spent its time on: its longest inner event (a script, a message, a frame, a collection) and where. */
function taskWhat(events: TraceEvent[], task: TraceEvent): string {
  const end = task.ts + (task.dur ?? 0)
  const inner = events.filter((e) => e.ph === 'X' && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end && e !== task
    && e.name !== 'RunTask' && e.name !== 'RunMicrotasks')
  const longest = inner.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0]
  if (!longest) return ''
  const d = longest.args?.data
  const where = [d?.url?.split('/').pop(), d?.functionName, d?.type].filter((x) => x).join(' ')
  return where ? `${longest.name} (${where})` : longest.name
}

/** The main thread's CPU samples: when, and the script of the innermost frame that has one. */
function mainSamples(events: TraceEvent[], pid: number, tid: number): { ts: number; script: string }[] {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)
  if (!profile?.id) return []
  const scriptOf = new Map<number, string>()
  const parentOf = new Map<number, number | undefined>()
  const samples: { ts: number; script: string }[] = []
  let ts = profile.args?.data?.startTime ?? 0
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid)) {
    const data = chunk.args?.data
    for (const n of data?.cpuProfile?.nodes ?? []) {
      scriptOf.set(n.id, n.callFrame.url?.split('/').pop() ?? '')
      parentOf.set(n.id, n.parent)
    }
    const ids = data?.cpuProfile?.samples ?? []
    ids.forEach((id, i) => {
      ts += data?.timeDeltas?.[i] ?? 0
      let at: number | undefined = id
      while (at !== undefined && !scriptOf.get(at)) at = parentOf.get(at)
      samples.push({ ts, script: at === undefined ? '(none)' : scriptOf.get(at)! })
    })
  }
  return samples
}

/** The script (bundle chunk) with the most samples in a task, and its share of them. */
function taskScript(samples: { ts: number; script: string }[], task: TraceEvent): string {
  const inTask = samples.filter((s) => s.ts >= task.ts && s.ts < task.ts + (task.dur ?? 0))
  const counts = new Map<string, number>()
  for (const s of inTask) counts.set(s.script, (counts.get(s.script) ?? 0) + 1)
  const [script, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  return script ? `${script} ${Math.round((100 * n) / inTask.length)}%` : ''
}

/** The longest main-thread task (wall and CPU ms) between consecutive marks of the page, and the three costliest in CPU. */
export function longestTraced(events: TraceEvent[], marks: string[]): Record<string, Phase> {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const tasksOf = (m: TraceEvent) => events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === m.pid && e.tid === m.tid)
  // the page's renderer is the one that ran our marks
  const markEvents = events.filter((e) => marks.includes(e.name))
  const main = mains.find((m) => markEvents.some((e) => e.pid === m.pid)) ?? mains[0]
  const tasks = main ? tasksOf(main) : []
  const samples = main ? mainSamples(events, main.pid, main.tid) : []
  const at = (name: string) => markEvents.find((e) => e.name === name && e.pid === main?.pid)?.ts ?? Infinity
  const out: Record<string, Phase> = {}
  let from = 0
  for (const mark of marks) {
    const to = at(mark)
    const inPhase = tasks.filter((t) => t.ts >= from && t.ts < to)
    out[mark] = {
      wallMs: Math.round(Math.max(0, ...inPhase.map((t) => (t.dur ?? 0) / 1000))),
      cpuMs: Math.round(Math.max(0, ...inPhase.map((t) => (t.tdur ?? 0) / 1000))),
      top: [...inPhase].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 3).map((t) => ({
        wallMs: Math.round((t.dur ?? 0) / 1000), cpuMs: Math.round((t.tdur ?? 0) / 1000),
        what: taskWhat(events, t), script: taskScript(samples, t),
      })),
    }
    from = to
  }
  return out
}
