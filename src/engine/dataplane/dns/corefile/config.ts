import { isIPv4, isIPv6 } from '../../../util/ip'
import { canonical } from '../names'
import { parseCorefile, type CorefileFinding, type Directive, type ServerBlock, type ServerKey } from './parse'

/**
 * The Corefile read into what each plugin does, per server block. Only the plugins that change answers are modelled
 * (kubernetes, hosts, forward, cache, loadbalance, rewrite name); the rest (errors, health, ready, prometheus, loop,
 * reload, log) are accepted and change nothing a query sees. A setup error CoreDNS would refuse to start on marks
 * the config `fatal`: the pods then crash-loop and every query times out.
 */

export type PodsMode = 'disabled' | 'insecure' | 'verified'

export interface KubernetesPlugin {
  /** Absolute, lower-cased zones (`cluster.local.`, `in-addr.arpa.`, `ip6.arpa.`). */
  zones: string[]
  pods: PodsMode
  ttl: number
  /** Zones whose name errors pass to the next plugin; [] = none, ['.'] = every zone (bare `fallthrough`). */
  fallthrough: string[] | undefined
  endpointPodNames: boolean
  noEndpoints: boolean
  ignoreEmptyService: boolean
  namespaces: string[]
  line: number
}

export interface HostsEntry {
  address: string
  names: string[]
}

export interface HostsPlugin {
  entries: HostsEntry[]
  zones: string[]
  ttl: number
  fallthrough: string[] | undefined
  noReverse: boolean
  /** The hosts file named on the line (default /etc/hosts); only its kubelet-managed localhost lines are modelled. */
  file: string
  line: number
}

export interface ForwardPlugin {
  from: string
  to: string[]
  except: string[]
  line: number
}

export interface CachePlugin {
  /** Maximum TTL of positive answers (cache [TTL]; default 3600). */
  successMax: number
  /** Maximum TTL of denials (default 1800). */
  denialMax: number
  successMin: number
  denialMin: number
  /** How long SERVFAIL is cached (servfail DURATION; default 5s). */
  servfail: number
  zones: string[]
  line: number
}

export type RewriteMatch = 'exact' | 'prefix' | 'suffix' | 'substring' | 'regex'

export interface RewriteRule {
  match: RewriteMatch
  from: string
  to: string
  answerAuto: boolean
  stop: boolean
  line: number
}

export interface ServerConfig {
  keys: ServerKey[]
  kubernetes?: KubernetesPlugin
  hosts?: HostsPlugin
  forward?: ForwardPlugin
  cache?: CachePlugin
  loadbalance: boolean
  rewrites: RewriteRule[]
  line: number
}

export interface CoreDnsConfig {
  servers: ServerConfig[]
  findings: CorefileFinding[]
  /** Set when CoreDNS would exit at start-up: the finding that explains why. */
  fatal?: CorefileFinding
}

// Plugins of CoreDNS's plugin.cfg that change nothing a query from the playground sees.
const INERT = new Set([
  'errors', 'health', 'ready', 'prometheus', 'loop', 'reload', 'log', 'debug', 'bind', 'cancel', 'pprof', 'metadata',
  'trace', 'timeouts', 'bufsize', 'root', 'nsid', 'chaos', 'any', 'dnstap', 'local', 'multisocket', 'shed', 'tls',
  'on',
])
// Plugins CoreDNS knows that the playground does not model: accepted with a warning.
const UNMODELLED = new Set([
  'autopath', 'k8s_external', 'template', 'file', 'auto', 'secondary', 'etcd', 'grpc', 'dns64', 'acl', 'header',
  'dnssec', 'minimal', 'transfer', 'route53', 'azure', 'clouddns', 'erratic', 'whoami', 'sign', 'view', 'nomad',
  'tsig', 'geoip', 'proxyproto', 'quic', 'grpc_server', 'https', 'https3', 'kubeapi',
])

function normalizeZones(args: string[], block: ServerBlock): string[] {
  const zones = args.length > 0 ? args : block.keys.map((k) => k.zone)
  return zones.map((z) => (z === '.' ? '.' : canonical(z)))
}

// coredns plugin/pkg/fall SetZonesFromArgs: no args = every zone
function fallthroughZones(args: string[]): string[] {
  return args.length === 0 ? ['.'] : args.map((z) => canonical(z))
}

function isNumber(s: string | undefined): boolean {
  return s !== undefined && /^-?\d+$/.test(s)
}

