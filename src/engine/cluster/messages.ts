import type { MessageTable } from '../i18n/types'

/** Texts of the cluster stage's findings (cluster/*.ts), English and Simplified Chinese. */
export const clusterMessages: MessageTable = {
  'engine.internal': {
    en: 'Internal error in the {stage} stage: {detail}. The scenario was not built; please report this.',
    zh: '{stage} 阶段发生内部错误:{detail}。场景未能构建,请报告此问题。',
  },
  'cluster.duplicateObject': {
    en: '{kind} "{name}" is defined twice; the second definition is refused (AlreadyExists)',
    zh: '{kind}“{name}”被定义了两次;第二个定义被拒绝(AlreadyExists)',
  },

  // The Cluster document and the machines.
  'cluster.config.duplicate': {
    en: 'Only the first kind: Cluster document is used; "{name}" is ignored',
    zh: '只使用第一个 kind: Cluster 文档;“{name}”被忽略',
  },
  'cluster.config.badDomain': { en: 'clusterDomain "{value}" is not a valid DNS name', zh: 'clusterDomain“{value}”不是合法的 DNS 名称' },
  'cluster.config.badPortRange': {
    en: 'nodePortRange "{value}" must look like 30000-32767 (or {min, max}) within 1-65535',
    zh: 'nodePortRange“{value}”应形如 30000-32767(或 {min, max}),且在 1-65535 之内',
  },
  'cluster.config.badCidr': { en: '{field} "{value}" is not a valid IPv4 CIDR', zh: '{field}“{value}”不是合法的 IPv4 CIDR' },
  'cluster.config.badClient': {
    en: 'Client #{index} needs a name and an IPv4 address (ip)',
    zh: '第 {index} 个客户端需要 name 和 IPv4 地址(ip)',
  },
  'cluster.config.duplicateName': { en: 'The name "{name}" is used twice', zh: '名称“{name}”被重复使用' },
  'cluster.config.badHostsEntry': {
    en: 'hosts entry {host} → "{value}" is not an IPv4 address; the client cannot reach it',
    zh: 'hosts 条目 {host} → “{value}”不是 IPv4 地址;客户端无法访问它',
  },
  'cluster.config.badRouter': { en: 'The router needs an IPv4 address (ip)', zh: '路由器需要一个 IPv4 地址(ip)' },
  'cluster.node.badEntry': { en: 'Node entry {field} needs a name and an IPv4 address (ip)', zh: '节点条目 {field} 需要 name 和 IPv4 地址(ip)' },
  'cluster.node.badTaint': {
    en: 'Taint #{index} needs a key and an effect (NoSchedule, PreferNoSchedule or NoExecute)',
    zh: '第 {index} 个污点需要 key 和 effect(NoSchedule、PreferNoSchedule 或 NoExecute)',
  },
  'cluster.node.noAddress': {
    en: 'Node "{name}" has no InternalIP in status.addresses; the playground gives it the next free lab address',
    zh: '节点“{name}”的 status.addresses 中没有 InternalIP;演练场为其分配下一个空闲的实验网地址',
  },
  'cluster.node.duplicateIp': { en: 'Node "{name}" reuses the address {ip} of another node', zh: '节点“{name}”重复使用了其他节点的地址 {ip}' },
  'cluster.node.podCidrOverlap': {
    en: 'Node "{name}": podCIDR {cidr} overlaps another node\'s pod range; a free range is assigned instead',
    zh: '节点“{name}”:podCIDR {cidr} 与其他节点的 Pod 网段重叠;改为分配一个空闲网段',
  },
  'cluster.node.podCidrOutside': {
    en: 'Node "{name}": podCIDR {cidr} lies outside the cluster\'s pod network {clusterCidr}',
    zh: '节点“{name}”:podCIDR {cidr} 不在集群 Pod 网络 {clusterCidr} 之内',
  },
  'cluster.node.podCidrExhausted': {
    en: 'Node "{name}": no free /24 left in the pod network {clusterCidr}; its pods get no address',
    zh: '节点“{name}”:Pod 网络 {clusterCidr} 中已无空闲 /24;该节点上的 Pod 无法获得地址',
  },

  // Pods and workloads.
  'cluster.pod.badContainerPort': {
    en: 'Pod "{pod}": a container port needs containerPort 1-65535 and protocol TCP, UDP or SCTP',
    zh: 'Pod“{pod}”:容器端口需要 1-65535 的 containerPort,协议为 TCP、UDP 或 SCTP',
  },
  'cluster.pod.badDnsPolicy': {
    en: 'dnsPolicy "{value}" is not one of ClusterFirst, ClusterFirstWithHostNet, Default, None',
    zh: 'dnsPolicy“{value}”不是 ClusterFirst、ClusterFirstWithHostNet、Default、None 之一',
  },
  'cluster.pod.badPodIp': { en: 'Pod "{pod}": status.podIP "{ip}" is not an IPv4 address', zh: 'Pod“{pod}”:status.podIP“{ip}”不是 IPv4 地址' },
  'cluster.pod.podIpConflict': {
    en: 'Pod "{pod}": status.podIP {ip} is already another pod\'s address; it gets a new one',
    zh: 'Pod“{pod}”:status.podIP {ip} 已是另一个 Pod 的地址;为它重新分配地址',
  },
  'cluster.pod.unknownNode': {
    en: 'Pod "{pod}" names nodeName "{node}", which is not a node of this cluster: it stays Pending',
    zh: 'Pod“{pod}”指定的 nodeName“{node}”不是本集群的节点:它将一直处于 Pending',
  },
  'cluster.pod.unschedulable': {
    en: 'Pod "{pod}" is Pending (FailedScheduling): {reason}',
    zh: 'Pod“{pod}”处于 Pending(FailedScheduling):{reason}',
  },
  'cluster.pod.noAddress': {
    en: 'Pod "{pod}": node {node} has no free address left in {cidr}',
    zh: 'Pod“{pod}”:节点 {node} 的 {cidr} 中已无空闲地址',
  },
  'cluster.workload.noTemplate': { en: '{kind} "{name}" has no spec.template: it makes no pods', zh: '{kind}“{name}”没有 spec.template:不会创建任何 Pod' },
  'cluster.workload.noSelector': {
    en: '{kind} "{name}": spec.selector is required in apps/v1; the API server refuses the object',
    zh: '{kind}“{name}”:apps/v1 中 spec.selector 为必填项;API Server 会拒绝该对象',
  },
  'cluster.workload.selectorMismatch': {
    en: '{kind} "{name}": `selector` does not match template `labels` (selector {selector}, labels {labels}); the API server refuses the object',
    zh: '{kind}“{name}”:selector 与模板的 labels 不匹配(selector {selector},labels {labels});API Server 会拒绝该对象',
  },
  'cluster.workload.podNameTaken': {
    en: '{kind} "{name}" cannot create pod {pod}: another pod already has that name (AlreadyExists)',
    zh: '{kind}“{name}”无法创建 Pod {pod}:已有同名 Pod(AlreadyExists)',
  },
  'cluster.workload.badReplicas': {
    en: 'replicas "{value}" must be a whole number ≥ 0; the default 1 is used',
    zh: 'replicas“{value}”必须是 ≥ 0 的整数;改用默认值 1',
  },

  // Services (the texts after the colon are the API server's own).
  'cluster.service.invalid': {
    en: 'The Service "{name}" is invalid: {field}: Invalid value: {detail}',
    zh: 'Service“{name}”无效:{field}:Invalid value: {detail}',
  },
  'cluster.service.clusterIpRange': {
    en: 'The Service "{name}" is invalid: {field}: Invalid value: {detail}',
    zh: 'Service“{name}”无效:{field}:Invalid value: {detail}(地址不在 Service 网段内)',
  },
  'cluster.service.clusterIpTaken': {
    en: 'The Service "{name}" is invalid: {field}: Invalid value: {detail}',
    zh: 'Service“{name}”无效:{field}:Invalid value: {detail}(该地址已被占用)',
  },
  'cluster.service.nodePortRange': {
    en: 'The Service "{name}" is invalid: {field}: Invalid value: {detail}',
    zh: 'Service“{name}”无效:{field}:Invalid value: {detail}(端口不在 NodePort 范围内)',
  },
  'cluster.service.nodePortTaken': {
    en: 'The Service "{name}" is invalid: {field}: Invalid value: {detail}',
    zh: 'Service“{name}”无效:{field}:Invalid value: {detail}(该端口已被占用)',
  },
  'cluster.service.clusterIpExhausted': {
    en: 'Service "{name}": no ClusterIP left in {cidr}',
    zh: 'Service“{name}”:{cidr} 中已无可用的 ClusterIP',
  },
  'cluster.service.nodePortExhausted': { en: 'Service "{name}": no NodePort left in the range', zh: 'Service“{name}”:NodePort 范围内已无可用端口' },

  // EndpointSlices written by the user.
  'cluster.slice.badAddressType': {
    en: 'addressType "{value}" must be IPv4, IPv6 or FQDN',
    zh: 'addressType“{value}”必须是 IPv4、IPv6 或 FQDN',
  },
  'cluster.slice.noServiceLabel': {
    en: 'EndpointSlice "{name}" has no kubernetes.io/service-name label: no Service uses it',
    zh: 'EndpointSlice“{name}”没有 kubernetes.io/service-name 标签:不会被任何 Service 使用',
  },
  'cluster.slice.badPort': { en: 'EndpointSlice port #{index} needs a port number and a valid protocol', zh: '第 {index} 个 EndpointSlice 端口需要端口号和合法的协议' },

  // kube-proxy's configuration.
  'cluster.kubeProxy.unknownMode': {
    en: 'kube-proxy mode "{mode}" is unknown (iptables, ipvs or nftables); kube-proxy would not start. Using iptables',
    zh: 'kube-proxy 模式“{mode}”未知(应为 iptables、ipvs 或 nftables);kube-proxy 将无法启动。改用 iptables',
  },
  'cluster.kubeProxy.badClusterCidr': { en: 'clusterCIDR "{value}" is not a valid CIDR', zh: 'clusterCIDR“{value}”不是合法的 CIDR' },
  'cluster.kubeProxy.badConfigMap': {
    en: 'The kube-proxy ConfigMap\'s config.conf is not a valid KubeProxyConfiguration: {detail}',
    zh: 'kube-proxy ConfigMap 中的 config.conf 不是合法的 KubeProxyConfiguration:{detail}',
  },

  // Cross-object lint.
  'cluster.lint.selectorMatchesNothing': {
    en: 'Service "{service}" selects {selector}, but no pod in namespace {namespace} has these labels: it has no endpoints. (A pod counts only when Running with an address; mark one unready with the annotation kube-hops.dev/ready: "false".)',
    zh: 'Service“{service}”的选择器为 {selector},但命名空间 {namespace} 中没有带这些标签的 Pod:它没有任何端点。(可用注解 kube-hops.dev/ready: "false" 把 Pod 标记为未就绪。)',
  },
  'cluster.lint.selectorNearMiss': {
    en: 'Almost a match: {object} has {key}={have}, but Service "{service}" wants {key}={want}',
    zh: '差一点匹配:{object} 的标签是 {key}={have},而 Service“{service}”要求 {key}={want}',
  },
  'cluster.lint.selectorNearMissMissing': {
    en: 'Almost a match: {object} has every label Service "{service}" selects except {key}={want}',
    zh: '差一点匹配:{object} 具备 Service“{service}”选择的所有标签,只缺少 {key}={want}',
  },
  'cluster.lint.selectorOtherNamespace': {
    en: '{object} matches the selector of Service "{service}" but lives in namespace {namespace}; a Service selects pods of its own namespace ({serviceNamespace}) only',
    zh: '{object} 匹配 Service“{service}”的选择器,但位于命名空间 {namespace};Service 只选择自己命名空间({serviceNamespace})中的 Pod',
  },
  'cluster.lint.noReadyEndpoints': {
    en: 'Service "{service}" selects {count} pod(s), but none is ready: it has no ready endpoints (not-ready pods stay in its EndpointSlice with ready: false). A pod is unready when its status says Ready "False", its node is powered off, or it carries the playground annotation kube-hops.dev/ready: "false".',
    zh: 'Service“{service}”选中了 {count} 个 Pod,但没有一个就绪:它没有就绪的端点(未就绪的 Pod 仍留在 EndpointSlice 中,ready: false)。当 Pod 的状态为 Ready "False"、所在节点已关机,或带有演练场注解 kube-hops.dev/ready: "false" 时,它就是未就绪的。',
  },
  'cluster.lint.targetPortUndeclared': {
    en: 'Service "{service}" sends to port {port}/{protocol}, which no selected container declares (declared: {declared}); unless the process listens there, connections are refused',
    zh: 'Service“{service}”把流量发往端口 {port}/{protocol},但被选中的容器都没有声明该端口(已声明:{declared});除非进程确实在此监听,否则连接会被拒绝',
  },
  'cluster.lint.targetPortNameUnresolved': {
    en: 'Service "{service}": no selected container has a port named "{port}" ({protocol}), so this port has no endpoints',
    zh: 'Service“{service}”:被选中的容器中没有名为“{port}”({protocol})的端口,因此该端口没有端点',
  },
}
