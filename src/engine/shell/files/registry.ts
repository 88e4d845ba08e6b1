import type { Simulation } from '../../sim/simulation'
import type { Location } from '../types'
import { etcHosts } from './etc-hosts'
import { etcHostname } from './etc-hostname'
import { absolutePath, overlaidFile } from './overlay'
import { etcResolvConf } from '../../dataplane/dns/files'
import { nginxConf } from '../../dataplane/ingress/files'

/**
 * The files `cat` can read, by absolute path. Each produces the file's content for the machine the command runs
 * on, or undefined when that machine has no such file. Stages add their own (the DNS stage: /etc/resolv.conf),
 * one import line and one entry each.
 */
export type VirtualFile = (sim: Simulation, where: Location) => string | undefined

const generated: [string, VirtualFile][] = [
  ['/etc/hosts', etcHosts],
  ['/etc/hostname', etcHostname],
  ['/etc/resolv.conf', etcResolvConf],
  ['/etc/nginx/nginx.conf', nginxConf],
]

// A file the shell wrote (`echo … >> /etc/hosts`) replaces the generated one on that machine (files/overlay.ts).
export const virtualFiles: ReadonlyMap<string, VirtualFile> = new Map<string, VirtualFile>(
  generated.map(([path, file]) => [path, (sim, where) => overlaidFile(sim, where, path) ?? file(sim, where)]))

/** Any file of the machine as a command reads it: relative to the working directory, written ones included. */
export function readFile(sim: Simulation, where: Location, path: string): string | undefined {
  const abs = absolutePath(where, path)
  return overlaidFile(sim, where, abs) ?? virtualFiles.get(abs)?.(sim, where)
}
