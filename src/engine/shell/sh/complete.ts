import type { Cluster } from '../../cluster/types'
import { fileOverlay, machineKey } from '../files/overlay'
import { virtualFiles } from '../files/registry'
import { commands } from '../registry'
import { resolveResource, RESOURCE_TYPES } from '../commands/kubectl/resources'
import type { Location } from '../types'
import type { ShellSession } from './session'

/** Words the shell itself understands at the start of a command (interpret.ts builtins and the reserved words). */
const SHELL_WORDS = ['break', 'cd', 'continue', 'exit', 'export', 'false', 'true', 'unset', 'sh', 'bash', 'for', 'while', 'until', 'if', '{']
const CONTROL = new Set(['|', '||', '&&', ';', 'do', 'then', 'else', 'elif', '{', '!', 'if', 'while', 'until'])

const KUBECTL_VERBS = ['apply', 'delete', 'describe', 'get', 'label', 'patch', 'run', 'scale']
const KUBECTL_FLAGS: Record<string, string[]> = {
  get: ['-A', '--all-namespaces', '-l', '--namespace', '--no-headers', '--output', '--selector', '--show-labels', '-n', '-o'],
  describe: ['-A', '--all-namespaces', '-l', '--namespace', '-n'],
  apply: ['-f', '--filename', '-n', '--namespace', '--dry-run'],
  delete: ['-n', '--namespace', '--ignore-not-found', '--now', '--force'],
  label: ['-n', '--namespace', '--overwrite'],
  patch: ['-n', '--namespace', '-p', '--patch', '--type'],
  scale: ['-n', '--namespace', '--replicas', '--current-replicas'],
  run: ['--image=', '--rm', '-it', '--restart=Never', '--labels=', '--command', '-n', '--namespace'],
}
const COMMAND_FLAGS: Record<string, string[]> = {
  curl: ['-s', '-S', '-v', '-I', '-i', '-k', '-L', '-H', '-X', '-m', '-o', '-w', '-b', '-u', '--connect-timeout', '--max-time', '--header', '--silent', '--verbose'],
  wget: ['-q', '-O', '-qO-', '-S', '-T', '-U', '--header'],
  grep: ['-c', '-E', '-F', '-i', '-n', '-o', '-q', '-v', '-w', '-e'],
  sort: ['-k', '-n', '-r', '-t', '-u'],
  uniq: ['-c', '-d', '-i', '-u'],
  head: ['-n'],
  tail: ['-n'],
  wc: ['-c', '-l', '-m', '-w'],
  cut: ['-c', '-d', '-f', '-s'],
  echo: ['-e', '-n'],
  dig: ['+short', '+search', '+noall', '+answer', '-t', '-x'],
  nslookup: ['-type='],
  nc: ['-v', '-z', '-w', '-u'],
  ping: ['-c', '-W'],
}
const HOST_COMMANDS = new Set(['curl', 'wget', 'nc', 'ping', 'nslookup', 'dig', 'getent', 'host'])
const FILE_COMMANDS = new Set(['cat', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk'])

/** The words of the line so far, split loosely (quotes kept out, operators as their own words), and the last one. */
function splitLoose(line: string): { words: string[]; current: string } {
  const words: string[] = []
  let cur = ''
  let quote = ''
  let started = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote) { if (c === quote) quote = ''; else cur += c; continue }
    if (c === '"' || c === "'") { quote = c; started = true; continue }
    if (c === '\\' && i + 1 < line.length) { cur += line[++i]; started = true; continue }
    if (c === ' ' || c === '\t' || c === '\n') { if (started) words.push(cur); cur = ''; started = false; continue }
    const op = /^(\|\||&&|[|;&<>])/.exec(line.slice(i))
    if (op) {
      if (started) words.push(cur)
      words.push(op[0])
      cur = ''
      started = false
      i += op[0].length - 1
      continue
    }
    cur += c
    started = true
  }
  return { words, current: cur }
}

function uniqueSorted(list: string[]): string[] {
  return [...new Set(list)].sort()
}

/** Names a client or pod can reach: Services (short, namespaced, full), Ingress hosts, node names and addresses. */
function hostNames(session: ShellSession, where: Location): string[] {
  const c = session.sim.scenario.cluster
  const zone = c.config.clusterDomain
  const ns = where.kind === 'pod' ? where.pod.namespace : 'default'
  const out: string[] = []
  for (const s of c.services) {
    if (s.namespace === ns) out.push(s.name)
    out.push(`${s.name}.${s.namespace}`, `${s.name}.${s.namespace}.svc.${zone}`)
  }
  for (const server of session.sim.scenario.ingress?.servers ?? []) if (server.hostname !== '_') out.push(server.hostname)
  for (const n of c.nodes) out.push(n.name, n.ip)
  return out
}

