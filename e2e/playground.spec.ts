import { editorReady, expect, flowEdge, flowNode, test } from './fixtures'

const nginxSvc = 'Service/default/nginx-nodeport'
const mysqlSvc = 'Service/default/mysql-service'
const nginxPods = ['Pod/default/nginx-pod-1', 'Pod/default/nginx-pod-2', 'Pod/default/nginx-pod-3']

test('draws the default scenario: nodes, pods, Services and their endpoint edges', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('region', { name: 'Topology' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Editor' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible()

  for (const id of ['Client/workstation', 'Node/master', 'Node/node1', 'Node/node2', 'Pod/default/mysql-pod', ...nginxPods, nginxSvc, mysqlSvc]) {
    await expect(flowNode(page, id)).toBeVisible()
  }
  const svc = page.getByTestId('service-default/nginx-nodeport')
  await expect(svc).toContainText('NodePort')
  await expect(svc).toContainText('80:30080/TCP')
  await expect(svc).toContainText(/10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+/)
  await expect(page.getByTestId('pod-default/mysql-pod')).toContainText(/10\.244\.\d+\.\d+/)
  await expect(page.getByTestId('pod-default/mysql-pod')).toContainText('1/1')
  await expect(page.getByTestId('node-node1')).toContainText('192.168.100.21')

  await expect(flowEdge(page, mysqlSvc, 'Pod/default/mysql-pod')).toHaveCount(1)
  for (const pod of nginxPods) await expect(flowEdge(page, nginxSvc, pod)).toHaveCount(1)

  await editorReady(page)
  await expect(page.getByTestId('tab-mysql.yaml')).toBeVisible()
  await expect(page.getByTestId('tab-nginx.yaml')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/default-scenario.png' })
})

test('broken YAML: a marker and a Problems entry, the last good canvas kept greyed, then fixed', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()

  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('oops: [unclosed\n')

  // monaco-yaml's own syntax marker (proves its worker runs) and the engine's Problems entry.
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 15_000 })
  await expect(page.locator('[data-testid="problem"][data-code="yaml.syntax"]').first()).toBeVisible()
  await expect(page.getByTestId('topology')).toHaveAttribute('data-outdated', 'true')
  await expect(page.getByTestId('outdated-banner')).toBeVisible()
  await expect(page.getByTestId('outdated-banner')).toContainText('mysql.yaml:')
  // The last good picture stays: the pod and its Service are still drawn.
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await expect(flowEdge(page, mysqlSvc, 'Pod/default/mysql-pod')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/screens/broken-yaml.png' })

  // The banner points at the first error.
  await page.getByTestId('outdated-banner').click()
  await expect(page.locator('.monaco-editor.focused')).toBeVisible()
  await expect(page.getByTestId('tab-mysql.yaml')).toHaveAttribute('aria-selected', 'true')

  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(page.getByTestId('outdated-banner')).toHaveCount(0)
  await expect(page.getByTestId('topology')).toHaveAttribute('data-outdated', 'false')
  await expect(page.locator('[data-testid="problem"][data-code="yaml.syntax"]')).toHaveCount(0)
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0)
})

test('a label edit re-links the Service edges', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await expect(flowEdge(page, nginxSvc, 'Pod/default/nginx-pod-3')).toHaveCount(1)

  await page.getByTestId('tab-nginx.yaml').click()
  await page.locator('.monaco-editor .view-lines').click()
  // Find nginx-pod-3's name, then go down to its `app: nginx` label (two lines below).
  await page.keyboard.press('ControlOrMeta+f')
  await page.keyboard.type('name: nginx-pod-3')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.type('-canary')

  await expect(flowEdge(page, nginxSvc, 'Pod/default/nginx-pod-3')).toHaveCount(0)
  await expect(flowEdge(page, nginxSvc, 'Pod/default/nginx-pod-1')).toHaveCount(1)
  await expect(flowEdge(page, nginxSvc, 'Pod/default/nginx-pod-2')).toHaveCount(1)
  await expect(flowNode(page, 'Pod/default/nginx-pod-3')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/label-edit.png' })

  await page.keyboard.press('ControlOrMeta+z')
  await expect(flowEdge(page, nginxSvc, 'Pod/default/nginx-pod-3')).toHaveCount(1)
})

