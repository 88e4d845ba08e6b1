import type { CompileOptions } from '../../scenario'
import type { Lang } from '../../i18n/types'
import { Simulation } from '../../sim/simulation'
import { fileOverlay, OVERLAY_STATE } from '../files/overlay'
import type { Location } from '../types'

/**
 * What the terminal's shell keeps from one line to the next: the simulation it runs against (replaced when a
 * kubectl verb edits the scenario), the shell's variables and the last exit status (`$?`). The files the shell wrote
 * live in the simulation's state and follow it to the next one.
 */
export interface ShellSession {
  sim: Simulation
  vars: Map<string, string>
  status: number
  lang: Lang
  /** How the app compiles the scenario (the mode override), reused when a kubectl verb recompiles it. */
  compileOptions?: CompileOptions
}

export function createShellSession(sim: Simulation, opts: { lang?: Lang; compileOptions?: CompileOptions } = {}): ShellSession {
  return {
    sim,
    // a login shell's usual variables (bash sets HOME, PWD, SHELL from the passwd entry)
    vars: new Map([['HOME', '/root'], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['SHELL', '/bin/sh'], ['USER', 'root']]),
    status: 0,
    lang: opts.lang ?? 'en',
    ...(opts.compileOptions ? { compileOptions: opts.compileOptions } : {}),
  }
}

/**
 * Move the session onto another simulation of the (edited) scenario: the files written so far come along, so
 * `/etc/hosts` keeps the line the user appended. The app calls this after it recompiles an edit it applied.
 */
export function adoptSimulation(session: ShellSession, sim: Simulation): void {
  if (sim === session.sim) return
  const overlay = fileOverlay(session.sim)
  // copy into whatever overlay the new simulation has (it may have made one already), keeping both in step
  const target = sim.state(OVERLAY_STATE, () => overlay)
  if (target !== overlay) for (const [machine, files] of overlay) target.set(machine, new Map([...(target.get(machine) ?? []), ...files]))
  session.sim = sim
}

/** The same machine in the simulation's (possibly recompiled) cluster, by object id; the old one if it is gone. */
export function relocate(where: Location, sim: Simulation): Location {
  const c = sim.scenario.cluster
  switch (where.kind) {
    case 'pod': { const pod = c.pods.find((p) => p.id === where.pod.id); return pod ? { kind: 'pod', pod } : where }
    case 'node': { const node = c.nodes.find((n) => n.name === where.node.name); return node ? { kind: 'node', node } : where }
    case 'client': { const client = c.clients.find((x) => x.name === where.client.name); return client ? { kind: 'client', client } : where }
    case 'router': return c.router && c.router.name === where.router.name ? { kind: 'router', router: c.router } : where
  }
}

