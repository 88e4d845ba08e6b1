import { describe, expect, it } from 'vitest'
import { simulationOf } from '../testing'
import { resolveWhere } from '../location'
import type { Location } from '../types'
import type { Simulation } from '../../sim/simulation'
import { parse } from './parser'
import { expandWords } from './expand'
import type { SimpleCommand } from './ast'
import { quoteWords, runLine } from './index'

function at(sim: Simulation, where: string): Location {
  const r = resolveWhere(sim.scenario.cluster, where)
  if (!r.ok) throw new Error(`no ${where}`)
  return r.where
}

describe('runLine: one line on a throwaway session, as `bash -c LINE` runs it', () => {
  const sim = simulationOf('service-basics')
  const node = at(sim, 'node/node1')

  // bash -c: stdout and stderr stay apart (the old pipe-only runner's shape), and interleaved in `output`
  it.each([
    ['echo a; echo b >&2; echo c', 'a\nc\n', 'b\n', 0],
    ['cat /nope | grep x', '', 'cat: /nope: No such file or directory\n', 1],
    ['false || echo fell through', 'fell through\n', '', 0],
    ['true && echo "$?"', '0\n', '', 0],
    // the pipe-only runner passed `;`, `&&`, `$X` and `>` to commands as words; bash does not
    ['X=1; echo $X > /tmp/x; cat /tmp/x', '1\n', '', 0],
  ])('%s', (line, stdout, stderr, status) => {
    const r = runLine(sim, node, line)
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout, stderr, exitCode: status })
  })

  it('keeps the order of stdout and stderr in output', () => {
    expect(runLine(sim, node, 'echo a; echo b >&2; echo c').output).toBe('a\nb\nc\n')
  })

  // bash -c 'LINE' has no second line to wait for: an unfinished line is an error at end of file, status 2
  it.each([
    ['kubectl get pods |', 'sh: syntax error: unexpected end of file\n'],
    [`grep 'x`, "sh: unexpected EOF while looking for matching `''\n"],
    ['for i in 1 2; do echo $i', 'sh: syntax error: unexpected end of file\n'],
  ])('%s is an error, not a PS2 prompt', (line, stderr) => {
    const r = runLine(sim, node, line)
    expect(r).toMatchObject({ stdout: '', stderr, exitCode: 2, traces: [] })
    expect(r.incomplete).toBeUndefined()
  })

  it('starts fresh each time: no variables and no $? from an earlier line', () => {
    runLine(sim, node, 'A=1; false')
    expect(runLine(sim, node, 'echo "[$A] $?"').stdout).toBe('[] 0\n')
  })

  it('runs on the caller\'s simulation: a file written by one line is read by the next', () => {
    const own = simulationOf('service-basics')
    const client = at(own, 'client/workstation')
    runLine(own, client, 'echo "192.168.100.21 web.example" >> /etc/hosts')
    expect(runLine(own, client, 'tail -n 1 /etc/hosts').stdout).toBe('192.168.100.21 web.example\n')
  })

  it('with json, the last command that returned data gives it; the traces of every command come back', () => {
    const nginx = at(sim, 'nginx-pod-1')
    const r = runLine(sim, nginx, 'nc -z -w 2 mysql-service 3306; curl -s -m 2 http://nginx-nodeport/', { json: true })
    expect(r.traces.map((t) => t.outcome.service)).toEqual(['default/mysql-service', 'default/nginx-nodeport'])
    expect(r.json).toMatchObject({ outcome: { result: 'ok', service: 'default/nginx-nodeport' } })
    // in a pipe the last command is grep, and grep -c has data of its own
    const piped = runLine(sim, nginx, 'curl -s -m 2 http://nginx-nodeport/ | grep -c Hostname', { json: true })
    expect({ stdout: piped.stdout, json: piped.json, traces: piped.traces.length }).toEqual({ stdout: '1\n', json: { selected: 1 }, traces: 1 })
    expect(runLine(sim, nginx, 'curl -s -m 2 http://nginx-nodeport/').json).toBeUndefined()
  })

  it('readOnly: kubectl refuses to edit (the repeated runs share one simulation); otherwise the edit comes back', () => {
    const line = 'kubectl label pod nginx-pod-1 tier=web'
    expect(runLine(sim, node, line, { readOnly: true })).toMatchObject({
      stderr: 'error: this shell cannot change the scenario; run the command in the terminal\n', exitCode: 1,
    })
    expect(runLine(sim, node, line).scenarioEdit?.summary).toEqual(['pod/nginx-pod-1 labeled'])
  })

  it('passes the repeat context to each command (curl counts the connections in flight from it)', () => {
    const seen: unknown[] = []
    const commands = new Map([['spy', { name: 'spy', run: (_: string[], ctx: { run?: unknown }) => { seen.push(ctx.run); return { stdout: '', stderr: '', exitCode: 0 } } }]])
    runLine(sim, node, 'spy; spy | spy', { commands, run: { index: 3, total: 5, wave: 1, concurrency: 2 } })
    expect(seen).toEqual(Array(3).fill({ index: 3, total: 5, wave: 1, concurrency: 2 }))
  })

  it('answers in the language asked for', () => {
    const commands = new Map([['broken', { name: 'broken', run: () => { throw new Error('boom') } }]])
    expect(runLine(sim, node, 'broken', { commands, lang: 'zh' }).stderr).toBe('broken:演练场在运行此命令时出错(boom)。这是 Kube Hops 的缺陷。\n')
  })
})

describe('quoteWords: argv back to a line that sh splits into the same words', () => {
  const wordsOf = (line: string): string[] => {
    const r = parse(line)
    if (!r.ok) throw new Error(r.message)
    const cmd = r.list[0].first.commands[0] as SimpleCommand
    expect(cmd.assigns).toEqual([])
    return expandWords(cmd.words, { variable: () => 'EXPANDED', substitute: () => 'SUBSTITUTED' })
  }
  it.each([
    [['curl', '-s', 'http://web:8080/a?b=c'], "curl -s 'http://web:8080/a?b=c'"],
    [['sh', '-c', 'curl -s web | grep Hostname'], "sh -c 'curl -s web | grep Hostname'"],
    [['echo', "it's", '$HOME', '{1..3}', '', 'a b'], `echo 'it'\\''s' '$HOME' '{1..3}' '' 'a b'`],
    [['A=1', 'x=2'], "'A=1' x=2"],
    [['for', 'x'], "'for' x"],
    [['grep', '-E', 'a|b', '#c', '~', '*'], "grep -E 'a|b' '#c' '~' '*'"],
  ])('%j', (argv, line) => {
    expect(quoteWords(argv)).toBe(line)
    expect(wordsOf(line)).toEqual(argv)
  })
})
