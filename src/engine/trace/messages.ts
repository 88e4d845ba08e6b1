import type { MessageTable } from '../i18n/types'

/** The sentences of the packet walk: one per kind of decision, in the words of what the real component does. */
export const traceMessages: MessageTable = {
  // netfilter, rule by rule
  'trace.nf.portals': {
    en: '{table} {hook} sends every packet through kube-proxy\'s {target} chain.',
    zh: '{table} 表的 {hook} 链把每个数据包交给 kube-proxy 的 {target} 链。',
  },
  'trace.nf.service': {
    en: '{dst} is the {kind} of {service}: on to its chain {target}.',
    zh: '{dst} 是 {service} 的 {kind}:转到它的链 {target}。',
  },
  'trace.nf.nodeports': {
    en: '{dst} is one of this node\'s own addresses, so the last rule of KUBE-SERVICES hands the packet to KUBE-NODEPORTS.',
    zh: '{dst} 是本节点自己的地址,KUBE-SERVICES 的最后一条规则把数据包交给 KUBE-NODEPORTS。',
  },
  'trace.nf.nodeport': {
    en: 'Port {port} is the NodePort of {service}: on to {target}.',
    zh: '端口 {port} 是 {service} 的 NodePort:转到 {target}。',
  },
  'trace.nf.masq.external': {
    en: 'externalTrafficPolicy is Cluster: traffic for an external destination of {service} is marked for masquerade, because the endpoint may be on another node and its reply must come back through {node}.',
    zh: 'externalTrafficPolicy 为 Cluster:发往 {service} 外部地址的流量被打上伪装标记,因为后端可能在别的节点上,回包必须经过 {node} 返回。',
  },
  'trace.nf.masq.local': {
    en: 'The packet comes from this node itself ({node}): it is marked for masquerade.',
    zh: '数据包来自本节点({node})自身:打上伪装标记。',
  },
  'trace.nf.masq.offcluster': {
    en: 'The source {src} is outside the pod network {cidr}: the packet is marked for masquerade, so the reply returns through this node.',
    zh: '源地址 {src} 不在 Pod 网段 {cidr} 内:打上伪装标记,使回包经本节点返回。',
  },
  'trace.nf.masq.hairpin': {
    en: 'The packet comes from the chosen endpoint itself ({src}): hairpin traffic is marked for masquerade, or the pod would answer itself directly.',
    zh: '数据包正来自被选中的后端自身({src}):回环(hairpin)流量被打上伪装标记,否则 Pod 会直接回复自己。',
  },
  'trace.nf.masq.all': {
    en: 'kube-proxy runs with --masquerade-all: every packet to {service} is marked for masquerade.',
    zh: 'kube-proxy 以 --masquerade-all 运行:发往 {service} 的所有数据包都打上伪装标记。',
  },
  'trace.nf.mark': {
    en: 'Mark {mark} set: POSTROUTING will masquerade this connection.',
    zh: '设置标记 {mark}:POSTROUTING 将对这个连接做伪装(SNAT)。',
  },
  'trace.nf.unmark': {
    en: 'Mark {mark} cleared, so the packet is not masqueraded twice if it passes the stack again.',
    zh: '清除标记 {mark},避免数据包再次经过协议栈时被重复伪装。',
  },
  'trace.nf.nomasq': {
    en: 'No masquerade mark: the source address {src} is kept.',
    zh: '没有伪装标记:保留源地址 {src}。',
  },
  'trace.nf.statistic.hit': {
    en: 'Random draw {draw} is below the probability {p}: endpoint {endpoint} is chosen.',
    zh: '随机数 {draw} 小于概率 {p}:选中后端 {endpoint}。',
  },
  'trace.nf.statistic.miss': {
    en: 'Random draw {draw} is not below the probability {p}: not {endpoint}, on to the next rule.',
    zh: '随机数 {draw} 不小于概率 {p}:不选 {endpoint},继续下一条规则。',
  },
  'trace.nf.endpoint.last': {
    en: 'The last rule matches whatever is left: endpoint {endpoint}.',
    zh: '最后一条规则匹配剩下的所有流量:后端 {endpoint}。',
  },
  'trace.nf.endpoint.only': {
    en: '{service} has a single endpoint, so there is nothing to draw: {endpoint}.',
    zh: '{service} 只有一个后端,无需随机选择:{endpoint}。',
  },
  'trace.nf.affinity': {
    en: 'Session affinity: {src} was sent to {endpoint} {age} s ago (within {seconds} s), so it goes there again.',
    zh: '会话保持:{src} 在 {age} 秒前被发往 {endpoint}({seconds} 秒之内),这次仍发往它。',
  },
  'trace.nf.dnat': {
    en: 'DNAT: destination {from} rewritten to {to} (pod {pod}).',
    zh: 'DNAT:目标 {from} 改写为 {to}(Pod {pod})。',
  },
  'trace.nf.dnat.affinity': {
    en: 'DNAT: destination {from} rewritten to {to} (pod {pod}); the client is remembered for session affinity.',
    zh: 'DNAT:目标 {from} 改写为 {to}(Pod {pod});同时记录客户端,用于会话保持。',
  },
  'trace.nf.fw.allow': {
    en: 'The source {src} is inside loadBalancerSourceRanges ({cidr}): allowed.',
    zh: '源地址 {src} 在 loadBalancerSourceRanges({cidr})之内:放行。',
  },
  'trace.nf.fw.fallthrough': {
    en: '{src} is in none of the loadBalancerSourceRanges of {service}: the packet is not DNATed, and KUBE-PROXY-FIREWALL drops it.',
    zh: '{src} 不在 {service} 的任何 loadBalancerSourceRanges 中:不做 DNAT,随后被 KUBE-PROXY-FIREWALL 丢弃。',
  },
  'trace.nf.ext.pod': {
    en: 'Pod traffic to an external address of {service} is not subject to externalTrafficPolicy: on to all endpoints ({target}).',
    zh: 'Pod 发往 {service} 外部地址的流量不受 externalTrafficPolicy 约束:转到全部后端({target})。',
  },
  'trace.nf.ext.local': {
    en: 'Traffic from this node to an external address of {service} goes to all endpoints ({target}).',
    zh: '本节点发往 {service} 外部地址的流量转到全部后端({target})。',
  },
  'trace.nf.ext.policy.local': {
    en: 'externalTrafficPolicy is Local: only this node\'s endpoints ({target}); the client address is kept.',
    zh: 'externalTrafficPolicy 为 Local:只用本节点上的后端({target});保留客户端地址。',
  },
  'trace.nf.ext.policy.cluster': {
    en: 'On to the endpoints of {service} ({target}).',
    zh: '转到 {service} 的后端({target})。',
  },
  'trace.nf.jump': { en: '{chain} jumps to {target}.', zh: '{chain} 跳转到 {target}。' },
  'trace.nf.accept': { en: 'Accepted by {chain} ({why}).', zh: '被 {chain} 接受({why})。' },
  'trace.nf.drop': {
    en: '{why}: the packet is dropped, and the client waits until it times out.',
    zh: '{why}:数据包被丢弃,客户端一直等到超时。',
  },
  'trace.nf.reject': {
    en: '{why}: rejected with ICMP port unreachable, which the client reports as connection refused.',
    zh: '{why}:以 ICMP 端口不可达拒绝,客户端看到的是连接被拒绝(connection refused)。',
  },
  'trace.nf.rejected': { en: 'Rejected by a filter rule.', zh: '被 filter 规则拒绝。' },
  'trace.nf.dropped': { en: 'Dropped by a filter rule.', zh: '被 filter 规则丢弃。' },
  'trace.nf.masquerade': {
    en: 'MASQUERADE: source {from} rewritten to {to}, the address of {dev} on {node} (--random-fully also picks a new source port).',
    zh: 'MASQUERADE:源地址 {from} 改写为 {to},即 {node} 上 {dev} 的地址(--random-fully 同时随机选择新的源端口)。',
  },
  'trace.nf.nomatch': {
    en: 'No kube-proxy rule matched in the nat table\'s {hook} on {node} ({rules} rules evaluated): the packet passes unchanged.',
    zh: '{node} 的 nat 表 {hook} 中没有 kube-proxy 规则匹配(检查了 {rules} 条规则):数据包原样通过。',
  },
  // where packets come from and go
  'trace.source.unknown': { en: 'There is no {from} in this scenario.', zh: '本场景中没有 {from}。' },
  'trace.source.pod': {
    en: '{pod} sends to {dst}; the packet leaves the pod through its veth and enters {node}\'s stack at PREROUTING.',
    zh: '{pod} 向 {dst} 发送;数据包经 veth 离开 Pod,从 PREROUTING 进入 {node} 的协议栈。',
  },
  'trace.source.host': {
    en: '{who} sends to {dst} from {src}; a packet made on the node itself goes through OUTPUT.',
    zh: '{who} 从 {src} 向 {dst} 发送;节点自身产生的数据包经过 OUTPUT 链。',
  },
  'trace.route.tonode': {
    en: '{from} sends the packet to {dst}, the address of {node}, over the lab network.',
    zh: '{from} 通过实验网络把数据包发往 {dst},即 {node} 的地址。',
  },
  'trace.route.external': {
    en: '{from} sends the packet to {dst}; {node} answers ARP for that address, so the packet arrives there.',
    zh: '{from} 把数据包发往 {dst};{node} 响应该地址的 ARP,于是数据包到达它。',
  },
  'trace.route.noroute': {
    en: '{from} has no route to {dst}: pod and Service addresses exist only inside the cluster, so the packet goes to the default gateway and is lost.',
    zh: '{from} 没有到 {dst} 的路由:Pod 和 Service 地址只在集群内部存在,数据包被发往默认网关后丢失。',
  },
  'trace.route.local': {
    en: '{node} delivers {dst} over the cni0 bridge to the pod on this node ({route}).',
    zh: '{node} 经 cni0 网桥把数据包交给本节点上的 Pod {dst}({route})。',
  },
  'trace.route.remote': {
    en: '{node} routes {dst} to {via} ({route}).',
    zh: '{node} 把 {dst} 路由到 {via}({route})。',
  },
  'trace.route.out': { en: '{node} sends {dst} out of eth0 ({route}).', zh: '{node} 从 eth0 发出 {dst}({route})。' },
  'trace.route.nohost': {
    en: 'No machine has the address {dst}: ARP gets no answer and the connection times out.',
    zh: '没有任何机器拥有地址 {dst}:ARP 得不到回应,连接超时。',
  },
  'trace.route.vip': {
    en: '{dst} is the cluster IP of {service}, but no rule translated this packet (kube-proxy\'s iptables rules match only the Service\'s protocol and ports) and no interface owns the address: {node} sends it to the default gateway, where it is lost.',
    zh: '{dst} 是 {service} 的 ClusterIP,但没有规则转换这个数据包(kube-proxy 的 iptables 规则只匹配该 Service 的协议和端口),也没有任何网卡拥有这个地址:{node} 把它发往默认网关,数据包就此丢失。',
  },
  'trace.loop': { en: 'The packet went round in circles and was given up.', zh: '数据包在节点之间兜圈,被放弃。' },
  // delivery and replies
  'trace.pod.deliver': {
    en: 'Delivered to {pod} ({ip}), which listens on {port}/{proto}; it sees the connection coming from {src}.',
    zh: '送达 {pod}({ip}),它在 {port}/{proto} 上监听;它看到连接来自 {src}。',
  },
  'trace.pod.refused': {
    en: 'Nothing in {pod} ({ip}) listens on {port}/{proto}: it answers with a TCP RST (connection refused).',
    zh: '{pod}({ip})中没有进程监听 {port}/{proto}:它回复 TCP RST(连接被拒绝)。',
  },
  'trace.node.deliver': { en: 'A process on {node} listens on port {port} and accepts.', zh: '{node} 上有进程监听端口 {port},接受连接。' },
  'trace.node.refused': {
    en: 'Nothing on {node} listens on {port}/{proto}: connection refused.',
    zh: '{node} 上没有进程监听 {port}/{proto}:连接被拒绝。',
  },
  'trace.outside.refused': { en: 'Nothing on {who} listens on port {port}: connection refused.', zh: '{who} 上没有进程监听端口 {port}:连接被拒绝。' },
  'trace.http.answer': { en: '{pod} answers HTTP {status} {reason}.', zh: '{pod} 返回 HTTP {status} {reason}。' },
  'trace.icmp.reply': { en: '{who} answers the ICMP echo request for {dst}.', zh: '{who} 回应了发往 {dst} 的 ICMP 回显请求。' },
  'trace.reply.send': { en: 'The reply leaves {src} for {dst}.', zh: '回包从 {src} 发往 {dst}。' },
  'trace.reply.forward': {
    en: 'conntrack on {node} knows this flow and forwards the reply unchanged.',
    zh: '{node} 上的 conntrack 认识这条连接,原样转发回包。',
  },
  'trace.reply.undnat': {
    en: 'conntrack on {node} undoes the DNAT: the reply\'s source {from} becomes {to}, the address the client asked for.',
    zh: '{node} 上的 conntrack 撤销 DNAT:回包的源地址 {from} 变回 {to},即客户端请求的地址。',
  },
  'trace.reply.unsnat': {
    en: 'conntrack on {node} undoes the masquerade: the reply\'s destination {dstFrom} becomes {dstTo}.',
    zh: '{node} 上的 conntrack 撤销伪装:回包的目标 {dstFrom} 变回 {dstTo}。',
  },
  'trace.reply.unboth': {
    en: 'conntrack on {node} undoes both translations: source {from} becomes {to} (un-DNAT), destination {dstFrom} becomes {dstTo} (un-SNAT).',
    zh: '{node} 上的 conntrack 撤销两次转换:源 {from} 变回 {to}(反向 DNAT),目标 {dstFrom} 变回 {dstTo}(反向 SNAT)。',
  },
  'trace.reply.deliver': {
    en: 'The reply reaches {who}, coming from {from}: the address it asked for.',
    zh: '回包到达 {who},来源是 {from}:正是它请求的地址。',
  },
  // names (the seam the DNS stage replaces)
  'trace.dns.seam': {
    en: '{name} → {address}: the Service\'s cluster IP, looked up directly (the DNS stage will show the real query).',
    zh: '{name} → {address}:直接查到的 Service ClusterIP(DNS 阶段会展示真实的查询过程)。',
  },
  'trace.dns.hosts': { en: '{name} → {address}, from /etc/hosts.', zh: '{name} → {address},来自 /etc/hosts。' },
  'trace.dns.fail': { en: 'Could not resolve {name}.', zh: '无法解析 {name}。' },
  // why the backend saw the source it saw
  'outcome.clientip.preserved': {
    en: 'The backend sees the client\'s own address: no rule marked the connection for masquerade.',
    zh: '后端看到的是客户端自己的地址:没有规则给这个连接打伪装标记。',
  },
  'outcome.clientip.masq': { en: 'The source was masqueraded.', zh: '源地址被伪装。' },
  'outcome.clientip.masq.external': {
    en: 'Masqueraded by KUBE-MARK-MASQ + MASQUERADE because externalTrafficPolicy is Cluster: the backend sees the node\'s address, not the client\'s.',
    zh: '因为 externalTrafficPolicy 为 Cluster,被 KUBE-MARK-MASQ + MASQUERADE 伪装:后端看到的是节点地址,而不是客户端地址。',
  },
  'outcome.clientip.masq.offcluster': {
    en: 'Masqueraded because the source is outside the pod network (the KUBE-SVC rule `! -s <clusterCIDR> -j KUBE-MARK-MASQ`).',
    zh: '因为源地址不在 Pod 网段内而被伪装(KUBE-SVC 中的 `! -s <clusterCIDR> -j KUBE-MARK-MASQ` 规则)。',
  },
  'outcome.clientip.masq.hairpin': {
    en: 'Masqueraded because the pod reached itself through its Service (hairpin): it sees the bridge address.',
    zh: '因为 Pod 通过自己的 Service 访问到了自己(hairpin)而被伪装:它看到的是网桥地址。',
  },
  'outcome.clientip.masq.local': {
    en: 'Masqueraded because the connection came from the node itself.',
    zh: '因为连接来自节点自身而被伪装。',
  },
  'outcome.clientip.masq.all': { en: 'Masqueraded because kube-proxy runs with --masquerade-all.', zh: '因为 kube-proxy 以 --masquerade-all 运行而被伪装。' },
}
