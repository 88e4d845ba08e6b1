import type { Cluster, ClusterNode, ProxyMode, Service } from '../engine/cluster/types'
import type { ObjectId } from '../engine/core/ids'
import { Simulation } from '../engine/sim/simulation'
import { runCommandLine } from '../engine/shell/runner'
import { renderIptablesSave } from '../engine/dataplane/kubeproxy/iptables/render'
import { TABLE_ORDER, type Chain, type Table, type TableName } from '../engine/dataplane/kubeproxy/iptables/rule'
import { ruleCounters } from '../engine/dataplane/kubeproxy/counters'
import { nodeRuleset, servicePorts } from '../engine/dataplane/kubeproxy/state'
import type { ServicePortInfo } from '../engine/dataplane/kubeproxy/serviceports'
import { ipvsState } from '../engine/dataplane/kubeproxy/ipvs/state'
import { ipvsRuntime } from '../engine/dataplane/kubeproxy/ipvs/connections'
import { renderIpvsadmList } from '../engine/dataplane/kubeproxy/ipvs/render'
import { buildIpsets } from '../engine/dataplane/kubeproxy/ipvs/ipsets'
import { nftTable } from '../engine/dataplane/kubeproxy/nftables/state'
import { renderNftTable } from '../engine/dataplane/kubeproxy/nftables/render'
import type { NftTable } from '../engine/dataplane/kubeproxy/nftables/compile'
import { answerQuery } from '../engine/dataplane/dns/coredns'
import { recordText, type QType } from '../engine/dataplane/dns/message'
import { renderResolvConf, podResolvConf } from '../engine/dataplane/dns/resolvconf'
import { electL2Speaker } from '../engine/dataplane/metallb/l2'
import { bgpAnnouncements, computeBGP } from '../engine/dataplane/metallb/bgp'
import { renderNginxConf } from '../engine/dataplane/ingress/render'
import type { SourceFile } from '../engine/manifest/types'
import type { Lang } from '../engine/i18n/types'
import { sessionFor } from './run'

/**
 * The inspector's data-plane views, computed in the worker for one selected object: the rules kube-proxy wrote on a
 * node (the whole set, or one Service's part of it), the Service's DNS names as CoreDNS answers them, its MetalLB
 * announcement, a pod's resolv.conf, an Ingress's nginx servers. Every text comes from the engine's own renderers
 * (the same ones the terminal's iptables-save, ipvsadm, ipset, nft and cat print), never from new formatting here.
 */

export interface InspectRequest {
  files: SourceFile[]
  /** A canvas/engine object id: `Service/ns/name`, `Node/name`, `Pod/ns/name`, `Ingress/ns/name`. */
  id: ObjectId
  /** For a Service: the node whose kube-proxy rules to show (rules differ per node); default the first worker. */
  node?: string
  lang?: Lang
}

/** One tool's output: what a user would type on the node (`iptables-save`) and what it printed. */
export interface ToolText {
  command: string
  text: string
}

export interface DnsNameView {
  /** What the name stands for: the Service, one named port (SRV), one endpoint of a headless Service. */
  role: 'service' | 'port' | 'endpoint'
  name: string
  type: QType
  rcode: string
  /** The answer section, one record per line as dig +noall +answer prints it (single-spaced). */
  records: string[]
}

export type AnnouncementView =
  | {
      mode: 'l2'
      ip: string
      /** The node whose speaker answers ARP for the address. */
      node?: string
      announced: boolean
      reason: { code: string; params: Record<string, string> }
      /** Eligible nodes in election order (the first wins). */
      candidates: string[]
      advertisements: string[]
    }
  | {
      mode: 'bgp'
      ip: string
      nodes: { node: string; advertises: boolean; reason: string; prefixes: string[] }[]
      /** The router's paths for the Service's prefix: which node sent it over which peering. */
      routes: { prefix: string; node: string; nextHop: string; peer: string; installed: boolean }[]
    }

export type Inspection =
  | {
      kind: 'service'
      mode: ProxyMode
      nodes: string[]
      node: string
      /** This Service's share of the node's kube-proxy rules, in the mode's tools. */
      rules: ToolText[]
      dns: DnsNameView[]
      announcements: AnnouncementView[]
    }
  | { kind: 'node'; mode: ProxyMode; node: string; rules: ToolText[] }
  | { kind: 'pod'; resolvConf: string; dnsPolicy: string }
  | { kind: 'ingress'; installed: boolean; nginx: string; servers: number }
  | { kind: 'none' }

