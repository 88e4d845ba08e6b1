import { compareDiagnostics, type Diagnostic } from './core/diagnostic'
import type { Cluster, ProxyMode } from './cluster/types'
import { buildCluster } from './cluster/build'
import { compileIngress, controllerManifests, type IngressModel } from './dataplane/ingress'
import { corefileDiagnostics } from './dataplane/dns/coredns'
import { kubeProxyDiagnostics } from './dataplane/kubeproxy/mode'
import { allocateLoadBalancers, applyAssignments, type LoadBalancerAssignment } from './dataplane/metallb/allocate'
import { parseManifests, type ParseCache } from './manifest/parse'
import type { ManifestObject, SourceFile } from './manifest/types'

export interface CompileOptions {
  /** The CLI's --mode, or the app's mode switch before it rewrites the YAML. */
  modeOverride?: ProxyMode
  /** Documents parsed by the previous compile (manifest/parse.ts): the worker keeps one so an edit re-parses only the YAML documents it touched. */
  parseCache?: ParseCache
}

/** Everything later stages and the app need from one scenario's text. Plain data. */
export interface CompiledScenario {
  files: SourceFile[]
  objects: ManifestObject[]
  cluster: Cluster
  diagnostics: Diagnostic[]
  /** What the MetalLB controller did with each LoadBalancer Service (address or reason, and its events). */
  loadBalancers?: LoadBalancerAssignment[]
  /** ingress-nginx's servers, locations and upstreams (dataplane/ingress). */
  ingress?: IngressModel
}

/** YAML text to the settled cluster. Never throws: every problem is a diagnostic. */
export function compileScenario(files: SourceFile[], options: CompileOptions = {}): CompiledScenario {
  const parsed = parseManifests(files, options.parseCache)
  // the Cluster kind's spec.ingressController stands for the upstream ingress-nginx manifests
  const controller = controllerManifests(parsed.objects)
  const built = buildCluster([...parsed.objects, ...controller.objects], options)
  const lb = allocateLoadBalancers(built.cluster)
  const cluster = applyAssignments(built.cluster, lb)
  const ingress = compileIngress(cluster, parsed.objects)
  const diagnostics = [...parsed.diagnostics, ...controller.diagnostics, ...built.diagnostics, ...lb.diagnostics, ...ingress.diagnostics, ...kubeProxyDiagnostics(cluster), ...corefileDiagnostics(cluster, parsed.objects)].sort(compareDiagnostics)
  return { files, objects: parsed.objects, cluster, diagnostics, loadBalancers: lb.assignments, ingress }
}
