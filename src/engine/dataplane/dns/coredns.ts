import type { Diagnostic } from '../../core/diagnostic'
import { diagnostic } from '../../core/diagnostic'
import type { Cluster, ObjectRef } from '../../cluster/types'
import type { ManifestObject } from '../../manifest/types'
import type { Simulation } from '../../sim/simulation'
import { cacheApplies, cacheDuration, cacheKey, cacheLookup, capTtls, type CacheStore } from './cache'
import { readCorefile, type CoreDnsConfig, type ServerConfig } from './corefile/config'
import { hostsPlugin } from './hosts'
import { kubernetesPlugin, type Explanation, type PluginResult } from './kubernetes'
import { loadbalance } from './loadbalance'
import { replyTo, type DnsMessage, type DnsQuestion, type QType } from './message'
import { canonical, fqdn, matchZone } from './names'
import { rewriteQuestion, rewriteResponse } from './rewrite'
import { upstreamAnswer } from './upstream'
import { corefileOf, corednsPods } from './world'

/**
 * "What CoreDNS answers": one query through the server block that serves its zone and that block's plugin chain, in
 * CoreDNS's fixed plugin order (plugin.cfg: loadbalance, rewrite, cache, hosts, kubernetes, forward), whatever order
 * the Corefile lists them in.
 */

export type Plugin = 'kubernetes' | 'hosts' | 'forward' | 'cache' | 'server'

export interface QueryResult {
  /** The response; undefined when no CoreDNS answers (its Corefile stops it from starting). */
  message?: DnsMessage
  /** The plugin that produced the answer. */
  answeredBy: Plugin
  explain: Explanation
  /** When the forward plugin sent the question out: where, and the Corefile line that said so. */
  forwardedTo?: string
  forwardRule?: string
  /** The Corefile line behind a hosts or forward decision, in the scenario's ConfigMap (none for kubeadm's default). */
  corefileSource?: ObjectRef
  /** The question after `rewrite name`, when a rule changed it. */
  rewrittenTo?: string
  fromCache?: { ageSeconds: number }
}

export interface QueryOptions {
  /** The CoreDNS pod that received the query (its cache is its own); without one, nothing is cached. */
  pod?: string
  /** The query's transaction id, echoed in the reply. */
  id?: number
}

/** The Corefile in force, read once per simulation. */
export function corednsConfig(sim: Simulation): CoreDnsConfig {
  return sim.memo('dns:corefile', () => readCorefile(corefileOf(sim.scenario.cluster).text))
}

/** The Corefile's findings as diagnostics, placed on the ConfigMap's lines when the scenario wrote one. */
export function corefileDiagnostics(cluster: Cluster, objects: ManifestObject[]): Diagnostic[] {
  const source = corefileOf(cluster)
  if (!source.configMap) return []
  const cfg = readCorefile(source.text)
  const obj = objects.find((o) => o.id === source.configMap?.id)
  const field = obj?.fieldRanges['data.Corefile']
  return cfg.findings.map((f) => {
    // a block scalar's first line follows the `Corefile: |` key line
    const range = field ? { file: field.file, startLine: field.startLine + f.line, startCol: 1, endLine: field.startLine + f.line, endCol: 200 } : obj?.range
    return diagnostic(f.code, f.severity, { ...f.params, line: f.line }, range, source.configMap?.id)
  })
}

/** Where Corefile line `line` sits in the scenario's YAML, when the Corefile came from a ConfigMap. */
function corefileLineSource(sim: Simulation, line: number): ObjectRef | undefined {
  const cm = corefileOf(sim.scenario.cluster).configMap
  if (!cm) return undefined
  const field = sim.scenario.objects.find((o) => o.id === cm.id)?.fieldRanges['data.Corefile']
  if (!field) return { object: cm.id }
  return { object: cm.id, range: { file: field.file, startLine: field.startLine + line, startCol: 1, endLine: field.startLine + line, endCol: 200 } }
}

// dnsserver.Server ServeDNS: the server block whose zone is the longest match of the question, for port 53
function serverFor(cfg: CoreDnsConfig, name: string): ServerConfig | undefined {
  let best: { server: ServerConfig; zone: string } | undefined
  for (const server of cfg.servers) {
    const zones = server.keys.filter((k) => k.port === 53).map((k) => k.zone)
    const z = matchZone(name, zones)
    if (z && (!best || canonical(z).length > canonical(best.zone).length)) best = { server, zone: z }
  }
  return best?.server
}

/** Whether the CoreDNS pods run and serve: a Corefile CoreDNS refuses to start with leaves none. */
export function corednsRunning(sim: Simulation): boolean {
  if (corednsConfig(sim).fatal) return false
  const pods = corednsPods(sim.scenario.cluster)
  // a cluster without modelled CoreDNS pods still has cluster DNS (the question is then about records only)
  return pods.length === 0 || pods.some((p) => p.ready && !p.terminating)
}

const MAX_DEPTH = 8

/** What CoreDNS answers to `question` from `clientIP`. */
export function answerQuery(sim: Simulation, question: DnsQuestion, clientIP: string, options: QueryOptions = {}): QueryResult {
  const cfg = corednsConfig(sim)
  if (!corednsRunning(sim)) {
    const fatal = cfg.fatal
    return {
      answeredBy: 'server',
      explain: fatal ? { code: 'dns.coredns.crashLoop', params: { reason: fatal.code, line: String(fatal.line) } } : { code: 'dns.coredns.noReadyPods', params: {} },
    }
  }
  const result = serve(sim, cfg, { name: fqdn(question.name), type: question.type }, clientIP, options, 0)
  if (result.message && options.id !== undefined) result.message = { ...result.message, id: options.id }
  return result
}

