import { editorReady, expect, flowEdge, flowNode, test } from './fixtures'
import type { Page } from '@playwright/test'

const shot = (name: string) => `test-results/screens/whatif-${name}.png`
const podIp = (page: Page, id: string) => flowNode(page, id).locator('.card-sub .mono')
const editorText = (page: Page) => page.locator('.monaco-editor .view-lines')

async function traceToMysql(page: Page) {
  await flowNode(page, 'Pod/default/nginx-pod-1').click()
  await page.getByTestId('inspector-send').click()
  await page.getByTestId('composer-target').fill('mysql-service:3306')
  await page.getByTestId('composer-send').click()
  await page.locator('[data-testid="event-row"][data-stage="pod"]').last().click()
  await expect(page.getByTestId('trace-outcome')).toContainText('ok')
  await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-at', 'Pod/default/mysql-pod')
}

test('delete and re-apply the MySQL pod from the canvas: a new IP, the YAML changed, nginx still reaches mysql-service there; Ctrl-Z undoes it', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  const mysql = 'Pod/default/mysql-pod'
  await expect(podIp(page, mysql)).toHaveText(/^10\.244\.\d+\.\d+$/)
  const oldIp = (await podIp(page, mysql).textContent())!

  await flowNode(page, mysql).click({ button: 'right' })
  const menu = page.getByRole('menu', { name: `What if: ${mysql}` })
  await expect(menu).toBeVisible()
  await expect(page.getByTestId('whatif-deletePod')).toHaveText('Delete pod (nothing recreates it)')
  await expect(page.getByTestId('whatif-deletePod')).toBeFocused()
  await page.screenshot({ path: shot('menu-pod') })
  await page.getByTestId('whatif-recreatePod').click()
  await expect(menu).toBeHidden()

  // The tutorial's step: the pod comes back with another address, and the summary says so.
  await expect(page.getByTestId('whatif-summary')).toContainText(`it had ${oldIp}, now 10.244.`)
  await expect(podIp(page, mysql)).not.toHaveText(oldIp)
  const newIp = (await podIp(page, mysql).textContent())!
  expect(newIp).toMatch(/^10\.244\.\d+\.\d+$/)
  await expect(page.getByTestId('tab-mysql.yaml')).toHaveAttribute('aria-selected', 'true')
  await expect(editorText(page)).toContainText(new RegExp(`kube-hops.dev/previous-ips:\\s"?${oldIp.replace(/\./g, '\\.')}`))
  await page.screenshot({ path: shot('recreated') })

  // The nginx pod's request to mysql-service:3306 is DNATed to the new address and delivered.
  await traceToMysql(page)
  await expect(page.getByTestId('dock')).toContainText(`${newIp}:3306`)

  // Ctrl-Z in the editor restores the old YAML, and the pod its old address (selecting nginx-pod-1 showed nginx.yaml).
  await page.getByTestId('tab-mysql.yaml').click()
  await expect(editorText(page)).toContainText('kube-hops.dev/previous-ips')
  await editorText(page).click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(editorText(page)).not.toContainText('kube-hops.dev/previous-ips')
  await expect(podIp(page, mysql)).toHaveText(oldIp)
})

test('keyboard: Shift+F10 on a node card opens its menu, arrows move, Escape closes; power off node2: its pods stop being ready endpoints; Undo', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  const node2 = flowNode(page, 'Node/node2')
  await expect(node2).toBeVisible()
  await node2.focus()
  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: 'What if: Node/node2' })
  await expect(menu).toBeVisible()
  await expect(page.getByTestId('whatif-cordon')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('whatif-drainForce')).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(page.getByTestId('whatif-powerOff')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(node2).toBeFocused()

  await page.keyboard.press('ContextMenu')
  await expect(menu).toBeVisible()
  // the actions come from the worker: the first one takes the focus when they arrive
  await expect(page.getByTestId('whatif-cordon')).toBeFocused()
  await page.keyboard.press('End')
  await expect(page.getByTestId('whatif-powerOff')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('whatif-summary')).toContainText('Powered node2 off')
  await expect(page.getByTestId('node-node2')).toHaveClass(/is-down/)
  // nginx-pod-1 runs on node2: its endpoint of nginx-nodeport is no longer ready (drawn dashed)
  await expect(flowEdge(page, 'Service/default/nginx-nodeport', 'Pod/default/nginx-pod-1')).toHaveClass(/not-ready/)
  await expect(flowEdge(page, 'Service/default/nginx-nodeport', 'Pod/default/nginx-pod-2')).not.toHaveClass(/not-ready/)
  await page.screenshot({ path: shot('power-off') })

  // A what-if that wrote a new file (the default lab's machines) is undone by the notice's Undo.
  await page.getByTestId('whatif-undo').click()
  await expect(page.getByTestId('node-node2')).not.toHaveClass(/is-down/)
  await expect(page.getByTestId('whatif-summary')).toContainText('Undone')
})

test('StatefulSet: drain node1 moves its pods to node2 with new IPs; scale from the Inspector to 5 replicas (in Chinese)', async ({ page }) => {
  await page.goto('/#scenario=statefulset-headless')
  await editorReady(page)
  const web0 = 'Pod/default/web-0'
  await expect(flowNode(page, web0)).toBeVisible()
  await flowNode(page, 'Node/node1').click({ button: 'right' })
  await page.getByTestId('whatif-drain').click()
  await expect(page.getByTestId('whatif-summary')).toContainText('Drained node1')
  await expect(page.getByTestId('whatif-summary')).toContainText('default/web-0, default/web-2')
  await expect(podIp(page, web0)).toHaveText(/^10\.244\.2\.\d+$/)
  await expect(podIp(page, 'Pod/default/web-2')).toHaveText(/^10\.244\.2\.\d+$/)
  // the lab's machines are written out with node1 cordoned; the StatefulSet records the evicted pods
  await expect(editorText(page)).toContainText(/name:\snode1,\sip:\s192\.168\.100\.21,\sunschedulable:\strue/)
  await page.getByTestId('tab-web.yaml').click()
  await expect(editorText(page)).toContainText(/kube-hops\.dev\/deleted-pods:\s"?web-0@10\.244\.1\.2,web-2@10\.244\.1\.3/)
  await page.screenshot({ path: shot('drained') })

  await page.getByTestId('language').selectOption('zh')
  await flowNode(page, web0).click()
  await page.getByTestId('whatif-open').click()
  await expect(page.getByRole('menu', { name: `假如:${web0}` })).toBeVisible()
  await page.getByTestId('whatif-scale').click()
  await expect(page.getByTestId('whatif-replicas')).toBeFocused()
  await expect(page.getByTestId('whatif-replicas')).toHaveValue('3')
  await page.getByTestId('whatif-replicas').fill('5')
  await page.screenshot({ path: shot('scale-zh') })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('whatif-summary')).toHaveText('已将 StatefulSet/default/web 的副本数从 3 调整为 5。')
  await expect(flowNode(page, 'Pod/default/web-4')).toBeVisible()
  await expect(editorText(page)).toContainText(/replicas:\s5/)
  await page.screenshot({ path: shot('scaled-zh') })
})
