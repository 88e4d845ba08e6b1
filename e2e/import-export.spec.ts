import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { editorReady, expect, flowNode, test } from './fixtures'

const shot = (name: string) => `test-results/screens/transfer-${name}.png`
const DUMP = join(import.meta.dirname, '..', 'src', 'engine', 'importer', 'testdata', 'kubectl-get-all.yaml')

test('import a kubectl get -o yaml dump from a file: the summary, then its cluster on the canvas; Undo brings the lab back', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await page.getByTestId('import-open').click()
  const dialog = page.getByRole('dialog', { name: 'Import manifests' })
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('import-redact')).toBeChecked()
  await page.getByTestId('import-file').setInputFiles(DUMP)
  await expect(page.getByTestId('import-text')).toHaveValue(/kind: List|apiVersion/)
  await page.screenshot({ path: shot('import-dialog') })
  await page.getByTestId('import-read').click()

  const summary = page.getByTestId('import-summary')
  await expect(summary).toContainText('Taken: 15 object(s)')
  await expect(summary).toContainText('Deployment × 2')
  await expect(summary).toContainText('Files: nodes.yaml, workloads.yaml, services.yaml, ingress.yaml, config.yaml')
  // what was left out and why, in the engine catalogue's words
  await expect(page.getByTestId('import-left-out')).toContainText('ReplicaSet default/web-7d9f8c6b5')
  await expect(page.getByTestId('import-left-out')).toContainText('kube-system/kube-proxy')
  await page.screenshot({ path: shot('import-summary') })
  await page.getByTestId('import-replace').click()
  await expect(dialog).toBeHidden()

  // the dump's pods keep their IPs and nodes; its Services are drawn
  await expect(flowNode(page, 'Pod/default/web-7d9f8c6b5-2xkqz')).toContainText('10.244.1.15')
  await expect(flowNode(page, 'Pod/default/web-7d9f8c6b5-8mzrt')).toContainText('10.244.2.23')
  await expect(flowNode(page, 'Service/default/web')).toBeVisible()
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toHaveCount(0)
  await expect(page.getByTestId('tab-workloads.yaml')).toBeVisible()
  await expect(page.getByTestId('whatif-summary')).toContainText('Imported 15 object(s)')
  await page.screenshot({ path: shot('imported') })

  await page.getByTestId('whatif-undo').click()
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await expect(page.getByTestId('tab-mysql.yaml')).toBeVisible()
})

// A small `kubectl get -o yaml` List to paste (typing a whole dump into a textarea takes Chromium a minute here).
const PASTED = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: api-0
    namespace: default
    labels: {app: api}
    managedFields: [{manager: kubectl, operation: Update}]
    resourceVersion: "4242"
  spec:
    nodeName: node1
    containers: [{name: api, image: nginx:1.27}]
  status: {phase: Running, podIP: 10.244.1.77}
- apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: default}
  spec:
    clusterIP: 10.96.80.80
    selector: {app: api}
    ports: [{port: 80}]
- apiVersion: v1
  kind: Service
  metadata: {name: kubernetes, namespace: default}
  spec:
    clusterIP: 10.96.0.1
    ports: [{name: https, port: 443, targetPort: 6443}]
