import type { MessageTable } from '../i18n/types'

/** Summaries and refusals of what-if edits. */
export const whatIfMessages: MessageTable = {
  'whatif.deletePod.replaced': {
    en: 'Deleted pod {pod} ({ip}). Its {controller} replaced it: {newPod} ({newIp}). The endpoints follow the new pod.',
    zh: '已删除 Pod {pod}({ip})。它的 {controller} 创建了替代 Pod:{newPod}({newIp})。端点随之指向新 Pod。',
  },
  'whatif.deletePod.bare': {
    en: 'Deleted pod {pod} ({ip}). No controller owns it, so nothing recreates it.',
    zh: '已删除 Pod {pod}({ip})。它不属于任何控制器,因此不会被重建。',
  },
  'whatif.recreatePod': {
    en: 'Deleted and applied pod {pod} again: it had {ip}, now {newIp} (the node\'s IPAM hands out the next address, not the freed one).',
    zh: '已删除并重新创建 Pod {pod}:原地址 {ip},新地址 {newIp}(节点的 IPAM 分配下一个地址,而不是刚释放的地址)。',
  },
  'whatif.ready.false': {
    en: 'Pod {pod} now fails its readiness probe: it leaves the ready endpoints of its Services.',
    zh: 'Pod {pod} 的就绪探针现在失败:它从所属 Service 的就绪端点中移除。',
  },
  'whatif.ready.true': {
    en: 'Pod {pod} passes its readiness probe again: it is a ready endpoint again.',
    zh: 'Pod {pod} 的就绪探针重新通过:它再次成为就绪端点。',
  },
  'whatif.cordon': {
    en: 'Cordoned {node}: no new pod is scheduled there.',
    zh: '已封锁节点 {node}:不再向其调度新 Pod。',
  },
  'whatif.cordon.moved': {
    en: 'Cordoned {node}: no new pod is scheduled there. A real cordon leaves running pods in place, but the playground places every pod afresh, so these now run elsewhere: {pods}.',
    zh: '已封锁节点 {node}:不再向其调度新 Pod。真实的 cordon 不会移动正在运行的 Pod,但本模拟器每次都重新放置所有 Pod,因此它们现在运行在其他节点上:{pods}。',
  },
  'whatif.uncordon': {
    en: 'Uncordoned {node}: pods can be scheduled there again.',
    zh: '已解除节点 {node} 的封锁:Pod 可以再次调度到该节点。',
  },
  'whatif.drain': {
    en: 'Drained {node}: cordoned, and evicted {count} pod(s) ({pods}); their controllers recreated them on other nodes. Daemon pods stay.',
    zh: '已排空节点 {node}:已封锁,并驱逐了 {count} 个 Pod({pods});它们的控制器在其他节点上重建了它们。守护进程 Pod 保留。',
  },
  'whatif.powerOff': {
    en: 'Powered {node} off: it is NotReady and its pods stop being ready endpoints (they stay bound to it).',
    zh: '已关闭节点 {node}:它变为 NotReady,其上的 Pod 不再是就绪端点(仍绑定在该节点上)。',
  },
  'whatif.powerOn': {
    en: 'Powered {node} on: it is Ready again, and so are its pods.',
    zh: '已开启节点 {node}:它重新变为 Ready,其上的 Pod 也恢复就绪。',
  },
  'whatif.scale': {
    en: 'Scaled {workload} from {from} to {to} replicas.',
    zh: '已将 {workload} 的副本数从 {from} 调整为 {to}。',
  },
  'whatif.error.noPod': {
    en: 'There is no pod {pod} in the scenario.',
    zh: '场景中没有 Pod {pod}。',
  },
  'whatif.error.noNode': {
    en: 'There is no node {node} in the scenario.',
    zh: '场景中没有节点 {node}。',
  },
  'whatif.error.noWorkload': {
    en: 'There is no workload {workload} in the scenario.',
    zh: '场景中没有工作负载 {workload}。',
  },
  'whatif.error.system': {
    en: '{name} is part of the playground\'s own setup (not in your YAML), so it cannot be changed from here.',
    zh: '{name} 属于模拟器自带的组件(不在你的 YAML 中),无法在此修改。',
  },
  'whatif.error.notInYaml': {
    en: 'Could not find {name} in the YAML files (it may sit in a List or in a document with a syntax error).',
    zh: '在 YAML 文件中找不到 {name}(它可能在 List 中,或者所在文档有语法错误)。',
  },
  'whatif.error.replicas': {
    en: 'Replicas must be a whole number from 0 to {max}.',
    zh: '副本数必须是 0 到 {max} 之间的整数。',
  },
  'whatif.error.daemonSet': {
    en: 'A DaemonSet runs one pod per eligible node: it has no replicas to scale.',
    zh: 'DaemonSet 在每个符合条件的节点上运行一个 Pod:没有可调整的副本数。',
  },
  'whatif.error.drainBarePods': {
    en: 'cannot delete Pods that declare no controller (use --force to override): {pods}',
    zh: '无法删除没有声明控制器的 Pod(使用 --force 强制执行):{pods}',
  },
  'whatif.error.recreateOwned': {
    en: '{pod} belongs to {controller}: delete it instead, and the controller recreates it.',
    zh: '{pod} 属于 {controller}:请直接删除它,控制器会重建它。',
  },
}
