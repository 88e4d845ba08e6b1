import type { Page } from '@playwright/test'

export type LongTask = { start: number; duration: number }
type Recorded = { __longTasks: LongTask[] }

/** Records the page's main-thread long tasks (PerformanceObserver 'longtask') from before its first script. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Recorded
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
}

/** The long tasks recorded so far. */
export function longTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as Recorded).__longTasks)
}
