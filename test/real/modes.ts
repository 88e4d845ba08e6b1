import { spawnSync } from 'node:child_process'
import type { ClusterNode, ProxyMode } from '../../src/engine/cluster/types'
import { renderNodeRestore, renderRestoreInput } from '../../src/engine/dataplane/kubeproxy/iptables/render'
import { nodeRuleset } from '../../src/engine/dataplane/kubeproxy/state'
import { renderNftTransaction } from '../../src/engine/dataplane/kubeproxy/nftables/render'
import { nftTable } from '../../src/engine/dataplane/kubeproxy/nftables/state'
import { runCommandLine } from '../../src/engine/shell/runner'
import type { Simulation } from '../../src/engine/sim/simulation'
import { inNs, mustInNs } from './sh'

/**
 * One kube-proxy mode as the harness drives it in a real kernel: how a node's generated rules are checked and loaded,
 * what the real tool prints back next to what our command prints, and which firewall rules a probe hit.
 * iptables mode is here; nftables mode plugs in the same way once the engine writes its ruleset.
 */
export interface ModeDriver {
  mode: ProxyMode
  /** Check and load one node's rules into its namespace; returns problems (an empty list when it loaded cleanly). */
  load(sim: Simulation, node: ClusterNode, ns: string): string[]
  /** What the real tool prints for the loaded state, and what our command prints, both normalised. */
  listings(sim: Simulation, node: ClusterNode, ns: string): { name: string; real: string; ours: string }[]
  /**
   * Packet counters of the rules that end a connection (REJECT, DROP), by rule text; undefined where the mode's
   * rules carry no counters (kube-proxy's nftables rules have no `counter` statement).
   */
  firewallCounters(ns: string): Map<string, number> | undefined
}

// iptables-save's header and footer comments carry the version and the time of the dump: the only lines not compared
export function withoutSaveComments(text: string): string {
  return text.split('\n').filter((l) => !l.startsWith('#')).join('\n')
}

/**
 * The kernel's hash sets iterate in an order seeded at random when the set is created (nft_set_hash: jhash with
 * get_random_u32), so `nft list` prints a map's elements in an order no one can predict. Only that order is
 * normalised: each `elements = { ... }` block is compared as its sorted list of elements, with nft's own line
 * wrapping kept (the wrapping is compared exactly by the element count per line).
 */
export function withSortedElements(text: string): string {
  return text.replace(/elements = \{ ([^}]*) \}/g, (_whole, body: string) => {
    const lines = body.split(',\n\t\t\t     ')
    const perLine = lines.map((l) => l.split(', ').length)
    const items = lines.flatMap((l) => l.split(', ')).sort()
    const rebuilt: string[] = []
    let k = 0
    for (const n of perLine) { rebuilt.push(items.slice(k, k + n).join(', ')); k += n }
    return `elements = { ${rebuilt.join(',\n\t\t\t     ')} }`
  })
}

function onlyPolicyCountersDiffer(a: string, b: string): boolean {
  const strip = (t: string) => t.replace(/^(:\S+ (?:ACCEPT|DROP)) \[\d+:\d+\]$/gm, '$1')
  return strip(a) === strip(b)
}

export const iptablesMode: ModeDriver = {
  mode: 'iptables',
  load(sim, node, ns) {
    const problems: string[] = []
    // kube-proxy's nfacct counters exist before its rules reference them (proxier.go: metrics for localhost NodePorts
    // and invalid conntrack state)
    for (const name of ['localhost_nps_accepted_pkts', 'ct_state_invalid_dropped_pkts']) inNs(ns, ['nfacct', 'add', name])
    const rs = nodeRuleset(sim, node)
    const full = renderNodeRestore(rs)
    const test = inNs(ns, ['iptables-restore', '--test'], full)
    if (test.status !== 0) problems.push(`iptables-restore --test rejected ${node.name}'s rules: ${test.stderr.trim()}`)
    const load = inNs(ns, ['iptables-restore'], full)
    if (load.status !== 0) return [...problems, `iptables-restore failed on ${node.name}: ${load.stderr.trim()}`]
    // then kube-proxy's own restore input, as syncProxyRules sends it (iptables-restore -w --noflush --counters): a
    // full sync over the state it describes must load and change nothing
    const input = renderRestoreInput(rs)
    const again = inNs(ns, ['iptables-restore', '-w', '--noflush', '--counters'], input)
    if (again.status !== 0) problems.push(`kube-proxy's restore input for ${node.name} did not load: ${again.stderr.trim()}`)
    return problems
  },
  listings(sim, node, ns) {
    // policy counters count whatever the namespace already sent (IGMP reports when its interfaces came up); kube-proxy's
    // state starts from zero, as ours prints it
    // (an IGMP report can land between zeroing and saving: then only policy counters differ, and we read again)
    const ours = withoutSaveComments(runCommandLine(sim, { kind: 'node', node }, ['iptables-save']).stdout)
    let real = ''
    for (let attempt = 0; attempt < 5; attempt++) {
      for (const table of ['filter', 'nat', 'mangle']) inNs(ns, ['iptables', '-t', table, '-Z'])
      real = withoutSaveComments(mustInNs(ns, ['iptables-save']))
      if (real === ours || !onlyPolicyCountersDiffer(real, ours)) break
      spawnSync('sleep', ['0.3'])
    }
    return [{ name: 'iptables-save', real, ours }]
  },
  firewallCounters(ns) {
    const out = new Map<string, number>()
    for (const line of mustInNs(ns, ['iptables-save', '-c']).split('\n')) {
      const m = /^\[(\d+):\d+\] (-A .* -j (?:REJECT|DROP)\b.*)$/.exec(line)
      if (m) out.set(m[2], Number(m[1]))
    }
    return out
  },
}

export const nftablesMode: ModeDriver = {
  mode: 'nftables',
  load(sim, node, ns) {
    const input = renderNftTransaction(nftTable(sim, node))
    const problems: string[] = []
    // kube-proxy's nftables proxier hands its transaction to `nft -f -` (knftables); check it first as `nft -c` would
    const check = inNs(ns, ['nft', '-c', '-f', '-'], input)
    if (check.status !== 0) problems.push(`nft -c -f rejected ${node.name}'s transaction: ${check.stderr.trim()}`)
    const load = inNs(ns, ['nft', '-f', '-'], input)
    if (load.status !== 0) problems.push(`nft -f failed on ${node.name}: ${load.stderr.trim()}`)
    return problems
  },
  listings(sim, node, ns) {
    const real = mustInNs(ns, ['nft', 'list', 'ruleset'])
    const ours = runCommandLine(sim, { kind: 'node', node }, ['nft', 'list', 'ruleset']).stdout
    return [{ name: 'nft list ruleset', real: withSortedElements(real), ours: withSortedElements(ours) }]
  },
  firewallCounters() {
    return undefined
  },
}

export const modeDrivers: ModeDriver[] = [iptablesMode, nftablesMode]
