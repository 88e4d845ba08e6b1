import type { MessageTable } from '../i18n/types'

export const shellMessages: MessageTable = {
  'shell.where.unknown': {
    en: 'There is no {kind} "{name}" in this scenario (from "{where}"). Use node/NAME, client/NAME, router/NAME, or a pod as NAMESPACE/NAME or NAME.',
    zh: '此场景中没有 {kind}“{name}”(来自“{where}”)。请使用 node/名称、client/名称、router/名称,或以 命名空间/名称 或 名称 指定 Pod。',
  },
  'shell.internalError': {
    en: '{command}: the playground failed while running this command ({detail}). This is a bug in Kube Hops.',
    zh: '{command}:演练场在运行此命令时出错({detail})。这是 Kube Hops 的缺陷。',
  },
  'shell.cli.unknownOption': { en: 'Unknown option "{option}"', zh: '未知选项“{option}”' },
  'shell.cli.missingValue': { en: 'Option {option} needs a value', zh: '选项 {option} 需要一个值' },
  'shell.cli.badValue': { en: 'Option {option} does not accept "{value}" (expected {expected})', zh: '选项 {option} 不接受“{value}”(应为 {expected})' },
  'shell.cli.unknownCommand': { en: 'Unknown command "{command}"', zh: '未知命令“{command}”' },
  'shell.cli.missingCommand': { en: 'No command given', zh: '未指定命令' },
  'shell.cli.execNeedsCommand': {
    en: 'exec needs a place and a command: exec WHERE [--repeat N] [--interval MS] [--concurrency C] -- COMMAND ARGS...',
    zh: 'exec 需要指定位置和命令:exec 位置 [--repeat N] [--interval 毫秒] [--concurrency C] -- 命令 参数...',
  },
  'shell.cli.fileTooLarge': {
    en: '{path} is {size} bytes; the limit is {limit} bytes per file',
    zh: '{path} 大小为 {size} 字节;每个文件的上限为 {limit} 字节',
  },
  'shell.cli.unreadable': { en: 'Cannot read {path}: {detail}', zh: '无法读取 {path}:{detail}' },
  'shell.cli.noYaml': { en: 'No YAML files (*.yaml, *.yml) in {path}', zh: '{path} 中没有 YAML 文件(*.yaml、*.yml)' },
  'shell.cli.unknownScenario': {
    en: 'No gallery scenario named "{name}"; the gallery has: {names}',
    zh: '图库中没有名为“{name}”的场景;现有场景:{names}',
  },
  'shell.cli.scenarioAndFiles': {
    en: '--scenario and -f cannot be used together',
    zh: '--scenario 与 -f 不能同时使用',
  },
}
