import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { editorReady, expect, flowNode, test } from './fixtures'

/**
 * Browser figures of issue 12 on the production build, measured inside the page (performance.now, PerformanceObserver
 * longtask, requestAnimationFrame) so Playwright's own round trips are not counted: time to first canvas and to editor
 * ready from navigation start, edit-to-canvas latency from the edit's input event to the first frame that shows its
 * result, the longest main-thread task while the edits recompute, and frame times while a trace plays. Each test
 * writes test-results/perf-<name>.json, which bench/run.ts reads. Timings are reported, never gated (shared machines):
 * a test fails only if the page stops working.
 */

type PerfWindow = Window & {
  __perf: { longTasks: { start: number; duration: number }[]; firstCanvas?: number; editorReady?: number }
}

/** Installed before the page's own scripts: long tasks, and when the first canvas card and the editor's text appear. */
async function observe(page: Page) {
  await page.addInitScript(() => {
    const perf: PerfWindow['__perf'] = { longTasks: [] }
    ;(window as unknown as PerfWindow).__perf = perf
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
    const seen = () => {
      if (perf.firstCanvas === undefined && document.querySelector('[data-testid^="rf__node-"]')) perf.firstCanvas = performance.now()
      if (perf.editorReady === undefined && document.querySelector('.monaco-editor .view-lines')) perf.editorReady = performance.now()
      return perf.firstCanvas !== undefined && perf.editorReady !== undefined
    }
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect() })
      .observe(document, { childList: true, subtree: true })
  })
}

/** What ends an edit's measurement: a card on the canvas, or the compile status back from "compiling". */
type Done = { card: string } | { compiled: true }

/**
 * The edit's text goes in at the top of the editor; resolves with ms from just before the text is sent (one DevTools
 * round trip early, so the figure errs long) to the first frame after the edit is done. Monaco takes text through
 * the EditContext API here, so there is no input event to start from.
 */
async function timedEdit(page: Page, text: string, done: Done): Promise<number> {
  await page.keyboard.press('ControlOrMeta+Home')
  // (no eval in the page: its Content-Security-Policy forbids it, so the condition is data)
  await page.evaluate((done) => {
    const start = performance.now()
    let sawBusy = false
    const isDone = () => {
      if ('card' in done) return document.querySelector(`[data-testid="rf__node-${done.card}"]`) !== null
      const busy = document.querySelector('[data-testid="compile-status"]')?.classList.contains('is-busy') === true
      if (busy) sawBusy = true
      return sawBusy && !busy
    }
    ;(window as unknown as { __edit: Promise<number> }).__edit = new Promise<number>((resolve) => {
      const poll = () => {
        // a minute without the result (the worker restarted or gave up on a busy machine) counts as no figure
        if (performance.now() - start > 60_000) return resolve(-1)
        if (!isDone()) return requestAnimationFrame(poll)
        requestAnimationFrame(() => resolve(performance.now() - start))
      }
      requestAnimationFrame(poll)
    })
  }, done)
  await page.keyboard.insertText(text)
  return Math.round(await page.evaluate(() => (window as unknown as { __edit: Promise<number> }).__edit))
}

/**
 * Waits until a second passes without a long task (at most 15 s): the editor's own start-up work (its workers,
 * schemas, first tokenization) is not an edit's cost, and the build that shows the editor sooner would otherwise be
 * charged for it.
 */
async function quiet(page: Page) {
  await page.waitForFunction(() => {
    const tasks = (window as unknown as PerfWindow).__perf.longTasks
    const last = tasks[tasks.length - 1]
    return performance.now() - (last ? last.start + last.duration : 0) > 1000
  }, undefined, { timeout: 15_000, polling: 100 }).catch(() => undefined)
}

async function startFigures(page: Page) {
  return page.evaluate(() => {
    const p = (window as unknown as PerfWindow).__perf
    return { firstCanvasMs: Math.round(p.firstCanvas ?? -1), editorReadyMs: Math.round(p.editorReady ?? -1) }
  })
}

async function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate((since) => Math.round(Math.max(0, ...(window as unknown as PerfWindow).__perf.longTasks
    .filter((t) => t.start >= since).map((t) => t.duration))), since)
}

const now = (page: Page) => page.evaluate(() => performance.now())
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
}

function write(name: string, figures: Record<string, unknown>) {
  mkdirSync('test-results', { recursive: true })
  writeFileSync(`test-results/perf-${name}.json`, JSON.stringify(figures, null, 2) + '\n')
  for (const [k, v] of Object.entries(figures)) test.info().annotations.push({ type: k, description: JSON.stringify(v) })
}

