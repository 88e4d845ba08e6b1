import { defineConfig } from '@playwright/test'
// @ts-expect-error plain ESM helper shared with scripts/ensure-browser.mjs
import { systemChromium } from './scripts/chromium-path.mjs'

const executablePath: string | undefined = systemChromium()
// Several engineers test in one tree at once: each may build into its own folder and serve it on its own port.
const port = Number(process.env.E2E_PORT ?? 4173)
const dist = process.env.E2E_DIST ?? 'dist'

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  // The page compiles in a worker and loads Monaco lazily; on a busy 2-core machine that can take several seconds.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      // Without the background-networking flags Chromium floods a closed network with refused connections.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1 --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
