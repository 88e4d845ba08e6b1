import { test as bare } from '@playwright/test'
import { editorReady, expect, flowNode, test } from './fixtures'

/** Hostile input and the page's own defences (issue 12). The fixture also fails on any foreign request or console error. */

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]))
}

test('the Content-Security-Policy allows only the page\'s origin, workers included, and no eval', async ({ page }) => {
  await page.goto('/')
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  const d = directives(csp ?? '')
  expect(d.get('default-src')).toEqual(["'self'"])
  expect(d.get('script-src')).toEqual(["'self'"])
  expect(d.get('worker-src')).toEqual(["'self'"])
  expect(d.get('connect-src')).toEqual(["'self'"])
  expect(d.get('object-src')).toEqual(["'none'"])
  // Monaco and xterm inject <style> elements: 'unsafe-inline' for styles only
  expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
  expect(csp).not.toContain('unsafe-eval')
  // the editor (with its YAML worker) and the compiler worker run under it
  await editorReady(page)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
})

// Without the fixture: the refused script is itself a CSP violation, which the fixture would count as a failure.
// (Playwright's evaluate runs through the DevTools protocol, which CSP does not govern, so the page itself must try.)
bare('the policy is enforced: an injected inline script does not run and is reported as a violation', async ({ page, baseURL }) => {
  await page.goto(baseURL ?? '/')
  const result = await page.evaluate(() => new Promise<{ ran: boolean; directive: string }>((done) => {
    document.addEventListener('securitypolicyviolation', (e) => done({ ran: 'injected' in window, directive: e.effectiveDirective }))
    const s = document.createElement('script')
    s.textContent = 'window.injected = eval("1 + 1")'
    document.head.append(s)
  }))
  expect(result).toEqual({ ran: false, directive: 'script-src-elem' })
})

test('flow nesting past the limit: one clear Problems entry, the last good canvas kept, undo brings it back', async ({ page }) => {
  await page.goto('/')
  await editorReady(page)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+Home')
  // Monaco closes each bracket as it is typed: 101 nested lists, balanced
  await page.keyboard.type(`x: ${'['.repeat(101)}\n`)
  await expect(page.locator('[data-testid="problem"][data-code="input.tooDeep"]')).toHaveCount(1)
  await expect(flowNode(page, 'Pod/default/mysql-pod')).toBeVisible()
  await page.keyboard.press('ControlOrMeta+z')
  await page.keyboard.press('ControlOrMeta+z')
  await expect(page.locator('[data-testid="problem"][data-code="input.tooDeep"]')).toHaveCount(0)
})
