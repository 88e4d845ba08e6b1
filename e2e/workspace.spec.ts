import { editorReady, expect, test } from './fixtures'
import { encodeShareFile } from '../src/app/share/codec'
import type { Page } from '@playwright/test'

const shot = (name: string) => `test-results/screens/workspace-${name}.png`
const lines = (page: Page) => page.locator('.monaco-editor .view-lines')

async function typeAtTop(page: Page, text: string) {
  await lines(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type(text)
}

/** The saved workspace list as IndexedDB holds it (workspace/persist.ts: database kube-hops, store workspaces, key list). */
const savedList = (page: Page) => page.evaluate(() => new Promise<string>((resolve) => {
  const open = indexedDB.open('kube-hops', 1)
  open.onerror = () => resolve('')
  open.onupgradeneeded = () => { open.result.createObjectStore('workspaces') }
  open.onsuccess = () => {
    try {
      const get = open.result.transaction('workspaces', 'readonly').objectStore('workspaces').get('list')
      get.onsuccess = () => { resolve(typeof get.result === 'string' ? get.result : ''); open.result.close() }
      get.onerror = () => resolve('')
    } catch {
      resolve('')
    }
  }
}))

const panel = (page: Page) => page.getByTestId('workspace-panel')
async function openPanel(page: Page) {
  if (!(await panel(page).isVisible())) await page.getByTestId('workspaces-open').click()
  await expect(panel(page)).toBeVisible()
}
const item = (page: Page, name: string) => panel(page).getByTestId('workspace-item').filter({ has: page.getByTestId('workspace-name').getByText(name, { exact: true }) })

test('an edit survives a reload', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await typeAtTop(page, '#kept-after-reload\n')
  await expect(lines(page)).toContainText('#kept-after-reload')
  // autosave writes after a pause in typing: wait until IndexedDB holds the edit
  await expect.poll(() => savedList(page), { timeout: 20_000 }).toContain('#kept-after-reload')
  await page.reload()
  await editorReady(page)
  await expect(lines(page)).toContainText('#kept-after-reload')
  // a route to the same gallery scenario reopens the user's workspace of it, not a fresh copy
  await page.goto('/?scenario=service-basics')
  await editorReady(page)
  await expect(lines(page)).toContainText('#kept-after-reload')
})

test('workspaces: new from the gallery, duplicate, rename, delete, reset; undo survives switching', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await typeAtTop(page, '#basics-edit\n')

  await openPanel(page)
  await page.getByTestId('workspace-new-from').selectOption('clusterip-mysql')
  await expect(page.getByTestId('tab-mysql-pod.yaml')).toBeVisible()
  await expect(page.getByTestId('workspace-item')).toHaveCount(2)
  await expect(lines(page)).not.toContainText('#basics-edit')
  await typeAtTop(page, '#mysql-edit\n')

  // duplicate, rename (markup stays text), delete with confirm
  await openPanel(page)
  const mysql = panel(page).locator('[data-testid="workspace-item"][data-current]')
  await mysql.getByTestId('workspace-duplicate').click()
  await expect(page.getByTestId('workspace-item')).toHaveCount(3)
  const copy = panel(page).locator('[data-testid="workspace-item"][data-current]')
  await expect(copy.getByTestId('workspace-name')).toContainText('copy')
  await expect(lines(page)).toContainText('#mysql-edit')
  await copy.getByTestId('workspace-rename').click()
  await page.getByTestId('workspace-name-input').fill('<b>bold</b> copy')
  await page.getByTestId('workspace-name-input').press('Enter')
  await expect(item(page, '<b>bold</b> copy')).toHaveCount(1)
  await expect(panel(page).locator('b')).toHaveCount(0)
  await page.screenshot({ path: shot('list') })
  await page.getByTestId('language').selectOption('zh')
  await openPanel(page)
  await expect(panel(page)).toContainText('你的场景')
  await page.screenshot({ path: shot('list-zh') })
  await page.getByTestId('language').selectOption('en')
  await openPanel(page)
  await item(page, '<b>bold</b> copy').getByTestId('workspace-delete').click()
  await item(page, '<b>bold</b> copy').getByTestId('workspace-confirm').click()
  await expect(page.getByTestId('workspace-item')).toHaveCount(2)

  // deleting the open copy opened its neighbour, the MySQL lab; reset it to its gallery text
  await expect(panel(page).locator('[data-testid="workspace-item"][data-current]')).toContainText('ClusterIP')
  await expect(lines(page)).toContainText('#mysql-edit')
  await panel(page).locator('[data-testid="workspace-item"][data-current]').getByTestId('workspace-reset').click()
  await panel(page).locator('[data-testid="workspace-item"][data-current]').getByTestId('workspace-confirm').click()
  await expect(lines(page)).not.toContainText('#mysql-edit')

  // undo after switching away and back: the first workspace's own undo stack
  await openPanel(page)
  await panel(page).getByTestId('workspace-item').first().getByTestId('workspace-name').click()
  await expect(lines(page)).toContainText('#basics-edit')
  await typeAtTop(page, 'undoable-')
  await expect(lines(page)).toContainText('undoable-#basics-edit')
  await openPanel(page)
  await panel(page).getByTestId('workspace-item').nth(1).getByTestId('workspace-name').click()
  await expect(page.getByTestId('tab-mysql-pod.yaml')).toBeVisible()
  await openPanel(page)
  await panel(page).getByTestId('workspace-item').first().getByTestId('workspace-name').click()
  await expect(lines(page)).toContainText('undoable-#basics-edit')
  await lines(page).click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(lines(page)).not.toContainText('undoable')
  await expect(lines(page)).toContainText('#basics-edit')

  // a new empty workspace
  await openPanel(page)
  await page.getByTestId('workspace-new').click()
  await expect(page.getByTestId('tab-scenario.yaml')).toBeVisible()
  await expect(page.getByTestId('workspace-item')).toHaveCount(3)
})

