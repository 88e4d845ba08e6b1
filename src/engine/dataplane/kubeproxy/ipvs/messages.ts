import type { MessageTable } from '../../../i18n/types'

/** Texts of the IPVS-mode hops (the rules that still live in iptables, the virtual-server lookup, the schedulers). */
export const ipvsMessages: MessageTable = {
  'kubeproxy.ipvs.scheduler': {
    en: 'IPVS scheduler "{scheduler}" is not simulated (rr, wrr, lc, wlc, sed, nq, sh and dh are): virtual servers show it, but connections are spread round robin.',
    zh: 'IPVS 调度算法 "{scheduler}" 未被模拟(支持 rr、wrr、lc、wlc、sed、nq、sh、dh):虚拟服务中会显示它,但连接按轮询分配。',
  },
  'kubeproxy.iptables.listmode': {
    en: 'In {mode} mode the playground shows kube-proxy\'s few iptables rules with `iptables -S` and `iptables-save`; `iptables -L` is drawn for iptables mode only.',
    zh: '{mode} 模式下,kube-proxy 保留的少量 iptables 规则请用 `iptables -S` 或 `iptables-save` 查看;`iptables -L` 只在 iptables 模式下提供。',
  },
  'ipvs.nf.accept': {
    en: '{dst}:{port} is in the ipset {set}: nat {hook} accepts the packet unchanged; it is addressed to kube-ipvs0 on {node}, where IPVS takes over at INPUT.',
    zh: '{dst}:{port} 在 ipset {set} 中:nat {hook} 原样接受数据包;目标地址在 {node} 的 kube-ipvs0 上,由 IPVS 在 INPUT 处接管。',
  },
  'ipvs.nf.mark.offcluster': {
    en: 'The source {src} is outside the pod network {cidr} and {dst} is in the ipset {set}: the packet is marked for masquerade.',
    zh: '源地址 {src} 不在 Pod 网段 {cidr} 内,且 {dst} 在 ipset {set} 中:数据包被打上伪装标记。',
  },
  'ipvs.nf.mark.nodeport': {
    en: 'Port {port} is in the ipset {set}: NodePort traffic with externalTrafficPolicy Cluster is marked for masquerade.',
    zh: '端口 {port} 在 ipset {set} 中:externalTrafficPolicy 为 Cluster 的 NodePort 流量被打上伪装标记。',
  },
  'ipvs.nf.mark.lb': {
    en: 'The load balancer address {dst} is in the ipset KUBE-LOAD-BALANCER: marked for masquerade.',
    zh: '负载均衡地址 {dst} 在 ipset KUBE-LOAD-BALANCER 中:被打上伪装标记。',
  },
  'ipvs.nf.mark.external': {
    en: 'The external IP {dst} is in the ipset KUBE-EXTERNAL-IP: marked for masquerade.',
    zh: '外部 IP {dst} 在 ipset KUBE-EXTERNAL-IP 中:被打上伪装标记。',
  },
  'ipvs.nf.mark.all': {
    en: '{dst} is a Service address and kube-proxy runs with masqueradeAll: marked for masquerade.',
    zh: '{dst} 是 Service 地址,且 kube-proxy 启用了 masqueradeAll:被打上伪装标记。',
  },
  'ipvs.nf.reject': {
    en: '{dst} is bound to kube-ipvs0 but no IPVS virtual server serves {proto}{port} there: KUBE-IPVS-FILTER rejects the new connection with ICMP port unreachable (k/k#72236).',
    zh: '{dst} 绑定在 kube-ipvs0 上,但没有 IPVS 虚拟服务提供 {proto}{port}:KUBE-IPVS-FILTER 以 ICMP 端口不可达拒绝该新连接(k/k#72236)。',
  },
  'ipvs.nf.drop': {
    en: 'The source {src} is not in the Service\'s loadBalancerSourceRanges: KUBE-SOURCE-RANGES-FIREWALL drops the packet to {dst}.',
    zh: '源地址 {src} 不在 Service 的 loadBalancerSourceRanges 中:KUBE-SOURCE-RANGES-FIREWALL 丢弃发往 {dst} 的数据包。',
  },
  'ipvs.lookup': {
    en: 'IPVS on {node}: one hash lookup of ({proto}, {vip}) finds the virtual server of {service}, scheduler {scheduler}, {servers} real servers.',
    zh: '{node} 上的 IPVS:对 ({proto}, {vip}) 做一次哈希查找,找到 {service} 的虚拟服务,调度算法 {scheduler},{servers} 个真实服务器。',
  },
  'ipvs.nodest': {
    en: 'The virtual server {vip} of {service} has no real server that can take a connection: IPVS answers ICMP port unreachable (ip_vs_leave).',
    zh: '{service} 的虚拟服务 {vip} 没有可接收连接的真实服务器:IPVS 回复 ICMP 端口不可达(ip_vs_leave)。',
  },
  'ipvs.sched.rr': {
    en: 'Round robin: {endpoint} (pod {pod}) is next in the list, position {position} of {of}. Masq forwarding rewrites the destination {from} to {endpoint}.',
    zh: '轮询(rr):列表中的下一个是 {endpoint}(Pod {pod}),第 {position}/{of} 个。Masq 转发把目标 {from} 改写为 {endpoint}。',
  },
  'ipvs.sched.wrr': {
    en: 'Weighted round robin: {endpoint} (pod {pod}) has weight {weight}, at least the current weight {cw}. Masq forwarding rewrites {from} to {endpoint}.',
    zh: '加权轮询(wrr):{endpoint}(Pod {pod})权重 {weight},不小于当前权重 {cw}。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.sched.lc': {
    en: 'Least connection: {endpoint} (pod {pod}) has the lowest overhead {overhead} (active {active} × 256 + inactive {inactive}). Masq forwarding rewrites {from} to {endpoint}.',
    zh: '最少连接(lc):{endpoint}(Pod {pod})开销最低,为 {overhead}(活动 {active} × 256 + 非活动 {inactive})。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.sched.wlc': {
    en: 'Weighted least connection: {endpoint} (pod {pod}) has the lowest overhead per weight ({overhead} / {weight}; active {active}, inactive {inactive}). Masq forwarding rewrites {from} to {endpoint}.',
    zh: '加权最少连接(wlc):{endpoint}(Pod {pod})的开销/权重最低({overhead} / {weight};活动 {active},非活动 {inactive})。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.sched.sed': {
    en: 'Shortest expected delay: {endpoint} (pod {pod}) has the lowest (active + 1) / weight = {overhead} / {weight}. Masq forwarding rewrites {from} to {endpoint}.',
    zh: '最短期望延迟(sed):{endpoint}(Pod {pod})的 (活动 + 1) / 权重 最低,为 {overhead} / {weight}。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.sched.nq.idle': {
    en: 'Never queue: {endpoint} (pod {pod}) is idle (no active connection), so it is taken at once. Masq forwarding rewrites {from} to {endpoint}.',
    zh: '永不排队(nq):{endpoint}(Pod {pod})空闲(没有活动连接),直接选中。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.sched.nq': {
    en: 'Never queue: no server is idle; {endpoint} (pod {pod}) has the lowest (active + 1) / weight = {overhead} / {weight}. Masq forwarding rewrites {from} to {endpoint}.',
    zh: '永不排队(nq):没有空闲服务器;{endpoint}(Pod {pod})的 (活动 + 1) / 权重 最低,为 {overhead} / {weight}。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.sched.sh': {
    en: 'Source hashing: the source {addr} hashes to bucket {bucket}, which holds {endpoint} (pod {pod}); the same source always lands there. Masq forwarding rewrites {from} to {endpoint}.',
    zh: '源地址哈希(sh):源地址 {addr} 哈希到第 {bucket} 个桶,对应 {endpoint}(Pod {pod});同一来源总是落在这里。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.sched.dh': {
    en: 'Destination hashing: the destination {addr} hashes to bucket {bucket}, which holds {endpoint} (pod {pod}). Masq forwarding rewrites {from} to {endpoint}.',
    zh: '目标地址哈希(dh):目标地址 {addr} 哈希到第 {bucket} 个桶,对应 {endpoint}(Pod {pod})。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.persist': {
    en: 'Persistence (sessionAffinity ClientIP, persistent {timeout}): the template for {src} sends it back to {endpoint} (pod {pod}), {seconds} s left. Masq forwarding rewrites {from} to {endpoint}.',
    zh: '持久连接(sessionAffinity ClientIP,persistent {timeout}):{src} 的连接模板把它送回 {endpoint}(Pod {pod}),剩余 {seconds} 秒。Masq 转发把 {from} 改写为 {endpoint}。',
  },
  'ipvs.masq.loopback': {
    en: 'Hairpin: the pod {from} reached itself through the Service; KUBE-LOOP-BACK matches and MASQUERADE rewrites the source {from} to {to} on {node}.',
    zh: '回环(hairpin):Pod {from} 经 Service 访问到了自己;KUBE-LOOP-BACK 匹配,MASQUERADE 在 {node} 上把源地址 {from} 改写为 {to}。',
  },
}
