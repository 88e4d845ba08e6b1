import type { MessageTable } from '../../i18n/types'

export const kubeProxyMessages: MessageTable = {
  'kubeproxy.mode.unsupported': {
    en: 'kube-proxy mode "{mode}" is not simulated: only iptables, ipvs and nftables are. Nothing is sent through Services.',
    zh: 'kube-proxy 的 "{mode}" 模式未被模拟:只支持 iptables、ipvs 和 nftables。不会经由 Service 转发任何流量。',
  },
}
