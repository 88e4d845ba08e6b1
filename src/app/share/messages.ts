import type { MessageTable } from '../../engine/i18n/types'
import type { ShareError } from './types'

/** Texts for refused links and files, to join into the app's messages. `invalid-field` has a {field} placeholder. */
export const shareMessages = {
  'share.error.truncated': {
    en: 'This share link is incomplete: it was probably cut off when it was copied. Ask for the whole link, or for the .kubehops.json file.',
    zh: '此分享链接不完整:很可能在复制时被截断了。请索要完整的链接,或者 .kubehops.json 文件。',
  },
  'share.error.bad-base64': {
    en: 'This share link contains characters a Kube Hops link never has (it is not base64url).',
    zh: '此分享链接包含 Kube Hops 链接中不会出现的字符(不是 base64url)。',
  },
  'share.error.too-large': {
    en: 'This share link or file is larger than Kube Hops accepts, so it was not opened.',
    zh: '此分享链接或文件超过了 Kube Hops 接受的大小,因此没有打开。',
  },
  'share.error.bomb': {
    en: 'This share link expands to more than 2 MB: it was refused before it could use up memory.',
    zh: '此分享链接解压后超过 2 MB:在它耗尽内存之前已被拒绝。',
  },
  'share.error.corrupt': {
    en: 'This share link or file is damaged: its content cannot be read.',
    zh: '此分享链接或文件已损坏:无法读取其内容。',
  },
  'share.error.bad-version': {
    en: 'This link or file is not a Kube Hops scenario of a version this page understands (made by a newer Kube Hops, or not Kube Hops at all).',
    zh: '此链接或文件不是本页面能识别的 Kube Hops 场景版本(可能来自更新的 Kube Hops,或者根本不是 Kube Hops)。',
  },
  'share.error.invalid-field': {
    en: 'This share link or file has an invalid value at {field}, so nothing from it was opened.',
    zh: '此分享链接或文件中 {field} 处的值无效,因此没有打开其中任何内容。',
  },
  'share.kept': {
    en: 'Your current work is kept as a draft in your scenarios.',
    zh: '你当前的工作已作为草稿保存在你的场景列表中。',
  },
  'share.notExact': {
    en: 'More than 200 requests ran on this simulation before the one shown, so the link cannot replay them: it carries this request alone, which may reach a different pod when opened.',
    zh: '在所示请求之前,此模拟上已运行了 200 多个请求,链接无法重放它们:链接只携带这一个请求,打开时它可能到达不同的 Pod。',
  },
  'share.offerFile': {
    en: 'This scenario is too large for a link ({length} characters). Download it as a .kubehops.json file and share the file instead.',
    zh: '此场景太大,无法放进链接({length} 个字符)。请下载为 .kubehops.json 文件并分享该文件。',
  },
} satisfies MessageTable

/** The catalogue code and params for a refusal (`invalid-field:files.2.path` → code + {field: 'files.2.path'}). */
export function shareErrorMessage(error: ShareError): { code: keyof typeof shareMessages; params: Record<string, string> } {
  if (error.startsWith('invalid-field:')) return { code: 'share.error.invalid-field', params: { field: error.slice('invalid-field:'.length) } }
  return { code: `share.error.${error as Exclude<ShareError, `invalid-field:${string}`>}`, params: {} }
}
