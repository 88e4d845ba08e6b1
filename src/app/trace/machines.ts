import type { CanvasNode } from '../canvas/model'

/** The canvas kinds a request can start from and a terminal can attach to. */
export const MACHINE_KINDS: readonly CanvasNode['kind'][] = ['client', 'router', 'node', 'pod']

export function isMachine(n: Pick<CanvasNode, 'kind'>): boolean {
  return MACHINE_KINDS.includes(n.kind)
}

/** A scenario's `from` (`client/workstation`, `node/node1`, `default/nginx-pod-1`) as the canvas id it names. */
export function idFromWhere(where: string): string {
  const [head, ...rest] = where.split('/')
  const tail = rest.join('/')
  switch (head) {
    case 'client': return `Client/${tail}`
    case 'node': return `Node/${tail}`
    case 'router': return `Router/${tail}`
    case 'pod': return `Pod/${tail}`
    default: return rest.length ? `Pod/${where}` : `Pod/default/${where}`
  }
}

/** The machine's name as a shell prompt shows it: the pod, node or client name. */
export function shortName(id: string): string {
  return id.split('/').at(-1) ?? id
}

/**
 * The prompt a terminal on that machine shows: a container's root shell (`root@nginx-pod-1:/#`, bash's default
 * PS1 `\u@\h:\w\$` in the image's working directory /), root on a node in its home (`root@node1:~#`), a user on
 * the workstation (`user@workstation:~$`).
 */
export function promptFor(id: string): string {
  const name = shortName(id)
  if (id.startsWith('Pod/')) return `root@${name}:/# `
  if (id.startsWith('Node/') || id.startsWith('Router/')) return `root@${name}:~# `
  return `user@${name}:~$ `
}

/** Past this many machines a picker lists a filtered few instead of all of them (1000 × 10 has 10 000 pods). */
export const MACHINE_LIST_LIMIT = 300

/**
 * The machines a long picker shows: every one that is not a pod (clients, routers, nodes: few), then the pods whose id
 * contains the filter, at most MACHINE_LIST_LIMIT in all, and always the chosen one so the select can show it.
 */
export function machinesToList<M extends Pick<CanvasNode, 'id' | 'kind'>>(machines: M[], filter: string, chosen?: string): M[] {
  const needle = filter.trim().toLowerCase()
  const out: M[] = machines.filter((m) => m.kind !== 'pod')
  for (const m of machines) {
    if (out.length >= MACHINE_LIST_LIMIT) break
    if (m.kind === 'pod' && m.id.toLowerCase().includes(needle)) out.push(m)
  }
  const picked = chosen ? machines.find((m) => m.id === chosen) : undefined
  if (picked && !out.includes(picked)) out.push(picked)
  return out
}
