import type { MessageTable } from '../../i18n/types'

/** Texts of the DNS stage: Corefile findings, why CoreDNS answered as it did, and the DNS hops' notes. */
export const dnsMessages: MessageTable = {
  // Corefile findings (line numbers inside the Corefile)
  'dns.corefile.unexpectedBrace': {
    en: 'Corefile line {line}: unexpected "{token}"; CoreDNS would refuse this Corefile and not start.',
    zh: 'Corefile 第 {line} 行:意外的 "{token}";CoreDNS 会拒绝此 Corefile 并无法启动。',
  },
  'dns.corefile.unclosedBlock': {
    en: 'Corefile line {line}: a block opened with "{" is never closed; CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:以 "{" 开始的块没有闭合;CoreDNS 无法启动。',
  },
  'dns.corefile.missingBlock': {
    en: 'Corefile line {line}: server block "{keys}" has no "{ ... }" body; CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:服务器块 "{keys}" 缺少 "{ ... }" 主体;CoreDNS 无法启动。',
  },
  'dns.corefile.badServerKey': {
    en: 'Corefile line {line}: "{key}" is not a zone and port such as ".:53"; CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:"{key}" 不是形如 ".:53" 的区域与端口;CoreDNS 无法启动。',
  },
  'dns.corefile.empty': {
    en: 'The Corefile has no server block: CoreDNS would serve nothing.',
    zh: 'Corefile 中没有服务器块:CoreDNS 不会提供任何服务。',
  },
  'dns.corefile.duplicatePlugin': {
    en: 'Corefile line {line}: plugin "{plugin}" appears twice in one server block; CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:插件 "{plugin}" 在同一服务器块中出现两次;CoreDNS 无法启动。',
  },
  'dns.corefile.unknownPlugin': {
    en: 'Corefile line {line}: unknown directive "{plugin}"; CoreDNS would exit at start-up and its pods crash-loop.',
    zh: 'Corefile 第 {line} 行:未知指令 "{plugin}";CoreDNS 启动即退出,其 Pod 将反复崩溃重启。',
  },
  'dns.corefile.unmodelledPlugin': {
    en: 'Corefile line {line}: plugin "{plugin}" is valid but the playground does not model it; it is ignored.',
    zh: 'Corefile 第 {line} 行:插件 "{plugin}" 有效,但本模拟器未实现它;已忽略。',
  },
  'dns.corefile.unmodelledOption': {
    en: 'Corefile line {line}: "{option}" of plugin {plugin} is not modelled; it is ignored.',
    zh: 'Corefile 第 {line} 行:插件 {plugin} 的 "{option}" 未被模拟;已忽略。',
  },
  'dns.corefile.k8sReverseOnly': {
    en: 'Corefile line {line}: the kubernetes plugin needs a non-reverse zone ("non-reverse zone name must be used"); CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:kubernetes 插件需要一个非反向区域("non-reverse zone name must be used");CoreDNS 无法启动。',
  },
  'dns.corefile.badPodsMode': {
    en: 'Corefile line {line}: "pods {value}": must be one of disabled, verified, insecure; CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:"pods {value}" 必须是 disabled、verified、insecure 之一;CoreDNS 无法启动。',
  },
  'dns.corefile.badTtl': {
    en: 'Corefile line {line}: TTL "{value}" must be a number in [{min}, {max}]; CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:TTL "{value}" 必须是 [{min}, {max}] 范围内的数字;CoreDNS 无法启动。',
  },
  'dns.corefile.badOption': {
    en: 'Corefile line {line}: plugin {plugin} cannot read "{option}"; CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:插件 {plugin} 无法解析 "{option}";CoreDNS 无法启动。',
  },
  'dns.corefile.unknownProperty': {
    en: "Corefile line {line}: plugin {plugin} has no property '{option}' (\"unknown property\"); CoreDNS would not start.",
    zh: "Corefile 第 {line} 行:插件 {plugin} 没有属性 '{option}'(\"unknown property\");CoreDNS 无法启动。",
  },
  'dns.corefile.badHostsLine': {
    en: 'Corefile line {line}: hosts entry "{entry}" is not "IP name [aliases...]"; CoreDNS would not start.',
    zh: 'Corefile 第 {line} 行:hosts 条目 "{entry}" 不是 "IP 名称 [别名...]" 格式;CoreDNS 无法启动。',
  },

  // Why the kubernetes plugin answered as it did
  'dns.k8s.clusterIP': {
    en: '{name} is the ClusterIP Service {namespace}/{service}: its A record is the Service IP.',
    zh: '{name} 是 ClusterIP 类型的 Service {namespace}/{service}:其 A 记录就是 Service IP。',
  },
  'dns.k8s.headless': {
    en: '{namespace}/{service} is headless (clusterIP: None): the answer lists its {count} ready endpoint address(es), not a Service IP.',
    zh: '{namespace}/{service} 是 Headless Service(clusterIP: None):应答列出它的 {count} 个就绪端点地址,而不是 Service IP。',
  },
  'dns.k8s.endpoint': {
    en: '{name} names one endpoint of {namespace}/{service} (its hostname, or its address with dashes).',
    zh: '{name} 指向 {namespace}/{service} 的单个端点(端点的 hostname,或把地址中的点换成短横线)。',
  },
  'dns.k8s.externalName': {
    en: '{namespace}/{service} is an ExternalName Service: CoreDNS answers a CNAME to its external name.',
    zh: '{namespace}/{service} 是 ExternalName 类型的 Service:CoreDNS 返回指向外部域名的 CNAME。',
  },
  'dns.k8s.srv': {
    en: 'SRV records of {namespace}/{service}: priority 0, weight 100 divided by the {count} target(s), the port, the target name.',
    zh: '{namespace}/{service} 的 SRV 记录:优先级 0,权重为 100 除以 {count} 个目标,端口,目标名称。',
  },
  'dns.k8s.answer': { en: 'CoreDNS answers {name} from the cluster.', zh: 'CoreDNS 根据集群数据应答 {name}。' },
  'dns.k8s.ptr': {
    en: 'Reverse lookup: {name} points to {target}.',
    zh: '反向解析:{name} 指向 {target}。',
  },
  'dns.k8s.dnsVersion': {
    en: 'dns-version answers the Kubernetes DNS schema version, "{version}".',
    zh: 'dns-version 返回 Kubernetes DNS 规范版本 "{version}"。',
  },
  'dns.k8s.ns': { en: 'The NS of zone {zone} is ns.dns.{zone}, the kube-dns Service.', zh: '区域 {zone} 的 NS 是 ns.dns.{zone},即 kube-dns Service。' },
  'dns.k8s.soa': { en: 'The SOA of zone {zone}.', zh: '区域 {zone} 的 SOA 记录。' },
  'dns.k8s.podInsecure': {
    en: '{name} is a pod record: with "pods insecure" any well-formed dashed IP answers, whether or not such a pod exists.',
    zh: '{name} 是 Pod 记录:在 "pods insecure" 模式下,只要是格式正确的短横线 IP 就会应答,无论该 Pod 是否存在。',
  },
  'dns.k8s.podVerified': {
    en: '{name} is a pod record: with "pods verified" it answers because a pod with that IP runs in that namespace.',
    zh: '{name} 是 Pod 记录:在 "pods verified" 模式下,因该命名空间中存在该 IP 的 Pod 而应答。',
  },
  'dns.k8s.nodata': {
    en: '{name} exists but has no {type} record: NOERROR with an empty answer (NODATA), the SOA in authority.',
    zh: '{name} 存在,但没有 {type} 记录:返回 NOERROR 且应答为空(NODATA),权威部分带 SOA。',
  },
  'dns.k8s.nodataApex': {
    en: '{name} is a level of the cluster zone, not a record: NOERROR with an empty answer (NODATA).',
    zh: '{name} 是集群区域中的一层,而不是一条记录:返回 NOERROR 且应答为空(NODATA)。',
  },
  'dns.k8s.noNamespace': {
    en: 'There is no namespace "{namespace}": NXDOMAIN.',
    zh: '不存在命名空间 "{namespace}":NXDOMAIN。',
  },
  'dns.k8s.noService': {
    en: 'There is no Service "{service}" in namespace "{namespace}": NXDOMAIN.',
    zh: '命名空间 "{namespace}" 中没有名为 "{service}" 的 Service:NXDOMAIN。',
  },
  'dns.k8s.headlessNoReady': {
    en: 'Headless Service {namespace}/{service} has no ready endpoint: its name does not exist (NXDOMAIN).',
    zh: 'Headless Service {namespace}/{service} 没有就绪的端点:该名称不存在(NXDOMAIN)。',
  },
  'dns.k8s.noEndpointName': {
    en: 'No ready endpoint of {namespace}/{service} is called "{endpoint}": NXDOMAIN.',
    zh: '{namespace}/{service} 没有名为 "{endpoint}" 的就绪端点:NXDOMAIN。',
  },
  'dns.k8s.noPort': {
    en: '{namespace}/{service} has no port named "{port}" with protocol "{protocol}": NXDOMAIN.',
    zh: '{namespace}/{service} 没有名为 "{port}"、协议为 "{protocol}" 的端口:NXDOMAIN。',
  },
  'dns.k8s.podsDisabled': {
    en: 'Pod records are disabled (the kubernetes plugin has no "pods insecure" or "pods verified"): NXDOMAIN.',
    zh: 'Pod 记录已禁用(kubernetes 插件未设置 "pods insecure" 或 "pods verified"):NXDOMAIN。',
  },
  'dns.k8s.podNameNotIp': {
    en: '"{name}" is not an IP address written with dashes: NXDOMAIN.',
    zh: '"{name}" 不是用短横线书写的 IP 地址:NXDOMAIN。',
  },
  'dns.k8s.noPodWithIp': {
    en: 'No pod with IP {ip} runs in namespace "{namespace}" ("pods verified"): NXDOMAIN.',
    zh: '命名空间 "{namespace}" 中没有 IP 为 {ip} 的 Pod("pods verified"):NXDOMAIN。',
  },
  'dns.k8s.invalidName': {
    en: '{name} does not follow the cluster naming schema (<service>.<namespace>.svc or <ip>.<namespace>.pod): NXDOMAIN.',
    zh: '{name} 不符合集群命名规则(<service>.<namespace>.svc 或 <ip>.<namespace>.pod):NXDOMAIN。',
  },
  'dns.k8s.noTxt': { en: '{name} has no TXT record and no other record: NXDOMAIN.', zh: '{name} 既没有 TXT 记录也没有其他记录:NXDOMAIN。' },
  'dns.k8s.notReverse': { en: '{name} is not a full reverse name: NXDOMAIN.', zh: '{name} 不是完整的反向解析名称:NXDOMAIN。' },
  'dns.k8s.noReverse': {
    en: 'No Service IP or ready endpoint has address {ip}: NXDOMAIN.',
    zh: '没有任何 Service IP 或就绪端点的地址是 {ip}:NXDOMAIN。',
  },
  'dns.k8s.fallthrough': {
    en: 'The kubernetes plugin does not know {name}; "fallthrough" passes it to the next plugin.',
    zh: 'kubernetes 插件不认识 {name};"fallthrough" 将它交给下一个插件。',
  },

  // hosts plugin
  'dns.hosts.answer': { en: 'The hosts plugin (Corefile line {line}) answers {name}.', zh: 'hosts 插件(Corefile 第 {line} 行)应答 {name}。' },
  'dns.hosts.servfail': {
    en: 'The hosts plugin has no entry for {name} and no "fallthrough": it answers SERVFAIL (it has no SOA to deny the name with).',
    zh: 'hosts 插件中没有 {name} 的条目且未设置 "fallthrough":返回 SERVFAIL(它没有可用于否定该名称的 SOA)。',
  },
  'dns.hosts.nodata': { en: '{name} is in the hosts plugin, but not as {type}: NODATA.', zh: '{name} 在 hosts 插件中存在,但没有 {type} 记录:NODATA。' },

  // the outside world
  'dns.upstream.known': {
    en: 'The upstream resolver {server} knows {name}: it is a machine of the lab outside the cluster.',
    zh: '上游解析器 {server} 知道 {name}:它是集群外实验网络中的一台机器。',
  },
  'dns.upstream.knownNodata': {
    en: 'The upstream resolver {server} knows {name}, but has no {type} record for it.',
    zh: '上游解析器 {server} 知道 {name},但没有它的 {type} 记录。',
  },
  'dns.upstream.emptyZone': {
    en: 'The upstream resolver {server} answers private reverse zone {zone} itself (RFC 6303): NXDOMAIN.',
    zh: '上游解析器 {server} 自行应答私有反向区域 {zone}(RFC 6303):NXDOMAIN。',
  },
  'dns.upstream.noInternet': {
    en: 'CoreDNS forwarded {name} to the upstream resolver {server}, which has no route to the Internet in the playground: SERVFAIL.',
    zh: 'CoreDNS 将 {name} 转发给上游解析器 {server},而在本模拟环境中它无法访问互联网:SERVFAIL。',
  },

  // CoreDNS as a whole
  'dns.coredns.crashLoop': {
    en: 'CoreDNS is not running: its Corefile has an error ({reason}, line {line}), so the pods crash-loop and the query gets no reply.',
    zh: 'CoreDNS 未在运行:其 Corefile 有错误({reason},第 {line} 行),Pod 反复崩溃,查询得不到应答。',
  },
  'dns.coredns.noReadyPods': {
    en: 'No CoreDNS pod is ready: the query to the cluster DNS gets no reply.',
    zh: '没有就绪的 CoreDNS Pod:发往集群 DNS 的查询得不到应答。',
  },
  'dns.coredns.noServerBlock': {
    en: 'No server block of the Corefile serves {name}: REFUSED.',
    zh: 'Corefile 中没有服务 {name} 的服务器块:REFUSED。',
  },
  'dns.coredns.noPlugin': {
    en: 'No plugin of the server block answered {name}: SERVFAIL.',
    zh: '服务器块中没有插件应答 {name}:SERVFAIL。',
  },
  'dns.exchange.unreachable': {
    en: '{server} is a Service IP: only pods and nodes, where kube-proxy runs, can reach it. The query times out.',
    zh: '{server} 是 Service IP:只有运行 kube-proxy 的 Pod 和节点能访问它。查询超时。',
  },
  'dns.exchange.noServer': {
    en: 'No DNS server answers at {server}: the query times out.',
    zh: '{server} 上没有 DNS 服务器应答:查询超时。',
  },

  'dns.resolve.failed': {
    en: 'Could not resolve {name}: {tried} name(s) tried, none answered ({reason}).',
    zh: '无法解析 {name}:尝试了 {tried} 个名称,均无应答({reason})。',
  },

  // hop notes
  'dns.hop.query': {
    en: 'The resolver asks {server} for the {type} record of {name}.',
    zh: '解析器向 {server} 查询 {name} 的 {type} 记录。',
  },
  'dns.hop.querySearch': {
    en: 'The resolver appends search domain {domain} and asks {server} for the {type} record of {name}.',
    zh: '解析器追加搜索域 {domain},向 {server} 查询 {name} 的 {type} 记录。',
  },
  'dns.hop.answered': { en: 'CoreDNS answers {name} {type} with {count} record(s).', zh: 'CoreDNS 以 {count} 条记录应答 {name} {type}。' },
  'dns.hop.cached': {
    en: 'CoreDNS answers {name} {type} from its cache (stored {age}s ago; the TTL counts down).',
    zh: 'CoreDNS 从缓存应答 {name} {type}({age} 秒前存入;TTL 随之递减)。',
  },
  'dns.hop.forwarded': {
    en: '{name} is outside the cluster zone: CoreDNS forwarded the {type} question to {upstream} and relays its answer ({rcode}).',
    zh: '{name} 不在集群区域内:CoreDNS 将 {type} 查询转发给 {upstream},并转交其应答({rcode})。',
  },
  'dns.hop.forwardOut': {
    en: '{name} is not in a zone CoreDNS serves itself: the forward plugin sends the {type} question to {upstream}.',
    zh: '{name} 不属于 CoreDNS 自己负责的区域:forward 插件把 {type} 查询发给 {upstream}。',
  },
  'dns.hop.nxdomain': { en: '{name} does not exist: NXDOMAIN.', zh: '{name} 不存在:NXDOMAIN。' },
  'dns.hop.nodata': { en: '{name} exists but has no {type} record: NOERROR, empty answer.', zh: '{name} 存在,但没有 {type} 记录:NOERROR,应答为空。' },
  'dns.hop.servfail': { en: 'The server could not answer {name}: SERVFAIL.', zh: '服务器无法应答 {name}:SERVFAIL。' },
  'dns.hop.refused': { en: 'The server refuses to answer {name}: REFUSED.', zh: '服务器拒绝应答 {name}:REFUSED。' },
  'dns.hop.noReply': { en: 'No reply from {server}: the query times out.', zh: '{server} 没有应答:查询超时。' },
  'dns.hop.noServer': { en: 'Nothing answers DNS at {server}: the query times out.', zh: '{server} 上没有 DNS 服务:查询超时。' },
}
