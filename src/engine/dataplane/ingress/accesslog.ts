import type { Pod } from '../../cluster/types'
import type { Simulation } from '../../sim/simulation'
import { basicCredentials } from './basic'
import { headerValue } from './canary'
import type { RouteResult } from './route'

/**
 * The controller's access log (`kubectl logs` of an ingress-nginx pod), one line per request in ingress-nginx's
 * default log-format-upstream (internal/ingress/controller/config/config.go):
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"
 * $request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr
 * $upstream_response_length $upstream_response_time $upstream_status $req_id`.
 * Times are virtual: a request takes no virtual time, so $request_time and $upstream_response_time are 0.000.
 */
export interface AccessRecord {
  method: string
  path: string
  headers: Record<string, string>
  status: number
  bodyBytes: number
  route: RouteResult
  /** The backend's answer, when the request was proxied. */
  upstream?: { addr: string; status: number; bytes: number }
  atMs: number
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** nginx $time_local: `01/Jan/2026:00:00:00 +0000` (the controller's pods run in UTC). */
export function timeLocal(ms: number): string {
  const d = new Date(ms)
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`
}

/** $remote_user: the user name of a Basic Authorization header, whether or not it was accepted. */
function remoteUser(headers: Record<string, string>): string {
  return basicCredentials(headerValue(headers, 'authorization'))?.user || '-'
}

/** $request_length: the request line, the headers and the blank line, in bytes. */
function requestLength(r: AccessRecord): number {
  let n = `${r.method} ${r.path} HTTP/1.1\r\n`.length + 2
  for (const [k, v] of Object.entries(r.headers)) n += `${k}: ${v}\r\n`.length
  return n
}

export function accessLogLine(r: AccessRecord): string {
  const q = (v: string | undefined) => `"${v === undefined || v === '' ? '-' : v}"`
  const upstreamName = r.route.location ? (r.route.upstream?.canary?.canary ? r.route.upstream.canary.primary : r.route.location.backend) : '-'
  const alternative = r.route.upstream?.canary?.canary ? r.route.upstream.upstream : ''
  return [
    r.route.remoteAddr, '-', remoteUser(r.headers), `[${timeLocal(r.atMs)}]`, `"${r.method} ${r.path} HTTP/1.1"`, String(r.status), String(r.bodyBytes),
    q(headerValue(r.headers, 'referer')), q(headerValue(r.headers, 'user-agent')), String(requestLength(r)), '0.000',
    `[${upstreamName}]`, `[${alternative}]`,
    r.upstream?.addr ?? '-', r.upstream ? String(r.upstream.bytes) : '-', r.upstream ? '0.000' : '-', r.upstream ? String(r.upstream.status) : '-',
    r.route.requestId,
  ].join(' ')
}

const key = (pod: Pod) => `ingress:accesslog:${pod.id}`

export function recordAccess(sim: Simulation, pod: Pod, r: AccessRecord): void {
  sim.state<string[]>(key(pod), () => []).push(accessLogLine(r))
}

/** What `kubectl logs` prints for a controller pod: its access log so far, one line per request. */
export function controllerLog(sim: Simulation, pod: Pod): string {
  const lines = sim.state<string[]>(key(pod), () => [])
  return lines.map((l) => l + '\n').join('')
}
