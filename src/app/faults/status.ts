import { useSyncExternalStore } from 'react'
import type { SupervisorStatus } from '../../worker/supervisor'

/**
 * The compiler worker's health as the supervisor last reported it (src/worker/supervisor.ts), kept out of the app
 * store on purpose: a restart changes nothing the user edits, only what the banner says.
 */
let status: SupervisorStatus = { state: 'running' }
let retry: () => void = () => undefined
const listeners = new Set<() => void>()

export function publishWorkerStatus(next: SupervisorStatus): void {
  status = next
  for (const l of listeners) l()
}

/** main.tsx registers the supervisor's retry for the banner's button. */
export function registerWorkerRetry(fn: () => void): void {
  retry = fn
}

export function retryWorker(): void {
  retry()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useWorkerStatus(): SupervisorStatus {
  return useSyncExternalStore(subscribe, () => status)
}
