import { expect, flowNode, test } from './fixtures'

const shot = (name: string) => `test-results/screens/trace-${name}.png`

test('send from an nginx pod to mysql-service:3306: DNS hops, the KUBE-SEP DNAT, delivery; step back; filter DNS', async ({ page }) => {
  await page.goto('/')
  await flowNode(page, 'Pod/default/nginx-pod-1').click()
  await page.getByTestId('inspector-send').click()
  const composer = page.getByTestId('composer')
  await expect(composer).toBeVisible()
  await page.getByTestId('composer-target').fill('mysql-service:3306')
  await expect(page.getByTestId('composer-command')).toContainText('nc -zv mysql-service 3306')
  await page.screenshot({ path: shot('composer') })
  await page.getByTestId('composer-send').click()

  // The trace starts with the resolver's DNS hops.
  const rows = page.getByTestId('event-row')
  await expect(rows.first()).toHaveAttribute('data-stage', 'dns')
  await page.getByTestId('trace-play').click() // pause
  await expect(page.getByTestId('packet-marker')).toBeVisible()

  // Jump to the kube-proxy DNAT of the connection to 3306: the destination is struck through and replaced.
  const dnat = page.locator('[data-testid="event-row"][data-stage="kube-proxy"].is-translated').last()
  await dnat.click()
  await expect(page.getByTestId('hop-rule')).toContainText(/-A KUBE-SEP-\w+ .*-j DNAT --to-destination 10\.244\.\d+\.\d+:3306/)
  await expect(page.getByTestId('hop-chain')).toContainText('KUBE-SEP-')
  await expect(page.getByTestId('hop-field-dst')).toHaveAttribute('data-changed', 'true')
  await expect(page.getByTestId('packet-dst')).toHaveAttribute('data-changed', 'true')
  await expect(page.getByTestId('packet-dst').locator('s')).toHaveText('10.96.0.11:3306')
  await page.screenshot({ path: shot('dnat') })
  const dnatIndex = Number(await dnat.getAttribute('data-index'))

  // Step back returns to the previous hop (the Service's KUBE-SVC jump).
  await page.getByTestId('trace-back').click()
  await expect(page.locator('[data-testid="event-row"][aria-current="step"]')).toHaveAttribute('data-index', String(dnatIndex - 1))
  await expect(page.getByTestId('hop-chain')).toContainText('KUBE-SVC-')
  await page.screenshot({ path: shot('step-back') })

  // The delivery at mysql-pod.
  await page.locator('[data-testid="event-row"][data-stage="pod"]').last().click()
  await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-at', 'Pod/default/mysql-pod')
  await expect(page.getByTestId('trace-outcome')).toContainText('ok')

  // The filter hides DNS rows.
  await expect(page.locator('[data-testid="event-row"][data-stage="dns"]').first()).toBeVisible()
  await page.getByTestId('stage-filter-dns').uncheck()
  await expect(page.locator('[data-testid="event-row"][data-stage="dns"]')).toHaveCount(0)
  await expect(page.locator('[data-testid="event-row"][data-stage="kube-proxy"]').first()).toBeVisible()
  await page.screenshot({ path: shot('filtered') })
})

test('keyboard alone: select a pod, send, play and step', async ({ page }) => {
  await page.goto('/')
  await expect(flowNode(page, 'Pod/default/nginx-pod-1')).toBeVisible()
  // Tab to the canvas object and select it with Enter, as React Flow's keyboard support does.
  await flowNode(page, 'Pod/default/nginx-pod-1').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('inspector-title')).toHaveText('Pod/default/nginx-pod-1')
  await page.getByTestId('inspector-send').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('composer-target')).toBeFocused()
  await page.keyboard.type('mysql-service:3306')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('trace-play')).toBeFocused()
  await page.keyboard.press('Space') // pause
  await expect(page.getByTestId('trace-play')).toHaveAttribute('aria-label', /Play/)
  await page.keyboard.press('Home')
  await expect(page.getByTestId('trace-position')).toContainText('Hop 1 of')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('trace-position')).toContainText('Hop 3 of')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('trace-position')).toContainText('Hop 2 of')
  await page.keyboard.press('Space') // play
  await expect(page.getByTestId('trace-position')).not.toContainText('Hop 2 of')
  await page.screenshot({ path: shot('keyboard') })
})

test('many requests spread: the canary by weight sends about 10 of 100 to v2', async ({ page }) => {
  await page.goto('/#scenario=ingress-canary-weight')
  await expect(flowNode(page, 'Client/workstation')).toBeVisible()
  await flowNode(page, 'Client/workstation').click()
  await page.getByTestId('inspector-send').click()
  await page.getByTestId('composer-target').fill('http://app.example.com')
  await page.getByTestId('composer-count').fill('100')
  await page.getByTestId('composer-send').click()
  const v2 = page.locator('[data-testid="spread-service"] .spread-row[data-key="default/app-v2-service"]')
  await expect(v2).toBeVisible()
  const count = Number(await v2.getAttribute('data-count'))
  expect(count).toBeGreaterThan(2)
  expect(count).toBeLessThan(20)
  await page.screenshot({ path: shot('spread') })
})

test('Chinese: the player, the tabs and the hop notes', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('language').selectOption('zh')
  await flowNode(page, 'Pod/default/nginx-pod-1').click()
  await page.getByTestId('inspector-send').click()
  await expect(page.getByTestId('composer')).toContainText('发送请求')
  await page.getByTestId('composer-target').fill('mysql-service:3306')
  await page.getByTestId('composer-send').click()
  await page.getByTestId('trace-play').click()
  await expect(page.getByTestId('dock-tab-events')).toHaveText('事件')
  await expect(page.getByTestId('trace-position')).toContainText('第')
  await page.locator('[data-testid="event-row"][data-stage="kube-proxy"].is-translated').last().click()
  await expect(page.getByTestId('hop-note')).toContainText(/[\u4e00-\u9fff]/)
  await page.screenshot({ path: shot('zh') })
})

test('Compare: the same request again is the same way; after the IPVS mode switch the kube-proxy hops differ', async ({ page }) => {
  await page.goto('/')
  await flowNode(page, 'Pod/default/nginx-pod-1').click()
  await page.getByTestId('inspector-send').click()
  await page.getByTestId('composer-target').fill('mysql-service:3306')
  await page.getByTestId('composer-send').click()
  await expect(page.getByTestId('event-row').first()).toBeVisible()
  await page.getByTestId('trace-rerun').click()
  await expect(page.getByTestId('compare')).toBeVisible()
  const rows = page.getByTestId('compare-row')
  await expect(rows.first()).toBeVisible()
  // The connection's own way (DNAT to mysql-pod, delivery, reply) is the same; only a DNS draw may differ.
  await expect(rows.last()).toHaveAttribute('data-changed', 'false')

  await page.getByTestId('proxy-mode').selectOption('ipvs')
  await expect(page.getByTestId('proxy-mode')).toHaveValue('ipvs')
  await page.getByTestId('trace-rerun').click()
  await expect(page.getByTestId('compare-summary')).toContainText(/hops differ/)
  await expect(page.locator('[data-testid="compare-row"][data-changed="true"]').first()).toBeVisible()
  await page.screenshot({ path: shot('compare') })
})
