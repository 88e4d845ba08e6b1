import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, flowNode, test } from './fixtures'
import { longestTraced, longTasks, recordLongTasks, startTrace } from './longTasks'

/**
 * Issue 9's large scenario on the production build: the generated 1000 Services × 10 pods opens collapsed (group
 * cards), pans, zooms, and a group opens to a list whose Service can be selected. Timings go to
 * test-results/perf-large.json (read by `npm run bench`) and the test's annotations; they are reported, never gated:
 * the machines are shared. The test asserts the structural facts (group cards, a bounded number of React Flow
 * nodes in the DOM, expand and select working). The default scenario's load is traced the same way
 * (test-results/perf-load-default.json). A traced task whose longest event names no script (a timer, a frame) says
 * which script it ran (longTasks.ts), so the editor's load steps are told from the app's.
 */

const SERVICES = 'Group/services/default'

type Long = { start: number; duration: number }
const now = (page: Page) => page.evaluate(() => performance.now())
const longestSince = (tasks: Long[], from: number) => Math.round(Math.max(0, ...tasks.filter((t) => t.start >= from).map((t) => t.duration)))

/**
 * Waits for the editor's text with one native querySelector per poll, in the page. Playwright's own assertions (and the
 * locator handler it checks before each) run its selector engine over the whole DOM through DevTools and force style
 * and layout: with the 1000 × 10 canvas, polls of 100 to 170 ms CPU that the trace counted as the page's own tasks.
 */
async function editorShown(page: Page) {
  await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines') !== null, undefined, { polling: 200, timeout: 60_000 })
}

/** A point of the canvas with no card under it (a drag there pans). */
function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const r = document.querySelector('.react-flow__pane')!.getBoundingClientRect()
    for (let y = r.top + r.height / 2; y < r.bottom - 20; y += 7) {
      for (let x = r.left + r.width / 2; x > r.left + 20; x -= 7) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y }
      }
    }
    return { x: r.left + 30, y: r.top + 30 }
  })
}

/** Waits until the main thread has had `quietMs` without a long task; returns when the last one ended (page time). */
async function settle(page: Page, quietMs: number): Promise<number> {
  for (;;) {
    const [tasks, t] = await Promise.all([longTasks(page), now(page)])
    const lastEnd = Math.max(0, ...tasks.map((x) => x.start + x.duration))
    if (t - lastEnd >= quietMs) return lastEnd
    await page.waitForTimeout(100)
  }
}

