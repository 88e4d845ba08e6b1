import type { Page } from '@playwright/test'
import { editorReady, expect, flowNode, test } from './fixtures'

const nginxSvc = 'Service/default/nginx-nodeport'
const mysqlSvc = 'Service/default/mysql-service'
const shots = 'test-results/screens'

async function selectService(page: Page, name: string) {
  await page.getByTestId(`service-default/${name}`).click()
  await expect(page.getByTestId('inspector-title')).toHaveText(`Service/default/${name}`)
}

async function switchMode(page: Page, mode: 'iptables' | 'ipvs' | 'nftables') {
  await page.getByTestId('proxy-mode').selectOption(mode)
}

test('a Service: YAML selected, endpoints with their conditions, the rules of the current mode per node', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await selectService(page, 'nginx-nodeport')
  await expect(page.getByTestId('tab-nginx.yaml')).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.monaco-editor .selected-text').first()).toBeVisible()
  await expect(page.getByTestId('inspector-endpoints').locator('li')).toHaveCount(3)
  await expect(page.getByTestId('endpoint-conditions').first()).toHaveText('ready yes · serving yes · terminating no')

  // iptables mode: kube-proxy's KUBE-SERVICES → KUBE-SVC- jump for the ClusterIP, as iptables-save prints it
  const rules = page.getByTestId('inspector-rules-iptables-save')
  await expect(rules).toContainText(/-A KUBE-SERVICES -d 10\.96\.0\.12\/32 -p tcp -m comment --comment "default\/nginx-nodeport:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-/)
  await expect(rules).toContainText(/-A KUBE-SVC-\w+ .* -j KUBE-SEP-/)
  await expect(page.getByTestId('inspector-dns')).toContainText('nginx-nodeport.default.svc.cluster.local. 30 IN A 10.96.0.12')
  await expect(page.getByTestId('inspector-dns')).toContainText('_http._tcp.nginx-nodeport.default.svc.cluster.local.')

  // another node: the picker asks the worker again
  await page.getByTestId('inspector-node-picker').selectOption('node2')
  await expect(page.getByTestId('inspector-node-picker')).toHaveValue('node2')
  await expect(rules).toContainText('KUBE-SVC-')
  await page.screenshot({ path: `${shots}/inspector-service-iptables.png` })
})

test('the mode switch changes the inspector\'s rules and the YAML', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await selectService(page, 'mysql-service')
  await expect(page.getByTestId('inspector-rules-iptables-save')).toContainText('KUBE-SVC-')

  await switchMode(page, 'ipvs')
  // ipvsadm -Ln's virtual server line for the ClusterIP, scheduler rr
  await expect(page.getByTestId('inspector-rules-ipvsadm')).toContainText(/TCP {2}10\.96\.\d+\.\d+:3306 rr/)
  await expect(page.getByTestId('inspector-rules-ipset')).toContainText(/add KUBE-CLUSTER-IP 10\.96\.\d+\.\d+,tcp:3306/)
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('ipvs')
  await page.screenshot({ path: `${shots}/inspector-service-ipvs.png` })

  await switchMode(page, 'nftables')
  await expect(page.getByTestId('inspector-rules-nft')).toContainText(/chain service-\w{8}-default\/mysql-service\/tcp\/mysql \{/)
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('nftables')
  await page.screenshot({ path: `${shots}/inspector-service-nftables.png` })
})

test('a Node: its full rule set, searchable', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await page.getByTestId('node-node1').click()
  await expect(page.getByTestId('inspector-title')).toHaveText('Node/node1')
  const rules = page.getByTestId('inspector-rules-iptables-save')
  // drawn as a window of lines: the top of iptables-save's output is there, the rest comes with scrolling
  await expect(rules).toContainText('*mangle')
  await expect(rules.locator('.rule-line')).not.toHaveCount(0)
  expect(await rules.locator('.rule-line').count()).toBeLessThan(80)
  const count = page.getByTestId('inspector-rules-iptables-save-count')
  const total = Number((await count.textContent())!.match(/of (\d+) lines/)![1])
  expect(total).toBeGreaterThan(60)
  await page.getByTestId('inspector-rules-iptables-save-search').fill('mysql-service:mysql cluster IP')
  await expect(count).toHaveText(`2 of ${total} lines`)
  await expect(rules.locator('mark').first()).toHaveText('mysql-service:mysql cluster IP')
  await expect(rules.locator('.rule-line').first()).toContainText('-A KUBE-SERVICES -d 10.96.0.11/32')
  await page.screenshot({ path: `${shots}/inspector-node.png` })
})

test('a Pod: its resolv.conf as kubelet writes it', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await page.getByTestId('pod-default/nginx-pod-1').click()
  await expect(page.getByTestId('inspector-title')).toHaveText('Pod/default/nginx-pod-1')
  await expect(page.getByTestId('inspector-resolv')).toHaveText(
    'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
  await page.screenshot({ path: `${shots}/inspector-pod.png` })
})

test('a schema error: a marker and a Problems entry', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await expect(flowNode(page, mysqlSvc)).toBeVisible()
  await page.getByTestId('tab-mysql.yaml').click()
  await page.locator('.monaco-editor .view-line', { hasText: 'type: ClusterIP' }).click()
  await page.keyboard.press('End')
  await page.keyboard.type('X')
  // monaco-yaml's JSON-schema finding (a warning) on the line, and the engine's own entry in Problems
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 15_000 })
  await expect(page.getByTestId('problem').first()).toBeVisible()
  await page.screenshot({ path: `${shots}/schema-error.png` })
  void nginxSvc
})

test.describe('a Chinese page', () => {
  test.use({ locale: 'zh-CN' })

  test('Monaco\'s own context menu is Chinese (its language bundle loads before Monaco)', async ({ page }) => {
    await page.goto('/')
    await editorReady(page)
    await expect(page.getByTestId('language')).toHaveValue('zh')
    await page.locator('.monaco-editor .view-line', { hasText: 'kind: Service' }).click({ button: 'right' })
    const menu = page.locator('.monaco-menu')
    await expect(menu).toBeVisible()
    await expect(menu).toContainText('命令面板')
    await expect(menu).toContainText('剪切')
    await expect(menu).not.toContainText('Command Palette')
    await page.screenshot({ path: `${shots}/editor-context-menu-zh.png` })
    await page.keyboard.press('Escape')
    // the find widget too
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+f')
    await expect(page.locator('.monaco-editor .find-widget textarea, .monaco-editor .find-widget input').first()).toHaveAttribute('placeholder', '查找')
    // switching to English afterwards: Monaco keeps its texts, and the page says they change after a reload
    await page.getByTestId('language').selectOption('en')
    await expect(page.getByTestId('editor-nls-notice')).toBeVisible()
  })
})
