import type { MessageTable } from '../i18n/types'

/**
 * Texts of the manifest stage. Where the API server has its own words (`Invalid value`, `Required value`, the decode
 * error in {apiError}, the format rules in {detail}) they are kept verbatim in English, as kubectl would print them.
 */
export const manifestMessages: MessageTable = {
  'yaml.syntax': { en: 'YAML syntax error: {detail}', zh: 'YAML 语法错误:{detail}' },
  'yaml.moreErrors': {
    en: '{count} more documents in this file have YAML syntax errors (not listed: fix the ones above first)',
    zh: '此文件中还有 {count} 个文档存在 YAML 语法错误(未列出:请先修正上面的错误)',
  },
  'yaml.warning': { en: 'YAML: {detail}', zh: 'YAML:{detail}' },
  'yaml.aliases': {
    en: 'Too many YAML alias expansions in this document (a "billion laughs" bomb?): {detail}',
    zh: '此文档中的 YAML 别名展开过多(疑似“十亿笑声”炸弹):{detail}',
  },
  'input.tooLarge': {
    en: 'The scenario is {size} bytes; the playground reads at most {limit} bytes (5 MiB) of YAML. Nothing was parsed',
    zh: '该场景共 {size} 字节;演练场最多读取 {limit} 字节(5 MiB)的 YAML。未解析任何内容',
  },
  'input.tooManyObjects': {
    en: 'The scenario has {count} objects; the playground reads at most {limit}. Nothing was parsed',
    zh: '该场景包含 {count} 个对象;演练场最多读取 {limit} 个。未解析任何内容',
  },
  'input.tooDeep': {
    en: 'This file nests deeper than the playground reads ({what} depth over {limit}); the file was not parsed',
    zh: '此文件的嵌套深度超出演练场的读取范围({what} 深度超过 {limit});该文件未被解析',
  },
  'input.lineTooLong': {
    en: 'Line of {length} characters; the playground reads lines of at most {limit} (a ConfigMap holds at most 1 MiB). The file was not parsed',
    zh: '该行长 {length} 个字符;演练场最多读取 {limit} 个字符的行(ConfigMap 最多容纳 1 MiB)。该文件未被解析',
  },
  'manifest.notObject': {
    en: 'A Kubernetes object must be a mapping with apiVersion, kind and metadata',
    zh: 'Kubernetes 对象必须是包含 apiVersion、kind 和 metadata 的映射',
  },
  'manifest.missingField': { en: 'Missing required field "{field}"', zh: '缺少必填字段“{field}”' },

  // Kinds
  'manifest.unknownKind': {
    en: '{apiVersion} {kind} is not a kind the playground reads: it is kept, but has no effect',
    zh: '{apiVersion} {kind} 不是本演练场读取的资源类型:它会被保留,但不产生任何效果',
  },
  'manifest.wrongApiVersion': {
    en: 'no matches for kind "{kind}" in version "{apiVersion}": use apiVersion {known}. The object is kept, but has no effect',
    zh: '版本 "{apiVersion}" 中没有资源类型 "{kind}":请使用 apiVersion {known}。该对象会被保留,但不产生任何效果',
  },
  'manifest.duplicateObject': {
    en: '{kind} "{name}" is defined twice; the first definition is at {first}. This second one is ignored',
    zh: '{kind} “{name}” 被定义了两次;第一次定义位于 {first}。这第二个定义被忽略',
  },
  'manifest.rejected': {
    en: 'The {kind} "{name}" is invalid ({count} error(s) on its fields): the API server rejects it, so it is not created',
    zh: '{kind} “{name}” 无效(字段上有 {count} 个错误):API 服务器会拒绝它,因此它不会被创建',
  },

  // Decoding into the Go types: a value of the wrong JSON type
  'manifest.type.string': {
    en: '{path} must be a string (found: {actual}; {apiError})',
    zh: '{path} 必须是字符串(实际为 {actual};{apiError})',
  },
  'manifest.type.stringQuote': {
    en: '{path}: YAML reads {raw} as {actual}, but a string is required; quote it: "{raw}" ({apiError})',
    zh: '{path}:YAML 会把 {raw} 读成 {actual} 类型,但这里需要字符串;请加引号:"{raw}"({apiError})',
  },
  'manifest.type.integer': {
    en: '{path} must be an integer (found: {actual}; {apiError})',
    zh: '{path} 必须是整数(实际为 {actual};{apiError})',
  },
  'manifest.type.integerUnquote': {
    en: '{path} must be an integer, but {raw} is a quoted string; remove the quotes ({apiError})',
    zh: '{path} 必须是整数,但 {raw} 是带引号的字符串;请去掉引号({apiError})',
  },
  'manifest.type.boolean': {
    en: '{path} must be true or false (found: {actual}; {apiError})',
    zh: '{path} 必须是 true 或 false(实际为 {actual};{apiError})',
  },
  'manifest.type.intOrString': {
    en: '{path} must be a port number or a port name (found: {actual}; {apiError})',
    zh: '{path} 必须是端口号或端口名(实际为 {actual};{apiError})',
  },
  'manifest.type.map': {
    en: '{path} must be a mapping of key: value pairs (found: {actual}; {apiError})',
    zh: '{path} 必须是 key: value 形式的映射(实际为 {actual};{apiError})',
  },
  'manifest.type.list': {
    en: '{path} must be a list (items starting with "- ") (found: {actual}; {apiError})',
    zh: '{path} 必须是列表(以 "- " 开头的条目)(实际为 {actual};{apiError})',
  },
  'manifest.type.object': {
    en: '{path} must be a mapping of fields (found: {actual}; {apiError})',
    zh: '{path} 必须是字段映射(实际为 {actual};{apiError})',
  },

  // Field validation, in the API server's words (field.Invalid / NotSupported / Required / Duplicate / Forbidden)
  'manifest.invalidValue': { en: '{path}: Invalid value: {value}: {detail}', zh: '{path}:无效值 {value}:{detail}' },
  'manifest.unsupportedValue': {
    en: '{path}: Unsupported value: {value}: supported values: {supported}',
    zh: '{path}:不支持的值 {value}:支持的值为 {supported}',
  },
  'manifest.requiredValue': { en: '{path}: Required value{detail}', zh: '{path}:缺少必填值{detail}' },
  'manifest.duplicateValue': { en: '{path}: Duplicate value: {value}', zh: '{path}:重复的值 {value}' },
  'manifest.forbidden': { en: '{path}: Forbidden: {detail}', zh: '{path}:禁止设置:{detail}' },
  'manifest.portNameRequired': {
    en: '{path}: Required value (a Service with {count} ports must name every port)',
    zh: '{path}:缺少必填值(有 {count} 个端口的 Service 必须为每个端口命名)',
  },
  'manifest.duplicatePort': {
    en: '{path}: Duplicate value: port {port}/{protocol} is already declared by {first}',
    zh: '{path}:重复的值:端口 {port}/{protocol} 已由 {first} 声明',
  },

  // Read, not simulated
  'manifest.notSimulated.networkPolicy': {
    en: 'NetworkPolicy "{name}" is read but not simulated yet: every packet is still allowed',
    zh: 'NetworkPolicy “{name}” 已读取,但尚未模拟:所有数据包仍然放行',
  },
  'manifest.notSimulated.ipv6': {
    en: '{path}: {value} is IPv6; the playground simulates IPv4 only, so this has no effect yet',
    zh: '{path}:{value} 是 IPv6;演练场目前只模拟 IPv4,因此这一设置暂不生效',
  },
  'manifest.notSimulated.dualStack': {
    en: '{path}: {value} asks for dual-stack; the playground simulates IPv4 only (as SingleStack IPv4)',
    zh: '{path}:{value} 要求双栈;演练场目前只模拟 IPv4(按 SingleStack IPv4 处理)',
  },

  // The playground's Cluster kind
  'manifest.cluster.notIPv4': {
    en: '{path}: "{value}" is not an IPv4 address (the Cluster kind takes IPv4 addresses only)',
    zh: '{path}:“{value}” 不是 IPv4 地址(Cluster 类型只接受 IPv4 地址)',
  },
  'manifest.cluster.notCIDR': {
    en: '{path}: "{value}" is not an IPv4 CIDR such as 10.244.0.0/16',
    zh: '{path}:“{value}” 不是 IPv4 CIDR(例如 10.244.0.0/16)',
  },
  'manifest.cluster.overlap': {
    en: '{path}: {value} overlaps {other}; pod and Service addresses must not overlap',
    zh: '{path}:{value} 与 {other} 重叠;Pod 地址与 Service 地址不能重叠',
  },
  'manifest.cluster.outside': {
    en: '{path}: {value} is not inside the cluster pod CIDR {other}',
    zh: '{path}:{value} 不在集群 Pod CIDR {other} 之内',
  },
  'manifest.cluster.portRange': {
    en: '{path}: {value} is not a port range such as "30000-32767"',
    zh: '{path}:{value} 不是端口范围(例如 "30000-32767")',
  },
  'manifest.cluster.duplicateName': {
    en: '{path}: the name "{value}" is already used by {first}',
    zh: '{path}:名称 “{value}” 已被 {first} 使用',
  },
  'manifest.cluster.duplicateIP': {
    en: '{path}: the address {value} is already used by {first}; two machines on one LAN cannot share an address',
    zh: '{path}:地址 {value} 已被 {first} 使用;同一局域网中的两台机器不能共用一个地址',
  },
}
