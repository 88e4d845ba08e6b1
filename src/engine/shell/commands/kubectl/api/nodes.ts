import type { ClusterNode } from '../../../../cluster/types'
import { SCENARIO_EPOCH_MS } from '../../../../core/clock'
import { SYSTEM_AGE_AT_LOAD_MS, SYSTEM_NAMESPACES } from '../../../../cluster/build'
import { compact, type ApiContext, type Json } from './context'
import { meta, rfc3339, uidOf, type ApiObject } from './meta'

// The lab's machines and system namespaces were set up before the scenario's objects (cluster/build.ts).
const SYSTEM_CREATED_AT = SCENARIO_EPOCH_MS - SYSTEM_AGE_AT_LOAD_MS

/**
 * What the lab's machines report about themselves (kubelet's node status): the playground models a kubeadm
 * cluster of this release on Ubuntu with containerd.
 */
export const NODE_INFO = {
  kubeletVersion: 'v1.33.1',
  osImage: 'Ubuntu 24.04.2 LTS',
  kernelVersion: '6.8.0-60-generic',
  containerRuntimeVersion: 'containerd://1.7.27',
  architecture: 'amd64',
  operatingSystem: 'linux',
}

// Labels kubelet sets on its own Node (kubelet_node_status.go initialNode) and kubeadm's control-plane labels.
function nodeLabels(node: ClusterNode): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': NODE_INFO.architecture,
    'beta.kubernetes.io/os': NODE_INFO.operatingSystem,
    'kubernetes.io/arch': NODE_INFO.architecture,
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': NODE_INFO.operatingSystem,
  }
  if (node.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = ''
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = ''
  }
  return { ...labels, ...node.labels }
}

// kubelet nodeStatusReportFrequency (5m): the Ready heartbeat is at most five minutes old while the node is up.
const REPORT_FREQUENCY_MS = 5 * 60 * 1000

export function nodeObject(node: ClusterNode, nowMs: number): ApiObject {
  const at = rfc3339(SYSTEM_CREATED_AT)
  const heartbeat = rfc3339(node.ready ? nowMs - ((nowMs - SYSTEM_CREATED_AT) % REPORT_FREQUENCY_MS) : SYSTEM_CREATED_AT)
  const m = meta('Node', node.name, undefined, SYSTEM_CREATED_AT, nodeLabels(node), {
    'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  })
  const cond = (type: string, status: string, reason: string, message: string): Json =>
    ({ lastHeartbeatTime: heartbeat, lastTransitionTime: at, message, reason, status, type })
  const pressure = (type: string, reason: string, what: string) => cond(type, node.ready ? 'False' : 'Unknown',
    node.ready ? reason : 'NodeStatusUnknown', node.ready ? `kubelet has ${what}` : 'Kubelet stopped posting node status.')
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: m,
    spec: compact({
      podCIDR: node.podCIDR || undefined,
      podCIDRs: node.podCIDR ? [node.podCIDR] : undefined,
      taints: node.taints.length ? node.taints.map((t) => compact({ effect: t.effect, key: t.key, value: t.value })) : undefined,
      unschedulable: node.unschedulable ? true : undefined,
    }),
    status: {
      addresses: [{ address: node.ip, type: 'InternalIP' }, { address: node.name, type: 'Hostname' }],
      conditions: [
        pressure('MemoryPressure', 'KubeletHasSufficientMemory', 'sufficient memory available'),
        pressure('DiskPressure', 'KubeletHasNoDiskPressure', 'no disk pressure'),
        pressure('PIDPressure', 'KubeletHasSufficientPID', 'sufficient PID available'),
        node.ready
          ? cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
          : cond('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'),
      ],
      nodeInfo: {
        architecture: NODE_INFO.architecture,
        bootID: uidOf(`boot:${node.name}`),
        containerRuntimeVersion: NODE_INFO.containerRuntimeVersion,
        kernelVersion: NODE_INFO.kernelVersion,
        kubeProxyVersion: '',
        kubeletVersion: NODE_INFO.kubeletVersion,
        machineID: uidOf(`machine:${node.name}`).replace(/-/g, ''),
        operatingSystem: NODE_INFO.operatingSystem,
        osImage: NODE_INFO.osImage,
        systemUUID: uidOf(`system:${node.name}`),
      },
    },
  }
}

export function nodeObjects(ctx: ApiContext, nowMs: number): ApiObject[] {
  return ctx.cluster.nodes.map((n) => nodeObject(n, nowMs))
}


export function namespaceObjects(ctx: ApiContext): ApiObject[] {
  const names = [...new Set([...SYSTEM_NAMESPACES, ...ctx.cluster.namespaces])].sort()
  return names.map((name) => {
    const created = SYSTEM_NAMESPACES.includes(name) ? SYSTEM_CREATED_AT : 0
    const m = meta('Namespace', name, undefined, created, { 'kubernetes.io/metadata.name': name })
    return { apiVersion: 'v1', kind: 'Namespace', metadata: m, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }
  })
}
