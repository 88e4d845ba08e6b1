import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../i18n/catalog'

// Every code this folder can emit has its text in both languages (the catalogue test checks the placeholders).
describe('metallb catalogue', () => {
  it('has a text for every metallb.* code the code emits', () => {
    const dir = dirname(fileURLToPath(import.meta.url))
    const codes = new Set<string>()
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts') || f === 'messages.ts') continue
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(metallb\.[a-zA-Z0-9]+\.[a-zA-Z0-9]+)'/g)) codes.add(m[1])
    }
    expect(codes.size).toBeGreaterThan(20)
    expect([...codes].filter((c) => !catalog[c])).toEqual([])
  })
})