test('the 1000 × 10 scenario opens collapsed, pans, zooms, expands and selects without freezing', async ({ page }) => {
  test.setTimeout(240_000)
  await recordLongTasks(page)

  // The worker's supervisor (src/worker/supervisor.ts) may restart a worker whose calls queue behind this scenario's
  // compile for longer than their deadline; its note covers the canvas. Counted in the figures, and dismissed.
  let workerRestartNotes = 0
  await page.addLocatorHandler(page.getByTestId('fault-dismiss'), async (button) => {
    workerRestartNotes++
    await button.click()
  })

  const stopTrace = await startTrace(await page.context().newCDPSession(page))
  const mark = (name: string) => page.evaluate((n) => { performance.mark(n) }, name)

  await page.goto('/#scenario=scale-1000x10')
  await expect(page.getByTestId('scenario')).toHaveValue('scale-1000x10')
  const group = page.getByTestId('servicegroup-default')
  await expect(group).toBeVisible({ timeout: 90_000 })
  const firstCanvasMs = Math.round(await now(page))
  // the 1000 Services and the API server's default/kubernetes
  await expect(group).toContainText('default: 1001 Services')
  await expect(page.getByTestId('topology')).toHaveAttribute('data-collapsed', 'true')
  await editorShown(page)
  const editorReadyMs = Math.round(await now(page))
  // interactive: the first moment after the first canvas from which the main thread stays free for a second
  const lastLongEnd = await settle(page, 1000)
  const interactiveMs = Math.round(Math.max(firstCanvasMs, lastLongEnd))
  const afterLoad = await now(page)
  await mark('kh-load')

  // the picture is a few hundred cards, not 11 000: node boxes, one card per node's pods, the namespace's Services
  const rendered = await page.locator('.react-flow__node').count()
  expect(rendered).toBeLessThan(400)
  await expect(page.locator('[data-testid^="podgroup-Group/pods/"]').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/large-1280.png' })

  // pan (drag the empty canvas: dragging a card moves the card) and zoom (wheel) around the middle of the canvas
  for (let i = 0; i < 4; i++) {
    const { x, y } = await emptySpot(page)
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x - 150, y - 80, { steps: 12 })
    await page.mouse.up()
    for (let k = 0; k < 4; k++) { await page.mouse.wheel(0, i % 2 === 0 ? -240 : 240); await page.waitForTimeout(40) }
  }
  await page.waitForTimeout(300)
  const afterPan = await now(page)
  await mark('kh-pan-zoom')
  const longestPanZoomMs = longestSince(await longTasks(page), afterLoad)

  // drag one node box (its position then belongs to the scenario)
  const nodeBox = flowNode(page, 'Node/node1')
  const nb = (await nodeBox.boundingBox())!
  await page.mouse.move(nb.x + 20, nb.y + 8)
  await page.mouse.down()
  await page.mouse.move(nb.x + 60, nb.y + 40, { steps: 8 })
  await page.mouse.up()
  await page.waitForTimeout(300)
  const afterDrag = await now(page)
  await mark('kh-node-drag')
  const longestDragMs = longestSince(await longTasks(page), afterPan)

  // fit the view again, open the namespace's Services, filter, and select one: the inspector and the YAML follow
  await page.getByRole('button', { name: 'Fit the cluster in view' }).click()
  await page.getByTestId(`expand-${SERVICES}`).click()
  await expect(group.getByTestId('group-members')).toBeVisible()
  await expect(page.getByTestId('member-Service/default/svc-0')).toBeVisible()
  // virtualised: a handful of rows in the DOM, not 1000
  expect(await group.locator('[data-testid^="member-"]').count()).toBeLessThan(30)
  await group.getByTestId('group-search').fill('svc-999')
  await page.getByTestId('member-Service/default/svc-999').click()
  await expect(page.getByTestId('inspector-title')).toHaveText('Service/default/svc-999')
  await expect(flowNode(page, SERVICES).locator('.card')).toHaveClass(/is-active/)
  await expect(group).toContainText('svc-999')
  await page.waitForTimeout(300)
  const longestExpandMs = longestSince(await longTasks(page), afterDrag)
  await mark('kh-expand-select')
  await page.screenshot({ path: 'test-results/screens/large-expanded-1280.png' })
  // close up: the open card and the node boxes it reaches, legible
  const card = (await flowNode(page, SERVICES).boundingBox())!
  // beside the card: over its list the wheel scrolls the list, not the canvas
  await page.mouse.move(card.x + card.width + 4, card.y + card.height / 3)
  for (let k = 0; k < 4; k++) { await page.mouse.wheel(0, -300); await page.waitForTimeout(60) }
  await page.waitForTimeout(300)
  await page.screenshot({ path: 'test-results/screens/large-closeup-1280.png' })
  await page.getByRole('button', { name: 'Fit the cluster in view' }).click()

  // a node's pod card opens too, and a pod selected there is the inspector's
  const podCard = page.locator('[data-testid^="podgroup-Group/pods/node1"]').first()
  const podCardId = (await podCard.getAttribute('data-testid'))!.replace(/^podgroup-/, '')
  await page.getByTestId(`expand-${podCardId}`).click()
  const firstPod = podCard.locator('[data-testid^="member-Pod/"]').first()
  const podId = (await firstPod.getAttribute('data-testid'))!.replace(/^member-/, '')
  await firstPod.click()
  await expect(page.getByTestId('inspector-title')).toHaveText(podId)
  await page.getByTestId(`expand-${podCardId}`).click()
  await expect(podCard.getByTestId('group-members')).toHaveCount(0)

  // the YAML cursor on a grouped Service lights its group card: the file's last document is svc-999's Service
  await page.getByTestId(`expand-${SERVICES}`).click()
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('ArrowUp')
  await expect(page.getByTestId('inspector-title')).toHaveText('Service/default/svc-999')
  await expect(flowNode(page, SERVICES).locator('.card')).toHaveClass(/is-active/)

  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.getByRole('button', { name: 'Fit the cluster in view' }).click()
  await page.waitForTimeout(400)
  await page.screenshot({ path: 'test-results/screens/large-1920.png' })

  const traced = longestTraced(await stopTrace(), ['kh-load', 'kh-pan-zoom', 'kh-node-drag', 'kh-expand-select'])
  const tasks = await longTasks(page)
  const figures = {
    scenario: 'scale-1000x10',
    firstCanvasMs, editorReadyMs, interactiveMs,
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    longestTaskDuringLoadMs: Math.round(Math.max(0, ...tasks.filter((t) => t.start < afterLoad).map((t) => t.duration))),
    longestTaskPanZoomMs: longestPanZoomMs,
    longestTaskNodeDragMs: longestDragMs,
    longestTaskExpandSelectMs: longestExpandMs,
    longTasksOver200Ms: tasks.filter((t) => t.duration > 200).length,
    // the same phases from Chromium's trace: wall and CPU time of the longest task (CPU time is not inflated by
    // other processes on a loaded machine)
    traced: {
      load: traced['kh-load'], panZoom: traced['kh-pan-zoom'], nodeDrag: traced['kh-node-drag'], expandSelect: traced['kh-expand-select'],
    },
    renderedFlowNodes: rendered,
    workerRestartNotes,
    targets: { longestTaskMs: 200 },
  }
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/perf-large.json', JSON.stringify(figures, null, 2) + '\n')
  for (const [k, v] of Object.entries(figures)) test.info().annotations.push({ type: k, description: JSON.stringify(v) })
})

