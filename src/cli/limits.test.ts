import { spawn } from 'node:child_process'
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

/** The classic billion-laughs document: ten levels of nine aliases each (10^9 strings if expanded). */
function billionLaughs(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lol', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i)
    const prev = String.fromCharCode(96 + i)
    lines.push(`  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
  }
  return lines.join('\n') + '\n'
}

/**
 * The CLI refuses hostile input as the app does (manifest/limits.ts, parse.ts): `check` prints ONE error naming the
 * limit, at the line, and exits 1. Each case finishes in well under the test's timeout (a parse without the limits
 * ran for half a minute or overflowed the stack).
 */
describe('CLI check on hostile input', () => {
  it.each([
    ['two files over 5 MiB together', { 'a.yaml': cm('a', `  a: "${'x'.repeat(3_000_000)}"\n`), 'b.yaml': cm('b', `  a: "${'x'.repeat(3_000_000)}"\n`) }, 'input.tooLarge', 'a.yaml:1:1'],
    ['50,000 objects', { 'a.yaml': Array.from({ length: 50_000 }, (_, i) => `kind: ConfigMap\napiVersion: v1\nmetadata: {name: c${i}}\n`).join('---\n') }, 'input.tooManyObjects', 'a.yaml:1:1'],
    ['flow nesting 5,000 deep', { 'a.yaml': cm('a', `  a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`) }, 'input.tooDeep', 'a.yaml:6:1'],
    ['block nesting 1,000 levels of indentation', { 'a.yaml': cm('a', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n') + ' x\n') }, 'input.tooDeep', 'a.yaml:262:1'],
    ['billion laughs: alias expansion refused at the first alias', { 'a.yaml': billionLaughs() }, 'yaml.aliases', 'a.yaml:7:'],
    ['a 2 MB scalar on one line', { 'a.yaml': cm('a', `  big: "${'y'.repeat(2_000_000)}"\n`) }, 'input.lineTooLong', 'a.yaml:6:1'],
  ])('%s', (_name, files, code, where) => {
    const out = runCli([...Object.keys(files).flatMap((f) => ['-f', f]), 'check'], filesFs(files))
    expect(out.exitCode).toBe(1)
    const errors = out.stdout.split('\n').filter((l) => / error /.test(l))
    expect(errors, 'one clear error').toHaveLength(1)
    expect(errors[0]).toContain(`error ${code}:`)
    expect(errors[0].startsWith(where)).toBe(true)
  })

  it('a 5 MB file is refused before it is read whole: status 2 and the limit named', () => {
    const files = { 'big.yaml': cm('big', `  a: |\n${'    0123456789012345678901234567890123456789\n'.repeat(130_000)}`) }
    const out = runCli(['-f', 'big.yaml', 'check'], filesFs(files))
    expect(out.exitCode).toBe(2)
    expect(out.stderr).toMatch(/^error: big\.yaml is \d+ bytes; the limit is 5242880 bytes per file\n/)
  })

  it('a big block scalar under the limits is read (4 MB over 40,000 lines): no error', () => {
    const files = { 'a.yaml': cm('a', '  big: |\n' + Array.from({ length: 40_000 }, () => `    ${'y'.repeat(100)}`).join('\n') + '\n') }
    const out = runCli(['-f', 'a.yaml', 'check'], filesFs(files))
    expect(out.stdout).not.toMatch(/ error /)
  })

  it('the real command: billion laughs on standard input exits 1 with the error on its line', async () => {
    const result = await new Promise<{ status: number | null; stdout: string }>((done) => {
      const child = spawn('npx', ['tsx', 'src/cli/main.ts', '-f', '-', 'check'], { stdio: ['pipe', 'pipe', 'pipe'] })
      let stdout = ''
      child.stdout.on('data', (d) => { stdout += String(d) })
      child.stdin.end(billionLaughs())
      child.on('close', (status) => done({ status, stdout }))
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^<stdin>:7:\d+: error yaml\.aliases: Too many YAML alias expansions/m)
  }, 60_000)
})
