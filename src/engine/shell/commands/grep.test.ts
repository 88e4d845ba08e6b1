import { describe, expect, it } from 'vitest'
import { resolveWhere } from '../location'
import { runCommandLine } from '../runner'
import { runLine } from '../sh'
import { simulationOf } from '../testing'

const sim = simulationOf('service-basics')
const at = resolveWhere(sim.scenario.cluster, 'node/master')
if (!at.ok) throw new Error('setup')
const where = at.where
const TEXT = 'Hostname: nginx-pod-1\nServer IP: 10.244.2.2\nhostname: lower\nDB Host: mysql-service\n'
const grep = (...args: string[]) => runCommandLine(sim, where, ['grep', ...args], { stdin: TEXT })

describe('grep (GNU grep(1) behaviour)', () => {
  const cases: [string[], string, number][] = [
    [['Hostname:'], 'Hostname: nginx-pod-1\n', 0],
    [['-i', 'hostname:'], 'Hostname: nginx-pod-1\nhostname: lower\n', 0],
    [['-v', 'ost'], 'Server IP: 10.244.2.2\n', 0],
    [['-c', 'o'], '3\n', 0],
    [['-o', 'nginx-pod-[0-9]'], 'nginx-pod-1\n', 0],
    [['-n', 'IP'], '2:Server IP: 10.244.2.2\n', 0],
    [['-E', 'pod-(1|2)'], 'Hostname: nginx-pod-1\n', 0],
    [['pod-\\(1\\|2\\)'], 'Hostname: nginx-pod-1\n', 0], // basic regex operators are backslashed
    [['(1|2)'], '', 1], // ...and bare parentheses are literals
    [['-F', '10.244.2.2'], 'Server IP: 10.244.2.2\n', 0],
    [['-w', 'Host'], 'DB Host: mysql-service\n', 0],
    [['-q', 'mysql'], '', 0],
    [['nothing-like-this'], '', 1],
  ]
  it.each(cases)('%j', (args, out, code) => {
    expect(grep(...args)).toMatchObject({ stdout: out, exitCode: code })
  })

  it('errors exit 2', () => {
    expect(grep('-Z', 'x')).toMatchObject({ stderr: "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 })
    expect(grep('x', '/nope').exitCode).toBe(2)
  })
})

describe('grep in a line (sh/index.ts runLine: words and pipes)', () => {
  it('pipes one command\'s output into the next', () => {
    const r = runLine(sim, where, `kubectl get pods -A | grep -E 'coredns|mysql' | grep -c Running`)
    expect(r).toMatchObject({ stdout: '3\n', exitCode: 0 })
  })

  it('answers syntax errors as bash -c does', () => {
    // bash -c 'kubectl get pods |': "syntax error: unexpected end of file" (the pipe waits for a command that never comes)
    expect(runLine(sim, where, 'kubectl get pods |')).toMatchObject({ stderr: 'sh: syntax error: unexpected end of file\n', exitCode: 2 })
    expect(runLine(sim, where, '| grep x')).toMatchObject({ stderr: "sh: syntax error near unexpected token `|'\n", exitCode: 2 })
    expect(runLine(sim, where, `grep 'x`).exitCode).toBe(2)
  })

  it('keeps the last command\'s status and everybody\'s stderr', () => {
    const r = runLine(sim, where, 'cat /nope | grep x')
    expect(r).toMatchObject({ stdout: '', stderr: 'cat: /nope: No such file or directory\n', exitCode: 1 })
  })
})
