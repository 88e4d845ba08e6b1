import type { Command, CommandResult } from '../../types'

/** GNU seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST, decimals printed with the operands' widest precision. */
export const seq: Command = {
  name: 'seq',
  run(args): CommandResult {
    let sep = '\n'
    let equalWidth = false
    const nums: string[] = []
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '-s') sep = args[++i] ?? ''
      else if (a.startsWith('-s') && a.length > 2) sep = a.slice(2)
      else if (a === '-w') equalWidth = true
      else nums.push(a)
    }
    if (nums.length < 1 || nums.length > 3) return { stdout: '', stderr: `seq: ${nums.length ? `extra operand '${nums[3]}'` : 'missing operand'}\nTry 'seq --help' for more information.\n`, exitCode: 1 }
    const bad = nums.find((n) => !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n))
    if (bad !== undefined) return { stdout: '', stderr: `seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`, exitCode: 1 }
    const [first, step, last] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums
    const decimals = Math.max(...[first, step].map((n) => (n.includes('.') ? n.split('.')[1].length : 0)))
    const a = Number(first), d = Number(step), b = Number(last)
    if (d === 0) return { stdout: '', stderr: `seq: invalid Zero increment value: '${step}'\nTry 'seq --help' for more information.\n`, exitCode: 1 }
    const values: string[] = []
    for (let k = 0; ; k++) {
      const v = a + k * d
      if (d > 0 ? v > b + 1e-9 : v < b - 1e-9) break
      if (values.length >= 1_000_000) return { stdout: '', stderr: 'seq: more than 1000000 numbers (the playground\'s limit)\n', exitCode: 1 }
      values.push(v.toFixed(decimals))
    }
    const width = equalWidth ? Math.max(...values.map((v) => v.replace('-', '').length)) : 0
    const shown = values.map((v) => (v.startsWith('-') ? '-' + v.slice(1).padStart(width - 1, '0') : v.padStart(width, '0')))
    return { stdout: shown.length ? shown.join(sep) + '\n' : '', stderr: '', exitCode: 0 }
  },
}
