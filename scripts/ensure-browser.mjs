// Finds a Chromium for Playwright: the system's (Debian's `chromium`) where there is one, else Playwright's own.
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'
import { systemChromium } from './chromium-path.mjs'

if (systemChromium()) process.exit(0)
try {
  const { chromium } = await import('@playwright/test')
  if (existsSync(chromium.executablePath())) process.exit(0)
} catch { /* fall through to install */ }
console.log('No Chromium found; asking Playwright to install its own (needs network access to its CDN).')
execSync('npx playwright install chromium', { stdio: 'inherit' })
