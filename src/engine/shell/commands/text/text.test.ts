import { describe, expect, it } from 'vitest'
import { simulationOf } from '../../testing'
import { runCommandLine } from '../../runner'
import type { Location } from '../../types'

const sim = simulationOf('service-basics')
const where: Location = { kind: 'node', node: sim.scenario.cluster.nodes[0] }
const run = (argv: string[], stdin?: string) => runCommandLine(sim, where, argv, stdin === undefined ? {} : { stdin })

describe('text tools, each case as the named tool prints it', () => {
  it.each([
    // GNU coreutils uniq.c: "%7jd " before the line
    ['uniq -c', ['uniq', '-c'], 'a\na\nb\na\n', '      2 a\n      1 b\n      1 a\n'],
    ['uniq -d', ['uniq', '-d'], 'a\na\nb\n', 'a\n'],
    // GNU sort: C locale byte order, numeric prefix, -k from field N to the line's end
    ['sort', ['sort'], 'b\nB\na\n', 'B\na\nb\n'],
    ['sort -n', ['sort', '-n'], '10\n9\nx\n', 'x\n9\n10\n'],
    ['sort -rn', ['sort', '-rn'], '1\n3\n2\n', '3\n2\n1\n'],
    ['sort -u', ['sort', '-u'], 'b\na\nb\n', 'a\nb\n'],
    ['sort -k2 -n', ['sort', '-k', '2', '-n'], 'x 3\ny 1\nz 2\n', 'y 1\nz 2\nx 3\n'],
    ['sort -t: -k2', ['sort', '-t:', '-k2'], 'a:z\nb:y\n', 'b:y\na:z\n'],
    // wc.c: one count of one input is bare; stdin with several counts pads to 7
    ['wc -l', ['wc', '-l'], 'a\nb\n', '2\n'],
    ['wc', ['wc'], 'hello world\n', '      1       2      12\n'],
    ['wc -c (UTF-8 bytes)', ['wc', '-c'], 'é\n', '3\n'],
    ['head -n 2', ['head', '-n', '2'], '1\n2\n3\n', '1\n2\n'],
    ['head -2', ['head', '-2'], '1\n2\n3\n', '1\n2\n'],
    ['head -n -1', ['head', '-n', '-1'], '1\n2\n3\n', '1\n2\n'],
    ['tail -n 1', ['tail', '-n', '1'], '1\n2\n3\n', '3\n'],
    ['tail -n +2', ['tail', '-n', '+2'], '1\n2\n3\n', '2\n3\n'],
    ['tail (no final newline)', ['tail', '-1'], '1\n2', '2\n'],
    // GNU cut: fields in line order; a line without the delimiter passes whole unless -s
    ['cut -d: -f1,3', ['cut', '-d:', '-f1,3'], 'a:b:c\nnone\n', 'a:c\nnone\n'],
    ['cut -s', ['cut', '-d', ':', '-f', '2', '-s'], 'a:b\nnone\n', 'b\n'],
    ['cut -c 1-3', ['cut', '-c', '1-3'], 'abcdef\n', 'abc\n'],
    // POSIX awk: default FS splits on blank runs and ignores leading blanks; a comma prints OFS
    ['awk print $2', ['awk', '{print $2}'], '  a   b c\n', 'b\n'],
    ['awk print $1, $NF', ['awk', '{print $1, $NF}'], 'a b c\n', 'a c\n'],
    ['awk -F: /re/', ['awk', '-F:', '/x/ {print $2}'], 'x:1\ny:2\n', '1\n'],
    ['tr a-z A-Z', ['tr', 'a-z', 'A-Z'], 'abc\n', 'ABC\n'],
    ['tr -d', ['tr', '-d', '\\n'], 'a\nb\n', 'ab'],
    ['tr -s', ['tr', '-s', ' '], 'a   b\n', 'a b\n'],
    ['tr classes', ['tr', '[:lower:]', '[:upper:]'], 'ab\n', 'AB\n'],
    // bash builtins
    ['echo -e', ['echo', '-e', 'a\\tb\\c', 'ignored'], undefined, 'a\tb'],
    ['echo (no escapes without -e)', ['echo', 'a\\tb'], undefined, 'a\\tb\n'],
    ['echo -n', ['echo', '-n', 'x'], undefined, 'x'],
    ['printf reuse', ['printf', '%s-%s\\n', 'a', 'b', 'c'], undefined, 'a-b\nc-\n'],
    ['printf widths', ['printf', '[%5s][%-3d][%.2f][%x]\\n', 'ab', '7', '3.14159', '255'], undefined, '[   ab][7  ][3.14][ff]\n'],
    // GNU seq
    ['seq 3', ['seq', '3'], undefined, '1\n2\n3\n'],
    ['seq 5 -2 1', ['seq', '5', '-2', '1'], undefined, '5\n3\n1\n'],
    ['seq -w 8 10', ['seq', '-w', '8', '10'], undefined, '08\n09\n10\n'],
    ['seq -s,', ['seq', '-s,', '3'], undefined, '1,2,3\n'],
    ['seq 0 0.5 1', ['seq', '0', '0.5', '1'], undefined, '0.0\n0.5\n1.0\n'],
  ])('%s', (_name, argv, stdin, expected) => {
    const r = run(argv, stdin)
    expect(r.stdout).toBe(expected)
    expect(r.exitCode).toBe(0)
  })

  it.each([
    ['sort -x', ['sort', '-x'], "sort: invalid option -- 'x'\nTry 'sort --help' for more information.\n", 2],
    ['head -n x', ['head', '-n', 'x'], "head: invalid number of lines: 'x'\n", 1],
    ['seq', ['seq'], "seq: missing operand\nTry 'seq --help' for more information.\n", 1],
    ['sleep x', ['sleep', 'x'], "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", 1],
    ['awk program refused', ['awk', 'BEGIN{x=1}'], "awk: only '{print $N, ...}' programs are supported in the playground: BEGIN{x=1}\n", 2],
    ['cut without list', ['cut'], "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1],
  ])('%s', (_name, argv, stderr, status) => {
    const r = run(argv)
    expect(r.stderr).toBe(stderr)
    expect(r.exitCode).toBe(status)
  })

  it('sleep advances the virtual clock by the sum of its operands', () => {
    const before = sim.clock.now()
    run(['sleep', '1.5', '1m'])
    expect(sim.clock.now() - before).toBe(61_500)
  })
})
