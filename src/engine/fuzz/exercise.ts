import type { Cluster, Service } from '../cluster/types'
import type { SourceFile } from '../manifest/types'
import { compileScenario, type CompileOptions } from '../scenario'
import { runLine } from '../shell/sh'
import type { Location } from '../shell/types'
import { Simulation } from '../sim/simulation'
import type { Hop, Trace } from '../trace/types'
import { catalog } from '../i18n/catalog'

/** A trace longer than this has not ended: the walk has a hop budget far below it (DESIGN.md: every trace ends). */
export const MAX_HOPS = 500

/** What running a scenario produced: every command's output, for the determinism check, and broken invariants. */
export interface Exercise {
  transcript: string
  violations: string[]
  traces: number
}

/**
 * Compile the files and run the commands a user runs in the labs from the places they run them: DNS lookups and
 * curls to every Service by name, ClusterIP, NodePort and LoadBalancer address, to every Ingress host, plus the
 * listing commands. Exceptions are caught here and reported as violations (the engine must never throw).
 */
export function exercise(files: SourceFile[], seed: number, options: CompileOptions = {}): Exercise {
  const violations: string[] = []
  const lines: string[] = []
  let traces = 0
  let compiled
  try {
    compiled = compileScenario(files, options)
  } catch (e) {
    return { transcript: '', violations: [`compileScenario threw: ${(e as Error).stack ?? String(e)}`], traces }
  }
  lines.push(compiled.diagnostics.map((d) => `${d.severity} ${d.code} ${JSON.stringify(d.params)}`).join('\n'))
  const sim = new Simulation(compiled, seed)
  const cluster = compiled.cluster
  const hosts = (compiled.ingress?.servers ?? []).map((x) => x.hostname).filter((h) => h !== '_')
  for (const [where, line] of commandsFor(cluster, hosts)) {
    let out
    try {
      out = runLine(sim, where, line, { json: true })
    } catch (e) {
      violations.push(`${line} threw: ${(e as Error).stack ?? String(e)}`)
      continue
    }
    // the runner turns a command's exception into status 70 and a message (shell/runner.ts): still a bug to report
    if (out.exitCode === 70) violations.push(`${line} failed inside the engine: ${out.stderr.slice(0, 400)}`)
    lines.push(`$ ${line}\n${out.exitCode}\n${out.stdout}${out.stderr}`)
    for (const t of out.traces ?? []) {
      traces++
      violations.push(...traceViolations(cluster, t).map((v) => `${line}: ${v}`))
      lines.push(JSON.stringify(t))
    }
  }
  return { transcript: lines.join('\n'), violations, traces }
}

function commandsFor(cluster: Cluster, hosts: string[]): [Location, string][] {
  const out: [Location, string][] = []
  const client = cluster.pods.find((p) => p.name === 'client') ?? cluster.pods.find((p) => !p.hostNetwork)
  const node = cluster.nodes.find((n) => !n.controlPlane) ?? cluster.nodes[0]
  const outside = cluster.clients[0]
  const fromPod: Location | undefined = client ? { kind: 'pod', pod: client } : undefined
  const fromNode: Location | undefined = node ? { kind: 'node', node } : undefined
  const fromOutside: Location | undefined = outside ? { kind: 'client', client: outside } : undefined
  const admin = fromNode ?? fromPod
  if (admin) for (const line of ['kubectl get pods,svc,endpoints -A -o wide', 'kubectl get ingress -A', 'iptables-save']) out.push([admin, line])
  for (const s of cluster.services.filter((x) => !x.system).slice(0, 6)) {
    const port = s.ports[0]?.port ?? 80
    if (fromPod) {
      out.push([fromPod, `nslookup ${s.name}.${s.namespace}`])
      out.push([fromPod, `curl -s -m 2 http://${s.name}.${s.namespace}:${port}/`])
      if (s.clusterIP && s.clusterIP !== 'None') out.push([fromPod, `curl -s -m 2 http://${s.clusterIP}:${port}/`])
    }
    const nodePort = s.ports[0]?.nodePort
    if (nodePort && fromOutside && node) out.push([fromOutside, `curl -s -m 2 http://${node.ip}:${nodePort}/`])
    if (nodePort && fromNode) out.push([fromNode, `curl -s -m 2 http://${fromNode.node.ip}:${nodePort}/`])
    for (const ip of s.loadBalancerIngress.slice(0, 1)) if (fromOutside) out.push([fromOutside, `curl -s -m 2 http://${ip}:${port}/`])
  }
  const entry = cluster.nodes.find((n) => !n.controlPlane)
  if (fromPod) for (const h of hosts.slice(0, 3)) out.push([fromPod, `curl -s -m 2 http://${h}/api`])
  if (fromOutside && entry) for (const h of hosts.slice(0, 3)) out.push([fromOutside, `curl -s -m 2 -H "Host: ${h}" http://${entry.ip}/`])
  return out
}

