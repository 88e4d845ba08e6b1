import { parse as parseYaml } from 'yaml'
import type { ManifestObject } from '../manifest/types'
import { parseCidr } from '../util/ip'
import { refOf, report, type BuildContext } from './context'
import { getBool, getObject, getString, getStringList, isObject, type Json } from './read'
import type { ClusterConfig, KubeProxySettings, ProxyMode } from './types'

// The modes kube-proxy accepts on Linux (pkg/proxy/apis/config/validation: "" means iptables).
const MODES = new Set(['iptables', 'ipvs', 'nftables'])
const DEFAULT_SCHEDULER = 'rr' // ipvs proxier: an empty scheduler means round robin

interface ConfigSource {
  config: Json
  obj: ManifestObject
  /** Field of `obj` the configuration lives in ('' for a KubeProxyConfiguration document). */
  field: string
}

/**
 * kube-proxy's effective settings. The mode comes from the first of: the caller's override (CLI --mode, the app's
 * switch), a KubeProxyConfiguration document, the kubeadm ConfigMap kube-system/kube-proxy (data["config.conf"]),
 * else iptables. The other settings come from the same configuration.
 */
export function readKubeProxy(objects: ManifestObject[], config: ClusterConfig, modeOverride: ProxyMode | undefined, ctx: BuildContext): KubeProxySettings {
  const settings: KubeProxySettings = {
    mode: 'iptables',
    modeSource: 'default',
    ipvsScheduler: DEFAULT_SCHEDULER,
    masqueradeAll: false,
    clusterCIDR: config.podCIDR,
    nodePortAddresses: [],
  }
  const fromDoc = objects.find((o) => o.kind === 'KubeProxyConfiguration')
  const fromMap = objects.find((o) => o.kind === 'ConfigMap' && o.namespace === 'kube-system' && o.name === 'kube-proxy')
  let source: ConfigSource | undefined
  if (fromDoc) source = { config: fromDoc.body, obj: fromDoc, field: '' }
  const mapConfig = fromMap ? readConfigMap(fromMap, ctx) : undefined
  if (!source && mapConfig && fromMap) source = { config: mapConfig, obj: fromMap, field: 'data.config.conf' }

  // The mode: the first level that names a valid one (an unknown mode is reported and that level skipped).
  const levels: ConfigSource[] = []
  if (fromDoc) levels.push({ config: fromDoc.body, obj: fromDoc, field: '' })
  if (mapConfig && fromMap) levels.push({ config: mapConfig, obj: fromMap, field: 'data.config.conf' })
  for (const level of levels) {
    const mode = getString(level.config, 'mode') ?? ''
    if (mode === '') continue
    if (!MODES.has(mode)) {
      report(ctx, 'cluster.kubeProxy.unknownMode', 'error', { mode }, level.obj, level.field || 'mode')
      continue
    }
    if (settings.modeSource === 'default') {
      settings.mode = mode as ProxyMode
      settings.modeSource = level.field ? 'configmap' : 'config'
    }
  }

  if (source) {
    settings.source = refOf(source.obj)
    const at = (f: string) => (source!.field ? source!.field : f)
    const scheduler = getString(source.config, 'ipvs', 'scheduler')
    if (scheduler) settings.ipvsScheduler = scheduler
    // masqueradeAll lives under the mode's own section (KubeProxyIPTablesConfiguration / KubeProxyNFTablesConfiguration).
    const section = settings.mode === 'nftables' ? 'nftables' : 'iptables'
    settings.masqueradeAll = getBool(source.config, section, 'masqueradeAll') ?? getBool(source.config, 'iptables', 'masqueradeAll') ?? false
    const clusterCIDR = getString(source.config, 'clusterCIDR')
    if (clusterCIDR) {
      // A comma-separated list for dual-stack; the IPv4 one is ours.
      const v4 = clusterCIDR.split(',').map((c) => c.trim()).find((c) => parseCidr(c))
      if (v4) settings.clusterCIDR = parseCidr(v4)!.text
      else report(ctx, 'cluster.kubeProxy.badClusterCidr', 'error', { value: clusterCIDR }, source.obj, at('clusterCIDR'))
    }
    settings.nodePortAddresses = getStringList(source.config, 'nodePortAddresses')
  }
  if (modeOverride) {
    settings.mode = modeOverride
    settings.modeSource = 'override'
  }
  return settings
}

/** kubeadm keeps the KubeProxyConfiguration as YAML text in data["config.conf"]. */
function readConfigMap(obj: ManifestObject, ctx: BuildContext): Json | undefined {
  const data = getObject(obj.body, 'data')
  const text = data ? data['config.conf'] : undefined
  if (typeof text !== 'string') return undefined
  try {
    const parsed: unknown = parseYaml(text, { prettyErrors: false })
    if (isObject(parsed)) return parsed
    report(ctx, 'cluster.kubeProxy.badConfigMap', 'error', { detail: 'not a mapping' }, obj, 'data.config.conf')
  } catch (e) {
    report(ctx, 'cluster.kubeProxy.badConfigMap', 'error', { detail: String((e as Error).message).split('\n')[0] }, obj, 'data.config.conf')
  }
  return undefined
}
