import { createStore, type StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { HopStage, Trace } from '../../engine/trace/types'
import type { RunReply } from '../../worker/protocol'

/** One request or terminal line the user ran, kept for Compare. */
export interface TraceRun {
  id: number
  where: string
  line: string
  /** kube-proxy's mode and the text revision when it ran, so Compare can say what changed between two runs. */
  mode: string
  revision: number
  reply: RunReply
}

export type DockTab = 'problems' | 'events' | 'hop' | 'spread' | 'compare' | 'terminal'

export const SPEEDS = [0.5, 1, 2, 4] as const

export interface TraceState {
  runs: TraceRun[]
  /** The run being played, and which of its traces (a line can send several requests). */
  runId: number | null
  traceIndex: number
  /** The hop shown; -1 before the first. */
  hop: number
  playing: boolean
  speed: number
  hiddenStages: HopStage[]
  tab: DockTab
  composerOpen: boolean
  /** The canvas object a request is sent from / the terminal is attached to. */
  from: string | null
  terminalAt: string | null
  busy: boolean
  error: string | null
  /** The two runs Compare shows (ids); defaults to the last two. */
  compare: [number, number] | null
}

export interface TraceActions {
  addRun(run: Omit<TraceRun, 'id'>, play: boolean): number
  showRun(id: number, traceIndex?: number): void
  setHop(hop: number): void
  step(delta: number): void
  restart(): void
  setPlaying(playing: boolean): void
  togglePlay(): void
  setSpeed(speed: number): void
  toggleStage(stage: HopStage): void
  setTab(tab: DockTab): void
  openComposer(from: string | null): void
  closeComposer(): void
  openTerminal(at: string): void
  setBusy(busy: boolean, error?: string | null): void
  setCompare(pair: [number, number] | null): void
}

export type TraceStore = TraceState & TraceActions

/** Runs kept for Compare; older ones are dropped. */
const KEEP_RUNS = 20

export function createTraceStore(): StoreApi<TraceStore> {
  return createStore<TraceStore>()((set, get) => {
    const hopCount = () => currentTrace(get())?.hops.length ?? 0
    return {
      runs: [],
      runId: null,
      traceIndex: 0,
      hop: -1,
      playing: false,
      speed: 1,
      hiddenStages: [],
      tab: 'problems',
      composerOpen: false,
      from: null,
      terminalAt: null,
      busy: false,
      error: null,
      compare: null,
      addRun: (run, play) => {
        const id = (get().runs.at(-1)?.id ?? 0) + 1
        const runs = [...get().runs, { ...run, id }].slice(-KEEP_RUNS)
        const hasTrace = run.reply.traces.length > 0
        set({ runs, compare: null })
        if (hasTrace) set({ runId: id, traceIndex: 0, hop: 0, playing: play })
        return id
      },
      showRun: (id, traceIndex = 0) => set({ runId: id, traceIndex, hop: 0, playing: false }),
      setHop: (hop) => set({ hop: Math.max(0, Math.min(hopCount() - 1, hop)) }),
      step: (delta) => {
        const n = hopCount()
        if (n === 0) return
        set({ hop: Math.max(0, Math.min(n - 1, get().hop + delta)), playing: false })
      },
      restart: () => set({ hop: hopCount() > 0 ? 0 : -1, playing: false }),
      setPlaying: (playing) => set({ playing }),
      togglePlay: () => {
        const n = hopCount()
        if (n === 0) return
        // Play at the end starts again from the first hop, as a media player does.
        if (!get().playing && get().hop >= n - 1) set({ hop: 0 })
        set({ playing: !get().playing })
      },
      setSpeed: (speed) => set({ speed }),
      toggleStage: (stage) => set((s) => ({
        hiddenStages: s.hiddenStages.includes(stage) ? s.hiddenStages.filter((x) => x !== stage) : [...s.hiddenStages, stage],
      })),
      setTab: (tab) => set({ tab }),
      openComposer: (from) => set({ composerOpen: true, from: from ?? get().from }),
      closeComposer: () => set({ composerOpen: false }),
      openTerminal: (at) => set({ terminalAt: at, tab: 'terminal' }),
      setBusy: (busy, error = null) => set({ busy, error }),
      setCompare: (pair) => set({ compare: pair }),
    }
  })
}

export function currentRun(s: TraceState): TraceRun | undefined {
  return s.runs.find((r) => r.id === s.runId)
}

export function currentTrace(s: TraceState): Trace | undefined {
  return currentRun(s)?.reply.traces[s.traceIndex]
}

/** The page's trace store (what is being played), apart from the app store (what is edited and compiled). */
export const traceStore = createTraceStore()

export function useTrace<T>(selector: (s: TraceStore) => T): T {
  return useStore(traceStore, selector)
}
