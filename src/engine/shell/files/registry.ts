import type { Simulation } from '../../sim/simulation'
import type { Location } from '../types'
import { etcHosts } from './etc-hosts'
import { etcHostname } from './etc-hostname'
import { etcResolvConf } from '../../dataplane/dns/files'
import { nginxConf } from '../../dataplane/ingress/files'

/**
 * The files `cat` can read, by absolute path. Each produces the file's content for the machine the command runs
 * on, or undefined when that machine has no such file. Stages add their own (the DNS stage: /etc/resolv.conf),
 * one import line and one entry each.
 */
export type VirtualFile = (sim: Simulation, where: Location) => string | undefined

export const virtualFiles: ReadonlyMap<string, VirtualFile> = new Map<string, VirtualFile>([
  ['/etc/hosts', etcHosts],
  ['/etc/hostname', etcHostname],
  ['/etc/resolv.conf', etcResolvConf],
  ['/etc/nginx/nginx.conf', nginxConf],
])