/** URLs for curl and wget: http://HOST for the names above, and each NodePort on each node's address. */
function urls(session: ShellSession, where: Location): string[] {
  const c = session.sim.scenario.cluster
  const out = hostNames(session, where).map((h) => `http://${h}`)
  for (const server of session.sim.scenario.ingress?.servers ?? []) if (server.hostname !== '_') out.push(`https://${server.hostname}`)
  for (const s of c.services) for (const p of s.ports) if (p.nodePort) for (const n of c.nodes) out.push(`http://${n.ip}:${p.nodePort}`)
  return out
}

/** Object names of a kubectl type in a namespace (pods, Services, workloads, nodes, and the pass-through kinds). */
function objectNames(cluster: Cluster, typeArg: string, namespace: string): string[] {
  const t = resolveResource(typeArg)?.[0]
  if (!t) return []
  const inNs = <T extends { namespace: string; name: string }>(xs: T[]) => xs.filter((x) => x.namespace === namespace).map((x) => x.name)
  switch (t.kind) {
    case 'Pod': return inNs(cluster.pods)
    case 'Service': case 'Endpoints': return inNs(cluster.services)
    case 'Node': return cluster.nodes.map((n) => n.name)
    case 'Namespace': return cluster.namespaces
    case 'Deployment': case 'StatefulSet': case 'DaemonSet': case 'ReplicaSet':
      return inNs(cluster.workloads.filter((w) => w.kind === t.kind))
    default: return cluster.others.filter((o) => o.kind === t.kind && (!t.namespaced || o.namespace === namespace)).map((o) => o.name)
  }
}

function filePaths(session: ShellSession, where: Location): string[] {
  const written = [...(fileOverlay(session.sim).get(machineKey(where))?.keys() ?? [])]
  const cwd = where.kind === 'pod' ? '/' : '/root/'
  return [...virtualFiles.keys(), ...written, ...written.filter((p) => p.startsWith(cwd)).map((p) => p.slice(cwd.length))]
}

function kubectlCandidates(session: ShellSession, args: string[], current: string): string[] {
  const cluster = session.sim.scenario.cluster
  const nsFlag = args.findIndex((a) => a === '-n' || a === '--namespace')
  const namespace = nsFlag >= 0 ? args[nsFlag + 1] ?? 'default' : 'default'
  const prev = args[args.length - 1]
  if (prev === '-n' || prev === '--namespace') return cluster.namespaces
  const positional = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && ['-n', '--namespace', '-o', '-l', '-p', '-f', '--replicas'].includes(args[i - 1])))
  const verb = positional[0]
  if (!verb) return current.startsWith('-') ? ['-n', '--namespace'] : KUBECTL_VERBS
  if (current.startsWith('-')) return KUBECTL_FLAGS[verb] ?? []
  if (prev === '-o' || prev === '--output') return ['json', 'name', 'wide', 'yaml']
  if (verb === 'run' || verb === 'apply') return []
  if (positional.length === 1) {
    if (current.includes('/')) {
      const [typeArg] = current.split('/')
      return objectNames(cluster, typeArg, namespace).map((n) => `${typeArg}/${n}`)
    }
    return RESOURCE_TYPES.flatMap((t) => [t.resource, t.singular, ...t.shortNames])
  }
  return objectNames(cluster, positional[1], namespace)
}

/**
 * Completion for the terminal: the candidates that can replace the word under the cursor (the text after the last
 * blank of `lineUpToCursor`), sorted: command names, flags of the main commands, kubectl verbs, types and object
 * names, Service names and Ingress hosts (and URLs for curl and wget), node names and addresses, the machine's files,
 * variables after `$`.
 */
export function complete(session: ShellSession, where: Location, lineUpToCursor: string): string[] {
  const { words, current } = splitLoose(lineUpToCursor)
  let start = words.length
  while (start > 0 && !CONTROL.has(words[start - 1])) start--
  const command = words.slice(start)
  const prev = words[words.length - 1]
  let candidates: string[]
  if (current.startsWith('$')) {
    candidates = [...session.vars.keys(), '?'].map((v) => `$${v}`)
  } else if (prev === '>' || prev === '>>' || prev === '<') {
    candidates = filePaths(session, where)
  } else if (command.length === 0) {
    candidates = [...commands.keys(), ...SHELL_WORDS]
  } else {
    const name = command[0]
    const args = command.slice(1)
    if (name === 'kubectl') candidates = kubectlCandidates(session, args, current)
    else if (current.startsWith('-')) candidates = COMMAND_FLAGS[name] ?? []
    else if (name === 'curl' || name === 'wget') candidates = urls(session, where)
    else if (HOST_COMMANDS.has(name)) candidates = hostNames(session, where)
    else if (FILE_COMMANDS.has(name) || current.startsWith('/')) candidates = filePaths(session, where)
    else if (name === 'for' && args.length === 1) candidates = ['in']
    else candidates = []
  }
  return uniqueSorted(candidates.filter((c) => c.startsWith(current) && c !== ''))
}