test('the default scenario opens without a long task: its load traced like the large one\'s', async ({ page }) => {
  test.setTimeout(120_000)
  await recordLongTasks(page)
  const stopTrace = await startTrace(await page.context().newCDPSession(page))
  await page.goto('/')
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  const firstCanvasMs = Math.round(await now(page))
  await editorShown(page)
  const editorReadyMs = Math.round(await now(page))
  // the editor's load ends with its first frames; a second without a long task after them closes the phase
  await settle(page, 1000)
  await page.evaluate(() => { performance.mark('kh-load') })
  const traced = longestTraced(await stopTrace(), ['kh-load'])
  const figures = {
    scenario: 'service-basics', firstCanvasMs, editorReadyMs,
    longestTaskDuringLoadMs: Math.round(Math.max(0, ...(await longTasks(page)).map((t) => t.duration))),
    traced: { load: traced['kh-load'] },
    targets: { longestTaskMs: 200 },
  }
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/perf-load-default.json', JSON.stringify(figures, null, 2) + '\n')
  for (const [k, v] of Object.entries(figures)) test.info().annotations.push({ type: k, description: JSON.stringify(v) })
})

test('a request to a pod drawn inside a group card: the packet marker and the glow point at the card', async ({ page }) => {
  test.setTimeout(240_000)
  await page.addLocatorHandler(page.getByTestId('fault-dismiss'), async (button) => { await button.click() })
  await page.goto('/#scenario=scale-1000x10')
  await expect(page.getByTestId('servicegroup-default')).toBeVisible({ timeout: 90_000 })

  // the scenario's first suggestion: node1 curls svc-0's ClusterIP (kube-proxy DNATs it to one of app-0's pods)
  await page.getByTestId('trace-send').click()
  await expect(page.getByTestId('composer')).toBeVisible()
  await page.getByTestId('composer-from').selectOption('Node/node1')
  await page.getByTestId('composer-target').fill('http://10.96.0.11')
  await page.getByTestId('composer-send').click()
  const delivery = page.locator('[data-testid="event-row"][data-stage="pod"]').last()
  await expect(delivery).toBeVisible({ timeout: 120_000 })
  await page.getByTestId('trace-play').click() // pause
  await delivery.click()
  const marker = page.getByTestId('packet-marker')
  await expect(marker).toHaveAttribute('data-at', /^Pod\/default\/app-0-/)

  // the glow's style rule names the group card holding the pod, and the marker's dot sits on that card
  const glowing = await page.evaluate(() => {
    const rule = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').find((t) => t.includes('.react-flow__node[data-id='))
    // the rule quotes the id through CSS.escape
    return rule?.match(/data-id="([^"]+)"/)?.[1]?.replace(/\\(.)/g, "$1")
  })
  expect(glowing).toMatch(/^Group\/pods\//)
  const card = (await flowNode(page, glowing!).boundingBox())!
  const dot = (await marker.locator('.packet-dot').boundingBox())!
  const cx = dot.x + dot.width / 2, cy = dot.y + dot.height / 2
  expect(cx >= card.x && cx <= card.x + card.width && cy >= card.y && cy <= card.y + card.height, `marker at ${cx},${cy} on ${glowing}`).toBe(true)
  await page.screenshot({ path: 'test-results/screens/large-trace-1280.png' })
})
