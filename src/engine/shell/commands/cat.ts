import { readFile } from '../files/registry'
import type { Command, CommandResult, ShellContext } from '../types'

/** cat FILE...: the virtual files of the machine the command runs on; `-` or no argument reads standard input. */
export const cat: Command = {
  name: 'cat',
  run(args: string[], ctx: ShellContext): CommandResult {
    let stdout = ''
    let stderr = ''
    let exitCode = 0
    const files: Record<string, string> = {}
    for (const arg of args.length ? args : ['-']) {
      if (arg === '-') {
        stdout += ctx.stdin ?? ''
        continue
      }
      if (arg.startsWith('-') && arg !== '-') {
        return { stdout: '', stderr: `cat: invalid option -- '${arg.slice(1)}'\nTry 'cat --help' for more information.\n`, exitCode: 1 }
      }
      const content = readFile(ctx.sim, ctx.where, arg)
      if (content === undefined) {
        stderr += `cat: ${arg}: No such file or directory\n`
        exitCode = 1
        continue
      }
      files[arg] = content
      stdout += content
    }
    return { stdout, stderr, exitCode, json: { files } }
  },
}