`

test('import by pasting, in Chinese: the summary in Chinese; an empty paste is refused with a message; Escape closes', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('language').selectOption('zh')
  await page.getByTestId('import-open').click()
  await expect(page.getByRole('dialog', { name: '导入清单' })).toBeVisible()
  await page.getByTestId('import-read').click()
  await expect(page.getByTestId('import-error')).toContainText('没有可导入的内容')
  await page.getByTestId('import-text').fill(PASTED)
  await page.getByTestId('import-read').click()
  await expect(page.getByTestId('import-summary')).toContainText('已读取:2 个对象')
  // the API server's own Service is left out, said in Chinese
  await expect(page.getByTestId('import-left-out')).toContainText('Service default/kubernetes')
  await expect(page.getByTestId('import-left-out')).toContainText(/[\u4e00-\u9fff]/)
  await page.screenshot({ path: shot('import-summary-zh') })
  await page.getByTestId('import-replace').click()
  await expect(flowNode(page, 'Pod/default/api-0')).toContainText('10.244.1.77')
  await expect(flowNode(page, 'Service/default/api')).toContainText('10.96.80.80')
  await page.getByTestId('import-open').click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expect(page.getByTestId('import-open')).toBeFocused()
})

test('Import → Replace fits the imported cluster in view, even after the user panned the old one away', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  const pane = page.locator('.react-flow__pane')
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  // drag the lab far to the bottom right, from an empty corner of the pane
  const panAway = async () => {
    const box = (await pane.boundingBox())!
    await page.mouse.move(box.x + 8, box.y + 8)
    await page.mouse.down()
    await page.mouse.move(box.x + 8 + box.width, box.y + 8 + box.height, { steps: 8 })
    await page.mouse.up()
  }
  await panAway()
  const inside = async (id: string) => {
    const p = (await pane.boundingBox())!
    const n = await flowNode(page, id).boundingBox()
    return n !== null && n.x >= p.x && n.y >= p.y && n.x + n.width <= p.x + p.width && n.y + n.height <= p.y + p.height
  }
  await expect.poll(() => inside('Pod/default/mysql-pod')).toBe(false)

  await page.getByTestId('import-open').click()
  await page.getByTestId('import-file').setInputFiles(DUMP)
  await page.getByTestId('import-read').click()
  await page.getByTestId('import-replace').click()
  await expect(flowNode(page, 'Pod/default/web-7d9f8c6b5-2xkqz')).toContainText('10.244.1.15')
  // the imported objects are inside the canvas pane, not where the old viewport left them
  for (const id of ['Pod/default/web-7d9f8c6b5-2xkqz', 'Pod/default/web-7d9f8c6b5-8mzrt', 'Service/default/web']) {
    await expect.poll(() => inside(id), { message: id }).toBe(true)
  }
  await page.screenshot({ path: shot('import-replace-fitted') })
  // pan away again: the notice's Undo loads the lab again, fitted too
  await panAway()
  await expect.poll(() => inside('Service/default/web')).toBe(false)
  await page.getByTestId('whatif-undo').click()
  await expect.poll(() => inside('Pod/default/mysql-pod')).toBe(true)
})

test('import by dropping a file, as a new scenario: a workspace of its own, the edited lab kept as a draft', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  // an edit, so the current work is not the pristine gallery scenario
  await flowNode(page, 'Pod/default/mysql-pod').click({ button: 'right' })
  await page.getByTestId('whatif-failReadiness').click()
  await expect(page.getByTestId('whatif-summary')).toContainText('fails its readiness probe')
  await page.getByTestId('import-open').click()
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  // dropped on the dialog, as a file dragged from the desktop
  await page.evaluate((text) => {
    const dt = new DataTransfer()
    dt.items.add(new File([text], 'dump.yaml', { type: 'application/yaml' }))
    document.querySelector('.import-dialog .transfer-body')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
  }, readFileSync(DUMP, 'utf8'))
  await expect(page.getByTestId('import-text')).toHaveValue(/web-7d9f8c6b5-q4wns/)
  await page.getByTestId('import-read').click()
  await page.getByTestId('import-open-new').click()
  await expect(flowNode(page, 'Pod/default/web-7d9f8c6b5-q4wns')).toContainText('10.244.1.16')
  await expect(page.getByTestId('whatif-summary')).toContainText('previous work is kept in the list as a draft')
})

test('export: the scenario as YAML (one file and one per tab), the canvas as SVG and PNG, the kind script dialog', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  const open = async () => {
    await page.getByTestId('export-open').click()
    await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible()
  }
  const download = async (item: string) => {
    await open()
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${item}`).click()])
    return { name: d.suggestedFilename(), body: readFileSync((await d.path())!) }
  }

  await open()
  await expect(page.getByTestId('export-yamlOne')).toBeFocused()
  await page.screenshot({ path: shot('export-menu') })
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu', { name: 'Export' })).toBeHidden()
  await expect(page.getByTestId('export-open')).toBeFocused()

  const yaml = await download('yamlOne')
  expect(yaml.name).toBe('service-basics.yaml')
  const text = yaml.body.toString('utf8')
  expect(text).toContain('# Kube Hops scenario "service-basics": mysql.yaml\n')
  expect(text).toContain('# Kube Hops scenario "service-basics": nginx.yaml\n')
  expect(text).toContain('name: mysql-service')

  await open()
  const names: string[] = []
  page.on('download', (d) => names.push(d.suggestedFilename()))
  await page.getByTestId('export-yamlEach').click()
  await expect.poll(() => names.sort()).toEqual(['mysql.yaml', 'nginx.yaml'])

  const svg = await download('svg')
  expect(svg.name).toBe('service-basics.svg')
  const svgText = svg.body.toString('utf8')
  expect(svgText.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  for (const name of ['mysql-pod', 'nginx-pod-1', 'mysql-service', 'nginx-nodeport', 'node1', 'workstation']) expect(svgText).toContain(`>${name}</text>`)

  const png = await download('png')
  expect(png.name).toBe('service-basics.png')
  expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  // IHDR: width and height at twice the SVG's size
  const svgWidth = Number(/width="(\d+)"/.exec(svgText)![1])
  expect(png.body.readUInt32BE(16)).toBe(svgWidth * 2)
  writeFileSync(shot('canvas-export'), png.body)

  await open()
  await page.getByTestId('export-kind').click()
  const dialog = page.getByRole('dialog', { name: 'Run it on a real cluster' })
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('kind-script')).toContainText('kind create cluster --config')
  await expect(page.getByTestId('kind-script')).toContainText('kubectl exec')
  await page.screenshot({ path: shot('kind-dialog') })
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByTestId('kind-copy').click()
  await expect(page.getByTestId('kind-copy')).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('kubectl config use-context "kind-$CLUSTER"')
  const [script] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kind-download').click()])
  expect(script.suggestedFilename()).toBe('kube-hops-service-basics-kind.sh')
  expect(readFileSync((await script.path())!, 'utf8')).toMatch(/^#!\/usr\/bin\/env bash\n/)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // the same menu and dialog in Chinese
  await page.getByTestId('language').selectOption('zh')
  await page.getByTestId('export-open').click()
  await expect(page.getByRole('menu', { name: '导出' })).toContainText('在真实集群上运行')
  await page.screenshot({ path: shot('export-menu-zh') })
  await page.getByTestId('export-kind').click()
  await expect(page.getByRole('dialog', { name: '在真实集群上运行' })).toContainText('kind create cluster')
  await page.screenshot({ path: shot('kind-dialog-zh') })
})