test('canvas and editor select each other', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)

  // Clicking a Service selects its YAML lines and shows its endpoints in the Inspector.
  await page.getByTestId('service-default/nginx-nodeport').click()
  await expect(page.getByTestId('tab-nginx.yaml')).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.monaco-editor .selected-text').first()).toBeVisible()
  await expect(page.getByTestId('inspector-title')).toHaveText(nginxSvc)
  await expect(page.getByTestId('inspector-endpoints').locator('li')).toHaveCount(3)
  await expect(page.getByTestId('service-default/nginx-nodeport')).toHaveClass(/is-active/)
  await page.screenshot({ path: 'test-results/screens/service-selected.png' })

  // Putting the cursor in mysql-pod's YAML selects it on the canvas.
  await page.getByTestId('tab-mysql.yaml').click()
  await page.locator('.monaco-editor .view-line', { hasText: 'image: reg.westos.org/library/mysql' }).click()
  await expect(page.getByTestId('pod-default/mysql-pod')).toHaveClass(/is-active/)
  await expect(page.getByTestId('inspector-title')).toHaveText('Pod/default/mysql-pod')

  // The keyboard selects too: focus a card and press Enter.
  await flowNode(page, mysqlSvc).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('inspector-title')).toHaveText(mysqlSvc)
  await expect(page.getByTestId('tab-mysql.yaml')).toHaveAttribute('aria-selected', 'true')
  // Delete does not remove what the YAML defines.
  await page.keyboard.press('Delete')
  await expect(flowNode(page, mysqlSvc)).toBeVisible()
})

test('speaks Chinese', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('language').selectOption('zh')
  await expect(page.getByRole('region', { name: '拓扑' })).toBeVisible()
  await expect(page.getByRole('region', { name: '问题' })).toBeVisible()
  await expect(page.getByTestId('scenario')).toHaveValue('service-basics')
  await expect(page.getByTestId('scenario').locator('option[value="service-basics"]')).toHaveText('Service:ClusterIP 与 NodePort')
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/chinese.png' })
})

test('dark theme and a large screen', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/')
  await editorReady(page)
  await page.getByTestId('theme').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible()
  await page.getByTestId('service-default/mysql-service').click()
  await page.screenshot({ path: 'test-results/screens/dark-1920.png' })
})

// `DOCS_SCREENSHOT=1 npx playwright test -g "docs screenshot"` refreshes the README's picture.
test('docs screenshot', async ({ page }) => {
  test.skip(!process.env.DOCS_SCREENSHOT, 'only when refreshing docs/screenshot.png')
  await page.goto('/')
  await editorReady(page)
  await expect(page.locator('.monaco-editor .mtk1').first()).toBeVisible()
  await page.getByTestId('service-default/nginx-nodeport').click()
  await expect(page.getByTestId('inspector-endpoints').locator('li')).toHaveCount(3)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/screenshot.png' })
})

test('the mode switch rewrites the kube-proxy configuration in the YAML', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  const mode = page.getByRole('combobox', { name: 'kube-proxy mode' })
  await expect(mode).toHaveValue('iptables')
  await mode.selectOption('ipvs')
  // The default scenario has no configuration yet: the switch writes one, in a new file the editor shows.
  await expect(page.getByTestId('tab-kube-proxy.yaml')).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('kind: KubeProxyConfiguration')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('mode: ipvs')
  await expect(mode).toHaveValue('ipvs')
  // Switching again edits that file in place.
  await mode.selectOption('nftables')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('mode: nftables')
  await expect(mode).toHaveValue('nftables')
  await expect(page.locator('[data-testid^="tab-"]')).toHaveCount(3)
  await page.screenshot({ path: 'test-results/screens/mode-switch.png' })
})

