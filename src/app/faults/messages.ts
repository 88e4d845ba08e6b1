import type { MessageTable } from '../../engine/i18n/types'

/** The faults area's texts (joined into the app's table in i18n/messages.ts). */
export const faultMessages = {
  'faults.hung': {
    en: 'The simulation engine stopped responding and was restarted. Your YAML is unchanged.',
    zh: '模拟引擎停止响应,已重新启动。你的 YAML 没有改动。',
  },
  'faults.crashed': {
    en: 'The simulation engine crashed and was restarted. Your YAML is unchanged.',
    zh: '模拟引擎崩溃了,已重新启动。你的 YAML 没有改动。',
  },
  'faults.stateReset': {
    en: 'Simulated connections (conntrack, session affinity) start afresh.',
    zh: '模拟的连接状态(conntrack、会话保持)已重新开始。',
  },
  'faults.stopped': {
    en: 'The simulation engine failed {count} times within a minute, so it was stopped. Your YAML is unchanged; the canvas shows the last result.',
    zh: '模拟引擎在一分钟内失败了 {count} 次,因此已停止。你的 YAML 没有改动;画布显示的是上一次的结果。',
  },
  'faults.retry': { en: 'Retry', zh: '重试' },
  'faults.dismiss': { en: 'Dismiss', zh: '关闭' },
  'faults.yamlChecksPaused': {
    en: 'The editor\'s schema checks are paused while the files hold over 1 MB of YAML, so typing stays fast. Problems still lists everything the engine finds.',
    zh: '文件中的 YAML 超过 1 MB,编辑器的模式(schema)检查已暂停,以保持输入流畅。“问题”面板仍会列出引擎发现的所有问题。',
  },
} satisfies MessageTable
