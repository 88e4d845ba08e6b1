import type { MessageTable } from '../i18n/types'

export const manifestMessages: MessageTable = {
  'yaml.syntax': { en: 'YAML syntax error: {detail}', zh: 'YAML 语法错误:{detail}' },
  'yaml.warning': { en: 'YAML: {detail}', zh: 'YAML:{detail}' },
  'yaml.aliases': {
    en: 'Too many YAML alias expansions in this document (a "billion laughs" bomb?): {detail}',
    zh: '此文档中的 YAML 别名展开过多(疑似“十亿笑声”炸弹):{detail}',
  },
  'manifest.notObject': {
    en: 'A Kubernetes object must be a mapping with apiVersion, kind and metadata',
    zh: 'Kubernetes 对象必须是包含 apiVersion、kind 和 metadata 的映射',
  },
  'manifest.missingField': { en: 'Missing required field "{field}"', zh: '缺少必填字段“{field}”' },
}
