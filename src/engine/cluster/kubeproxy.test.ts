import { describe, expect, it } from 'vitest'
import { parseManifests } from '../manifest/parse'
import type { ProxyMode } from './types'
import { buildCluster } from './build'

const DOC = (body: string) => `---\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n${body}\n`
// kubeadm stores the configuration as text under data["config.conf"] of kube-system/kube-proxy.
const MAP = (conf: string) => `---
apiVersion: v1
kind: ConfigMap
metadata: {name: kube-proxy, namespace: kube-system}
data:
  config.conf: |
${conf.split('\n').map((l) => `    ${l}`).join('\n')}
`

function proxy(yaml: string, modeOverride?: ProxyMode) {
  const { objects } = parseManifests([{ path: 'kp.yaml', text: yaml }])
  const { cluster, diagnostics } = buildCluster(objects, modeOverride ? { modeOverride } : {})
  return { settings: cluster.kubeProxy, diagnostics }
}

describe('kube-proxy settings: override > KubeProxyConfiguration > kube-proxy ConfigMap > iptables', () => {
  it.each([
    { case: 'nothing written', yaml: '', override: undefined, mode: 'iptables', source: 'default' },
    { case: 'ConfigMap mode ipvs (the tutorial\'s kubectl edit cm kube-proxy)', yaml: MAP('apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: "ipvs"\nipvs:\n  scheduler: "rr"'), override: undefined, mode: 'ipvs', source: 'configmap' },
    { case: 'ConfigMap mode "" means iptables', yaml: MAP('mode: ""'), override: undefined, mode: 'iptables', source: 'default' },
    { case: 'document beats ConfigMap', yaml: MAP('mode: ipvs') + DOC('mode: nftables'), override: undefined, mode: 'nftables', source: 'config' },
    { case: 'document without a mode falls through to the ConfigMap', yaml: MAP('mode: ipvs') + DOC('ipvs: {scheduler: lc}'), override: undefined, mode: 'ipvs', source: 'configmap' },
    { case: 'override beats everything', yaml: MAP('mode: ipvs') + DOC('mode: nftables'), override: 'iptables' as const, mode: 'iptables', source: 'override' },
  ])('$case', ({ yaml, override, mode, source }) => {
    const { settings } = proxy(yaml, override)
    expect([settings.mode, settings.modeSource]).toEqual([mode, source])
  })

  it('reads scheduler, masqueradeAll, clusterCIDR and nodePortAddresses from the configuration in effect', () => {
    const { settings } = proxy(DOC('mode: ipvs\nipvs: {scheduler: wlc}\niptables: {masqueradeAll: true}\nclusterCIDR: 10.244.0.0/16,fd00::/48\nnodePortAddresses: [192.168.100.0/24]'))
    expect(settings).toMatchObject({ ipvsScheduler: 'wlc', masqueradeAll: true, clusterCIDR: '10.244.0.0/16', nodePortAddresses: ['192.168.100.0/24'] })
  })

  it('defaults: rr scheduler, no masqueradeAll, clusterCIDR = the Cluster podCIDR, every node address for NodePorts', () => {
    expect(proxy('apiVersion: kube-hops.dev/v1alpha1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podCIDR: 172.16.0.0/16}\n').settings).toEqual({
      mode: 'iptables', modeSource: 'default', ipvsScheduler: 'rr', masqueradeAll: false, clusterCIDR: '172.16.0.0/16', nodePortAddresses: [],
    })
  })

  it('an unknown mode in the ConfigMap is an error on its config.conf, and iptables stays', () => {
    const { settings, diagnostics } = proxy(MAP('mode: userspace'))
    expect(settings.mode).toBe('iptables')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'cluster.kubeProxy.unknownMode', severity: 'error', params: { mode: 'userspace' }, range: expect.objectContaining({ startLine: 6 }) })])
  })

  it('a config.conf that is not YAML is an error on that ConfigMap', () => {
    const { settings, diagnostics } = proxy(MAP('mode: [ipvs'))
    expect(settings.mode).toBe('iptables')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'cluster.kubeProxy.badConfigMap', range: expect.objectContaining({ startLine: 6 }) })])
  })

  it('the kube-proxy ConfigMap also stays readable in cluster.others', () => {
    const { objects } = parseManifests([{ path: 'kp.yaml', text: MAP('mode: ipvs') }])
    expect(buildCluster(objects, {}).cluster.others.map((o) => o.id)).toEqual(['ConfigMap/kube-system/kube-proxy'])
  })
})
