import type { Command } from './types'
import { show, vtysh } from '../dataplane/metallb/vtysh'
import { conntrack } from '../dataplane/kubeproxy/commands/conntrack'
import { iptables } from '../dataplane/kubeproxy/commands/iptables'
import { iptablesSave } from '../dataplane/kubeproxy/commands/iptables-save'
import { kubeProxyRules } from '../dataplane/kubeproxy/commands/kube-proxy-rules'
import { ipvsadm } from '../dataplane/kubeproxy/ipvs/commands/ipvsadm'
import { ipset } from '../dataplane/kubeproxy/ipvs/commands/ipset'
import { curl } from '../trace/commands/curl'
import { ip } from '../trace/commands/ip'
import { nc } from '../trace/commands/nc'
import { ping } from '../trace/commands/ping'
import { digCommand } from '../dataplane/dns/commands/dig'
import { getentCommand } from '../dataplane/dns/commands/getent'
import { nslookupCommand } from '../dataplane/dns/commands/nslookup'
// names in curl, nc and ping resolve through CoreDNS from here on (the trace/resolve.ts seam)
import '../dataplane/dns/register'
import { cat } from './commands/cat'
import { grep } from './commands/grep'
import { hostname } from './commands/hostname'
import { kubectl } from './commands/kubectl'

/**
 * Every command the shell knows, by name. Each command lives in its own file under shell/commands/ (or beside the
 * component it imitates) and is listed here once.
 */
const all: Command[] = [cat, grep, hostname, kubectl, nslookupCommand, digCommand, getentCommand,
  iptablesSave, iptables, conntrack, kubeProxyRules, ipvsadm, ipset, curl, nc, ping, ip, vtysh, show]

export const commands: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.name, c]))
