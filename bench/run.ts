/**
 * `npm run bench`: the engine's benchmarks, printed as JSON. kube-proxy at the tutorial's scale first
 * (1000 Services x 10 pods): { compileMs, rules, rulesEvaluatedPerTrace, traceMs, ... }, and the three proxy
 * modes side by side (kubeProxyModes: rules evaluated per trace in iptables, IPVS and nftables mode).
 */
import { runKubeProxyBench } from './kubeproxy.bench'
import { runDnsBench } from './dns.bench'
import { runKubectlBench } from './kubectl.bench'
import { runKubeProxyModesBench } from './kubeproxy-modes.bench'

console.log(JSON.stringify({ kubeproxy: runKubeProxyBench(1000, 10), dns: runDnsBench(1000, 10), kubectl: runKubectlBench(1000, 10), kubeProxyModes: runKubeProxyModesBench(1000, 10) }, null, 2))
