import { describe, expect, it } from 'vitest'
import { resolveWhere } from './location'
import { runCommandLine } from './runner'
import { simulationOf } from './testing'
import type { Command } from './types'

describe('runCommandLine', () => {
  const sim = simulationOf('service-basics')
  const at = resolveWhere(sim.scenario.cluster, 'node/node1')
  if (!at.ok) throw new Error('setup')

  it('turns a command that throws into a message and status 70, in the reader\'s language', () => {
    const broken: Command = { name: 'broken', run: () => { throw new Error('boom') } }
    const commands = new Map([['broken', broken]])
    expect(runCommandLine(sim, at.where, ['broken'], { commands })).toEqual({
      stdout: '', exitCode: 70, stderr: 'broken: the playground failed while running this command (boom). This is a bug in Kube Hops.\n',
    })
    expect(runCommandLine(sim, at.where, ['broken'], { commands, lang: 'zh' }).stderr).toBe('broken:演练场在运行此命令时出错(boom)。这是 Kube Hops 的缺陷。\n')
  })

  it('passes standard input and the repeat context to the command', () => {
    const seen: unknown[] = []
    const spy: Command = { name: 'spy', run: (args, ctx) => { seen.push([args, ctx.stdin, ctx.run, ctx.where.kind]); return { stdout: '', stderr: '', exitCode: 0 } } }
    runCommandLine(sim, at.where, ['spy', '-x'], { commands: new Map([['spy', spy]]), stdin: 'in', run: { index: 1, total: 2, wave: 0, concurrency: 2 } })
    expect(seen).toEqual([[['-x'], 'in', { index: 1, total: 2, wave: 0, concurrency: 2 }, 'node']])
  })

  it('an empty line does nothing', () => {
    expect(runCommandLine(sim, at.where, [])).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })
})
