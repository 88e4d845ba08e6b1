import { spawn, spawnSync, type ChildProcess } from 'node:child_process'

/** Small process helpers for the harness: every command it runs goes through here, so failures read the same. */

export interface RunResult {
  status: number
  stdout: string
  stderr: string
}

/** Run a program and wait; stdin text optional. Never throws. */
export function run(argv: string[], input?: string, timeoutMs = 60_000): RunResult {
  const r = spawnSync(argv[0], argv.slice(1), { input, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 })
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') }
}

/** Run a program that must succeed; a failure is an error naming the command and its output. */
export function must(argv: string[], input?: string, timeoutMs?: number): string {
  const r = run(argv, input, timeoutMs)
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.trim() || r.stdout.trim()}`)
  return r.stdout
}

/** The same inside a network namespace. */
export function inNs(ns: string, argv: string[], input?: string, timeoutMs?: number): RunResult {
  return run(['ip', 'netns', 'exec', ns, ...argv], input, timeoutMs)
}

export function mustInNs(ns: string, argv: string[], input?: string, timeoutMs?: number): string {
  return must(['ip', 'netns', 'exec', ns, ...argv], input, timeoutMs)
}

/** `ip -batch`: many ip commands in one process (creating a few hundred namespaces one by one is slow). */
export function ipBatch(lines: string[], ns?: string): void {
  if (lines.length === 0) return
  must(['ip', ...(ns ? ['-n', ns] : []), '-batch', '-'], lines.join('\n') + '\n')
}

/** Start a long-running process in a namespace; the caller keeps the handle and stops it by its pid. */
export function startInNs(ns: string, argv: string[]): ChildProcess {
  return spawn('ip', ['netns', 'exec', ns, ...argv], { stdio: 'ignore', detached: false })
}

export function has(program: string): boolean {
  return run(['sh', '-c', `command -v ${program}`]).status === 0
}
