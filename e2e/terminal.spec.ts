import { editorReady, expect, flowNode, test } from './fixtures'
import type { Page } from '@playwright/test'

const shot = (name: string) => `test-results/screens/terminal-${name}.png`
const screen = (page: Page) => page.locator('[data-testid="terminal"] .xterm-rows')

async function openTerminal(page: Page, id: string) {
  // A node box is clicked on its header (its middle holds pods).
  await flowNode(page, id).click(id.startsWith('Node/') ? { position: { x: 30, y: 12 } } : undefined)
  await page.getByTestId('inspector-terminal').click()
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-at', id)
  await page.getByTestId('terminal').click()
}

test("a pod's terminal: prompt, nslookup's answer, history, Tab completion, Ctrl-C; a curl animates on the canvas", async ({ page }) => {
  await page.goto('/')
  await openTerminal(page, 'Pod/default/nginx-pod-1')
  await expect(screen(page)).toContainText('root@nginx-pod-1:/#')

  await page.keyboard.type('nsl')
  await page.keyboard.press('Tab')
  await page.keyboard.type('mysql-service')
  await page.keyboard.press('Enter')
  // busybox nslookup: the server, then the name and its ClusterIP.
  await expect(screen(page)).toContainText('mysql-service.default.svc.cluster.local')
  await expect(screen(page)).toContainText(/Address:\s*10\.96\.0\.11/)
  await page.screenshot({ path: shot('nslookup') })

  // ↑ brings the line back; Ctrl-C abandons it.
  await page.keyboard.press('ArrowUp')
  await expect(screen(page)).toContainText(/root@nginx-pod-1:\/# nslookup mysql-service\s*$/)
  await page.keyboard.press('Control+c')
  await expect(screen(page)).toContainText('nslookup mysql-service^C')

  await page.keyboard.type('curl -s http://nginx-nodeport | grep Hostname')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('trace-position')).toBeVisible()
  await expect(page.getByTestId('packet-marker')).toBeVisible()
  await page.screenshot({ path: shot('curl') })
})

test("the tutorial's canary loop prints about 90 and 10", async ({ page }) => {
  await page.goto('/#scenario=ingress-canary-weight')
  await openTerminal(page, 'Client/workstation')
  await expect(screen(page)).toContainText('user@workstation:~$')
  await page.keyboard.type('for i in {1..100}; do curl -s http://app.example.com | grep -o "Version [0-9]"; done | sort | uniq -c')
  await page.keyboard.press('Enter')
  await expect(screen(page)).toContainText('Version 2', { timeout: 30_000 })
  const text = await screen(page).innerText()
  const v1 = Number(/(\d+) Version 1/.exec(text)?.[1])
  const v2 = Number(/(\d+) Version 2/.exec(text)?.[1])
  expect(v1 + v2).toBe(100)
  expect(v1).toBeGreaterThanOrEqual(80)
  expect(v2).toBeGreaterThanOrEqual(3)
  await page.screenshot({ path: shot('canary') })
})

test('a mutating kubectl edits the YAML, and Ctrl-Z in the editor undoes it', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await openTerminal(page, 'Node/master')
  await page.keyboard.type('kubectl label pod nginx-pod-1 tier=web')
  await page.keyboard.press('Enter')
  await expect(screen(page)).toContainText('pod/nginx-pod-1 labeled')
  await expect(page.getByTestId('tab-nginx.yaml')).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(/tier:\s"?web/)
  await page.screenshot({ path: shot('kubectl-label') })
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(page.locator('.monaco-editor .view-lines')).not.toContainText(/tier:\s"?web/)
})
