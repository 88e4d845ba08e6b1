/**
 * Bundle sizes of the production build (dist/, `npm run build`), gzip level 9 as a server would send them: the
 * initial JavaScript (index.html's module script and its modulepreloads) and the lazy parts (Monaco, terminal,
 * workers). Deterministic for a given build, so CI gates on it (bench/gates.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface BundleSizes { dist: string; initialJsGzipKB: number; initialFiles: string[]; lazy: Record<string, number>; totalJsGzipKB: number }

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10

export function bundleSizes(dist = join(import.meta.dirname, '..', 'dist')): BundleSizes | undefined {
  if (!existsSync(join(dist, 'index.html'))) return undefined
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const initial = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1])
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`)
  const lazy: Record<string, number> = {}
  let total = 0
  for (const f of assets) {
    const size = gz(f)
    total += size
    if (!initial.includes(f)) lazy[f.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')] = kb(size)
  }
  return { dist, initialJsGzipKB: kb(initial.reduce((n, f) => n + gz(f), 0)), initialFiles: initial, lazy, totalJsGzipKB: kb(total) }
}
