import type { Pod } from '../../cluster/types'
import type { Simulation } from '../../sim/simulation'
import type { HttpReply } from '../../trace/apps'
import type { Hop, Packet, RequestSpec } from '../../trace/types'
import { compileIngress } from './index'
import type { IngressModel } from './model'
import { nginxErrorPage, STATUS_TEXT } from './pages'
import { createIngressState, routeRequest, type IngressState, type RouteResult } from './route'
import { curlVerifyError } from './tls-select'
import { recordAccess } from './accesslog'

/**
 * The ingress step of the packet walk: a request has reached an ingress-nginx controller pod; the controller routes
 * it (one `ingress` hop per decision, quoting the nginx line), answers itself or opens a second connection straight
 * to the chosen endpoint (a pod IP, or the ClusterIP with service-upstream), and relays the backend's reply.
 */

/** What the walk gives the controller. */
export interface ControllerRequest {
  method: string
  scheme: 'http' | 'https'
  /** The Host header (the name in the URL, with its port when not the default). */
  host: string
  path: string
  headers: Record<string, string>
  /** $remote_addr: the packet's source as it arrives at the controller. */
  clientIP: string
  /** The port the connection arrived on inside the controller pod (80/443). */
  serverPort: number
  /** curl -k: the client does not verify the certificate. */
  insecure?: boolean
  /** Connections this client already has open (limit-connections). */
  openConnections?: number
}

/** The walk's result for the second connection, as far as the controller needs it. */
export interface LegResult {
  hops: Hop[]
  rulesEvaluated: number
  outcome: { result: string; reason?: { code: string; params: Record<string, string> } }
  httpReply?: HttpReply
  answeredBy?: Pod
}

export interface ControllerAnswer {
  hops: Omit<Hop, 'seq'>[]
  rulesEvaluated: number
  /** What the controller sends back to the client (absent after a TLS failure: no HTTP at all). */
  reply?: HttpReply
  /** The client refused the certificate (curl without -k): curl's exit 60 text. */
  tlsFailure?: { code: string; params: Record<string, string>; curlError: string }
  route: RouteResult
  /** The pod that produced the body, when the request was proxied. */
  backendPod?: Pod
  /** The path the backend received (after rewrite-target). */
  backendPath?: string
}

/** The model and the per-simulation state, memoised on the Simulation. */
export function ingressOf(sim: Simulation): { model: IngressModel; state: IngressState } {
  const model = sim.memo('ingress:model', () => sim.scenario.ingress ?? compileIngress(sim.scenario.cluster, sim.scenario.objects))
  const state = sim.state('ingress:state', createIngressState)
  return { model, state }
}

function packet(req: ControllerRequest, src: string, dst: string, dstPort: number, path = req.path, status?: number): Packet {
  return {
    protocol: 'TCP', src, dst, dstPort,
    http: { method: req.method, host: req.host, path, scheme: req.scheme, headers: req.headers, ...(status !== undefined ? { status } : {}) },
  }
}

/**
 * nginx's own response (ngx_http_header_filter): Date, Content-Type, Content-Length, Connection in that order (Server is
 * cleared by more_clear_headers), then the headers of the list (an absolute Location, WWW-Authenticate, CORS, HSTS).
 */
function nginxReply(status: number, headers: [string, string][], body: string, date: string): HttpReply {
  const pick = (n: string) => headers.find(([k]) => k.toLowerCase() === n)?.[1]
  const rest = headers.filter(([k]) => !['content-type', 'content-length'].includes(k.toLowerCase()))
  const out: [string, string][] = [
    ['Date', date],
    ['Content-Type', pick('content-type') ?? 'text/html'],
    ['Content-Length', pick('content-length') ?? String(byteLength(body))],
    ['Connection', 'keep-alive'],
    ...rest,
  ]
  return { status, reason: STATUS_TEXT[status] ?? '', headers: out, body }
}