export function inspectObject(request: InspectRequest): Inspection {
  const { compiled, sim } = sessionFor(request.files)
  const cluster = compiled.cluster
  const [kind] = request.id.split('/')
  switch (kind) {
    case 'Node': {
      const node = cluster.nodes.find((n) => n.id === request.id)
      return node ? { kind: 'node', mode: cluster.kubeProxy.mode, node: node.name, rules: nodeRules(sim, node) } : { kind: 'none' }
    }
    case 'Service': {
      const svc = cluster.services.find((s) => s.id === request.id)
      if (!svc) return { kind: 'none' }
      const node = pickNode(cluster, request.node)
      if (!node) return { kind: 'none' }
      // DNS questions go to a fresh Simulation: CoreDNS's loadbalance draws from the seeded stream, and the inspector
      // must neither move the terminal's stream nor show another order each time it is asked
      const dnsSim = new Simulation(compiled, 1)
      return {
        kind: 'service',
        mode: cluster.kubeProxy.mode,
        nodes: cluster.nodes.map((n) => n.name),
        node: node.name,
        rules: serviceRules(sim, node, svc),
        dns: serviceDns(dnsSim, svc, node.ip),
        announcements: announcements(cluster, svc),
      }
    }
    case 'Pod': {
      const pod = cluster.pods.find((p) => p.id === request.id)
      if (!pod) return { kind: 'none' }
      return { kind: 'pod', resolvConf: renderResolvConf(podResolvConf(cluster, pod)), dnsPolicy: podResolvConf(cluster, pod).policy }
    }
    case 'Ingress': {
      const model = compiled.ingress
      if (!model) return { kind: 'ingress', installed: false, nginx: '', servers: 0 }
      // the servers (hosts) any of whose locations this Ingress produced, whole: nginx merges every Ingress of a host
      const servers = model.servers.filter((s) => s.locations.some((l) => l.ingress?.id === request.id))
      return { kind: 'ingress', installed: model.installed, nginx: servers.length ? renderNginxConf({ ...model, servers }) : '', servers: servers.length }
    }
    default:
      return { kind: 'none' }
  }
}

function pickNode(cluster: Cluster, name: string | undefined): ClusterNode | undefined {
  return cluster.nodes.find((n) => n.name === name) ?? cluster.nodes.find((n) => !n.controlPlane) ?? cluster.nodes[0]
}

/** The node's whole rule set, printed by the same commands the terminal runs on the node. */
export function nodeRules(sim: Simulation, node: ClusterNode): ToolText[] {
  const mode = sim.scenario.cluster.kubeProxy.mode
  const commands = mode === 'ipvs' ? ['ipvsadm -Ln', 'ipset list', 'iptables-save'] : mode === 'nftables' ? ['nft list ruleset'] : ['iptables-save']
  return commands.map((command) => {
    const r = runCommandLine(sim, { kind: 'node', node }, command.split(' '))
    return { command, text: r.stdout + r.stderr }
  })
}

/** The Service's part of the node's rules in the current mode. */
export function serviceRules(sim: Simulation, node: ClusterNode, svc: Service): ToolText[] {
  const ports = servicePorts(sim).filter((sp) => sp.service.id === svc.id)
  const mode = sim.scenario.cluster.kubeProxy.mode
  if (mode === 'ipvs') return ipvsServiceRules(sim, node, ports)
  if (mode === 'nftables') {
    const text = nftServiceTable(nftTable(sim, node), svc, ports)
    return text ? [{ command: 'nft list ruleset', text }] : []
  }
  return iptablesServiceRules(sim, node, svc, ports)
}

/** iptables mode: each table's rules that kube-proxy wrote for this Service (the rule model knows each rule's Service),
 * with the declarations of the chains they live in, printed by iptables-save's own renderer. */
function iptablesServiceRules(sim: Simulation, node: ClusterNode, svc: Service, ports: ServicePortInfo[]): ToolText[] {
  const rs = nodeRuleset(sim, node)
  const own = new Set<string>()
  for (const sp of ports) {
    for (const c of [sp.svcChain, sp.svlChain, sp.extChain, sp.fwChain]) own.add(c)
    for (const ep of sp.endpoints) own.add(ep.chain)
  }
  const out: ToolText[] = []
  for (const name of TABLE_ORDER) {
    const table = rs.tables[name]
    const chains: Chain[] = []
    for (const c of table.chains) {
      const rules = c.rules.filter((r) => r.origin?.service === svc.id)
      if (rules.length > 0 || own.has(c.name)) chains.push({ ...c, rules })
    }
    if (!chains.some((c) => c.rules.length > 0)) continue
    const only: Table = { ...table, chains, byName: new Map(chains.map((c) => [c.name, c])) }
    const text = renderIptablesSave({ ...rs, tables: { ...rs.tables, [name]: only } }, sim.clock.now(), name as TableName, ruleCounters(sim, node.name))
    out.push({ command: `iptables-save -t ${name}`, text })
  }
  return out
}

/** IPVS mode: `ipvsadm -Ln` limited to this Service's virtual servers, and the ipset members kube-proxy added for it
 * (as `ipset save` writes them: `add SET MEMBER`). */
