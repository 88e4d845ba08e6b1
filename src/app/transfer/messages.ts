import type { MessageTable } from '../../engine/i18n/types'

/** The transfer area's texts (joined into the app's table in i18n/messages.ts). */
export const transferMessages = {
  'transfer.import': { en: 'Import', zh: '导入' },
  'transfer.importHelp': { en: 'Import a kubectl get -o yaml dump or a Helm rendered file', zh: '导入 kubectl get -o yaml 的输出或 Helm 渲染的文件' },
  'transfer.export': { en: 'Export', zh: '导出' },
  'transfer.exportHelp': { en: 'Save the scenario as YAML, the canvas as PNG or SVG, or run it on a real cluster', zh: '将场景保存为 YAML、将画布保存为 PNG 或 SVG,或在真实集群上运行' },
} satisfies MessageTable
