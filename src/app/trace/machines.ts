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
