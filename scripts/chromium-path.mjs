import { existsSync } from 'node:fs'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** The system's Chromium, or undefined when Playwright should use its own build. */
export function systemChromium() {
  return candidates.find((p) => p && existsSync(p))
}