test('a .kubehops.json file opened with "Open file…" restores its scenario', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  const text = encodeShareFile({
    scenario: 'clusterip-mysql',
    files: [{ path: 'from-file.yaml', text: '#opened-from-a-file\napiVersion: v1\nkind: Pod\nmetadata:\n  name: filed\nspec:\n  containers:\n  - name: c\n    image: nginx:1.20\n' }],
    positions: {},
    seed: 1,
    hop: 0,
  })
  await openPanel(page)
  await page.getByTestId('workspace-open-file').setInputFiles({ name: 'lab.kubehops.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.getByTestId('tab-from-file.yaml')).toBeVisible()
  await expect(lines(page)).toContainText('#opened-from-a-file')
  await expect(page.getByTestId('rf__node-Pod/default/filed')).toBeVisible()
  // a file that is not one is refused, nothing changes
  await openPanel(page)
  await page.getByTestId('workspace-open-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') })
  await expect(page.getByTestId('notice-alert')).toContainText('not a Kube Hops scenario')
  await expect(lines(page)).toContainText('#opened-from-a-file')
})

test('a .kubehops.json dropped anywhere on the page opens the same way', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  const text = encodeShareFile({
    scenario: '', files: [{ path: 'dropped.yaml', text: '#dropped-file\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dropped\n' }],
    positions: {}, seed: 1, hop: 0,
  })
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer()
    dt.items.add(new File([t], 'dropped.kubehops.json', { type: 'application/json' }))
    return dt
  }, text)
  await page.dispatchEvent('.canvas-section', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('.canvas-section', 'drop', { dataTransfer: transfer })
  await expect(page.getByTestId('tab-dropped.yaml')).toBeVisible()
  await expect(lines(page)).toContainText('#dropped-file')
})

test('storage that is not there is told once and the page keeps working in memory', async ({ page }) => {
  await page.addInitScript(() => {
    // private mode at its worst: no IndexedDB, a localStorage whose every write throws
    Object.defineProperty(window, 'indexedDB', { get: () => undefined })
    Storage.prototype.setItem = () => { throw new DOMException('denied', 'SecurityError') }
  })
  await page.goto('/')
  await editorReady(page)
  await expect(page.getByTestId('notice-alert')).toContainText('does not let the page save')
  await expect(page.getByTestId('notice-alert')).toHaveCount(1)
  await typeAtTop(page, '#in-memory\n')
  await expect(lines(page)).toContainText('#in-memory')
  await openPanel(page)
  await page.getByTestId('workspace-new-from').selectOption('clusterip-mysql')
  await expect(page.getByTestId('tab-mysql-pod.yaml')).toBeVisible()
  await page.waitForTimeout(1000)
  await expect(page.getByTestId('notice-alert')).toHaveCount(1)
})
