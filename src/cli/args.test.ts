import { describe, expect, it } from 'vitest'
import { parseCliArgs } from './args'

describe('parseCliArgs', () => {
  it('reads global options before the command and leaves the command\'s arguments alone', () => {
    const r = parseCliArgs(['-f', 'a.yaml', '--filename=b', '--json', '--seed', '42', '--mode=ipvs', '--lang', 'zh', 'kubectl', 'get', 'pods', '-o', 'wide'])
    expect(r).toEqual({ ok: true, args: {
      files: ['a.yaml', 'b'], json: true, seed: 42, mode: 'ipvs', lang: 'zh', help: false,
      command: { kind: 'kubectl', args: ['get', 'pods', '-o', 'wide'] },
    } })
  })

  it('reads exec\'s own options between WHERE and --, and passes everything after -- unparsed', () => {
    const r = parseCliArgs(['exec', 'client/workstation', '--repeat', '100', '--interval=5', '--concurrency', '4', '--', 'curl', '--json', '-H', 'X: y'])
    expect(r.ok && r.args.command).toEqual({
      kind: 'exec', where: 'client/workstation', repeat: 100, intervalMs: 5, concurrency: 4, argv: ['curl', '--json', '-H', 'X: y'],
    })
  })

  it('exec --help and --help anywhere before the command ask for the usage', () => {
    expect(parseCliArgs(['exec', '--help'])).toMatchObject({ ok: true, args: { help: true } })
    expect(parseCliArgs(['--help'])).toMatchObject({ ok: true, args: { help: true } })
  })

  it('names the offending option in its error', () => {
    expect(parseCliArgs(['--mode', 'userspace', 'check'])).toEqual({
      ok: false, lang: 'en', error: { code: 'shell.cli.badValue', params: { option: '--mode', value: 'userspace', expected: 'iptables|ipvs|nftables' } },
    })
    expect(parseCliArgs(['exec', 'x', '--concurrency', '0', '--', 'hostname'])).toMatchObject({ ok: false, error: { params: { option: '--concurrency', expected: '1..1000000' } } })
  })
})
