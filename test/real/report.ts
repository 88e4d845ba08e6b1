/** The harness's record of checks: each named, passed or failed with what differed, counted per suite. */

export interface Check {
  suite: string
  name: string
  ok: boolean
  detail?: string
}

export class Report {
  readonly checks: Check[] = []
  /** Free-form counters for the summary (scenarios, legs, connections, rule sets loaded...). */
  readonly counts = new Map<string, number>()
  readonly skipped: string[] = []

  check(suite: string, name: string, ok: boolean, detail?: string): boolean {
    this.checks.push({ suite, name, ok, ...(ok || !detail ? {} : { detail }) })
    const mark = ok ? 'ok  ' : 'FAIL'
    process.stdout.write(`  ${mark} ${name}${ok || !detail ? '' : `\n       ${detail.split('\n').join('\n       ')}`}\n`)
    return ok
  }

  count(what: string, n = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + n)
  }

  skip(why: string): void {
    this.skipped.push(why)
    process.stdout.write(`  SKIP ${why}\n`)
  }

  failed(): Check[] {
    return this.checks.filter((c) => !c.ok)
  }

  summary(): string {
    const suites = [...new Set(this.checks.map((c) => c.suite))]
    const lines = ['', 'Checked against the real thing:']
    for (const s of suites) {
      const cs = this.checks.filter((c) => c.suite === s)
      lines.push(`  ${s}: ${cs.filter((c) => c.ok).length}/${cs.length} checks passed`)
    }
    for (const [k, v] of this.counts) lines.push(`  ${k}: ${v}`)
    for (const s of this.skipped) lines.push(`  skipped: ${s}`)
    const failed = this.failed()
    lines.push(failed.length === 0 ? 'All checks passed.' : `${failed.length} check(s) FAILED:`)
    for (const f of failed) lines.push(`  - [${f.suite}] ${f.name}`)
    return lines.join('\n') + '\n'
  }
}

/** The first line where two texts differ, with a little context, for a failure message. */
export function firstDifference(expected: string, actual: string, labels = ['ours', 'real']): string {
  const a = expected.split('\n')
  const b = actual.split('\n')
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  ${labels[0]}: ${a[i] ?? '<end>'}\n  ${labels[1]}: ${b[i] ?? '<end>'}`
  }
  return 'identical'
}
