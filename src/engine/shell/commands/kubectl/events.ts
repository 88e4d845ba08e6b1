import { ingressEvents } from '../../../dataplane/ingress/kubectl'
import { metallbServiceEvents } from '../../../dataplane/metallb/kubectl'
import type { Simulation } from '../../../sim/simulation'
import { humanDuration } from '../../duration'
import type { ApiObject } from './api'
import { schedulerEvents } from './scheduler-events'

/** One event about an object, as `kubectl describe` lists it under Events:. */
export interface KubeEvent {
  type: 'Normal' | 'Warning'
  reason: string
  /** The component that reported it (`metallb-controller`, `default-scheduler`). */
  from: string
  message: string
  /** When it was first and last seen, in virtual time (ms since the epoch). */
  firstMs: number
  lastMs?: number
  count?: number
}

/**
 * Extension point: each stage that has something to say about an object (MetalLB's IPAllocated and nodeAssigned,
 * the scheduler's Scheduled, kubelet's Started) adds one source here, one import line each.
 */
export type EventSource = (sim: Simulation, obj: ApiObject) => KubeEvent[]

export const eventSources: EventSource[] = [schedulerEvents, metallbServiceEvents, ingressEvents]

// kube-apiserver --event-ttl (default 1h): older events are gone from `describe`.
const EVENT_TTL_MS = 60 * 60 * 1000

export function eventsFor(sim: Simulation, obj: ApiObject): KubeEvent[] {
  const now = sim.clock.now()
  return eventSources.flatMap((source) => source(sim, obj)).filter((e) => now - (e.lastMs ?? e.firstMs) <= EVENT_TTL_MS)
}

/** describe.go DescribeEvents: `Events:\t<none>`, or a Type/Reason/Age/From/Message table sorted by time. */
export function describeEvents(events: KubeEvent[], nowMs: number): string {
  if (events.length === 0) return 'Events:\t<none>\n'
  const sorted = [...events].sort((a, b) => (a.lastMs ?? a.firstMs) - (b.lastMs ?? b.firstMs))
  let s = 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n'
  for (const e of sorted) {
    const first = humanDuration(nowMs - e.firstMs)
    const interval = (e.count ?? 1) > 1 ? `${humanDuration(nowMs - (e.lastMs ?? e.firstMs))} (x${e.count} over ${first})` : first
    s += `  ${e.type}\t${e.reason}\t${interval}\t${e.from}\t${e.message.trim()}\n`
  }
  return s
}
