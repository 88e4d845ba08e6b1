import { Document } from 'yaml'
import { compileScenario } from '../../../../scenario'
import { Simulation } from '../../../../sim/simulation'
import { fileOverlay, OVERLAY_STATE } from '../../../files/overlay'
import { runCommandLine } from '../../../runner'
import type { CommandResult, ShellContext } from '../../../types'
import { needsEditor, parseFlags, usageError, withFile } from './common'

const RUN_FILE = 'kubectl-run.yaml'

/** The Pod kubectl run creates (kubectl/pkg/generate/versioned/run.go BasicPod): label run=NAME, CMD as args. */
function podYaml(name: string, namespace: string, image: string, restart: string, labels: Record<string, string>, cmd: string[], command: boolean): string {
  const container: Record<string, unknown> = { name, image }
  if (cmd.length) container[command ? 'command' : 'args'] = cmd
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(namespace !== 'default' ? { namespace } : {}), labels },
    spec: { containers: [container], restartPolicy: restart },
  }
  return new Document(pod).toString({ indentSeq: false })
}

/**
 * kubectl run NAME --image=IMAGE [--rm] [-i] [-t] [--restart=Never] [--labels=k=v] [-n NS] [--command] -- CMD ARGS.
 * With -i (attached) the pod runs in a variant of the scenario for the command's duration: it is scheduled like
 * any pod, CMD runs inside it and its output is printed; --rm then deletes it (`pod "NAME" deleted`) and the
 * scenario's YAML never changes. Without --rm the pod stays: it is added to the YAML (`pod/NAME created`).
 */
export function kubectlRun(args: string[], ctx: ShellContext): CommandResult {
  const flags = parseFlags(args, {
    values: ['-n', '--namespace', '--image', '--restart', '--labels', '-l', '--env', '--port'],
    bools: ['--rm', '-i', '--stdin', '-t', '--tty', '--command', '-q', '--quiet'],
  })
  if (typeof flags === 'string') return usageError(flags, 'run')
  const [name, ...extra] = flags.positional
  if (!name) return usageError('NAME is required for run', 'run')
  const image = flags.values.get('--image')
  if (!image) return usageError('--image is required', 'run')
  const cmd = [...extra, ...(flags.afterDash ?? [])]
  const attach = flags.bools.has('-i') || flags.bools.has('--stdin')
  const remove = flags.bools.has('--rm')
  if (remove && !attach) return usageError('--rm should only be used for attached containers', 'run')
  const restart = flags.values.get('--restart') ?? 'Always'
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return usageError(`invalid restart policy: ${restart}`, 'run')
  const namespace = flags.values.get('-n') ?? flags.values.get('--namespace') ?? 'default'
  const labels: Record<string, string> = { run: name }
  const labelSpec = flags.values.get('--labels') ?? flags.values.get('-l')
  if (labelSpec) {
    delete labels.run
    for (const kv of labelSpec.split(',')) { const [k, v = ''] = kv.split('='); labels[k] = v }
  }
  const cluster = ctx.sim.scenario.cluster
  if (cluster.pods.some((p) => p.namespace === namespace && p.name === name)) return { stdout: '', stderr: `Error from server (AlreadyExists): pods "${name}" already exists\n`, exitCode: 1 }
  const text = podYaml(name, namespace, image, restart, labels, cmd, flags.bools.has('--command'))
  const files = ctx.sim.scenario.files
  const existing = files.find((f) => f.path === RUN_FILE)?.text
  const withPod = withFile(files, RUN_FILE, existing ? existing.replace(/\n*$/, '\n') + '---\n' + text : text)

  if (!attach) {
    const noEditor = needsEditor(ctx)
    if (noEditor) return noEditor
    const line = `pod/${name} created`
    ctx.edit!.apply({ files: withPod, changed: [RUN_FILE], summary: [line] })
    return { stdout: line + '\n', stderr: '', exitCode: 0 }
  }
  if (cmd.length === 0) return { stdout: '', stderr: `error: the playground runs one command in a kubectl run pod: add -- COMMAND ARGS (e.g. -- nslookup kubernetes)\n`, exitCode: 1 }
  // the pod exists for the command's duration: a variant of the scenario with it, sharing the files the shell wrote
  const variant = new Simulation(compileScenario(withPod), ctx.sim.seed)
  variant.state(OVERLAY_STATE, () => fileOverlay(ctx.sim))
  const pod = variant.scenario.cluster.pods.find((p) => p.namespace === namespace && p.name === name)
  if (!pod || !pod.podIP || !pod.nodeName) return { stdout: '', stderr: `error: timed out waiting for the condition\n`, exitCode: 1 }
  const r = runCommandLine(variant, { kind: 'pod', pod }, cmd, { lang: ctx.lang, ...(ctx.stdin !== undefined ? { stdin: ctx.stdin } : {}) })
  let stdout = r.stdout
  let stderr = r.stderr
  let exitCode = 0
  if (remove) stdout += `pod "${name}" deleted\n`
  else if (ctx.edit) ctx.edit.apply({ files: withPod, changed: [RUN_FILE], summary: [`pod/${name} created`] })
  // kubectl run's attach: a container that exits non-zero ends with this error and status 1
  if (r.exitCode !== 0) {
    stderr += `pod ${namespace}/${name} terminated (Error)\n`
    exitCode = 1
  }
  return { stdout, stderr, exitCode, ...(r.traces ? { traces: r.traces } : {}) }
}
