import type { StateCreator } from 'zustand'
import type { CompileReply } from '../../worker/protocol'
import { acceptReply, type CompileTracking } from './compileResult'
import type { AppState } from './index'

/** What the engine last computed. The app renders it and never recomputes it. */
export interface SimulationSlice extends CompileTracking {
  /** Numbers a new compile request; every earlier one is superseded from now on. */
  beginCompile(): number
  receiveCompile(reply: CompileReply): void
  /** The worker itself broke (failed to load, crashed): shown in Problems. */
  reportWorkerFailure(message: string): void
}

export const createSimulationSlice: StateCreator<AppState, [], [], SimulationSlice> = (set, get) => ({
  requestedSeq: 0,
  beginCompile: () => {
    const seq = get().requestedSeq + 1
    set({ requestedSeq: seq })
    return seq
  },
  receiveCompile: (reply) => {
    const next = acceptReply(get(), reply)
    if (next) set(next)
  },
  reportWorkerFailure: (message) => set({ workerFailure: message }),
})
