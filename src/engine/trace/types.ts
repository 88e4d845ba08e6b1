import type { ObjectId } from '../core/ids'
import type { ObjectRef, Protocol } from '../cluster/types'

/** What is on the wire at one point of a trace. L7 fields are present once HTTP is in play. */
export interface Packet {
  protocol: Protocol | 'ICMP' | 'ARP'
  src: string
  srcPort?: number
  dst: string
  dstPort?: number
  /** DNS question or answer carried by the packet. */
  dns?: { id?: number; question: string; qtype: string; rcode?: string; answers?: string[] }
  http?: {
    method: string
    host: string
    path: string
    scheme: 'http' | 'https'
    headers: Record<string, string>
    status?: number
  }
}

export type HopStage =
  | 'dns'
  | 'arp'
  | 'bgp'
  | 'route'
  | 'kube-proxy'
  | 'conntrack'
  | 'ingress'
  | 'pod'
  | 'reply'

export type HopVerdict = 'forwarded' | 'translated' | 'answered' | 'dropped' | 'rejected' | 'redirected' | 'delivered'

/** One decision on the packet's way. The note's text comes from the catalogue by code, in either language. */
export interface Hop {
  seq: number
  stage: HopStage
  /** The canvas node where the decision happens. */
  at: ObjectId
  /** The canvas edge the packet travels on this hop, if any. */
  from?: ObjectId
  to?: ObjectId
  /** The Kubernetes node whose kernel made the decision. */
  node?: string
  before: Packet
  after: Packet
  /** The exact rule or record, as the real tool prints it (an iptables-save line, an ipvsadm line, a DNS RR). */
  rule?: string
  /** The chain or table the rule lives in, for context (`KUBE-SVC-XPGD46QRK7WJZT7O`, `nat`). */
  ruleContext?: string
  /** The random draw that chose this path, when one did. */
  draw?: { value: number; threshold?: number; description: string }
  /** Rules this hop evaluated to reach its decision. */
  rulesEvaluated?: number
  source?: ObjectRef
  verdict: HopVerdict
  note: { code: string; params: Record<string, string> }
}

export type OutcomeResult =
  | 'ok'
  | 'refused'
  | 'timeout'
  | 'dropped'
  | 'rejected'
  | 'dns-failure'
  | 'no-route'
  | 'http-error'
  | 'tls-error'
  | 'loop'
  | 'error'

export interface Outcome {
  result: OutcomeResult
  /** `namespace/name` of the Service the request went through, if any. */
  service?: string
  /** `namespace/name` of the pod that answered, if any. */
  pod?: string
  /** `ip:port` the connection was DNATed to. */
  endpoint?: string
  /** The source address the backend saw. */
  clientIP?: string
  /** Why the backend saw that address (a catalogue code). */
  clientIPReason?: string
  httpStatus?: number
  /** The path the backend received (after an Ingress rewrite-target). */
  path?: string
  /** A catalogue code explaining a failure. */
  reason?: { code: string; params: Record<string, string> }
}

export interface Trace {
  request: RequestSpec
  outcome: Outcome
  rulesEvaluated: number
  hops: Hop[]
  seed: number
}

/** What the user asked for: from where, to what. */
export interface RequestSpec {
  /** An ObjectId of a Pod, Node, Client or Router. */
  from: ObjectId
  protocol: Protocol
  /** A name or an address. */
  host: string
  port: number
  /** Connections the same client already has open when this one starts (exec --concurrency; limit-connections). */
  inFlight?: number
  http?: {
    method: string
    path: string
    scheme: 'http' | 'https'
    headers: Record<string, string>
    /** curl -k: do not verify the server's certificate. */
    insecure?: boolean
    /** curl -d: the request body. */
    body?: string
  }
}
