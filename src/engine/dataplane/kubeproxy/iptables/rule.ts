import type { ObjectRef } from '../../../cluster/types'
import type { ObjectId } from '../../../core/ids'

/**
 * The rule model: what kube-proxy asks iptables for, as data. `args` keep kube-proxy's own writing order (so the
 * restore input renders exactly as proxier.go writes it); the iptables-save renderer reorders them the way the kernel
 * and libxtables print them back. The packet walk interprets the same objects.
 */

export type TableName = 'mangle' | 'filter' | 'nat'
export type L4 = 'tcp' | 'udp' | 'sctp'

export type Arg =
  /** `-m comment --comment TEXT` */
  | { kind: 'comment'; text: string }
  /** `-m tcp -p tcp`: kube-proxy always names the protocol module and the protocol together. */
  | { kind: 'proto'; proto: L4 }
  /** `-s CIDR`, `! -s CIDR` */
  | { kind: 'src'; cidr: string; not?: boolean }
  /** `-d CIDR`, `! -d CIDR` */
  | { kind: 'dst'; cidr: string; not?: boolean }
  /** `--dport N`, an option of the protocol module. */
  | { kind: 'dport'; port: number }
  /** `-m addrtype --src-type LOCAL` / `--dst-type LOCAL` */
  | { kind: 'addrtype'; side: 'src' | 'dst'; type: 'LOCAL' }
  /** `-m mark [!] --mark VALUE/MASK` */
  | { kind: 'mark'; value: number; mask: number; not?: boolean }
  /** `-m statistic --mode random --probability P` (P as kube-proxy formats it) */
  | { kind: 'statistic'; probability: string }
  /** `-m recent --name N --set` or `-m recent --name N --rcheck --seconds S --reap` */
  | { kind: 'recent'; name: string; op: 'set' }
  | { kind: 'recent'; name: string; op: 'rcheck'; seconds: number; reap: boolean }
  /** `-m conntrack [!] --ctstate A,B` */
  | { kind: 'conntrack'; states: string[]; not?: boolean }
  /** `-m nfacct --nfacct-name NAME` */
  | { kind: 'nfacct'; name: string }

export type Target =
  | { kind: 'jump'; chain: string }
  | { kind: 'DNAT'; to: string }
  | { kind: 'MARK'; op: 'or' | 'xor'; value: number }
  | { kind: 'MASQUERADE'; randomFully: boolean }
  | { kind: 'REJECT' }
  | { kind: 'DROP' }
  | { kind: 'ACCEPT' }
  | { kind: 'RETURN' }

/** What produced a rule, so a hop can point at the Service or the pod behind it. */
export interface RuleOrigin {
  /** `ns/name:port` (kube-proxy's ServicePortName string). */
  servicePort?: string
  service?: ObjectId
  /** `ip:port` of the endpoint a KUBE-SEP chain DNATs to. */
  endpoint?: string
  pod?: ObjectId
  /** The YAML that produced the rule (the Service's object and range). */
  ref?: ObjectRef
}

export interface Rule {
  table: TableName
  chain: string
  args: Arg[]
  /** Absent for rules that only count (the KUBE-FW "other traffic … will be dropped" rule). */
  target?: Target
  origin?: RuleOrigin
}

export interface Chain {
  name: string
  /** Built-in chains have a policy; user chains print `-`. */
  policy?: 'ACCEPT' | 'DROP'
  rules: Rule[]
}

export interface Table {
  name: TableName
  /** In iptables-save order: built-in chains in hook order, then user chains sorted by name. */
  chains: Chain[]
  byName: Map<string, Chain>
}

/** Built-in chains per table in the order iptables-save lists them. */
export const BUILTIN_CHAINS: Record<TableName, string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
}

/** iptables-nft-save prints the tables in this order (mangle, filter, nat on a kube node). */
export const TABLE_ORDER: TableName[] = ['mangle', 'filter', 'nat']

export function isBuiltinChain(table: TableName, chain: string): boolean {
  return BUILTIN_CHAINS[table].includes(chain)
}
