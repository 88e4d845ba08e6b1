import type { ChildProcess } from 'node:child_process'
import type { Cluster, Protocol } from '../../src/engine/cluster/types'
import { appOf } from '../../src/engine/trace/apps'
import type { Pod } from '../../src/engine/cluster/types'
import { run, startInNs } from './sh'
import type { Plan } from './topology'

/**
 * Small servers where the engine says something listens: every pod's declared container ports and its image's known
 * ports (trace/apps.ts `listens`), hostNetwork pods' ports in their node's namespace, and the node's own daemons
 * (sshd, kubelet; the API server and etcd on the control plane: the ports walk.ts finishAtNode answers on). Each
 * answers one line, `who=<canvas id> peer=<address it saw>`, and closes: socat forks a shell per connection.
 */

export interface Listener {
  ns: string
  who: string
  port: number
  protocol: Protocol
}

/** The ports a pod's processes listen on, as the engine decides (declared ports plus the image's own). */
export function podPorts(pod: Pod): { port: number; protocol: Protocol }[] {
  const seen = new Map<string, { port: number; protocol: Protocol }>()
  for (const c of pod.containers) for (const p of c.ports) seen.set(`${p.protocol}/${p.containerPort}`, { port: p.containerPort, protocol: p.protocol })
  for (const p of appOf(pod)?.ports ?? []) seen.set(`${p.protocol}/${p.port}`, { port: p.port, protocol: p.protocol })
  return [...seen.values()]
}

export function planListeners(cluster: Cluster, plan: Plan): Listener[] {
  const out: Listener[] = []
  for (const p of plan.pods) for (const port of podPorts(p.pod)) out.push({ ns: p.ns, who: p.id, ...port })
  for (const n of plan.nodes) {
    const taken = new Set<string>()
    for (const pod of cluster.pods.filter((x) => x.hostNetwork && x.nodeName === n.node.name && x.phase === 'Running')) {
      for (const port of podPorts(pod)) {
        const key = `${port.protocol}/${port.port}`
        if (taken.has(key)) continue
        taken.add(key)
        out.push({ ns: n.ns, who: pod.id, ...port })
      }
    }
    // walk.ts finishAtNode: the node's own daemons
    for (const port of n.node.controlPlane ? [22, 6443, 10250, 2379, 2380] : [22, 10250]) {
      if (!taken.has(`TCP/${port}`)) out.push({ ns: n.ns, who: n.id, port, protocol: 'TCP' })
    }
  }
  return out.filter((l) => l.protocol !== 'SCTP')
}

const UDP_SERVER = `const [who, port] = process.argv.slice(1)
const s = require('node:dgram').createSocket('udp4')
s.on('message', (m, r) => s.send('who=' + who + ' peer=' + r.address + '\\n', r.port, r.address))
s.bind(Number(port))`

export interface Running {
  procs: ChildProcess[]
}

export function startListeners(listeners: Listener[]): Running {
  const procs: ChildProcess[] = []
  for (const l of listeners) {
    if (l.protocol === 'UDP') {
      // socat's forked UDP servers lose datagrams that arrive while an earlier child lingers: a node process answers
      // UDP (few pods serve UDP: CoreDNS, mostly)
      procs.push(startInNs(l.ns, ['node', '-e', UDP_SERVER, l.who, String(l.port)]))
      continue
    }
    // socat's address syntax reserves ':' and ',', so the reply names only the peer's address
    const reply = `SYSTEM:echo who=${l.who} peer=$SOCAT_PEERADDR`
    procs.push(startInNs(l.ns, ['socat', `TCP4-LISTEN:${l.port},fork,reuseaddr,backlog=512`, reply]))
  }
  return { procs }
}

/** Wait until every listener's socket is bound (ss in each namespace), at most a few seconds. */
export async function waitListening(listeners: Listener[]): Promise<string[]> {
  const byNs = new Map<string, Listener[]>()
  for (const l of listeners) byNs.set(l.ns, [...(byNs.get(l.ns) ?? []), l])
  let missing: string[] = []
  for (let attempt = 0; attempt < 40; attempt++) {
    missing = []
    for (const [ns, ls] of byNs) {
      const ss = run(['ip', 'netns', 'exec', ns, 'ss', '-Hlntu']).stdout
      for (const l of ls) if (!new RegExp(`[:*]${l.port}\\s`).test(ss)) missing.push(`${l.ns} ${l.protocol}/${l.port}`)
    }
    if (missing.length === 0) return []
    await new Promise((r) => setTimeout(r, 100))
  }
  return missing
}

export function stopListeners(r: Running): void {
  for (const p of r.procs) if (p.pid !== undefined && p.exitCode === null) {
    try { p.kill('SIGKILL') } catch { /* gone */ }
  }
}
