import type { Page, Worker } from '@playwright/test'
import { editorReady, expect, flowNode, test } from './fixtures'

/**
 * Faults (issue 12): the compiler worker hangs or crashes; the supervisor (src/worker/supervisor.ts) restarts it, the
 * user is told calmly, the canvas comes back and the YAML is untouched.
 *
 * How the faults are made: nothing in the page helps. Playwright evaluates code inside the running worker through
 * the DevTools protocol (an endless loop for a hang, an uncaught throw for a crash), exactly what a bug in the
 * engine would do; the production build has no fault hook at all.
 */

/** The compiler worker the page runs now (Monaco's YAML worker is another one). */
async function compilerWorker(page: Page, not?: Worker): Promise<Worker> {
  let found: Worker | undefined
  await expect.poll(() => {
    found = page.workers().find((w) => w !== not && /compiler\.worker/.test(w.url()))
    return found !== undefined
  }, { timeout: 15_000 }).toBe(true)
  return found!
}

/** Blocks the worker's thread for good. The evaluation never returns; it fails once the worker is terminated. */
function hang(worker: Worker): void {
  worker.evaluate(() => { for (;;) { /* a hung engine */ } }).catch(() => undefined)
}

/** An uncaught error in the worker: its `error` event reaches the page. */
async function crash(worker: Worker): Promise<void> {
  await worker.evaluate(() => { setTimeout(() => { throw new Error('injected fault (e2e)') }) }).catch(() => undefined)
}

// One flow-style line: Monaco's auto-indent cannot shift it
const newPod = (name: string) =>
  `{apiVersion: v1, kind: Pod, metadata: {name: ${name}}, spec: {containers: [{name: c, image: busybox}]}}\n---\n`

/** Puts a new Pod document at the top of the open file. */
async function addPodAtTop(page: Page, name: string) {
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.insertText(newPod(name))
}

const editorText = (page: Page) => page.locator('.monaco-editor .view-lines').innerText()

/** The main thread's longest task since the observer started (the page must stay responsive). */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __faultTasks: number[] }
    w.__faultTasks = []
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__faultTasks.push(e.duration) }).observe({ type: 'longtask' })
  })
  return () => page.evaluate(() => Math.max(0, ...(window as unknown as { __faultTasks: number[] }).__faultTasks))
}

test('a hung worker: detected by the deadline, restarted, the user told; the canvas comes back and the YAML is intact', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/')
  await editorReady(page)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  const first = await compilerWorker(page)
  hang(first)

  // An edit while the engine is hung: the editor takes it at once, the compile waits for the deadline.
  await addPodAtTop(page, 'after-hang')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('name: after-hang}')
  const typed = await editorText(page)
  // While the worker is stuck the main thread is idle and answers: after the editor's own work for the edit
  // (Monaco, the YAML worker), no long task until the deadline fires; more typing shows at once.
  await page.waitForTimeout(2_000)
  const longest = await watchLongTasks(page)
  const banner = page.getByTestId('fault-banner')
  expect(await banner.count()).toBe(0)
  for (let i = 0; i < 5; i++) {
    const started = Date.now()
    await page.getByTestId('compile-status').textContent()
    expect(Date.now() - started).toBeLessThan(1_000)
    await page.waitForTimeout(500)
  }
  expect(await banner.count(), 'the deadline is generous: not yet').toBe(0)
  expect(await longest()).toBeLessThan(200)

  await expect(banner).toBeVisible({ timeout: 30_000 })
  await expect(banner).toHaveAttribute('data-reason', 'timeout')
  await expect(banner).toContainText('The simulation engine stopped responding and was restarted. Your YAML is unchanged.')
  // The new worker compiled the edited text: the new pod is drawn, the old ones are still there.
  await expect(flowNode(page, 'Pod/default/after-hang')).toBeVisible()
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await expect(page.getByTestId('compile-status')).not.toHaveClass(/is-busy/)
  expect(await editorText(page)).toBe(typed)
  await page.screenshot({ path: 'test-results/screens/faults-restarted.png' })
  await page.getByTestId('fault-dismiss').click()
  await expect(banner).toHaveCount(0)
})

// The worker's error is handled (preventDefault): no console error and no page error, which the fixture checks.
test('a crashed worker: restarted at once, the Chinese note, the canvas redrawn from the new worker', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('language').selectOption('zh')
  await editorReady(page)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  const before = await editorText(page)
  const first = await compilerWorker(page)
  await crash(first)
  const banner = page.getByTestId('fault-banner')
  await expect(banner).toHaveAttribute('data-reason', 'error')
  await expect(banner).toContainText('已重新启动')
  // a new worker answers: an edit is drawn
  await compilerWorker(page, first)
  await addPodAtTop(page, 'after-crash')
  await expect(flowNode(page, 'Pod/default/after-crash')).toBeVisible()
  expect(await editorText(page)).toContain(before.split('\n')[0])
})

test('repeated crashes: it stops after 3 restarts in a minute and says so; Retry brings the canvas back', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/')
  await editorReady(page)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  const before = await editorText(page)
  let worker = await compilerWorker(page)
  for (let i = 0; i < 3; i++) {
    await crash(worker)
    await expect(page.getByTestId('fault-banner')).toHaveAttribute('data-state', 'restarted')
    worker = await compilerWorker(page, worker)
  }
  await crash(worker)
  const banner = page.getByTestId('fault-banner')
  await expect(banner).toHaveAttribute('data-state', 'stopped')
  await expect(banner).toContainText('failed 4 times within a minute')
  // the last canvas stays; an edit now cannot be compiled, and the text is still the user's
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await addPodAtTop(page, 'while-stopped')
  await expect(page.getByTestId('worker-failure')).toContainText('stopped after repeated failures')
  await page.screenshot({ path: 'test-results/screens/faults-stopped.png' })
  await page.getByTestId('fault-retry').click()
  await expect(banner).toHaveCount(0)
  await expect(flowNode(page, 'Pod/default/while-stopped')).toBeVisible()
  expect(await editorText(page)).toContain(before.split('\n')[1])
})
