import type { Lang, MessageTable } from './types'
import { manifestMessages } from '../manifest/messages'
import { clusterMessages } from '../cluster/messages'
import { traceMessages } from '../trace/messages'
import { shellMessages } from '../shell/messages'
import { kubeProxyMessages } from '../dataplane/kubeproxy/messages'
import { dnsMessages } from '../dataplane/dns/messages'
import { ingressMessages } from '../dataplane/ingress/messages'
import { metallbMessages } from '../dataplane/metallb/messages'
import { ipvsMessages } from '../dataplane/kubeproxy/ipvs/messages'
import { nftMessages } from '../dataplane/kubeproxy/nftables/messages'
import { whatIfMessages } from '../whatif/messages'
import { importerMessages } from '../importer/messages'

/**
 * The one catalogue of engine texts, used by the app and the CLI alike. Each stage keeps its own table next to its
 * code (so the text sits beside the rule that emits it); this file only joins them.
 */
export const catalog: MessageTable = {
  ...manifestMessages,
  ...clusterMessages,
  ...traceMessages,
  ...shellMessages,
  ...kubeProxyMessages,
  ...dnsMessages,
  ...ingressMessages,
  ...metallbMessages,
  ...ipvsMessages,
  ...nftMessages,
  ...whatIfMessages,
  ...importerMessages,
}

/** The text for a code in a language, with `{param}` placeholders filled. Unknown codes render as the code itself. */
export function formatMessage(code: string, params: Record<string, string>, lang: Lang = 'en'): string {
  const entry = catalog[code]
  const template = entry ? entry[lang] : code
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? params[key] : whole))
}
