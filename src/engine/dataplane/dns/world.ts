import { OBJECT_AGE_AT_LOAD_MS, SCENARIO_EPOCH_MS } from '../../core/clock'
import type { Cluster, PassThroughObject, Pod, Service } from '../../cluster/types'
import { intToIp, parseCidr } from '../../util/ip'
import { defaultCorefile } from './corefile/default'

/** What the DNS stage reads from the settled cluster: where kube-dns lives, which pods run CoreDNS, its Corefile. */

export const KUBE_DNS_NAMESPACE = 'kube-system'
export const KUBE_DNS_SERVICE = 'kube-dns'
// kubeadm's CoreDNS Deployment and kube-dns Service select pods by this label
export const KUBE_DNS_LABEL = 'k8s-app'
export const KUBE_DNS_LABEL_VALUE = 'kube-dns'

export function kubeDnsService(cluster: Cluster): Service | undefined {
  return cluster.services.find((s) => s.namespace === KUBE_DNS_NAMESPACE && s.name === KUBE_DNS_SERVICE)
}

/** The cluster DNS address kubelet writes into pods (--cluster-dns): kube-dns's ClusterIP, kubeadm's Service CIDR .10. */
export function clusterDnsIP(cluster: Cluster): string {
  const svc = kubeDnsService(cluster)
  if (svc && svc.clusterIP && svc.clusterIP !== 'None') return svc.clusterIP
  // kubeadm GetDNSIP: the 10th address of the Service CIDR
  const cidr = parseCidr(cluster.config.serviceCIDR)
  return cidr ? intToIp(cidr.base + 10) : '10.96.0.10'
}

/** The CoreDNS pods (kube-system, k8s-app=kube-dns) in listing order. */
export function corednsPods(cluster: Cluster): Pod[] {
  return cluster.pods.filter((p) => p.namespace === KUBE_DNS_NAMESPACE && p.labels[KUBE_DNS_LABEL] === KUBE_DNS_LABEL_VALUE)
}

/** The kube-system/coredns ConfigMap, when the scenario writes one. */
export function corednsConfigMap(cluster: Cluster): PassThroughObject | undefined {
  return cluster.others.find((o) => o.kind === 'ConfigMap' && o.namespace === KUBE_DNS_NAMESPACE && o.name === 'coredns')
}

export interface CorefileSource {
  text: string
  /** The ConfigMap it came from, or undefined for kubeadm's default. */
  configMap?: PassThroughObject
}

export function corefileOf(cluster: Cluster): CorefileSource {
  const cm = corednsConfigMap(cluster)
  const data = cm?.body.data
  const text = data && typeof data === 'object' ? (data as Record<string, unknown>).Corefile : undefined
  if (cm && typeof text === 'string') return { text, configMap: cm }
  return { text: defaultCorefile(cluster.config.clusterDomain) }
}

/** A createdAtMs as virtual epoch time: small values are offsets from the scenario's load (as kubectl shows AGE). */
function virtualTime(createdAtMs: number): number {
  return createdAtMs >= SCENARIO_EPOCH_MS / 2 ? createdAtMs : SCENARIO_EPOCH_MS - OBJECT_AGE_AT_LOAD_MS + createdAtMs
}

// coredns plugin/kubernetes Serial: uint32(APIConn.Modified()), the Unix time of the last Service/Endpoints change seen
export function soaSerial(cluster: Cluster): number {
  let last = 0
  for (const s of cluster.services) last = Math.max(last, s.createdAtMs)
  for (const e of cluster.endpointSlices) last = Math.max(last, e.createdAtMs)
  return Math.floor(virtualTime(last) / 1000) >>> 0
}

/** Namespaces that exist: the cluster's list plus the four every cluster has (kube-apiserver's system namespaces). */
export function namespaceExists(cluster: Cluster, ns: string): boolean {
  const n = ns.toLowerCase()
  if (n === 'default' || n === 'kube-system' || n === 'kube-public' || n === 'kube-node-lease') return true
  if (cluster.namespaces.some((x) => x.toLowerCase() === n)) return true
  return cluster.services.some((s) => s.namespace.toLowerCase() === n) || cluster.pods.some((p) => p.namespace.toLowerCase() === n)
}
