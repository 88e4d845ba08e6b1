import { describe, expect, it } from 'vitest'
import type { FileSystem } from './load'
import { runCli } from './run'

function filesFs(files: Record<string, string>): FileSystem {
  return {
    isDirectory: () => false,
    listDirectory: () => [],
    size: (p) => (files[p] ?? '').length,
    readFile: (p) => files[p],
    readStdin: () => '',
  }
}

const cm = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${data}`

/** The CLI refuses hostile input as the app does (manifest/limits.ts): `check` names the limit and exits 1. */
describe('CLI check on hostile input', () => {
  it.each([
    ['two files over 5 MiB together', { 'a.yaml': cm('a', `  a: "${'x'.repeat(3_000_000)}"\n`), 'b.yaml': cm('b', `  a: "${'x'.repeat(3_000_000)}"\n`) }, 'input.tooLarge'],
    ['50,000 objects', { 'a.yaml': Array.from({ length: 50_000 }, (_, i) => `kind: ConfigMap\napiVersion: v1\nmetadata: {name: c${i}}\n`).join('---\n') }, 'input.tooManyObjects'],
    ['flow nesting 5,000 deep', { 'a.yaml': cm('a', `  a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`) }, 'input.tooDeep'],
  ])('%s', (_name, files, code) => {
    const out = runCli([...Object.keys(files).flatMap((f) => ['-f', f]), 'check'], filesFs(files))
    expect(out.exitCode).toBe(1)
    expect(out.stdout + out.stderr).toContain(`error ${code}:`)
  })
})
