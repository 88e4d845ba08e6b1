// .ci/summarize turns a saved `npm test` log into CI's one line; a crash here once failed a green run (pipefail + grep
// finding no "failed" line), so each shape of log the tools print is checked here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(__dirname, '../../.ci/summarize');

function summarize(log: string, status: number): { line: string; exit: number } {
  const file = join(mkdtempSync(join(tmpdir(), 'summarize-')), 'log');
  writeFileSync(file, log);
  try {
    return { line: execFileSync('bash', [script, file, String(status)], { encoding: 'utf8' }).trim(), exit: 0 };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { line: failed.stdout.trim(), exit: failed.status };
  }
}

describe('.ci/summarize', () => {
  const cases: { name: string; log: string; status: number; want: string }[] = [
    {
      name: 'all green, with a skipped test on each side',
      log: ' Test Files  111 passed (111)\n      Tests  1534 passed | 1 skipped (1535)\n\n  1 skipped\n  23 passed (1.6m)\n',
      status: 0,
      want: '1557 passed, 0 failed',
    },
    {
      name: 'colour codes around the counts',
      log: '\x1b[2m      Tests \x1b[22m \x1b[1m\x1b[32m40 passed\x1b[39m\x1b[22m (40)\n  \x1b[32m12 passed\x1b[39m (1.2m)\n',
      status: 0,
      want: '52 passed, 0 failed',
    },
    {
      name: 'failures and flaky tests on both sides',
      log: '      Tests  2 failed | 40 passed (42)\n  1 failed\n  1 flaky\n  10 passed (1.0m)\n',
      status: 1,
      want: '50 passed, 4 failed',
    },
    {
      name: 'a step failed before any test ran',
      log: 'src/x.ts(1,1): error TS2322\n',
      status: 2,
      want: '0 passed, 1 failed',
    },
    {
      name: 'unit tests passed, then the end-to-end build failed',
      log: '      Tests  40 passed (40)\nerror during build\n',
      status: 1,
      want: '40 passed, 1 failed',
    },
  ];
  it.each(cases)('$name', ({ log, status, want }) => {
    const { line, exit } = summarize(log, status);
    expect(exit).toBe(0);
    expect(line).toBe(want);
  });
});
