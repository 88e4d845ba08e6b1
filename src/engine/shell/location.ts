import type { Cluster } from '../cluster/types'
import type { Location } from './types'

export type WhereResult =
  | { ok: true; where: Location }
  | { ok: false; code: 'shell.where.unknown'; params: Record<string, string> }

/**
 * The machine a command runs on, from what the user typed: `node/NAME`, `client/NAME`, `router/NAME` name machines;
 * `pod/NS/NAME` always names a pod; anything else is a pod (`ns/name`, or `name` in the default namespace).
 */
export function resolveWhere(cluster: Cluster, where: string): WhereResult {
  const unknown = (kind: string, name: string): WhereResult => ({ ok: false, code: 'shell.where.unknown', params: { where, kind, name } })
  const slash = where.indexOf('/')
  const head = slash < 0 ? '' : where.slice(0, slash)
  const rest = slash < 0 ? where : where.slice(slash + 1)
  switch (head) {
    case 'node': {
      const node = cluster.nodes.find((n) => n.name === rest)
      return node ? { ok: true, where: { kind: 'node', node } } : unknown('node', rest)
    }
    case 'client': {
      const client = cluster.clients.find((c) => c.name === rest)
      return client ? { ok: true, where: { kind: 'client', client } } : unknown('client', rest)
    }
    case 'router': {
      const router = cluster.router && cluster.router.name === rest ? cluster.router : undefined
      return router ? { ok: true, where: { kind: 'router', router } } : unknown('router', rest)
    }
  }
  const podRef = head === 'pod' ? rest : where
  const parts = podRef.split('/')
  const [namespace, name] = parts.length === 2 ? parts : parts.length === 1 ? ['default', parts[0]] : ['', '']
  const pod = cluster.pods.find((p) => p.namespace === namespace && p.name === name)
  return pod ? { ok: true, where: { kind: 'pod', pod } } : unknown('pod', `${namespace}/${name}`)
}

/** How a location is written back (`default/nginx-pod-1`, `node/node1`), for prompts and messages. */
export function formatWhere(where: Location): string {
  switch (where.kind) {
    case 'pod': return `${where.pod.namespace}/${where.pod.name}`
    case 'node': return `node/${where.node.name}`
    case 'client': return `client/${where.client.name}`
    case 'router': return `router/${where.router.name}`
  }
}
