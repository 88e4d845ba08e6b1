import { expect, flowNode, test } from './fixtures'

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
