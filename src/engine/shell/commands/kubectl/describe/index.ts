import type { CommandResult, ShellContext } from '../../../types'
import { KUBECTL_DESCRIBE_TABS, tabwrite } from '../../../tabwriter'
import { parseSelector, selectorMatches } from '../../../selector'
import { listObjects, type ApiObject } from '../api'
import type { KubectlFlags } from '../args'
import { describeEvents, eventsFor } from '../events'
import { DEFAULT_NAMESPACE, resolveTargets } from '../get'
import type { ResourceType } from '../resources'
import { describeConfigMap, describeSecret } from './config'
import { describeDeployment } from './deployment'
import { describeIngress } from './ingress'
import { describeNode } from './node'
import { describePod } from './pod'
import { describeEndpointSlice, describeEndpoints, describeService } from './service'

const DESCRIBERS: Record<string, (o: ApiObject, ctx: ShellContext) => string> = {
  Pod: describePod,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Node: describeNode,
  Deployment: describeDeployment,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  Ingress: describeIngress,
}

// describeSecret never lists events.
const WITHOUT_EVENTS = new Set(['Secret'])

export function describeKinds(): string[] {
  return Object.keys(DESCRIBERS)
}

/**
 * kubectl describe TYPE [NAME_PREFIX] [-n NS | -A] [-l SEL]. Several objects are separated by a blank line and
 * then carry no Events section (describe.go turns ShowEvents off when more than one object matches).
 */
export function kubectlDescribe(positional: string[], flags: KubectlFlags, ctx: ShellContext): CommandResult {
  if (positional.length === 0) {
    return { stdout: '', stderr: 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\nerror: Required resource not specified.\nSee \'kubectl describe -h\' for help and examples\n', exitCode: 1 }
  }
  const resolved = resolveTargets(positional)
  if (!resolved.ok) return { stdout: '', stderr: `error: ${resolved.error}\n`, exitCode: 1 }
  const namespace = flags.namespace ?? DEFAULT_NAMESPACE
  const parsed = flags.selector ? parseSelector(flags.selector) : { ok: true as const, requirements: [] }
  if (!parsed.ok) return { stdout: '', stderr: `Error from server (BadRequest): ${parsed.error}\n`, exitCode: 1 }
  const found: { type: ResourceType; obj: ApiObject }[] = []
  const errors: string[] = []
  let stderr = ''
  for (const { type, names } of resolved.targets) {
    if (type.kind === 'Endpoints') stderr += 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n'
    const inScope = listObjects(ctx.sim, type).filter((o) => !type.namespaced || flags.allNamespaces || o.metadata.namespace === namespace)
      .filter((o) => selectorMatches(parsed.requirements, o.metadata.labels ?? {}))
    if (names.length === 0) {
      found.push(...inScope.map((obj) => ({ type, obj })))
      continue
    }
    for (const name of names) {
      const exact = inScope.find((o) => o.metadata.name === name)
      // DescribeMatchingResources: with no exact match, every object whose name starts with the argument.
      const matches = exact ? [exact] : inScope.filter((o) => o.metadata.name.startsWith(name))
      if (matches.length === 0) errors.push(`Error from server (NotFound): ${type.group ? `${type.resource}.${type.group}` : type.resource} "${name}" not found`)
      found.push(...matches.map((obj) => ({ type, obj })))
    }
  }
  const showEvents = found.length === 1
  const texts: string[] = []
  for (const { type, obj } of found) {
    const describer = DESCRIBERS[type.kind]
    if (!describer) {
      errors.push(`error: describe of ${type.kind} is not available in this playground; try kubectl get ${type.resource} ${obj.metadata.name} -o yaml`)
      break
    }
    let text = describer(obj, ctx)
    if (showEvents && !WITHOUT_EVENTS.has(type.kind)) text += describeEvents(eventsFor(ctx.sim, obj), ctx.sim.clock.now())
    texts.push(tabwrite(text, KUBECTL_DESCRIBE_TABS))
  }
  if (found.length === 0 && errors.length === 0) {
    stderr += flags.allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`
  }
  stderr += errors.map((e) => e + '\n').join('')
  return { stdout: texts.join('\n\n'), stderr, exitCode: errors.length ? 1 : 0, json: found.map((f) => f.obj) }
}
