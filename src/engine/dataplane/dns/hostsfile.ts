import type { Simulation } from '../../sim/simulation'
import { virtualFiles } from '../../shell/files/registry'
import type { Location } from '../../shell/types'
import { canonical } from './names'

/**
 * /etc/hosts as the resolver reads it before DNS (nsswitch `hosts: files dns`; glibc nss_files). The file itself is
 * the shell's virtual /etc/hosts (kubelet's managed file in a pod, the machine's own elsewhere), so `cat /etc/hosts`
 * and name resolution always agree.
 */

export interface HostsLine {
  address: string
  names: string[]
}

// hosts(5): "IP_address canonical_hostname [aliases...]", `#` starts a comment
export function parseHosts(text: string): HostsLine[] {
  const out: HostsLine[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) continue
    const [address, ...names] = line.split(/\s+/)
    if (names.length > 0) out.push({ address, names })
  }
  return out
}

export function hostsLinesAt(sim: Simulation, where: Location): HostsLine[] {
  const text = virtualFiles.get('/etc/hosts')?.(sim, where)
  return text ? parseHosts(text) : []
}

/** nss_files gethostbyname: every line naming `name` (case-insensitive) with an address of the family asked. */
export function lookupHostsFile(sim: Simulation, where: Location, name: string, family: 'A' | 'AAAA'): { address: string; canonicalName: string; aliases: string[] }[] {
  const q = canonical(name)
  const out: { address: string; canonicalName: string; aliases: string[] }[] = []
  for (const l of hostsLinesAt(sim, where)) {
    if (!l.names.some((n) => canonical(n) === q)) continue
    if ((family === 'AAAA') !== l.address.includes(':')) continue
    out.push({ address: l.address, canonicalName: l.names[0], aliases: l.names.slice(1) })
  }
  return out
}
