import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterFirstCanvas } from './firstCanvas'
import { createAppStore } from './index'

describe('afterFirstCanvas: what the first screen does not need waits for the first picture', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 16))
  })
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals() })

  const cases = [
    { name: 'a compile result accepted', event: (s: ReturnType<typeof createAppStore>) => {
      s.setState({ requestedSeq: 1 })
      s.getState().receiveCompile({ seq: 1, status: 'done', graph: { nodes: [], edges: [] }, diagnostics: [], objects: [], kubeProxy: { mode: 'iptables', modeSource: 'default' } })
    }, at: 100, resolvedBy: 100 + 16 },
    { name: 'the worker failing', event: (s: ReturnType<typeof createAppStore>) => s.getState().reportWorkerFailure('gone'), at: 50, resolvedBy: 50 + 16 },
    { name: 'nothing at all: the time limit', event: () => {}, at: 0, resolvedBy: 4000 + 16 },
  ]
  it.each(cases)('resolves after $name, a frame and its paint', async ({ event, at, resolvedBy }) => {
    const store = createAppStore()
    let resolved = false
    void afterFirstCanvas(store, 4000).then(() => { resolved = true })
    await vi.advanceTimersByTimeAsync(at)
    event(store)
    await vi.advanceTimersByTimeAsync(resolvedBy - at - 1)
    expect(resolved).toBe(false)
    await vi.advanceTimersByTimeAsync(4)
    expect(resolved).toBe(true)
  })
})
