import type { Command, CommandResult } from '../../types'

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** GNU sleep NUMBER[smhd]...: the durations add up; the virtual clock advances by them (nothing waits for real). */
export const sleep: Command = {
  name: 'sleep',
  run(args, ctx): CommandResult {
    if (args.length === 0) return { stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 }
    let ms = 0
    for (const a of args) {
      const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a)
      if (!m) return { stdout: '', stderr: `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`, exitCode: 1 }
      ms += Number(m[1]) * UNIT_MS[m[2]]
    }
    ctx.sim.clock.advance(Math.round(ms))
    return { stdout: '', stderr: '', exitCode: 0 }
  },
}
