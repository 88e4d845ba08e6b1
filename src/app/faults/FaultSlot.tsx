import { lazy, Suspense } from 'react'
import { useWorkerStatus } from './status'

// The banner (and its CSS) is fetched only when the worker actually fails: nothing of it is in the first JavaScript.
const FaultBanner = lazy(() => import('./FaultBanner').then((m) => ({ default: m.FaultBanner })))

/** Where the worker-fault banner appears (App.tsx); empty while the worker is healthy. */
export function FaultSlot() {
  const status = useWorkerStatus()
  if (status.state === 'running') return null
  return <Suspense fallback={null}><FaultBanner /></Suspense>
}
