import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { editorReady, expect, flowNode, test } from './fixtures'

// MetalLB on the canvas (src/app/canvas/announce.ts): speaker badges on the node boxes, the L2 winner's ARP edge and
// the BGP-advertising nodes' edges to the router, each labelled with what it announces.
test('L2 lab: the elected node answers ARP for the Service address, every node runs a speaker', async ({ page }) => {
  await page.goto('/#scenario=loadbalancer-metallb-l2')
  await expect(flowNode(page, 'Service/default/nginx-loadbalancer')).toBeVisible()
  const arp = page.locator('.react-flow__edge.announce-edge')
  await expect(arp).toHaveCount(1)
  await expect(arp).toContainText('ARP 192.168.100.100')
  await expect(page.getByTestId('speaker-node1')).toBeVisible()
  await expect(page.getByTestId('speaker-node2')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/announce-l2.png' })
  await page.getByTestId('language').selectOption('zh')
  await expect(page.getByTestId('speaker-node1')).toHaveAttribute('title', /MetalLB speaker,可以宣告/)
})

test('BGP lab: each advertising node has an edge to the router with its prefixes', async ({ page }) => {
  await page.goto('/#scenario=loadbalancer-metallb-bgp')
  await expect(flowNode(page, 'Router/edge')).toBeVisible()
  const bgp = page.locator('.react-flow__edge.announce-edge')
  await expect(bgp).toHaveCount(2)
  for (const node of ['node1', 'node2']) {
    await expect(page.getByTestId(`rf__edge-announce:Router/edge->Node/${node}`)).toContainText('BGP 172.16.10.0/24, 172.16.10.1/32')
  }
  await page.screenshot({ path: 'test-results/screens/announce-bgp.png' })
})

test('a scenario without MetalLB draws no speaker and no announcement', async ({ page }) => {
  await page.goto('/')
  await expect(flowNode(page, 'Node/node1')).toBeVisible()
  await expect(page.locator('.speaker-badge')).toHaveCount(0)
  await expect(page.locator('.react-flow__edge.announce-edge')).toHaveCount(0)
})

// A large scenario draws a namespace's Services as one card (src/app/canvas/collapse.ts, past 100 Services): the ARP
// edges of its LoadBalancer Services merge per elected node and still say what they announce (announce.ts announceText).
test('grouped Services: the merged ARP edges name the addresses they stand for, in both languages', async ({ page }) => {
  const lab = ['metallb.yaml', 'nginx-pods.yaml', 'nginx-loadbalancer.yaml']
    .map((f) => readFileSync(join(import.meta.dirname, '..', 'src', 'scenarios', 'loadbalancer-metallb-l2', f), 'utf8'))
  // four more LoadBalancer Services (five addresses with nginx-loadbalancer's) and enough ClusterIP ones to group them
  const services = Array.from({ length: 101 }, (_, i) => `apiVersion: v1
kind: Service
metadata: {name: svc-${i}}
spec:
  type: ${i < 4 ? 'LoadBalancer' : 'ClusterIP'}
  selector: {app: nginx}
  ports: [{port: ${8000 + i}}]
`)
  await page.goto('/')
  await editorReady(page)
  await page.getByTestId('import-open').click()
  await page.getByTestId('import-file').setInputFiles({ name: 'many.yaml', mimeType: 'application/yaml', buffer: Buffer.from([...lab, ...services].join('\n---\n')) })
  await page.getByTestId('import-read').click()
  await page.getByTestId('import-replace').click()
  await expect(flowNode(page, 'Group/services/default')).toBeVisible()
  const edges = page.locator('.react-flow__edge.announce-edge')
  await expect(edges.first()).toBeVisible()
  const texts = await edges.allTextContents()
  // each merged edge: its first address and how many more; together the five addresses, each once
  let addresses = 0
  for (const text of texts) {
    const m = /^ARP 192\.168\.100\.1\d\d(?: and (\d+) more)?$/.exec(text)
    expect(m, text).not.toBeNull()
    addresses += 1 + Number(m![1] ?? 0)
  }
  expect(addresses).toBe(5)
  expect(texts.some((t) => t.includes(' more'))).toBe(true)
  await page.screenshot({ path: 'test-results/screens/announce-grouped.png' })
  await page.getByTestId('language').selectOption('zh')
  await expect(edges.filter({ hasText: '及另外' }).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/announce-grouped-zh.png' })
})