test('default scenario: first canvas, editor ready, edit-to-canvas, long tasks, frame times of a playing trace', async ({ page }) => {
  await observe(page)
  await page.goto('/')
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await editorReady(page)
  const start = await startFigures(page)

  // Each edit adds a pod at the top of the file (one flow-style line, which the editor's auto-indent leaves alone),
  // typed while the worker is idle; latency runs from the edit to the first frame that shows the pod's card.
  await quiet(page)
  await page.locator('.monaco-editor .view-lines').click()
  const editsFrom = await now(page)
  const latencies: number[] = []
  for (let i = 0; i < 12; i++) {
    const id = `Pod/default/perf-${i}`
    latencies.push(await timedEdit(page,
      `{apiVersion: v1, kind: Pod, metadata: {name: perf-${i}}, spec: {containers: [{name: c, image: nginx}]}}\n---\n`,
      { card: id }))
    await expect(flowNode(page, id)).toBeVisible()
    await page.waitForTimeout(250)
  }
  const longestTaskDuringEditsMs = await longestTaskSince(page, editsFrom)

  // A trace from an nginx pod to mysql-service:3306, playing (it starts playing when sent): frame-to-frame times.
  await flowNode(page, 'Pod/default/nginx-pod-1').click()
  await page.getByTestId('inspector-send').click()
  await page.getByTestId('composer-target').fill('mysql-service:3306')
  await page.getByTestId('composer-send').click()
  await expect(page.getByTestId('packet-marker')).toBeVisible()
  await expect(page.getByTestId('trace-play')).toHaveAttribute('aria-label', /Pause/)
  const framesFrom = await now(page)
  const frames = await page.evaluate(() => new Promise<number[]>((resolve) => {
    const deltas: number[] = []
    let last = performance.now()
    const end = last + 4000
    const tick = (t: number) => {
      deltas.push(t - last)
      last = t
      if (t < end) requestAnimationFrame(tick)
      else resolve(deltas)
    }
    requestAnimationFrame(tick)
  }))
  const longestTaskDuringTraceMs = await longestTaskSince(page, framesFrom)

  write('default', {
    ...start,
    edits: latencies.length,
    editToCanvasMs: latencies,
    editToCanvasP50Ms: quantile(latencies, 0.5),
    editToCanvasP95Ms: quantile(latencies, 0.95),
    longestTaskDuringEditsMs,
    traceFrames: frames.length,
    traceFrameP50Ms: Math.round(quantile(frames, 0.5) * 10) / 10,
    traceFrameP95Ms: Math.round(quantile(frames, 0.95) * 10) / 10,
    traceFrameMaxMs: Math.round(Math.max(...frames) * 10) / 10,
    longestTaskDuringTraceMs,
  })
})

test('1000 Services × 10 pods: first canvas and edit-to-canvas', async ({ page }) => {
  // minutes on a busy 2-core machine: run on purpose (PERF_SCALE=1 npx playwright test e2e/perf.spec.ts), not in npm test
  test.skip(!process.env.PERF_SCALE, 'the 1000 × 10 browser figures run with PERF_SCALE=1')
  test.setTimeout(600_000)
  await observe(page)
  await page.goto('/#scenario=scale-1000x10')
  await expect(page.locator('[data-testid^="rf__node-"]').first()).toBeVisible({ timeout: 120_000 })
  await expect(page.getByTestId('compile-status')).not.toHaveClass(/is-busy/, { timeout: 120_000 })
  await editorReady(page)
  const start = await startFigures(page)

  // Each edit changes the text of every compile's input (a ConfigMap at the top), and is done when the worker's
  // answer for it is on the canvas (the status leaves "compiling" in the same render that draws the result).
  await quiet(page)
  await page.locator('.monaco-editor .view-lines').click()
  const editsFrom = await now(page)
  const latencies: number[] = []
  let timedOut = 0
  for (let i = 0; i < 5; i++) {
    const ms = await timedEdit(page, `{apiVersion: v1, kind: ConfigMap, metadata: {name: perf-${i}}, data: {k: v}}\n---\n`, { compiled: true })
    if (ms < 0) { timedOut++; continue }
    latencies.push(ms)
    await page.waitForTimeout(500)
  }
  const longestTaskDuringEditsMs = await longestTaskSince(page, editsFrom)
  write('scale-1000x10', {
    ...start,
    edits: latencies.length,
    editsWithoutResultInAMinute: timedOut,
    editToCanvasMs: latencies,
    editToCanvasP50Ms: latencies.length ? quantile(latencies, 0.5) : null,
    editToCanvasP95Ms: latencies.length ? quantile(latencies, 0.95) : null,
    longestTaskDuringEditsMs,
  })
})
