import type { MessageTable } from '../../i18n/types'

export const kubeProxyMessages: MessageTable = {
  'kubeproxy.mode.unsupported': {
    en: 'kube-proxy mode "{mode}" is not simulated yet: only iptables mode is (IPVS and nftables come next). Nothing is sent through Services until then.',
    zh: 'kube-proxy 的 "{mode}" 模式尚未模拟:目前只支持 iptables 模式(IPVS 和 nftables 即将支持)。在此之前不会经由 Service 转发任何流量。',
  },
}
