import type { MessageTable } from '../../engine/i18n/types'

/** The whatif area's texts (joined into the app's table in i18n/messages.ts). */
export const whatifMessages = {
  'help.whatif': { en: 'What-if menu of the focused pod or node (or right-click it)', zh: '聚焦的 Pod 或节点的假设操作菜单(或右键单击)' },
  'whatif.open': { en: 'What if…', zh: '假如…' },
} satisfies MessageTable
