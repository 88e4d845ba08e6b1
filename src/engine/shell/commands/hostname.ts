import type { Cluster, Pod } from '../../cluster/types'
import type { Command, CommandResult, Location, ShellContext } from '../types'

/**
 * kubelet GeneratePodHostNameAndDomain: the hostname is spec.hostname or the pod's name, cut to 63 characters
 * (truncatePodHostnameIfNeeded also trims a trailing '-' or '.'); the domain is
 * `<subdomain>.<namespace>.svc.<clusterDomain>` when spec.subdomain is set.
 */
export function podHostname(pod: Pod, clusterDomain: string): { hostname: string; domain?: string } {
  let hostname = pod.hostname || pod.name
  if (hostname.length > 63) hostname = hostname.slice(0, 63).replace(/[-.]+$/, '')
  const domain = pod.subdomain ? `${pod.subdomain}.${pod.namespace}.svc.${clusterDomain}` : undefined
  return { hostname, domain }
}

/** The short hostname of wherever the command runs; a hostNetwork pod shares its node's. */
export function hostnameOf(where: Location, cluster: Cluster): string {
  switch (where.kind) {
    case 'pod': return where.pod.hostNetwork ? where.pod.nodeName : podHostname(where.pod, cluster.config.clusterDomain).hostname
    case 'node': return where.node.name
    case 'client': return where.client.name
    case 'router': return where.router.name
  }
}

function addressOf(where: Location): string {
  switch (where.kind) {
    case 'pod': return where.pod.hostNetwork ? where.pod.hostIP : where.pod.podIP
    case 'node': return where.node.ip
    case 'client': return where.client.ip
    case 'router': return where.router.ip
  }
}

const USAGE = 'Usage: hostname [-f|-i|-I|-s]\n'

/** hostname (net-tools): the name; -f the FQDN as /etc/hosts gives it; -i and -I the addresses; -s the short name. */
export const hostname: Command = {
  name: 'hostname',
  run(args: string[], ctx: ShellContext): CommandResult {
    const cluster = ctx.sim.scenario.cluster
    const short = hostnameOf(ctx.where, cluster)
    if (args.length === 0) return { stdout: short + '\n', stderr: '', exitCode: 0, json: { hostname: short } }
    if (args.length > 1) return { stdout: '', stderr: USAGE, exitCode: 2 }
    switch (args[0]) {
      case '-s': case '--short': return { stdout: short + '\n', stderr: '', exitCode: 0, json: { hostname: short } }
      case '-f': case '--fqdn': case '--long': {
        const fqdn = ctx.where.kind === 'pod' && !ctx.where.pod.hostNetwork && ctx.where.pod.subdomain
          ? `${short}.${podHostname(ctx.where.pod, cluster.config.clusterDomain).domain}` : short
        return { stdout: fqdn + '\n', stderr: '', exitCode: 0, json: { fqdn } }
      }
      // -i resolves the name through /etc/hosts; -I lists the interface addresses (with a trailing space).
      case '-i': case '--ip-address': return { stdout: addressOf(ctx.where) + '\n', stderr: '', exitCode: 0, json: { addresses: [addressOf(ctx.where)] } }
      case '-I': case '--all-ip-addresses': return { stdout: addressOf(ctx.where) + ' \n', stderr: '', exitCode: 0, json: { addresses: [addressOf(ctx.where)] } }
      default: return { stdout: '', stderr: `hostname: invalid option -- '${args[0].replace(/^-+/, '')}'\n${USAGE}`, exitCode: 2 }
    }
  },
}
