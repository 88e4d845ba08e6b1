import type { MessageTable } from '../../i18n/types'

/** Texts of MetalLB's diagnostics and of the arp/bgp hops' notes. */
export const metallbMessages: MessageTable = {
  // ── configuration: what MetalLB's webhooks refuse and what its ConfigReconciler cannot load ──
  'metallb.config.wrongNamespace': {
    en: '{kind} {name} is in namespace {namespace}, but MetalLB only reads its configuration from {expected}: it ignores this object.',
    zh: '{kind} {name} 位于命名空间 {namespace},但 MetalLB 只从 {expected} 读取配置:该对象被忽略。',
  },
  'metallb.config.unknownCommunity': {
    en: 'BGPAdvertisement {name} uses community "{community}", which is neither a value (65535:65282) nor the name of a Community alias. MetalLB has no built-in names: it fails to load its whole configuration and allocates nothing until this is fixed.',
    zh: 'BGPAdvertisement {name} 使用的 community "{community}" 既不是数值(如 65535:65282),也不是 Community 别名。MetalLB 没有内置名称:整个配置加载失败,修复前不会分配任何地址。',
  },
  'metallb.community.badValue': {
    en: 'Community alias {name} has an invalid value "{value}" (expected AS:value with two 16-bit numbers, or large:a:b:c).',
    zh: 'Community 别名 {name} 的值 "{value}" 无效(应为两个 16 位数字组成的 AS:value,或 large:a:b:c)。',
  },
  'metallb.community.duplicate': {
    en: 'Community alias {name} is defined twice; MetalLB refuses the configuration ("duplicate definition of community").',
    zh: 'Community 别名 {name} 被重复定义;MetalLB 拒绝该配置("duplicate definition of community")。',
  },
  'metallb.pool.noAddresses': {
    en: 'IPAddressPool {name} lists no addresses; the webhook refuses it ("pool has no prefixes defined").',
    zh: 'IPAddressPool {name} 没有列出任何地址;webhook 拒绝它("pool has no prefixes defined")。',
  },
  'metallb.pool.badAddress': {
    en: 'IPAddressPool {name}: "{value}" is neither a CIDR nor a start-end range; the webhook refuses the pool.',
    zh: 'IPAddressPool {name}:"{value}" 既不是 CIDR 也不是 起始-结束 范围;webhook 拒绝该地址池。',
  },
  'metallb.pool.reversedRange': {
    en: 'IPAddressPool {name}: in "{value}" the start IP is after the end IP; the webhook refuses the pool.',
    zh: 'IPAddressPool {name}:"{value}" 中起始 IP 大于结束 IP;webhook 拒绝该地址池。',
  },
  'metallb.pool.ipv6Ignored': {
    en: 'IPAddressPool {name}: "{value}" is IPv6; the playground simulates IPv4 only and leaves it out.',
    zh: 'IPAddressPool {name}:"{value}" 是 IPv6;本模拟器只模拟 IPv4,将其忽略。',
  },
  'metallb.pool.overlap': {
    en: 'IPAddressPool {name}: {cidr} overlaps {otherCidr} of pool {other}; the webhook refuses the pool.',
    zh: 'IPAddressPool {name}:{cidr} 与地址池 {other} 的 {otherCidr} 重叠;webhook 拒绝该地址池。',
  },
  'metallb.ad.unknownPool': {
    en: '{kind} {name} names pool {pool}, which does not exist: it announces nothing for it.',
    zh: '{kind} {name} 引用的地址池 {pool} 不存在:不会为其宣告任何地址。',
  },
  'metallb.ad.selectorMatchesNoPool': {
    en: '{kind} {name}: its ipAddressPoolSelectors match no IPAddressPool, so it announces nothing.',
    zh: '{kind} {name}:其 ipAddressPoolSelectors 没有匹配任何 IPAddressPool,因此不宣告任何地址。',
  },
  'metallb.ad.duplicatePool': {
    en: '{kind} {name} lists the same pool twice; the webhook refuses it ("duplicate definition of ipAddressPools").',
    zh: '{kind} {name} 重复列出同一个地址池;webhook 拒绝它("duplicate definition of ipAddressPools")。',
  },
  'metallb.bgpadv.badAggregationLength': {
    en: 'BGPAdvertisement {name}: aggregationLength {value} is not between 0 and 32; the webhook refuses it.',
    zh: 'BGPAdvertisement {name}:aggregationLength {value} 不在 0 到 32 之间;webhook 拒绝它。',
  },
  'metallb.bgpadv.selectorsWithAggregation': {
    en: 'BGPAdvertisement {name}: serviceSelectors and aggregationLength are mutually exclusive; the webhook refuses it.',
    zh: 'BGPAdvertisement {name}:serviceSelectors 与 aggregationLength 互斥;webhook 拒绝它。',
  },
  'metallb.bgpadv.badCommunity': {
    en: 'BGPAdvertisement {name}: community "{community}" is not a valid AS:value; the webhook refuses it.',
    zh: 'BGPAdvertisement {name}:community "{community}" 不是有效的 AS:value;webhook 拒绝它。',
  },
  'metallb.bgpadv.aggregationTooShort': {
    en: 'BGPAdvertisement {name}: aggregationLength {length} is shorter than /{prefix}, a block of "{addresses}" in pool {pool}; the webhook refuses it (write the pool as a CIDR to aggregate it).',
    zh: 'BGPAdvertisement {name}:aggregationLength {length} 短于地址池 {pool} 中 "{addresses}" 的 /{prefix} 块;webhook 拒绝它(若要聚合,请把地址池写成 CIDR)。',
  },
  'metallb.bgpadv.localPrefConflict': {
    en: 'BGPAdvertisement {name}: localPref {localPref} conflicts with {otherLocalPref} of {other} for the same pool, nodes and aggregation; the webhook refuses it.',
    zh: 'BGPAdvertisement {name}:localPref {localPref} 与 {other} 的 {otherLocalPref} 冲突(同一地址池、节点和聚合长度);webhook 拒绝它。',
  },
  'metallb.peer.missingMyASN': {
    en: 'BGPPeer {name} has no myASN; the webhook refuses it ("missing local ASN").',
    zh: 'BGPPeer {name} 缺少 myASN;webhook 拒绝它("missing local ASN")。',
  },
  'metallb.peer.missingPeerASN': {
    en: 'BGPPeer {name} has no peerASN; the webhook refuses it ("missing peer ASN and dynamicASN").',
    zh: 'BGPPeer {name} 缺少 peerASN;webhook 拒绝它("missing peer ASN and dynamicASN")。',
  },
  'metallb.peer.bothASN': {
    en: 'BGPPeer {name} sets both peerASN and dynamicASN; the webhook refuses it.',
    zh: 'BGPPeer {name} 同时设置了 peerASN 和 dynamicASN;webhook 拒绝它。',
  },
  'metallb.peer.badDynamicASN': {
    en: 'BGPPeer {name}: dynamicASN "{value}" is neither internal nor external; the webhook refuses it.',
    zh: 'BGPPeer {name}:dynamicASN "{value}" 既不是 internal 也不是 external;webhook 拒绝它。',
  },
  'metallb.peer.dynamicMismatch': {
    en: 'BGPPeer {name} uses dynamicASN {mode} from AS {myASN}, but router {router} is AS {routerASN}: the OPEN does not match and the sessions stay down.',
    zh: 'BGPPeer {name} 从 AS {myASN} 使用 dynamicASN {mode},但路由器 {router} 的 AS 是 {routerASN}:OPEN 不匹配,会话保持断开。',
  },
  'metallb.peer.missingAddress': {
    en: 'BGPPeer {name} has no peerAddress; the webhook refuses it.',
    zh: 'BGPPeer {name} 缺少 peerAddress;webhook 拒绝它。',
  },
  'metallb.peer.badAddress': {
    en: 'BGPPeer {name}: peerAddress "{value}" is not an IPv4 address.',
    zh: 'BGPPeer {name}:peerAddress "{value}" 不是 IPv4 地址。',
  },
  'metallb.peer.duplicate': {
    en: 'BGPPeer {name} is identical to {other}; MetalLB refuses the configuration ("peer already exists").',
    zh: 'BGPPeer {name} 与 {other} 完全相同;MetalLB 拒绝该配置("peer already exists")。',
  },
  'metallb.peer.noRouter': {
    en: 'BGPPeer {name} peers with {address}, but the lab has no router there: the sessions never come up and nothing is advertised. Add spec.router to the Cluster document (name, ip {address}, asn {asn}).',
    zh: 'BGPPeer {name} 与 {address} 建立对等,但实验环境中该地址没有路由器:会话无法建立,不会宣告任何路由。请在 Cluster 文档中添加 spec.router(name、ip {address}、asn {asn})。',
  },
  'metallb.peer.asnMismatch': {
    en: 'BGPPeer {name} expects AS {peerASN}, but router {router} is AS {routerASN}: the router answers the OPEN with "Bad Peer AS" and the sessions stay down.',
    zh: 'BGPPeer {name} 期望对端 AS {peerASN},但路由器 {router} 的 AS 是 {routerASN}:路由器以 "Bad Peer AS" 拒绝 OPEN,会话保持断开。',
  },
  'metallb.peer.routerNoASN': {
    en: 'Router {router} has no asn in the Cluster document, so it runs no BGP: BGPPeer {name} never establishes.',
    zh: 'Cluster 文档中路由器 {router} 没有 asn,因此不运行 BGP:BGPPeer {name} 无法建立会话。',
  },

  // ── allocation: why a Service has (or has not) an EXTERNAL-IP ──
  'metallb.svc.noMetalLB': {
    en: 'LoadBalancer Service {service} stays <pending>: on bare metal nothing hands out load-balancer addresses (no cloud provider, no MetalLB IPAddressPool in metallb-system). Add an IPAddressPool and an L2Advertisement, or reach it on NodePort {nodePort} of any node.',
    zh: 'LoadBalancer Service {service} 保持 <pending>:裸金属环境中没有组件分配负载均衡地址(没有云厂商,metallb-system 中也没有 MetalLB 的 IPAddressPool)。请添加 IPAddressPool 和 L2Advertisement,或通过任一节点的 NodePort {nodePort} 访问。',
  },
  'metallb.svc.noPools': {
    en: 'LoadBalancer Service {service} stays <pending>: MetalLB has no usable IPAddressPool in metallb-system.',
    zh: 'LoadBalancer Service {service} 保持 <pending>:MetalLB 在 metallb-system 中没有可用的 IPAddressPool。',
  },
  'metallb.svc.configNotLoaded': {
    en: 'LoadBalancer Service {service} stays <pending>: MetalLB failed to load its configuration (BGPAdvertisement {name} uses unknown community "{community}").',
    zh: 'LoadBalancer Service {service} 保持 <pending>:MetalLB 配置加载失败(BGPAdvertisement {name} 使用了未知的 community "{community}")。',
  },
  'metallb.svc.foreignClass': {
    en: 'Service {service} asks for loadBalancerClass {lbClass}; MetalLB handles only Services without a class, and nothing else in the lab serves that class: it stays <pending>.',
    zh: 'Service {service} 指定了 loadBalancerClass {lbClass};MetalLB 只处理未指定类的 Service,实验环境中也没有其他组件处理该类:它保持 <pending>。',
  },
  'metallb.svc.requestBoth': {
    en: 'Service {service} sets both metallb.io/loadBalancerIPs and spec.loadBalancerIP; MetalLB refuses it and it stays <pending>. Keep only the annotation.',
    zh: 'Service {service} 同时设置了 metallb.io/loadBalancerIPs 和 spec.loadBalancerIP;MetalLB 拒绝分配,保持 <pending>。请只保留注解。',
  },
  'metallb.svc.requestInvalid': {
    en: 'Service {service} requests "{value}", which is not an IP address; it stays <pending>.',
    zh: 'Service {service} 请求的 "{value}" 不是 IP 地址;保持 <pending>。',
  },
  'metallb.svc.requestIPv6': {
    en: 'Service {service} requests IPv6 address {ip}, which does not match its IPv4 family; it stays <pending>.',
    zh: 'Service {service} 请求的 IPv6 地址 {ip} 与其 IPv4 地址族不符;保持 <pending>。',
  },
  'metallb.svc.requestTwoIPv4': {
    en: 'Service {service} requests "{value}": two addresses of the same family; it stays <pending>.',
    zh: 'Service {service} 请求 "{value}":同一地址族的两个地址;保持 <pending>。',
  },
  'metallb.svc.requestedNotInPool': {
    en: 'Service {service} requests {ip}, which is in no IPAddressPool; it stays <pending>. Request an address from a pool, or add one that contains it.',
    zh: 'Service {service} 请求的 {ip} 不属于任何 IPAddressPool;保持 <pending>。请请求地址池中的地址,或添加包含它的地址池。',
  },
  'metallb.svc.requestedPoolMismatch': {
    en: 'Service {service} requests {ip} from pool {pool}, but that address belongs to pool {actualPool}; it stays <pending>.',
    zh: 'Service {service} 从地址池 {pool} 请求 {ip},但该地址属于地址池 {actualPool};保持 <pending>。',
  },
  'metallb.svc.requestedInUse': {
    en: 'Service {service} cannot have {ip}: {other} holds it and the allow-shared-ip keys do not agree ({why}); it stays <pending>. Give both Services the same metallb.io/allow-shared-ip value.',
    zh: 'Service {service} 无法获得 {ip}:{other} 正在使用它,且 allow-shared-ip 键不一致({why});保持 <pending>。请为两个 Service 设置相同的 metallb.io/allow-shared-ip 值。',
  },
  'metallb.svc.portInUse': {
    en: 'Service {service} cannot share {ip}: port {port} is already used there by {other}; it stays <pending>. Services sharing an address need distinct ports.',
    zh: 'Service {service} 无法共享 {ip}:端口 {port} 已被 {other} 占用;保持 <pending>。共享地址的 Service 必须使用不同端口。',
  },
  'metallb.svc.poolIncompatible': {
    en: 'Service {service} cannot use pool {pool}: its serviceAllocation does not include this Service (namespace or labels); it stays <pending>.',
    zh: 'Service {service} 不能使用地址池 {pool}:其 serviceAllocation 不包含该 Service(命名空间或标签不符);保持 <pending>。',
  },
  'metallb.svc.unknownPool': {
    en: 'Service {service} asks for pool {pool} (metallb.io/address-pool), which does not exist; it stays <pending>.',
    zh: 'Service {service} 通过 metallb.io/address-pool 指定的地址池 {pool} 不存在;保持 <pending>。',
  },
  'metallb.svc.poolExhausted': {
    en: 'Service {service} stays <pending>: pool {pool} has no free address ({used} in use). Widen the pool or free an address.',
    zh: 'Service {service} 保持 <pending>:地址池 {pool} 已无空闲地址(已用 {used} 个)。请扩大地址池或释放地址。',
  },
  'metallb.svc.noAutoAssignPool': {
    en: 'Service {service} stays <pending>: no pool assigns addresses automatically to it (pools: {pools} have autoAssign: false or a serviceAllocation that excludes it). Use the metallb.io/address-pool annotation or change a pool.',
    zh: 'Service {service} 保持 <pending>:没有地址池会自动为它分配地址(地址池 {pools} 的 autoAssign 为 false,或其 serviceAllocation 不包含它)。请使用 metallb.io/address-pool 注解或修改地址池。',
  },
  'metallb.svc.allPoolsExhausted': {
    en: 'Service {service} stays <pending>: every pool it may use ({pools}) is exhausted ("no available IPs").',
    zh: 'Service {service} 保持 <pending>:它可用的所有地址池({pools})均已耗尽("no available IPs")。',
  },
  'metallb.svc.notAnnounced': {
    en: 'Service {service} got {ip} from pool {pool}, but no L2Advertisement or BGPAdvertisement covers that pool: nobody answers ARP for it or advertises it, so it is unreachable. Add an L2Advertisement for {pool}.',
    zh: 'Service {service} 从地址池 {pool} 获得了 {ip},但没有 L2Advertisement 或 BGPAdvertisement 覆盖该地址池:没人响应它的 ARP,也没人宣告它,因此无法访问。请为 {pool} 添加 L2Advertisement。',
  },
  'metallb.svc.poolOrderUnspecified': {
    en: 'Service {service} got its address from pool {pool}, but {others} could have served it too: MetalLB iterates pools from a Go map, so which one it picks is unspecified. The playground picks by name; pin the pool with metallb.io/address-pool or serviceAllocation.priority.',
    zh: 'Service {service} 从地址池 {pool} 获得了地址,但 {others} 也可以提供:MetalLB 从 Go map 中遍历地址池,选择哪个并不确定。本模拟器按名称选择;请用 metallb.io/address-pool 或 serviceAllocation.priority 固定地址池。',
  },
  'metallb.svc.ipOfMachine': {
    en: 'Service {service} got {ip} from pool {pool}, but {ip} is the address of {machine}: MetalLB does not check the LAN, so two machines now claim it. Keep machine addresses out of the pool.',
    zh: 'Service {service} 从地址池 {pool} 获得了 {ip},但 {ip} 是 {machine} 的地址:MetalLB 不检查局域网,现在有两台机器声称拥有它。请把机器地址排除在地址池之外。',
  },
  'metallb.svc.statusNotInPool': {
    en: 'Service {service} arrives with status address {ip}, which is in no MetalLB pool; a real MetalLB would clear it and allocate again. The playground keeps it as written.',
    zh: 'Service {service} 的 status 中已有地址 {ip},但它不属于任何 MetalLB 地址池;真实的 MetalLB 会清除并重新分配。本模拟器按原样保留。',
  },

  // ── L2 election: who answers ARP for the address ──
  'metallb.l2.noIP': {
    en: 'Service {service} has no LoadBalancer address yet, so no speaker announces anything.',
    zh: 'Service {service} 还没有 LoadBalancer 地址,因此没有 speaker 宣告任何内容。',
  },
  'metallb.l2.ipNotAllowed': {
    en: '{ip} of Service {service} is in no MetalLB pool: the speakers do not announce it.',
    zh: 'Service {service} 的 {ip} 不属于任何 MetalLB 地址池:speaker 不会宣告它。',
  },
  'metallb.l2.noEndpoints': {
    en: 'Service {service} has no serving endpoint, so no speaker answers ARP for {ip}.',
    zh: 'Service {service} 没有可用的端点,因此没有 speaker 响应 {ip} 的 ARP。',
  },
  'metallb.l2.noAdvertisement': {
    en: 'No L2Advertisement covers pool {pool}, so no speaker answers ARP for {ip} of Service {service}.',
    zh: '没有 L2Advertisement 覆盖地址池 {pool},因此没有 speaker 响应 Service {service} 的 {ip} 的 ARP。',
  },
  'metallb.l2.sharedWithSelectors': {
    en: 'Service {service} uses allow-shared-ip while its L2Advertisement has serviceSelectors; MetalLB refuses to announce {ip}.',
    zh: 'Service {service} 使用了 allow-shared-ip,而其 L2Advertisement 设置了 serviceSelectors;MetalLB 拒绝宣告 {ip}。',
  },
  'metallb.l2.noCandidates': {
    en: 'No node can announce {ip} of Service {service}: no live speaker on a node the L2Advertisement selects (excluded and powered-off nodes do not count).',
    zh: '没有节点能宣告 Service {service} 的 {ip}:L2Advertisement 选中的节点上没有存活的 speaker(被排除或已关机的节点不算)。',
  },
  'metallb.l2.noLocalCandidates': {
    en: 'No node can announce {ip} of Service {service}: with externalTrafficPolicy Local only nodes hosting a serving endpoint compete, and none has a live speaker.',
    zh: '没有节点能宣告 Service {service} 的 {ip}:externalTrafficPolicy 为 Local 时只有运行可用端点的节点参与选举,而这些节点上都没有存活的 speaker。',
  },
  'metallb.l2.interfaceMissing': {
    en: '{node} won the election for {ip}, but its L2Advertisement limits announcements to {interfaces} and the node is on {lan}: nobody answers ARP (event announceFailed).',
    zh: '{node} 赢得了 {ip} 的选举,但其 L2Advertisement 只允许在 {interfaces} 上宣告,而节点位于 {lan}:没人响应 ARP(事件 announceFailed)。',
  },
  'metallb.l2.elected': {
    en: '{node} answers ARP for {ip}: among {count} candidates its sha256("{node}#{ip}") = {hash}… sorts first, and every speaker computes the same winner.',
    zh: '{node} 响应 {ip} 的 ARP:在 {count} 个候选节点中,它的 sha256("{node}#{ip}") = {hash}… 排在最前,每个 speaker 算出的胜者都相同。',
  },
  'metallb.l2.electedPreferred': {
    en: '{node} answers ARP for {ip}: preferredNodeSelectors give it the highest score among {count} candidates.',
    zh: '{node} 响应 {ip} 的 ARP:preferredNodeSelectors 使它在 {count} 个候选节点中得分最高。',
  },
  'metallb.l2.failover': {
    en: '{from} is down, so memberlist dropped its speaker and the election moved {ip} to {node}, which sent a gratuitous ARP so the LAN updates its caches.',
    zh: '{from} 已宕机,memberlist 移除了它的 speaker,选举把 {ip} 转移到 {node},后者发送了免费 ARP(gratuitous ARP),让局域网更新缓存。',
  },

  // ── BGP ──
  'metallb.bgpadv.noPeers': {
    en: 'BGPAdvertisement {name} exists but no BGPPeer does: the speakers have nobody to advertise to.',
    zh: '存在 BGPAdvertisement {name},但没有任何 BGPPeer:speaker 没有可宣告的对象。',
  },

  // ── the LAN: ARP and the router ──
  'metallb.arp.request': {
    en: '{from} broadcasts "who has {ip}?" on the LAN and waits for the owner to answer with its MAC address.',
    zh: '{from} 在局域网内广播 "谁拥有 {ip}?",等待拥有者回复其 MAC 地址。',
  },
  'metallb.arp.owner': {
    en: '{machine} owns {ip} and answers with its MAC {mac}.',
    zh: '{machine} 拥有 {ip},回复其 MAC 地址 {mac}。',
  },
  'metallb.arp.cached': {
    en: '{ip} is already in the ARP cache ({mac}), so no request goes on the wire.',
    zh: '{ip} 已在 ARP 缓存中({mac}),因此不再发送请求。',
  },
  'metallb.arp.gratuitous': {
    en: '{node} took {ip} over from {from} and broadcast a gratuitous ARP ({ip} is-at {mac}) so machines that cached the old MAC move to it. Until memberlist noticed {from} was gone (seconds), requests to {ip} were lost.',
    zh: '{node} 从 {from} 接管了 {ip},并广播免费 ARP({ip} is-at {mac}),让缓存了旧 MAC 的机器改用新地址。在 memberlist 发现 {from} 离线之前(数秒),发往 {ip} 的请求会丢失。',
  },
  'metallb.arp.timeout': {
    en: 'Nobody on the LAN owns {ip}, so the ARP request goes unanswered; after 3 tries the kernel marks it FAILED and connect() fails with "No route to host".',
    zh: '局域网内没有人拥有 {ip},ARP 请求无人应答;重试 3 次后内核将其标记为 FAILED,connect() 失败并报 "No route to host"。',
  },
  'metallb.arp.timeoutLoadBalancer': {
    en: '{ip} is the LoadBalancer address of {service}, but no MetalLB speaker announces it, so the ARP request goes unanswered and connect() fails with "No route to host". See the Service\'s diagnostics for why.',
    zh: '{ip} 是 {service} 的 LoadBalancer 地址,但没有 MetalLB speaker 宣告它,ARP 请求无人应答,connect() 失败并报 "No route to host"。原因见该 Service 的诊断信息。',
  },
  'metallb.arp.nodeDown': {
    en: '{machine} ({ip}) is powered off, so nobody answers ARP for it: "No route to host".',
    zh: '{machine}({ip})已关机,没有人响应它的 ARP:"No route to host"。',
  },
  'metallb.arp.unanswered': {
    en: 'Nothing on the LAN owns or announces {ip}.',
    zh: '局域网内没有任何机器拥有或宣告 {ip}。',
  },
  'metallb.route.viaGateway': {
    en: '{ip} is not on the LAN, so the client sends the packet to its default gateway, router {router} ({gateway}).',
    zh: '{ip} 不在局域网内,客户端把数据包发给默认网关——路由器 {router}({gateway})。',
  },
  'metallb.route.noGateway': {
    en: '{ip} is outside the LAN {lan} and the lab has no router (spec.router in the Cluster document): connect() fails with "Network is unreachable".',
    zh: '{ip} 不在局域网 {lan} 内,而实验环境没有路由器(Cluster 文档中的 spec.router):connect() 失败并报 "Network is unreachable"。',
  },
  'metallb.bgp.ecmp': {
    en: 'Router has {count} equal-cost BGP paths for {prefix} (one per advertising node); its multipath hash of this flow picks {node} ({nextHop}). Other next hops: {others}.',
    zh: '路由器对 {prefix} 有 {count} 条等价 BGP 路径(每个宣告节点一条);它对该流的多路径哈希选中了 {node}({nextHop})。其他下一跳:{others}。',
  },
  'metallb.bgp.single': {
    en: 'Router learnt {prefix} over BGP from {node} only, and forwards to {nextHop}.',
    zh: '路由器只从 {node} 通过 BGP 学到了 {prefix},转发到 {nextHop}。',
  },
  'metallb.bgp.noRoute': {
    en: 'Router {router} has no route to {ip}: no node advertises it over BGP. It answers ICMP "network unreachable".',
    zh: '路由器 {router} 没有到 {ip} 的路由:没有节点通过 BGP 宣告它。路由器回复 ICMP "network unreachable"。',
  },
}