/** The frontends a kube-proxy translation may start from, for one Service (ClusterIP, NodePorts, external addresses). */
function frontends(cluster: Cluster, s: Service): Set<string> {
  const out = new Set<string>()
  for (const p of s.ports) {
    if (s.clusterIP && s.clusterIP !== 'None') out.add(`${s.clusterIP}:${p.port}`)
    for (const ip of [...s.loadBalancerIngress, ...s.externalIPs]) out.add(`${ip}:${p.port}`)
    if (p.nodePort) {
      for (const n of cluster.nodes) out.add(`${n.ip}:${p.nodePort}`)
      out.add(`127.0.0.1:${p.nodePort}`)
    }
  }
  return out
}

function endpointsOf(cluster: Cluster, s: Service): Set<string> {
  const out = new Set<string>()
  for (const slice of cluster.endpointSlices) {
    if (slice.namespace !== s.namespace || slice.serviceName !== s.name) continue
    for (const e of slice.endpoints) for (const a of e.addresses) for (const p of slice.ports) out.add(`${a}:${p.port}`)
  }
  return out
}

/**
 * Invariants of one trace: it ends, and says how (a loop, such as an ExternalName naming itself or a hairpin that
 * never settles, is reported as such, in words the catalogue has), and every DNAT of a Service's frontend lands on an
 * endpoint of that Service.
 */
export function traceViolations(cluster: Cluster, t: Trace): string[] {
  const v: string[] = []
  if (t.hops.length >= MAX_HOPS) v.push(`trace did not end (${t.hops.length} hops)`)
  if (!t.outcome || typeof t.outcome.result !== 'string') v.push('trace without an outcome')
  else if (t.outcome.reason && !(t.outcome.reason.code in catalog)) v.push(`outcome reason ${t.outcome.reason.code} has no text`)
  else if (t.outcome.result === 'loop' && !t.outcome.reason) v.push('a loop without its reason')
  for (const h of t.hops) {
    if (h.note && !(h.note.code in catalog)) v.push(`hop note ${h.note.code} has no text`)
    v.push(...dnatViolation(cluster, h))
  }
  return v
}

function dnatViolation(cluster: Cluster, h: Hop): string[] {
  if (h.stage !== 'kube-proxy' || h.verdict !== 'translated') return []
  if (h.before.dst === h.after.dst && h.before.dstPort === h.after.dstPort) return []
  const from = `${h.before.dst}:${h.before.dstPort}`
  const to = `${h.after.dst}:${h.after.dstPort}`
  const services = cluster.services.filter((s) => frontends(cluster, s).has(from))
  if (services.length === 0) return [`DNAT from ${from}, which is no Service's frontend (rule ${h.rule ?? '-'})`]
  if (services.some((s) => endpointsOf(cluster, s).has(to))) return []
  return [`DNAT ${from} -> ${to}, not an endpoint of ${services.map((s) => s.id).join(', ')} (rule ${h.rule ?? '-'})`]
}
