import { describe, expect, it } from 'vitest'
import { compileScenario } from '../engine/scenario'
import type { ProxyMode } from '../engine/cluster/types'
import { NEW_CONFIG_FILE, setProxyMode } from './proxyMode'

const configDoc = (modeLine: string) =>
  `# our proxy\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n${modeLine}ipvs:\n  scheduler: rr\n`

// kubeadm's ConfigMap, as `kubectl get cm kube-proxy -n kube-system -o yaml` prints it (trimmed).
const configMap = (modeLine: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-proxy
  namespace: kube-system
data:
  config.conf: |-
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    ipvs:
      scheduler: ""
${modeLine}    nodePortAddresses: null
`

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n'

describe('setProxyMode', () => {
  const cases: { name: string; files: { path: string; text: string }[]; mode: ProxyMode; want: { path: string; text: string }[]; source: string }[] = [
    {
      name: 'a KubeProxyConfiguration document: its mode value changes, nothing else',
      files: [{ path: 'kp.yaml', text: configDoc('mode: iptables\n') }], mode: 'ipvs',
      want: [{ path: 'kp.yaml', text: configDoc('mode: ipvs\n') }], source: 'config',
    },
    {
      name: 'a quoted mode keeps its quotes',
      files: [{ path: 'kp.yaml', text: configDoc('mode: "iptables"\n') }], mode: 'nftables',
      want: [{ path: 'kp.yaml', text: configDoc('mode: "nftables"\n') }], source: 'config',
    },
    {
      name: 'a document without a mode gets one after its kind',
      files: [{ path: 'kp.yaml', text: configDoc('') }], mode: 'ipvs',
      want: [{ path: 'kp.yaml', text: '# our proxy\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\nipvs:\n  scheduler: rr\n' }],
      source: 'config',
    },
    {
      name: 'the kubeadm ConfigMap: the tutorial\'s edit, mode: "" becomes mode: "ipvs"',
      files: [{ path: 'cm.yaml', text: configMap('    mode: ""\n') }], mode: 'ipvs',
      want: [{ path: 'cm.yaml', text: configMap('    mode: "ipvs"\n') }], source: 'configmap',
    },
    {
      name: 'a ConfigMap without a mode line gets one at the top of config.conf',
      files: [{ path: 'cm.yaml', text: configMap('') }], mode: 'ipvs',
      want: [{ path: 'cm.yaml', text: configMap('').replace('  config.conf: |-\n', '  config.conf: |-\n    mode: "ipvs"\n') }],
      source: 'configmap',
    },
    {
      name: 'no configuration at all: a new file holding a KubeProxyConfiguration',
      files: [{ path: 'app.yaml', text: pod }], mode: 'nftables',
      want: [{ path: 'app.yaml', text: pod }, {
        path: NEW_CONFIG_FILE,
        text: "# kube-proxy's configuration (kubeproxy.config.k8s.io/v1alpha1), written by the mode switch.\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables\n",
      }],
      source: 'config',
    },
  ]
  for (const tc of cases) {
    it(tc.name, () => {
      const out = setProxyMode(tc.files, tc.mode)
      expect(out).toEqual(tc.want)
      // The engine reads the mode back from where the switch wrote it.
      const kp = compileScenario(out).cluster.kubeProxy
      expect([kp.mode, kp.modeSource]).toEqual([tc.mode, tc.source])
    })
  }

  it('leaves the input untouched and the other files as they were', () => {
    const files = [{ path: 'a.yaml', text: pod }, { path: 'kp.yaml', text: configDoc('mode: iptables\n') }]
    const copy = structuredClone(files)
    const out = setProxyMode(files, 'ipvs')
    expect(files).toEqual(copy)
    expect(out[0]).toBe(files[0])
  })
})
