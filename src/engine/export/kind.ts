import { parseAllDocuments } from 'yaml'
import type { Cluster } from '../cluster/types'
import type { SourceFile } from '../manifest/types'
import { compileScenario } from '../scenario'

/** What the export needs of a scenario: its files and the requests to run (the gallery's SuggestedRequest shape). */
export interface ExportScenario {
  name: string
  files: SourceFile[]
  requests?: { from: string; command: string; title?: { en: string } }[]
}

// Pinned upstream manifests, named in the script's text only: the playground itself never fetches anything.
// ingress-nginx: the controller version the engine models (dataplane/ingress/controller.ts CONTROLLER_IMAGE).
export const INGRESS_NGINX_VERSION = 'controller-v1.12.1'
export const METALLB_VERSION = 'v0.14.9'
// kind's node image for the Kubernetes version the playground's API objects follow.
export const KIND_NODE_IMAGE = 'kindest/node:v1.32.2'
const INGRESS_MANIFEST: Record<string, string> = {
  // deploy/static/provider/*: kind (hostPort on the node labelled ingress-ready=true), baremetal (NodePort), cloud (LoadBalancer)
  hostNetwork: `https://raw.githubusercontent.com/kubernetes/ingress-nginx/${INGRESS_NGINX_VERSION}/deploy/static/provider/kind/deploy.yaml`,
  nodePort: `https://raw.githubusercontent.com/kubernetes/ingress-nginx/${INGRESS_NGINX_VERSION}/deploy/static/provider/baremetal/deploy.yaml`,
  loadBalancer: `https://raw.githubusercontent.com/kubernetes/ingress-nginx/${INGRESS_NGINX_VERSION}/deploy/static/provider/cloud/deploy.yaml`,
}
const METALLB_MANIFEST = `https://raw.githubusercontent.com/metallb/metallb/${METALLB_VERSION}/config/manifests/metallb-native.yaml`

/** Documents `kubectl apply` cannot take on a kind cluster: the playground's own kind, and kube-proxy's settings. */
function playgroundOnly(doc: Record<string, unknown>): boolean {
  const meta = (doc.metadata ?? {}) as Record<string, unknown>
  if (doc.kind === 'Cluster' && doc.apiVersion === 'kube-hops.dev/v1alpha1') return true
  if (doc.kind === 'KubeProxyConfiguration') return true
  // kind writes its own kube-proxy ConfigMap; the mode goes into the kind config instead
  return doc.kind === 'ConfigMap' && meta.namespace === 'kube-system' && meta.name === 'kube-proxy'
}

/** The scenario's files as `kubectl apply` takes them: playground-only documents removed, comments kept. */
export function applicableFiles(files: SourceFile[]): SourceFile[] {
  const out: SourceFile[] = []
  for (const f of files) {
    let docs
    try { docs = parseAllDocuments(f.text) } catch { continue }
    const list = Array.isArray(docs) ? docs : [docs]
    const kept = list.filter((d) => {
      const v = d.errors.length === 0 ? (d.toJS() as unknown) : undefined
      return typeof v === 'object' && v !== null && !playgroundOnly(v as Record<string, unknown>)
    })
    if (kept.length === 0) continue
    const text = kept.map((d) => d.toString({ indentSeq: false, lineWidth: 0 })).map((t) => t.replace(/^---\n/, '')).join('---\n')
    out.push({ path: f.path, text })
  }
  return out
}

/** A word for bash in single quotes (a quote inside becomes '\''). */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/** kind names its nodes <cluster>-control-plane, <cluster>-worker, <cluster>-worker2, ... */
function kindNodeNames(cluster: Cluster, name: string): Map<string, string> {
  const names = new Map<string, string>()
  let cp = 0
  let worker = 0
  for (const n of cluster.nodes) {
    if (n.controlPlane) names.set(n.name, `${name}-control-plane${cp++ === 0 ? '' : cp}`)
    else names.set(n.name, `${name}-worker${worker++ === 0 ? '' : worker}`)
  }
  return names
}