function ipvsServiceRules(sim: Simulation, node: ClusterNode, ports: ServicePortInfo[]): ToolText[] {
  const s = ipvsState(sim, node)
  const portSet = new Set(ports)
  const vss = s.virtualServers.filter((vs) => portSet.has(vs.servicePort))
  if (vss.length === 0) return []
  const list = renderIpvsadmList({ ...s, virtualServers: vss }, ipvsRuntime(sim, node.name), sim.clock.now())
  // the sets as kube-proxy builds them from this Service's ports alone, kept only where the node's sets hold them
  const dummy = vss.filter((vs) => vs.kind !== 'nodeport').map((vs) => vs.address)
  const mine = buildIpsets(ports, node, [...new Set(dummy)], vss)
  const lines: string[] = []
  for (const set of s.ipsets) {
    const wanted = new Set(mine.find((m) => m.name === set.name)?.entries ?? [])
    for (const e of set.entries) if (wanted.has(e)) lines.push(`add ${set.name} ${e}`)
  }
  const out: ToolText[] = [{ command: 'ipvsadm -Ln', text: list }]
  if (lines.length) out.push({ command: 'ipset save', text: lines.join('\n') + '\n' })
  return out
}

/** nftables mode: the Service's own chains (service-…, endpoint-…, external-…, firewall-…) and the set and map
 * elements that point at them or hold its addresses, listed as `nft list ruleset` lists the table. */
function nftServiceTable(t: NftTable, svc: Service, ports: ServicePortInfo[]): string {
  const portSet = new Set(ports)
  const chains = t.chains.filter((c) => c.service !== undefined && portSet.has(c.service))
  if (chains.length === 0) return ''
  const names = chains.map((c) => c.name)
  const addresses = new Set([svc.clusterIP, ...svc.externalIPs, ...svc.loadBalancerIngress].filter((a) => a && a !== 'None'))
  const key = `${svc.namespace}/${svc.name}`
  const sets = t.sets
    .map((s) => ({
      ...s,
      elements: s.elements.filter((e) =>
        (e.verdict !== undefined && names.some((n) => e.verdict!.endsWith(` ${n}`))) ||
        (e.verdict === undefined && addresses.has(e.key)) ||
        (e.comment !== undefined && (e.comment === key || e.comment.startsWith(`${key}:`) || e.comment.startsWith(`${key} `)))),
    }))
    .filter((s) => s.elements.length > 0)
  return renderNftTable({ ...t, chains, sets, byChain: new Map(chains.map((c) => [c.name, c])), bySet: new Map(sets.map((s) => [s.name, s])) })
}

/** The Service's names as CoreDNS answers them: A and AAAA of the Service, SRV of each named port, and for a
 * headless Service the per-endpoint names the SRV answer targets. */
export function serviceDns(sim: Simulation, svc: Service, clientIP: string): DnsNameView[] {
  const domain = sim.scenario.cluster.config.clusterDomain
  const base = `${svc.name}.${svc.namespace}.svc.${domain}.`
  const ask = (role: DnsNameView['role'], name: string, type: QType): DnsNameView => {
    const r = answerQuery(sim, { name, type }, clientIP)
    return { role, name, type, rcode: r.message?.rcode ?? 'SERVFAIL', records: (r.message?.answer ?? []).map(recordText) }
  }
  const out: DnsNameView[] = [ask('service', base, 'A'), ask('service', base, 'AAAA')]
  // CoreDNS kubernetes plugin: _port._proto.svc.ns.svc.zone exists only for named ports
  for (const p of svc.ports) if (p.name) out.push(ask('port', `_${p.name}._${p.protocol.toLowerCase()}.${base}`, 'SRV'))
  if (svc.clusterIP === 'None') {
    // a headless Service's SRV answer for its own name targets one name per ready endpoint (endpointHostname)
    const srv = ask('service', base, 'SRV')
    out.push(srv)
    const targets = new Set(srv.records.map((line) => line.split(' ').at(-1) ?? '').filter((t) => t !== ''))
    for (const target of [...targets].sort()) out.push(ask('endpoint', target, 'A'))
  }
  return out
}

function announcements(cluster: Cluster, svc: Service): AnnouncementView[] {
  if (svc.type !== 'LoadBalancer' || svc.loadBalancerIngress.length === 0) return []
  const out: AnnouncementView[] = []
  const l2 = electL2Speaker(cluster, svc)
  if (l2.ip && l2.advertisements.length > 0) {
    out.push({
      mode: 'l2', ip: l2.ip, announced: l2.announced, reason: l2.reason, candidates: l2.candidates.map((c) => c.node),
      advertisements: l2.advertisements, ...(l2.node ? { node: l2.node } : {}),
    })
  }
  const bgp = bgpAnnouncements(cluster, svc)
  if (bgp.length > 0) {
    const key = `${svc.namespace}/${svc.name}`
    const routes = computeBGP(cluster).routes.flatMap((route) =>
      route.paths.filter((p) => p.services.includes(key)).map((p) => ({ prefix: p.prefix, node: p.node, nextHop: p.nextHop, peer: p.peer, installed: route.multipath.includes(p) })))
    out.push({ mode: 'bgp', ip: svc.loadBalancerIngress[0], nodes: bgp.map((a) => ({ ...a })), routes })
  }
  return out
}
