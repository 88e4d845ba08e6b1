import { createClock, type VirtualClock } from '../core/clock'
import { createRng, type Rng } from '../core/rng'
import type { CompiledScenario } from '../scenario'

/**
 * A running simulation of one compiled scenario: the seeded random stream, the virtual clock, memoised compiled
 * state (rule sets per node, DNS zones) and the mutable state that carries from request to request (conntrack,
 * `recent` lists, IPVS connection counts, rate limiters). It has a lifetime, hence a class.
 */
export class Simulation {
  readonly rng: Rng
  readonly clock: VirtualClock
  private readonly memos = new Map<string, unknown>()
  private readonly states = new Map<string, unknown>()

  constructor(readonly scenario: CompiledScenario, readonly seed = 1) {
    this.rng = createRng(seed)
    this.clock = createClock()
  }

  /** A value computed once per scenario (pure function of the scenario), e.g. `iptables:node1`. */
  memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build())
    return this.memos.get(key) as T
  }

  /** Mutable state shared by requests of this simulation, created on first use, e.g. `conntrack:node1`. */
  state<T>(key: string, init: () => T): T {
    if (!this.states.has(key)) this.states.set(key, init())
    return this.states.get(key) as T
  }
}