/** Reads a Corefile's text into the plugins' configuration. */
export function readCorefile(text: string): CoreDnsConfig {
  const parsed = parseCorefile(text)
  const findings = [...parsed.findings]
  let fatal = findings.find((f) => f.severity === 'error')
  const fail = (code: string, line: number, params: Record<string, string> = {}) => {
    const f: CorefileFinding = { code, severity: 'error', line, params }
    findings.push(f)
    fatal ??= f
  }
  const warn = (code: string, line: number, params: Record<string, string> = {}) =>
    findings.push({ code, severity: 'warning', line, params })

  const servers: ServerConfig[] = []
  for (const block of parsed.blocks) {
    const server: ServerConfig = { keys: block.keys, loadbalance: false, rewrites: [], line: block.line }
    const seen = new Set<string>()
    for (const d of block.directives) {
      // caddy: most plugins may appear once per server block
      if (seen.has(d.name) && d.name !== 'rewrite') fail('dns.corefile.duplicatePlugin', d.line, { plugin: d.name })
      seen.add(d.name)
      switch (d.name) {
        case 'kubernetes':
          server.kubernetes = readKubernetes(d, block, fail)
          break
        case 'hosts':
          server.hosts = readHosts(d, block, fail, warn)
          break
        case 'forward':
          server.forward = readForward(d, fail)
          break
        case 'cache':
          server.cache = readCache(d, block, fail)
          break
        case 'loadbalance':
          if (d.args.length > 0 && d.args[0] !== 'round_robin') warn('dns.corefile.unmodelledOption', d.line, { plugin: 'loadbalance', option: d.args[0] })
          server.loadbalance = true
          break
        case 'rewrite':
          readRewrite(d, fail, warn).forEach((r) => server.rewrites.push(r))
          break
        default:
          if (INERT.has(d.name)) break
          if (UNMODELLED.has(d.name)) warn('dns.corefile.unmodelledPlugin', d.line, { plugin: d.name })
          else fail('dns.corefile.unknownPlugin', d.line, { plugin: d.name })
      }
    }
    servers.push(server)
  }
  return fatal ? { servers, findings, fatal } : { servers, findings }
}

type Fail = (code: string, line: number, params?: Record<string, string>) => void

function readKubernetes(d: Directive, block: ServerBlock, fail: Fail): KubernetesPlugin {
  const k: KubernetesPlugin = {
    zones: normalizeZones(d.args, block),
    // coredns plugin/kubernetes New: podMode disabled, ttl defaultTTL (5)
    pods: 'disabled',
    ttl: 5,
    fallthrough: undefined,
    endpointPodNames: false,
    noEndpoints: false,
    ignoreEmptyService: false,
    namespaces: [],
    line: d.line,
  }
  // coredns plugin/kubernetes setup: "non-reverse zone name must be used"
  if (!k.zones.some((z) => !z.endsWith('in-addr.arpa.') && !z.endsWith('ip6.arpa.'))) fail('dns.corefile.k8sReverseOnly', d.line)
  for (const o of d.block ?? []) {
    switch (o.name) {
      case 'pods':
        if (o.args.length === 1 && (o.args[0] === 'disabled' || o.args[0] === 'insecure' || o.args[0] === 'verified')) k.pods = o.args[0]
        else fail('dns.corefile.badPodsMode', o.line, { value: o.args.join(' ') })
        break
      case 'ttl': {
        // setup.go: "ttl must be in range [0, 3600]"
        const t = o.args[0]
        if (!isNumber(t) || Number(t) < 0 || Number(t) > 3600) fail('dns.corefile.badTtl', o.line, { value: t ?? '', min: '0', max: '3600' })
        else k.ttl = Number(t)
        break
      }
      case 'fallthrough':
        k.fallthrough = fallthroughZones(o.args)
        break
      case 'endpoint_pod_names':
        k.endpointPodNames = true
        break
      case 'noendpoints':
        k.noEndpoints = true
        break
      case 'ignore':
        if (o.args[0] === 'empty_service') k.ignoreEmptyService = true
        else fail('dns.corefile.badOption', o.line, { plugin: 'kubernetes', option: `ignore ${o.args.join(' ')}` })
        break
      case 'namespaces':
        if (o.args.length === 0) fail('dns.corefile.badOption', o.line, { plugin: 'kubernetes', option: 'namespaces' })
        k.namespaces.push(...o.args)
        break
      case 'endpoint': case 'tls': case 'kubeconfig': case 'labels': case 'namespace_labels': case 'multicluster':
      case 'startup_timeout': case 'apiserver_qps': case 'apiserver_burst': case 'apiserver_max_inflight': case 'zonal':
        break
      default:
        // setup.go: c.Errf("unknown property '%s'")
        fail('dns.corefile.unknownProperty', o.line, { plugin: 'kubernetes', option: o.name })
    }
  }
  return k
}

