import { test as base, expect, type Page } from '@playwright/test'

/**
 * Every spec runs with two guards: no console error (a CSP violation, a failed Monaco worker, React warnings
 * promoted to errors) and no request leaving the page's origin (no CDN, no fonts, no telemetry).
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin
    const consoleErrors: string[] = []
    const foreignRequests: string[] = []
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()) })
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`))
    page.on('request', (r) => {
      const url = new URL(r.url())
      // data: and blob: stay inside the page; anything else must come from the page's own origin.
      if (url.protocol === 'data:' || url.protocol === 'blob:') return
      if (url.origin !== origin) foreignRequests.push(r.url())
    })
    page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`worker: ${m.text()}`) }))
    // Content-Security-Policy violations are also collected from the page itself, in case the browser stops logging them.
    await page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    await use(page)
    if (page.url().startsWith(origin)) {
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
      expect(violations, 'Content-Security-Policy violations').toEqual([])
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
      expect(csp, 'the page carries its Content-Security-Policy').toContain("default-src 'self'")
    }
    expect(consoleErrors, 'console errors').toEqual([])
    expect(foreignRequests, 'requests to another origin').toEqual([])
  },
})

export { expect }

/** A canvas node by engine object id (React Flow's own test id). */
export const flowNode = (page: Page, id: string) => page.getByTestId(`rf__node-${id}`)
export const flowEdge = (page: Page, source: string, target: string) => page.getByTestId(`rf__edge-${source}->${target}`)

/** Waits for the lazily loaded Monaco editor to show its text (a shared 2-core machine can take a few seconds). */
export async function editorReady(page: Page) {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 20_000 })
}
