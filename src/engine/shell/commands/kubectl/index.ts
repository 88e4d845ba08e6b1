import type { Command, CommandResult, ShellContext } from '../../types'
import { parseKubectlArgs } from './args'
import { kubectlDescribe } from './describe/index'
import { kubectlGet } from './get'

const USAGE = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Intermediate):
  get             Display one or many resources

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`

/** `kubectl get` and `kubectl describe` over the simulated API server. */
export const kubectl: Command = {
  name: 'kubectl',
  run(args: string[], ctx: ShellContext): CommandResult {
    const parsed = parseKubectlArgs(args)
    if (!parsed.ok) {
      const sub = args.find((a) => !a.startsWith('-')) ?? ''
      return { stdout: '', stderr: `error: ${parsed.error}\nSee 'kubectl ${sub ? `${sub} ` : ''}--help' for usage.\n`, exitCode: 1 }
    }
    const [sub, ...rest] = parsed.positional
    switch (sub) {
      case 'get': return kubectlGet(rest, parsed.flags, ctx)
      case 'describe': return kubectlDescribe(rest, parsed.flags, ctx)
      case undefined: case 'help': return { stdout: USAGE, stderr: '', exitCode: 0 }
      default: return { stdout: '', stderr: `error: unknown command "${sub}" for "kubectl"\n`, exitCode: 1 }
    }
  },
}
