import type { Command } from './types'
import { show, vtysh } from '../dataplane/metallb/vtysh'
import { conntrack } from '../dataplane/kubeproxy/commands/conntrack'
import { iptables } from '../dataplane/kubeproxy/commands/iptables'
import { iptablesSave } from '../dataplane/kubeproxy/commands/iptables-save'
import { kubeProxyRules } from '../dataplane/kubeproxy/commands/kube-proxy-rules'
import { ipvsadm } from '../dataplane/kubeproxy/ipvs/commands/ipvsadm'
import { ipset } from '../dataplane/kubeproxy/ipvs/commands/ipset'
import { nft } from '../dataplane/kubeproxy/nftables/commands/nft'
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
import { awk } from './commands/text/awk'
import { cut } from './commands/text/cut'
import { echo } from './commands/text/echo'
import { head, tail } from './commands/text/head'
import { printf } from './commands/text/printf'
import { seq } from './commands/text/seq'
import { sleep } from './commands/text/sleep'
import { sort } from './commands/text/sort'
import { tr } from './commands/text/tr'
import { uniq } from './commands/text/uniq'
import { wc } from './commands/text/wc'
import { wget } from '../trace/commands/wget'

/**
 * Every command the shell knows, by name. Each command lives in its own file under shell/commands/ (or beside the
 * component it imitates) and is listed here once.
 */
const all: Command[] = [cat, grep, hostname, kubectl, nslookupCommand, digCommand, getentCommand,
  iptablesSave, iptables, conntrack, kubeProxyRules, ipvsadm, ipset, nft, curl, nc, ping, ip, vtysh, show,
  // the terminal's text tools for pipelines (sh/)
  echo, printf, seq, sleep, sort, uniq, head, tail, wc, cut, awk, tr, wget]

export const commands: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.name, c]))
