import type { Simulation } from '../../sim/simulation'
import type { Location } from '../types'

/**
 * Files written by the shell (`echo … >> /etc/hosts`, `cat > pod.yaml <<EOF`): per machine, path → full content.
 * Kept in the Simulation's state so commands that read files (cat, the resolver's /etc/hosts, kubectl apply -f)
 * see them; the shell session carries the same object to the next Simulation when the scenario is recompiled.
 */
export type FileOverlay = Map<string, Map<string, string>>

export const OVERLAY_STATE = 'shell:files'

export function fileOverlay(sim: Simulation): FileOverlay {
  return sim.state<FileOverlay>(OVERLAY_STATE, () => new Map())
}

/** The machine a file belongs to: a pod's files are its own, a node's, client's or router's are the machine's. */
export function machineKey(where: Location): string {
  switch (where.kind) {
    case 'pod': return `pod/${where.pod.namespace}/${where.pod.name}`
    case 'node': return `node/${where.node.name}`
    case 'client': return `client/${where.client.name}`
    case 'router': return `router/${where.router.name}`
  }
}

/** The working directory a shell starts in: `/` in a container (no WORKDIR in the lab's images), root's home elsewhere. */
export function workingDirectory(where: Location): string {
  return where.kind === 'pod' ? '/' : '/root'
}

/** An absolute, normalized path (`.` and `..` resolved) for `path` as typed on that machine. */
export function absolutePath(where: Location, path: string): string {
  const joined = path.startsWith('/') ? path : `${workingDirectory(where)}/${path}`
  const out: string[] = []
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(seg)
  }
  return '/' + out.join('/')
}

export function overlaidFile(sim: Simulation, where: Location, path: string): string | undefined {
  return fileOverlay(sim).get(machineKey(where))?.get(absolutePath(where, path))
}

export function writeOverlayFile(sim: Simulation, where: Location, path: string, text: string): void {
  const overlay = fileOverlay(sim)
  const key = machineKey(where)
  const files = overlay.get(key) ?? new Map<string, string>()
  files.set(absolutePath(where, path), text)
  overlay.set(key, files)
}