function readHosts(d: Directive, block: ServerBlock, fail: Fail, warn: Fail): HostsPlugin {
  const h: HostsPlugin = {
    entries: [],
    zones: normalizeZones(d.args.slice(1), block),
    // hosts README: "The default is 3600 seconds"
    ttl: 3600,
    fallthrough: undefined,
    noReverse: false,
    file: d.args[0] ?? '/etc/hosts',
    line: d.line,
  }
  // only inline entries and the kubelet-managed localhost lines of /etc/hosts are known to the playground
  if (d.args[0] && d.args[0] !== '/etc/hosts') warn('dns.corefile.unmodelledOption', d.line, { plugin: 'hosts', option: d.args[0] })
  for (const o of d.block ?? []) {
    if (o.name === 'fallthrough') h.fallthrough = fallthroughZones(o.args)
    else if (o.name === 'no_reverse') h.noReverse = true
    else if (o.name === 'reload' || o.name === 'fallthrough_unsupported') continue
    else if (o.name === 'ttl') {
      const t = o.args[0]
      if (!isNumber(t) || Number(t) <= 0 || Number(t) > 65535) fail('dns.corefile.badTtl', o.line, { value: t ?? '', min: '1', max: '65535' })
      else h.ttl = Number(t)
    } else if (isIPv4(o.name) || isIPv6(o.name)) {
      // INLINE: "IP_address canonical_hostname [aliases...]"
      if (o.args.length === 0) fail('dns.corefile.badHostsLine', o.line, { entry: o.name })
      else h.entries.push({ address: o.name, names: o.args.map((n) => canonical(n)) })
    } else fail('dns.corefile.badHostsLine', o.line, { entry: [o.name, ...o.args].join(' ') })
  }
  return h
}

function readForward(d: Directive, fail: Fail): ForwardPlugin {
  if (d.args.length < 2) fail('dns.corefile.badOption', d.line, { plugin: 'forward', option: d.args.join(' ') })
  const f: ForwardPlugin = { from: canonical(d.args[0] ?? '.'), to: d.args.slice(1), except: [], line: d.line }
  for (const o of d.block ?? []) if (o.name === 'except') f.except.push(...o.args.map((z) => canonical(z)))
  return f
}

function readCache(d: Directive, block: ServerBlock, fail: Fail): CachePlugin {
  // cache README: maximum 3600 for NOERROR, 1800 for denials; minimum 5; servfail 5s
  const c: CachePlugin = { successMax: 3600, denialMax: 1800, successMin: 5, denialMin: 5, servfail: 5, zones: [], line: d.line }
  let args = d.args
  if (args.length > 0 && isNumber(args[0])) {
    const t = Number(args[0])
    // cache setup.go: "cache TTL can not be zero or negative"
    if (t <= 0) fail('dns.corefile.badTtl', d.line, { value: args[0], min: '1', max: '2147483647' })
    else {
      c.successMax = t
      c.denialMax = t
    }
    args = args.slice(1)
  }
  c.zones = normalizeZones(args, block)
  for (const o of d.block ?? []) {
    if (o.name === 'success' || o.name === 'denial') {
      const [, ttl, min] = o.args
      if (isNumber(ttl)) o.name === 'success' ? (c.successMax = Number(ttl)) : (c.denialMax = Number(ttl))
      if (isNumber(min)) o.name === 'success' ? (c.successMin = Number(min)) : (c.denialMin = Number(min))
    } else if (o.name === 'servfail') {
      const m = /^(\d+)s?$/.exec(o.args[0] ?? '')
      if (m) c.servfail = Number(m[1])
    }
  }
  return c
}

function readRewrite(d: Directive, fail: Fail, warn: Fail): RewriteRule[] {
  const rules: RewriteRule[] = []
  const readRule = (words: string[], line: number, stopDefault: boolean) => {
    let stop = stopDefault
    if (words[0] === 'stop' || words[0] === 'continue') {
      stop = words[0] === 'stop'
      words = words.slice(1)
    }
    if (words[0] !== 'name') {
      warn('dns.corefile.unmodelledOption', line, { plugin: 'rewrite', option: words[0] ?? '' })
      return
    }
    let rest = words.slice(1)
    let match: RewriteMatch = 'exact'
    if (rest.length >= 3 && ['exact', 'prefix', 'suffix', 'substring', 'regex'].includes(rest[0])) {
      match = rest[0] as RewriteMatch
      rest = rest.slice(1)
    }
    if (rest.length < 2) {
      fail('dns.corefile.badOption', line, { plugin: 'rewrite', option: words.join(' ') })
      return
    }
    const [from, to, ...opts] = rest
    const answerAuto = opts[0] === 'answer' && opts[1] === 'auto'
    if (opts.length > 0 && !answerAuto) warn('dns.corefile.unmodelledOption', line, { plugin: 'rewrite', option: opts.join(' ') })
    rules.push({ match, from, to, answerAuto, stop, line })
  }
  if (d.block) {
    const stop = d.args[0] !== 'continue'
    for (const o of d.block) readRule([o.name, ...o.args], o.line, stop)
  } else readRule(d.args, d.line, true)
  return rules
}