/**
 * The nodes the scenario has powered off (what-if "Power off", the Cluster document's `ready: false`): their pods
 * stay bound to them and stop serving. A kind user gets that state by stopping the node's container once its pods are
 * up: the kubelet stops posting status, the node lifecycle controller sets Ready to Unknown after
 * node-monitor-grace-period and marks the node's pods not ready, so their endpoints leave the Services. Stopping it
 * earlier would be another scenario: the scheduler would place the pods elsewhere. A control-plane node is left
 * running: kind's API server is on it, and the script's next steps (kubectl exec) go through it.
 */
function poweredOff(cluster: Cluster, names: Map<string, string>, add: (...lines: string[]) => void): void {
  const off = cluster.nodes.filter((n) => !n.ready)
  if (off.length === 0) return
  add('# 3b. Powered off in the scenario. Its pods stay on the node and stop serving; on kind the same happens when the',
    '#     node\'s container stops after they came up (stopped earlier, the scheduler would put them elsewhere): the node',
    '#     lifecycle controller sets Ready to Unknown after node-monitor-grace-period and marks their pods not ready.')
  for (const n of off) {
    const kindName = names.get(n.name) ?? n.name
    if (n.controlPlane) {
      add(`# ${n.name} (${kindName}) is powered off in the scenario but stays up here: kind's API server runs on it.`)
      continue
    }
    // kubectl wait --for=condition=NAME=VALUE compares the condition's status with VALUE (wait.go; default True)
    add(`docker stop ${kindName}   # ${n.name} is powered off in the scenario`,
      `kubectl wait --for=condition=Ready=Unknown node/${kindName} --timeout=180s || true`)
  }
  add('')
}

export function heredocDelimiter(texts: string[]): string {
  for (let i = 0; ; i++) {
    const d = i === 0 ? 'KUBE_HOPS_EOF' : `KUBE_HOPS_EOF_${i}`
    if (!texts.some((t) => t.split('\n').includes(d))) return d
  }
}

/**
 * "Run it on a real cluster": a bash script that creates a kind cluster shaped like the scenario (its control planes
 * and workers with their labels, pod and Service subnets, kube-proxy mode), installs ingress-nginx and MetalLB when
 * the scenario uses them (pinned upstream manifests), applies the scenario's manifests, waits for them, and runs the
 * suggested requests from where they belong (kubectl exec into pods, a client pod for the workstation, docker exec
 * for nodes). The playground's LAN (192.168.100.0/24) becomes kind's docker network: node addresses are looked up,
 * other LAN addresses (MetalLB pools, LoadBalancer IPs) move to the kind network's top /24.
 */
