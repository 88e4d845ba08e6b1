import type { MessageTable } from '../../../i18n/types'

/** Texts of the nftables-mode hops. */
export const nftMessages: MessageTable = {
  'nft.map.hit': {
    en: 'One lookup of {key} in the verdict map @{map} finds an element: goto {chain}.',
    zh: '在判决映射 @{map} 中查找 {key} 一次,命中元素:goto {chain}。',
  },
  'nft.numgen': {
    en: 'numgen random mod {n} drew {draw}: goto {chain}.',
    zh: 'numgen random mod {n} 抽到 {draw}:goto {chain}。',
  },
  'nft.affinity': {
    en: 'Session affinity: {src} is in the set @{set} ({seconds} s left), so it goes back to the same endpoint.',
    zh: '会话亲和:{src} 在集合 @{set} 中(剩余 {seconds} 秒),因此回到同一个端点。',
  },
  'nft.mark.external': {
    en: 'Traffic to {service} from outside (externalTrafficPolicy Cluster) is marked for masquerade.',
    zh: '从外部访问 {service} 的流量(externalTrafficPolicy 为 Cluster)被打上伪装标记。',
  },
  'nft.noendpoints.reject': {
    en: '{key} is in @{map} ({service} has no endpoints): goto reject-chain, rejected with ICMP port unreachable.',
    zh: '{key} 在 @{map} 中({service} 没有端点):goto reject-chain,以 ICMP 端口不可达拒绝。',
  },
  'nft.noendpoints.drop': {
    en: '{key} is in @{map} ({service} has no local endpoints for this traffic policy): dropped.',
    zh: '{key} 在 @{map} 中({service} 在此流量策略下没有本地端点):丢弃。',
  },
  'nft.clusterip.badport': {
    en: '{dst} is an active ClusterIP but no Service port {proto} {port} is on it: rejected ("Reject traffic to invalid ports of ClusterIPs").',
    zh: '{dst} 是有效的 ClusterIP,但其上没有 {proto} {port} 端口的 Service:拒绝("Reject traffic to invalid ports of ClusterIPs")。',
  },
  'nft.clusterip.unallocated': {
    en: '{dst} is in the Service CIDR but no Service has it: dropped ("Drop traffic to unallocated ClusterIPs").',
    zh: '{dst} 在 Service 网段内但未分配给任何 Service:丢弃("Drop traffic to unallocated ClusterIPs")。',
  },
  'nft.nomatch': {
    en: 'No element of the kube-proxy table\'s maps matched on {node} ({rules} rules evaluated): the packet passes unchanged.',
    zh: '{node} 上 kube-proxy 表的映射中没有元素匹配(检查了 {rules} 条规则):数据包原样通过。',
  },
}
