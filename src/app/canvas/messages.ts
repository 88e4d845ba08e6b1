import type { MessageTable } from '../../engine/i18n/types'

/** The canvas area's texts (joined into the app's table in i18n/messages.ts). */
export const canvasMessages = {
  'canvas.group.workload': { en: '{name} × {count} pods', zh: '{name} × {count} 个 Pod' },
  'canvas.group.nodePods': { en: '{count} pods', zh: '{count} 个 Pod' },
  'canvas.group.workloads': { en: '{count} workloads', zh: '{count} 个工作负载' },
  'canvas.group.bare': { en: '{count} bare pods', zh: '{count} 个独立 Pod' },
  'canvas.group.ready': { en: '{ready}/{count} ready', zh: '{ready}/{count} 就绪' },
  'canvas.group.services': { en: '{namespace}: {count} Services', zh: '{namespace}:{count} 个 Service' },
  'canvas.group.expand': { en: 'Expand', zh: '展开' },
  'canvas.group.collapse': { en: 'Collapse', zh: '收起' },
  'canvas.group.expandLabel': { en: 'Show the {count} objects of {name}', zh: '显示 {name} 的 {count} 个对象' },
  'canvas.group.search': { en: 'Filter by name or IP', zh: '按名称或 IP 筛选' },
  'canvas.group.matches': { en: '{shown} of {count}', zh: '{shown} / {count}' },
  'canvas.group.noMatch': { en: 'No match', zh: '无匹配' },
  'canvas.group.selected': { en: 'Selected: {name}', zh: '已选中:{name}' },
  'canvas.group.help': {
    en: 'A large scenario draws pods per workload per node and Services per namespace. Expand a card to list and select them.',
    zh: '大型场景按节点上的工作负载显示 Pod,按命名空间显示 Service。展开卡片即可列出并选择其中的对象。',
  },
  'canvas.speaker': { en: 'speaker', zh: 'speaker' },
  'canvas.speaker.title': {
    en: 'A MetalLB speaker runs on this node and can announce LoadBalancer addresses',
    zh: '此节点上运行着 MetalLB speaker,可以宣告 LoadBalancer 地址',
  },
  'canvas.speaker.downTitle': {
    en: 'The MetalLB speaker on this node is down with its node: it announces nothing',
    zh: '此节点上的 MetalLB speaker 随节点一起停止,不宣告任何地址',
  },
  'canvas.edge.count': { en: '{count} endpoints, {ready} ready', zh: '{count} 个端点,{ready} 个就绪' },
  // a group card's MetalLB announcement edge: several Services' addresses announced from one node
  'canvas.edge.arpMany': { en: 'ARP {first} and {more} more', zh: 'ARP {first} 及另外 {more} 个地址' },
  'canvas.edge.announceMany': { en: '{count} announcements', zh: '{count} 个宣告' },
} satisfies MessageTable