export function kindScript(scenario: ExportScenario): string {
  const compiled = compileScenario(scenario.files)
  const cluster = compiled.cluster
  const clusterName = `kube-hops-${scenario.name.replace(/[^a-z0-9-]/g, '-').slice(0, 40) || 'scenario'}`
  const names = kindNodeNames(cluster, clusterName)
  const kinds = new Set(compiled.objects.map((o) => o.kind))
  const controller = compiled.objects.find((o) => o.kind === 'Cluster' && o.apiVersion === 'kube-hops.dev/v1alpha1')
  const ingressMode = ((controller?.body.spec as Record<string, unknown> | undefined)?.ingressController as Record<string, unknown> | undefined)?.mode
  const usesIngress = ingressMode !== undefined || kinds.has('Ingress')
  const mode = typeof ingressMode === 'string' && ingressMode in INGRESS_MANIFEST ? ingressMode : 'hostNetwork'
  const usesMetalLB = compiled.objects.some((o) => o.apiVersion.startsWith('metallb.io/'))
  const usesBGP = kinds.has('BGPPeer')
  const lanPrefix = cluster.nodes[0]?.ip.split('.').slice(0, 3).join('.') ?? '192.168.100'
  const files = applicableFiles(scenario.files)
  const delimiter = heredocDelimiter(files.map((f) => f.text))

  const L: string[] = []
  const add = (...lines: string[]) => L.push(...lines)
  add('#!/usr/bin/env bash',
    `# Kube Hops scenario "${scenario.name}" on a real cluster, made with kind (https://kind.sigs.k8s.io).`,
    '# Needs: docker, kind, kubectl. Creates the cluster below; delete it afterwards with:',
    `#   kind delete cluster --name ${clusterName}`,
    '# The playground fetches nothing; this script downloads the pinned upstream manifests named in it.',
    'set -euo pipefail', '',
    `CLUSTER=${clusterName}`, '')

  // 1. the cluster
  add('# 1. A kind cluster shaped like the scenario: its nodes (kind names them; the playground\'s names are in the',
    '#    comments), pod and Service subnets, and kube-proxy\'s mode.')
  add(`cat > "/tmp/$CLUSTER.kind.yaml" <<'${delimiter}'`,
    'kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4', `name: ${clusterName}`, 'networking:',
    `  podSubnet: "${cluster.config.podCIDR}"`, `  serviceSubnet: "${cluster.config.serviceCIDR}"`,
    `  kubeProxyMode: "${cluster.kubeProxy.mode}"`, 'nodes:')
  for (const n of cluster.nodes) {
    add(`- role: ${n.controlPlane ? 'control-plane' : 'worker'}   # ${n.name} (${n.ip}) -> ${names.get(n.name)}`,
      `  image: ${KIND_NODE_IMAGE}`)
    const labels = Object.entries(n.labels).filter(([k]) => !k.startsWith('kubernetes.io/') && !k.startsWith('node-role.kubernetes.io/') && !k.startsWith('node.kubernetes.io/') && !k.startsWith('beta.kubernetes.io/'))
    // kind's ingress-nginx manifest schedules on ingress-ready=true: the nodes the scenario's controller runs on
    if (usesIngress && mode === 'hostNetwork' && n.labels.ingress === 'true') labels.push(['ingress-ready', 'true'])
    if (labels.length) {
      add('  labels:')
      for (const [k, v] of labels) add(`    ${k}: ${JSON.stringify(v)}`)
    }
  }
  add(delimiter,
    `kind create cluster --config "/tmp/$CLUSTER.kind.yaml"`,
    `kubectl config use-context "kind-$CLUSTER"`, '')
  const cordoned = cluster.nodes.filter((n) => n.unschedulable)
  if (cordoned.length) add(...cordoned.map((n) => `kubectl cordon ${names.get(n.name)}   # ${n.name} is cordoned in the scenario`), '')

  // 2. add-ons
  if (usesMetalLB) {
    add('# 2a. MetalLB, as the scenario uses it. Its pools sit on the playground\'s LAN; on kind they move to the top /24',
      '#     of kind\'s docker network (LAN_PREFIX below).',
      `kubectl apply -f ${METALLB_MANIFEST}`,
      'kubectl wait -n metallb-system --for=condition=Available deployment/controller --timeout=180s',
      'kubectl wait -n metallb-system --for=condition=Ready pod -l app=metallb --timeout=180s')
    if (usesBGP) add('# The scenario announces over BGP to a router; kind has none, so sessions stay down until you add one',
      '# (an FRR container on the kind network, say) with the scenario\'s router address and AS.',
      'echo "note: BGPPeer needs a router on the kind network; see the comment above" >&2')
    add('')
  }
  if (usesIngress) {
    add(`# 2b. ingress-nginx ${INGRESS_NGINX_VERSION} in the scenario's deployment mode (${mode}).`,
      mode === 'hostNetwork' ? '#     kind\'s manifest listens on ports 80/443 of the node labelled ingress-ready=true (hostPort), as the tutorial\'s\n#     DaemonSet + hostNetwork does on its nodes.' : '#     Upstream\'s manifest for this mode.',
      `kubectl apply -f ${INGRESS_MANIFEST[mode]}`,
      'kubectl wait -n ingress-nginx --for=condition=Ready pod -l app.kubernetes.io/component=controller --timeout=300s', '')
  }

  // 3. the scenario's manifests
  add('# 3. The scenario\'s manifests (its Cluster document and kube-proxy settings are already in the kind config).',
    '# The playground\'s LAN addresses become kind network addresses on the way in. Images must be pullable by the kind',
    '# nodes (a private registry such as the tutorial\'s needs `kind load docker-image IMAGE --name $CLUSTER` first).',
    'KIND_SUBNET=$(docker network inspect kind -f \'{{(index .IPAM.Config 0).Subnet}}\')',
    'LAN_PREFIX=$(echo "$KIND_SUBNET" | awk -F. \'{print $1"."$2".255."}\')',
    'node_ip() { kubectl get node "$1" -o jsonpath=\'{.status.addresses[?(@.type=="InternalIP")].address}\'; }',
    'lan() {',
    '  sed \\',
  )
  for (const n of cluster.nodes) add(`    -e "s/\\b${n.ip.replace(/\./g, '\\.')}\\b/$(node_ip ${names.get(n.name)})/g" \\`)
  add(`    -e "s/\\b${lanPrefix.replace(/\./g, '\\.')}\\./$LAN_PREFIX/g"`, '}')
  for (const f of files) {
    add(`# ${f.path}`, `lan <<'${delimiter}' | kubectl apply -f -`, f.text.replace(/\n$/, ''), delimiter)
  }
  add('',
    'kubectl wait --for=condition=Available deployment --all -A --timeout=300s || true',
    'kubectl wait --for=condition=Ready pod --all -A --timeout=300s || true', '')
  poweredOff(cluster, names, add)

  // 4. the suggested requests
  const requests = scenario.requests ?? []
  if (requests.length) {
    add('# 4. The suggested requests, each from where the scenario sends it.')
    const client = cluster.clients[0]
    if (requests.some((r) => r.from.startsWith('client/'))) {
      add(`# The workstation (${client?.ip ?? 'outside'}) is a pod here, with its /etc/hosts entries as hostAliases.`,
        'cat <<EOF_CLIENT | kubectl apply -f -', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-hops-workstation', 'spec:')
      const hosts = Object.entries(client?.hosts ?? {})
      if (hosts.length) {
        add('  hostAliases:')
        for (const [host, ip] of hosts) add(`  - ip: "$(echo ${ip} | lan)"`, `    hostnames: ["${host}"]`)
      }
      add('  containers:', '  - name: shell', '    image: nicolaka/netshoot:v0.13', '    command: ["sleep", "infinity"]', 'EOF_CLIENT',
        'kubectl wait --for=condition=Ready pod/kube-hops-workstation --timeout=180s')
    }
    for (const r of requests) {
      add('', `echo ${shellQuote(`--- ${r.from} $ ${r.command}${r.title ? `  (${r.title.en})` : ''}`)}`)
      const cmd = `"$(echo ${shellQuote(r.command)} | lan)"`
      const [where, ...rest] = r.from.split('/')
      if (r.command.startsWith('kubectl ')) add(`eval ${cmd} || true`)
      else if (where === 'client') add(`kubectl exec kube-hops-workstation -- sh -c ${cmd} || true`)
      else if (where === 'node') add(`docker exec ${names.get(rest.join('/')) ?? rest.join('/')} sh -c ${cmd} || true`)
      else if (where === 'router') add('echo "(the scenario\'s router has no counterpart on kind)"')
      else {
        const [ns, pod] = rest.length ? [where, rest.join('/')] : ['default', where]
        add(`kubectl exec -n ${ns} ${pod} -- sh -c ${cmd} || true`)
      }
    }
  }
  add('', `echo "Done. Delete the cluster with: kind delete cluster --name $CLUSTER"`, '')
  return L.join('\n')
}
