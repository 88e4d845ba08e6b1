import type { MessageTable } from '../../engine/i18n/types'

/**
 * The what-if menu's and notice's texts (en + zh), loaded with the menu: only the texts the first screen shows live in
 * messages.ts, which is part of the page's first JavaScript (200 KB budget, bench/gates.test.ts).
 */
export const whatifMenuMessages = {
  'whatif.menu': { en: 'What if: {name}', zh: '假如:{name}' },
  'whatif.loading': { en: 'Finding what applies…', zh: '正在查找可用操作…' },
  'whatif.none': { en: 'No what-if applies to {name}', zh: '没有可用于 {name} 的假设操作' },
  'whatif.action.deletePod.replaced': { en: 'Delete pod (its controller recreates it)', zh: '删除 Pod(其控制器会重建它)' },
  'whatif.action.deletePod.bare': { en: 'Delete pod (nothing recreates it)', zh: '删除 Pod(不会被重建)' },
  'whatif.action.recreatePod': { en: 'Delete and apply again (gets a new IP)', zh: '删除并重新应用(获得新 IP)' },
  'whatif.action.failReadiness': { en: 'Fail readiness probe', zh: '使就绪探针失败' },
  'whatif.action.restoreReadiness': { en: 'Restore readiness', zh: '恢复就绪' },
  'whatif.action.cordon': { en: 'Cordon', zh: '封锁(cordon)' },
  'whatif.action.uncordon': { en: 'Uncordon', zh: '解除封锁(uncordon)' },
  'whatif.action.drain': { en: 'Drain (kubectl drain --ignore-daemonsets)', zh: '排空(kubectl drain --ignore-daemonsets)' },
  'whatif.action.drainForce': { en: 'Drain --force (its bare pods are deleted)', zh: '强制排空 --force(其独立 Pod 会被删除)' },
  'whatif.action.powerOff': { en: 'Power off', zh: '关机' },
  'whatif.action.powerOn': { en: 'Power on', zh: '开机' },
  'whatif.action.scale': { en: 'Scale {workload}…', zh: '扩缩容 {workload}…' },
  'whatif.scale.title': { en: 'Scale {workload}', zh: '扩缩容 {workload}' },
  'whatif.scale.replicas': { en: 'Replicas', zh: '副本数' },
  'whatif.apply': { en: 'Apply', zh: '应用' },
  'whatif.cancel': { en: 'Cancel', zh: '取消' },
  'whatif.undo': { en: 'Undo', zh: '撤销' },
  'whatif.dismiss': { en: 'Dismiss', zh: '关闭' },
  'whatif.notice': { en: 'What-if result', zh: '假设操作结果' },
  'whatif.busy': { en: 'Applying…', zh: '正在应用…' },
  'whatif.stale': {
    en: 'The YAML changed while the what-if was computed; nothing was applied. Try again.',
    zh: '计算假设操作期间 YAML 已被修改,未应用任何更改。请重试。',
  },
  'whatif.undoStale': {
    en: 'The YAML changed since this what-if; use Ctrl+Z in the editor instead.',
    zh: '此假设操作之后 YAML 已被修改;请在编辑器中使用 Ctrl+Z 撤销。',
  },
  'whatif.undone': { en: 'Undone: the YAML is as it was before the what-if.', zh: '已撤销:YAML 已恢复到假设操作之前的状态。' },
  'whatif.noWorker': { en: 'The engine is not running; reload the page.', zh: '引擎未运行;请重新加载页面。' },
} satisfies MessageTable
