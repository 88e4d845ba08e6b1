import type { MessageTable } from '../../engine/i18n/types'

/**
 * The Import dialog's, Export menu's and kind dialog's texts (en + zh), loaded with them: only the toolbar buttons'
 * texts live in messages.ts, which is part of the page's first JavaScript (200 KB budget, bench/gates.test.ts).
 */
export const transferDialogMessages = {
  'import.title': { en: 'Import manifests', zh: '导入清单' },
  'import.intro': {
    en: 'Paste the output of kubectl get all,ingress,endpointslices,configmaps -A -o yaml (or -o json), or a Helm rendered file, or drop or pick a file. It is read here in the browser; nothing is sent anywhere.',
    zh: '粘贴 kubectl get all,ingress,endpointslices,configmaps -A -o yaml(或 -o json)的输出或 Helm 渲染的文件,也可以拖入或选择文件。文件只在浏览器中读取,不会发送到任何地方。',
  },
  'import.text': { en: 'Manifests to import', zh: '要导入的清单' },
  'import.placeholder': { en: 'apiVersion: v1\nkind: List\nitems: …', zh: 'apiVersion: v1\nkind: List\nitems: …' },
  'import.pick': { en: 'Choose a file…', zh: '选择文件…' },
  'import.drop': { en: 'or drop a file here', zh: '或将文件拖到此处' },
  'import.redact': { en: 'Redact Secret data (TLS certificates and htpasswd lines are kept)', zh: '隐去 Secret 数据(保留 TLS 证书和 htpasswd 行)' },
  'import.read': { en: 'Read', zh: '读取' },
  'import.reading': { en: 'Reading…', zh: '正在读取…' },
  'import.tooLarge': { en: 'The file is larger than {max} MB; the playground reads at most that much.', zh: '文件超过 {max} MB;本实验场最多读取这么大的文件。' },
  'import.empty': { en: 'Nothing to import: paste manifests or choose a file first.', zh: '没有可导入的内容:请先粘贴清单或选择文件。' },
  'import.nothingTaken': { en: 'No object could be taken from this text.', zh: '未能从该文本中读取任何对象。' },
  'import.summary': { en: 'Summary', zh: '摘要' },
  'import.taken': { en: 'Taken: {count} object(s)', zh: '已读取:{count} 个对象' },
  'import.files': { en: 'Files: {files}', zh: '文件:{files}' },
  'import.leftOut': { en: 'Left out: {count}', zh: '未导入:{count} 个' },
  'import.stripped': { en: '{count} field(s) of noise removed (managedFields, resourceVersion, last-applied-configuration, …)', zh: '已移除 {count} 个无关字段(managedFields、resourceVersion、last-applied-configuration 等)' },
  'import.redacted': { en: '{count} Secret value(s) replaced by placeholders', zh: '{count} 个 Secret 值已替换为占位符' },
  'import.problems': { en: 'Problems', zh: '问题' },
  'import.replace': { en: 'Replace current', zh: '替换当前场景' },
  'import.openNew': { en: 'Open as a new scenario', zh: '作为新场景打开' },
  'import.workspaceName': { en: 'Imported manifests', zh: '导入的清单' },
  'import.opened': { en: 'Opened the import as a new scenario.', zh: '已将导入内容作为新场景打开。' },
  'import.openedDraft': {
    en: 'Opened the import as a new scenario; your previous work is kept in the list as a draft.',
    zh: '已将导入内容作为新场景打开;你之前的工作已作为草稿保留在列表中。',
  },
  'import.cancel': { en: 'Cancel', zh: '取消' },
  'import.replaced': {
    en: 'Imported {count} object(s) in place of the scenario\'s files. Undo brings the previous files back.',
    zh: '已导入 {count} 个对象,替换了场景的文件。点击"撤销"可恢复之前的文件。',
  },
  'export.yamlOne': { en: 'Scenario as one YAML file', zh: '场景导出为一个 YAML 文件' },
  'export.yamlEach': { en: 'Scenario as YAML files (one per tab)', zh: '场景导出为多个 YAML 文件(每个标签页一个)' },
  'export.svg': { en: 'Canvas as SVG', zh: '画布导出为 SVG' },
  'export.png': { en: 'Canvas as PNG', zh: '画布导出为 PNG' },
  'export.kind': { en: 'Run it on a real cluster (kind)…', zh: '在真实集群上运行(kind)…' },
  'export.noCanvas': { en: 'The canvas has nothing to export yet.', zh: '画布上还没有可导出的内容。' },
  'export.failed': { en: 'The export failed: {message}', zh: '导出失败:{message}' },
  'export.saved': { en: 'Saved {name}.', zh: '已保存 {name}。' },
  'kind.title': { en: 'Run it on a real cluster', zh: '在真实集群上运行' },
  'kind.intro': {
    en: 'This bash script creates a kind cluster shaped like the scenario (its nodes, pod and Service subnets, kube-proxy mode), installs ingress-nginx and MetalLB when the scenario uses them, applies the manifests, waits for them, and runs the suggested requests. It needs docker, kind and kubectl on your machine; read it before you run it.',
    zh: '这个 bash 脚本会创建一个与场景结构相同的 kind 集群(节点、Pod 与 Service 网段、kube-proxy 模式),在场景用到时安装 ingress-nginx 和 MetalLB,应用清单并等待其就绪,然后运行建议的请求。你的机器上需要有 docker、kind 和 kubectl;运行前请先阅读脚本。',
  },
  'kind.differences': {
    en: 'On kind, addresses differ from the playground\'s: kind\'s docker network replaces the lab LAN, and the script maps the scenario\'s LAN addresses onto it.',
    zh: '在 kind 上,地址与实验场不同:kind 的 docker 网络取代了实验室局域网,脚本会把场景中的局域网地址映射到该网络。',
  },
  'kind.script': { en: 'kind script', zh: 'kind 脚本' },
  'kind.loading': { en: 'Writing the script…', zh: '正在生成脚本…' },
  'kind.copy': { en: 'Copy', zh: '复制' },
  'kind.copied': { en: 'Copied', zh: '已复制' },
  'kind.copyFailed': { en: 'The browser refused the clipboard; select the text and copy it.', zh: '浏览器拒绝访问剪贴板;请选中文本后复制。' },
  'kind.download': { en: 'Download', zh: '下载' },
  'kind.close': { en: 'Close', zh: '关闭' },
} satisfies MessageTable