function serve(sim: Simulation, cfg: CoreDnsConfig, question: DnsQuestion, clientIP: string, options: QueryOptions, depth: number): QueryResult {
  const server = serverFor(cfg, question.name)
  if (!server) {
    // dnsserver: no server block for the zone → REFUSED
    return { message: replyTo(question, 'REFUSED'), answeredBy: 'server', explain: { code: 'dns.coredns.noServerBlock', params: { name: question.name } } }
  }
  const rw = rewriteQuestion(server.rewrites, question.name)
  const inner: DnsQuestion = { name: rw.name, type: question.type }
  let result: QueryResult
  const cache = server.cache && cacheApplies(server.cache, inner.name) ? server.cache : undefined
  const store = cache && options.pod ? sim.state<CacheStore>(`dns:cache:${options.pod}`, () => new Map()) : undefined
  const key = cacheKey(inner.name, inner.type)
  const hit = store ? cacheLookup(store, key, sim.clock.now()) : undefined
  if (hit) {
    result = {
      message: capTtls({ ...hit.item.message, question: inner, aa: true }, hit.ttl),
      answeredBy: 'cache',
      explain: hit.item.explain,
      fromCache: { ageSeconds: hit.ageSeconds },
    }
  } else {
    result = chain(sim, cfg, server, inner, clientIP, options, depth)
    if (cache && result.message) {
      // "Apply capped TTL to this reply", stored or not
      const d = cacheDuration(cache, result.message)
      result.message = capTtls(result.message, d.seconds)
      if (d.store && d.seconds > 0) store?.set(key, { message: result.message, explain: result.explain, storedAtMs: sim.clock.now(), ttl: d.seconds })
    }
  }
  if (rw.applied.length > 0 && result.message) {
    result.message = rewriteResponse(result.message, question.name, rw.applied)
    result.rewrittenTo = rw.name
  }
  if (server.loadbalance && result.message) result.message = loadbalance(result.message, sim.rng)
  return result
}

function chain(sim: Simulation, cfg: CoreDnsConfig, server: ServerConfig, question: DnsQuestion, clientIP: string, options: QueryOptions, depth: number): QueryResult {
  const cluster = sim.scenario.cluster
  const lookup = (name: string, type: QType): DnsMessage | undefined => {
    if (depth >= MAX_DEPTH) return undefined
    // coredns plugin/pkg/upstream: the whole server again, with the new question
    return serve(sim, cfg, { name, type }, clientIP, options, depth + 1).message
  }
  const steps: [Plugin, () => PluginResult][] = []
  if (server.hosts) {
    const h = server.hosts
    steps.push(['hosts', () => hostsPlugin(h, question)])
  }
  if (server.kubernetes) {
    const k = server.kubernetes
    steps.push(['kubernetes', () => kubernetesPlugin({ cluster, plugin: k, lookup }, question)])
  }
  let passed: Explanation | undefined
  for (const [plugin, run] of steps) {
    const r = run()
    if (r.kind === 'reply') {
      const out: QueryResult = { message: r.message, answeredBy: plugin, explain: r.explain }
      const src = plugin === 'hosts' && server.hosts ? corefileLineSource(sim, server.hosts.line) : undefined
      if (src) out.corefileSource = src
      return out
    }
    passed = r.explain ?? passed
  }
  const fwd = server.forward
  if (fwd && matchZone(question.name, [fwd.from]) && !matchZone(question.name, fwd.except)) {
    const to = fwd.to[0] ?? '/etc/resolv.conf'
    const upstream = upstreamAnswer(cluster, question, upstreamServer(sim, to))
    const out: QueryResult = { message: upstream.message, answeredBy: 'forward', explain: upstream.explain, forwardedTo: upstreamServer(sim, to), forwardRule: `forward ${fwd.from === '.' ? '.' : fwd.from.replace(/\.$/, '')} ${fwd.to.join(' ')}` }
    const src = corefileLineSource(sim, fwd.line)
    if (src) out.corefileSource = src
    return out
  }
  // plugin.NextOrFailure with no next plugin: SERVFAIL
  return { message: replyTo(question, 'SERVFAIL'), answeredBy: 'server', explain: passed ?? { code: 'dns.coredns.noPlugin', params: { name: question.name } } }
}

/** The address `forward . /etc/resolv.conf` sends to: the CoreDNS pod's resolv.conf, which is its node's (dnsPolicy Default). */
function upstreamServer(sim: Simulation, to: string): string {
  if (to !== '/etc/resolv.conf') return to.replace(/^dns:\/\//, '')
  const nodes = sim.scenario.cluster.nodes
  const node = nodes[0]
  return node ? nodeUpstream(node.ip) : '192.168.100.1'
}

/** The node network's gateway, `.1` of the node's /24: the upstream resolver in every node's resolv.conf. */
export function nodeUpstream(nodeIP: string): string {
  const parts = nodeIP.split('.')
  return parts.length === 4 ? `${parts[0]}.${parts[1]}.${parts[2]}.1` : '192.168.100.1'
}