test('? lists the keyboard shortcuts', async ({ page }) => {
  await page.goto('/')
  await expect(flowNode(page, mysqlSvc)).toBeVisible()
  await page.locator('body').press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Undo / redo')
  await page.screenshot({ path: 'test-results/screens/help.png' })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // Typing ? in the editor types it.
  await editorReady(page)
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('?')
  await expect(dialog).toBeHidden()
})

test('every gallery scenario opens and draws', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto('/')
  await expect(flowNode(page, mysqlSvc)).toBeVisible()
  const picker = page.getByTestId('scenario')
  const names = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  expect(names.length).toBeGreaterThan(1)
  for (const name of names) {
    await picker.selectOption(name)
    await expect(page).toHaveURL(new RegExp(`#scenario=${name}$`))
    await expect(page.locator('.react-flow__node-pod').first()).toBeVisible()
    await expect(page.getByTestId('compile-status')).toHaveText('Up to date')
    await page.screenshot({ path: `test-results/screens/gallery-${name}.png` })
  }
  // A scenario route opens that scenario directly.
  await page.goto(`/#scenario=${names[0]}`)
  await expect(picker).toHaveValue(names[0])
  // and so does a link to a lab, ?scenario=NAME
  await page.goto(`/?scenario=${names[1]}`)
  await expect(picker).toHaveValue(names[1])
  await expect(page.locator('.react-flow__node').first()).toBeVisible()
})

test('a dragged card stays where the user put it when the YAML changes', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  const card = flowNode(page, 'Client/workstation')
  const before = (await card.boundingBox())!
  await page.mouse.move(before.x + 20, before.y + 10)
  await page.mouse.down()
  await page.mouse.move(before.x + 20, before.y + 90, { steps: 8 })
  await page.mouse.up()
  const dragged = (await card.boundingBox())!
  expect(dragged.y - before.y).toBeGreaterThan(40)

  // Any edit recompiles and relays the graph; the user's position wins over the layout.
  await page.locator('.monaco-editor .view-line', { hasText: 'name: mysql-service' }).click()
  await page.keyboard.press('End')
  await page.keyboard.type('-x')
  await expect(flowNode(page, 'Service/default/mysql-service-x')).toBeVisible()
  const after = (await card.boundingBox())!
  expect(Math.abs(after.y - dragged.y)).toBeLessThan(2)
  expect(Math.abs(after.x - dragged.x)).toBeLessThan(2)
})

test('a lint finding: a warning marker and Problems entry, the canvas stays live', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await expect(flowEdge(page, mysqlSvc, 'Pod/default/mysql-pod')).toHaveCount(1)
  const cardBefore = (await flowNode(page, mysqlSvc).boundingBox())!
  // The Service's selector `app: mysql` (four lines below its name) stops matching the pod.
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+f')
  await page.keyboard.type('name: mysql-service')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.type('x')

  const lint = page.locator('[data-testid="problem"][data-code^="cluster.lint.selector"]').first()
  await expect(lint).toBeVisible()
  await expect(lint).toContainText('mysql.yaml:')
  await expect(page.locator('.monaco-editor .squiggly-warning').first()).toBeVisible()
  // Warnings do not make the picture outdated: it shows the Service without endpoints.
  await expect(page.getByTestId('topology')).toHaveAttribute('data-outdated', 'false')
  await expect(flowEdge(page, mysqlSvc, 'Pod/default/mysql-pod')).toHaveCount(0)
  // Only an edge changed, so the cards stay where they were.
  const cardAfter = (await flowNode(page, mysqlSvc).boundingBox())!
  expect([Math.round(cardAfter.x), Math.round(cardAfter.y)]).toEqual([Math.round(cardBefore.x), Math.round(cardBefore.y)])
  await page.screenshot({ path: 'test-results/screens/lint-finding.png' })

  // The Problems entry takes the editor to the line.
  await lint.click()
  await expect(page.locator('.monaco-editor.focused')).toBeVisible()
})