function byteLength(text: string): number {
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

/**
 * Runs the controller for one request. `walkLeg` walks the controller's own connection to the backend (the walk's
 * traceRequest, passed in so this module does not depend on the walker).
 */
export function answerAtController(
  sim: Simulation,
  controller: Pod,
  req: ControllerRequest,
  date: string,
  walkLeg: (spec: RequestSpec) => LegResult,
): ControllerAnswer {
  const { model, state } = ingressOf(sim)
  const route = routeRequest(model, {
    method: req.method, scheme: req.scheme, host: req.host, path: req.path, headers: req.headers,
    clientIP: req.clientIP, serverPort: req.serverPort,
    ...(req.openConnections ? { openConnections: req.openConnections } : {}),
  }, { rng: sim.rng, now: sim.clock.now(), state })
  const hops: Omit<Hop, 'seq'>[] = []
  const at = controller.id
  const node = controller.nodeName
  const here = packet(req, req.clientIP, controller.podIP, req.serverPort)

  // TLS comes first: curl checks the certificate before it sends a byte of HTTP
  const tlsStep = route.steps.find((s) => s.code.startsWith('ingress.tls.'))
  if (tlsStep) {
    hops.push({ stage: 'ingress', at, node, before: here, after: here, rule: tlsStep.rule, verdict: 'forwarded', note: { code: tlsStep.code, params: tlsStep.params } })
    if (!req.insecure && route.certificate) {
      const curlError = curlVerifyError(route.certificate)
      const params = { cn: route.certificate.subjectCN, error: curlError }
      hops.push({ stage: 'ingress', at, node, before: here, after: here, verdict: 'rejected', note: { code: 'ingress.tls.untrusted', params } })
      return { hops, rulesEvaluated: 0, tlsFailure: { code: 'ingress.tls.untrusted', params, curlError }, route }
    }
  }
  for (const step of route.steps) {
    if (step === tlsStep) continue
    const final = route.response && step === route.steps[route.steps.length - 1]
    const status = final ? route.response!.status : undefined
    const verdict: Hop['verdict'] = !final ? 'forwarded' : status! >= 300 && status! < 400 ? 'redirected' : status! >= 400 ? 'rejected' : 'answered'
    const hop: Omit<Hop, 'seq'> = { stage: 'ingress', at, node, before: here, after: final ? packet(req, req.clientIP, controller.podIP, req.serverPort, req.path, status) : here, verdict, note: { code: step.code, params: step.params } }
    if (step.rule) hop.rule = step.rule
    if (step.source) hop.source = step.source
    if (route.location && step.code.startsWith('ingress.location.')) hop.ruleContext = route.serverRule
    if (step.code.startsWith('ingress.canary.weight') && route.upstream?.canary?.draw) {
      const d = route.upstream.canary.draw
      hop.draw = { value: d.value, threshold: d.weight, description: `math.random(${d.total}) <= ${d.weight}` }
    }
    hops.push(hop)
  }
  const log = (status: number, body: string, upstream?: { addr: string; status: number; bytes: number }) =>
    recordAccess(sim, controller, { method: req.method, path: req.path, headers: req.headers, status, bodyBytes: req.method === 'HEAD' ? 0 : byteLength(body), route, atMs: sim.clock.now(), ...(upstream ? { upstream } : {}) })
  if (route.response) {
    log(route.response.status, route.response.body)
    return { hops, rulesEvaluated: 0, reply: nginxReply(route.response.status, route.response.headers, route.response.body, date), route }
  }

  // proxy_pass: a new connection from the controller pod to the endpoint (pod IP:targetPort, or ClusterIP:port)
  const up = route.upstream!
  const ureq = route.upstreamRequest!
  const headers = Object.fromEntries(ureq.headers)
  const leg = walkLeg({
    from: controller.id, protocol: 'TCP', host: up.endpoint.address, port: up.endpoint.port,
    http: { method: ureq.method, path: ureq.path, scheme: up.protocol === 'https' ? 'https' : 'http', headers },
  })
  for (const h of leg.hops) {
    const { seq, ...rest } = h
    void seq
    hops.push(rest)
  }
  if (!leg.httpReply) {
    // nginx: the upstream refused or timed out → 502 / 504 after proxy_next_upstream gives up
    const status = leg.outcome.result === 'timeout' ? 504 : 502
    const reason = leg.outcome.reason ?? { code: 'ingress.upstream.failed', params: {} }
    hops.push({ stage: 'ingress', at, node, before: here, after: packet(req, req.clientIP, controller.podIP, req.serverPort, req.path, status), verdict: 'rejected', note: { code: status === 504 ? 'ingress.upstream.timeout' : 'ingress.upstream.error', params: { endpoint: `${up.endpoint.address}:${up.endpoint.port}`, reason: reason.code } } })
    log(status, nginxErrorPage(status), { addr: `${up.endpoint.address}:${up.endpoint.port}`, status: status, bytes: 0 })
    return { hops, rulesEvaluated: leg.rulesEvaluated, reply: nginxReply(status, route.responseHeaders, nginxErrorPage(status), date), route, backendPath: ureq.path }
  }
  // more_clear_headers Server; proxy_hide_header Date (nginx sets its own); keep-alive to the client
  const backend = leg.httpReply
  const kept = backend.headers.filter(([k]) => !['server', 'date', 'connection'].includes(k.toLowerCase()))
  const reply: HttpReply = {
    status: backend.status,
    reason: backend.reason,
    headers: [['Date', date], ...kept.filter(([k]) => k.toLowerCase() === 'content-type' || k.toLowerCase() === 'content-length'), ['Connection', 'keep-alive'],
      ...kept.filter(([k]) => !['content-type', 'content-length'].includes(k.toLowerCase())), ...route.responseHeaders],
    body: backend.body,
  }
  log(backend.status, backend.body, { addr: `${up.endpoint.address}:${up.endpoint.port}`, status: backend.status, bytes: byteLength(backend.body) })
  hops.push({ stage: 'ingress', at, node, before: here, after: packet(req, req.clientIP, controller.podIP, req.serverPort, req.path, backend.status), verdict: 'answered', note: { code: 'ingress.relay', params: { status: String(backend.status), pod: leg.answeredBy ? `${leg.answeredBy.namespace}/${leg.answeredBy.name}` : '' } } })
  return { hops, rulesEvaluated: leg.rulesEvaluated, reply, route, backendPath: ureq.path, ...(leg.answeredBy ? { backendPod: leg.answeredBy } : {}) }
}
