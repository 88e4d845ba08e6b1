import type { ObjectId } from '../../core/ids'
import { formatMessage } from '../../i18n/catalog'
import type { Lang } from '../../i18n/types'
import type { CommandResult, Location } from '../../shell/types'
import type { Trace } from '../types'

/** The machine a command runs on, as the walk names its source. */
export function fromOf(where: Location): ObjectId {
  switch (where.kind) {
    case 'pod': return where.pod.id
    case 'node': return where.node.id
    case 'client': return where.client.id
    case 'router': return where.router.id
  }
}

/** A trace as `--json` prints it: the outcome, the rule count, and each hop with its note rendered in the language. */
export function traceJson(t: Trace, lang: Lang): unknown {
  const outcome: Record<string, unknown> = { ...t.outcome }
  if (t.outcome.clientIPReason) outcome.clientIPReasonText = formatMessage(t.outcome.clientIPReason, {}, lang)
  if (t.outcome.reason) outcome.reason = { ...t.outcome.reason, text: formatMessage(t.outcome.reason.code, t.outcome.reason.params, lang) }
  return {
    outcome,
    rulesEvaluated: t.rulesEvaluated,
    hops: t.hops.map((h) => ({ ...h, note: { ...h.note, text: formatMessage(h.note.code, h.note.params, lang) } })),
  }
}

/** Strip the walk's extra fields so a command hands the plain Trace to the app and to `exec --repeat`. */
export function plainTrace(t: Trace): Trace {
  return { request: t.request, outcome: t.outcome, rulesEvaluated: t.rulesEvaluated, hops: t.hops, seed: t.seed }
}

// /etc/services names nc and curl print
export const SERVICE_NAMES: Record<string, Record<number, string>> = {
  tcp: { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt', 9153: '*' },
  udp: { 53: 'domain', 123: 'ntp' },
}

/** The clear error a request command gives while the scenario's kube-proxy mode is not simulated yet. */
export function modeNotSimulated(t: Trace, lang: Lang, json: unknown): CommandResult | undefined {
  const r = t.outcome.reason
  if (t.outcome.result !== 'error' || r?.code !== 'kubeproxy.mode.unsupported') return undefined
  return { stdout: '', stderr: formatMessage(r.code, r.params, lang) + '\n', exitCode: 1, json, traces: [plainTrace(t)] }
}

