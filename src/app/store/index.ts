import { createStore, type StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice'
import { createSimulationSlice, type SimulationSlice } from './simulationSlice'
import { createUiSlice, type UiSlice } from './uiSlice'
import { createWorkspaceSlice, type WorkspaceSlice } from '../workspace/slice'

/** One store made of slices: scenario (what is edited), simulation (what the engine computed), ui (how it is shown). */
export type AppState = ScenarioSlice & SimulationSlice & UiSlice & WorkspaceSlice

export function createAppStore(): StoreApi<AppState> {
  return createStore<AppState>()((...a) => ({
    ...createScenarioSlice(...a),
    ...createSimulationSlice(...a),
    ...createUiSlice(...a),
    ...createWorkspaceSlice(...a),
  }))
}

/** The page's store. Tests make their own with createAppStore. */
export const appStore = createAppStore()

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector)
}
