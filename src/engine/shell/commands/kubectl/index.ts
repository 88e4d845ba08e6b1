import type { Command, CommandResult, ShellContext } from '../../types'
import { parseKubectlArgs } from './args'
import { kubectlDescribe } from './describe/index'
import { kubectlGet } from './get'
import { kubectlApply } from './mutate/apply'
import { kubectlDelete } from './mutate/delete'
import { kubectlLabel } from './mutate/label'
import { kubectlPatch } from './mutate/patch'
import { kubectlRun } from './mutate/run'
import { kubectlScale } from './mutate/scale'

// The verbs that change the scenario (mutate/): each reads its own flags, as kubectl's subcommands do.
const MUTATING: Record<string, (args: string[], ctx: ShellContext) => CommandResult> = {
  apply: kubectlApply, delete: kubectlDelete, label: kubectlLabel, patch: kubectlPatch, run: kubectlRun, scale: kubectlScale,
}

/** The subcommand: the first word that is neither a flag nor the value of -n/--namespace. */
function subcommandIndex(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-n' || args[i] === '--namespace') { i++; continue }
    if (!args[i].startsWith('-')) return i
  }
  return -1
}

const USAGE = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  run             Run a particular image on the cluster

Basic Commands (Intermediate):
  get             Display one or many resources
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  scale           Set a new size for a deployment, replica set, or replication controller

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource

Settings Commands:
  label           Update the labels on a resource

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`

/** `kubectl get` and `kubectl describe` over the simulated API server. */
export const kubectl: Command = {
  name: 'kubectl',
  run(args: string[], ctx: ShellContext): CommandResult {
    const at = subcommandIndex(args)
    const verb = at >= 0 ? MUTATING[args[at]] : undefined
    if (verb) return verb([...args.slice(0, at), ...args.slice(at + 1)], ctx)
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
