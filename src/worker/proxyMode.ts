import { isMap, isScalar, parseAllDocuments, type Document, type Pair, type Scalar } from 'yaml'
import type { ProxyMode } from '../engine/cluster/types'
import type { SourceFile } from '../engine/manifest/types'

/** The file the switch creates when the scenario has no kube-proxy configuration yet. */
export const NEW_CONFIG_FILE = 'kube-proxy.yaml'

/**
 * The scenario's files with kube-proxy switched to `mode`, edited where a person would edit it, in the same place the
 * engine reads it from (cluster/kubeproxy.ts): the first KubeProxyConfiguration document, else the kubeadm ConfigMap
 * kube-system/kube-proxy's `config.conf` (the tutorial's `kubectl edit configmap kube-proxy -n kube-system`, `mode:
 * "ipvs"`), else a new KubeProxyConfiguration file. Only the mode's text changes; the rest of the YAML stays as
 * written, comments included.
 */
export function setProxyMode(files: SourceFile[], mode: ProxyMode): SourceFile[] {
  const docs = files.flatMap((file) => parsed(file).map((doc) => ({ file, doc })))

  const config = docs.find(({ doc }) => field(doc, 'kind') === 'KubeProxyConfiguration')
  if (config) return replaceFile(files, config.file, editTopLevelMode(config.file.text, config.doc, mode))

  const configMap = docs.find(({ doc }) => field(doc, 'kind') === 'ConfigMap'
    && field(doc, 'metadata', 'name') === 'kube-proxy' && field(doc, 'metadata', 'namespace') === 'kube-system')
  const conf = configMap ? node(configMap.doc, 'data', 'config.conf') : undefined
  if (configMap && conf?.range) return replaceFile(files, configMap.file, editEmbeddedMode(configMap.file.text, conf, mode))

  const path = files.some((f) => f.path === NEW_CONFIG_FILE) ? 'kube-proxy-config.yaml' : NEW_CONFIG_FILE
  return [...files, {
    path,
    text: `# kube-proxy's configuration (kubeproxy.config.k8s.io/v1alpha1), written by the mode switch.\n`
      + `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n`,
  }]
}

function parsed(file: SourceFile): Document.Parsed[] {
  try {
    return parseAllDocuments(file.text).filter((d) => d.errors.length === 0 && isMap(d.contents)) as Document.Parsed[]
  } catch {
    return []
  }
}

function node(doc: Document.Parsed, ...path: string[]): Scalar | undefined {
  const n = doc.getIn(path, true)
  return isScalar(n) ? n : undefined
}

function field(doc: Document.Parsed, ...path: string[]): unknown {
  return node(doc, ...path)?.value
}

function replaceFile(files: SourceFile[], file: SourceFile, text: string): SourceFile[] {
  return files.map((f) => (f === file ? { path: f.path, text } : f))
}

/** A scalar's new text in the quoting style it was written in. */
function quoted(style: Scalar['type'] | undefined, mode: string): string {
  if (style === 'QUOTE_DOUBLE') return `"${mode}"`
  if (style === 'QUOTE_SINGLE') return `'${mode}'`
  return mode
}

function editTopLevelMode(text: string, doc: Document.Parsed, mode: ProxyMode): string {
  const current = node(doc, 'mode')
  if (current?.range) {
    const [start, end] = current.range
    return text.slice(0, start) + quoted(current.type, mode) + text.slice(end)
  }
  // No mode yet: a new line right after `kind: KubeProxyConfiguration`, at the same indentation.
  const pairs = (doc.contents as { items: Pair[] }).items
  const kindPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'kind')
  const key = kindPair?.key as Scalar | undefined
  const value = kindPair?.value as Scalar | undefined
  if (!key?.range || !value?.range) return text
  const lineStart = text.lastIndexOf('\n', key.range[0] - 1) + 1
  const indent = text.slice(lineStart, key.range[0])
  const lineEnd = text.indexOf('\n', value.range[1])
  const at = lineEnd === -1 ? text.length : lineEnd
  return `${text.slice(0, at)}\n${indent}mode: ${mode}${text.slice(at)}`
}

/**
 * The `mode:` line inside the ConfigMap's `config.conf` block (kubeadm writes `mode: ""`), edited in the block's
 * raw text. Without one, a `mode:` line is added as the block's first line, at its indentation.
 */
function editEmbeddedMode(text: string, conf: Scalar, mode: ProxyMode): string {
  const [start, end] = conf.range!
  const block = text.slice(start, end)
  const lines = block.split('\n')
  const content = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > 0 && l.trim() !== '')
  const topIndent = Math.min(...content.map(({ l }) => l.length - l.trimStart().length))
  for (const { l, i } of content) {
    const m = /^(\s*)mode:(\s*)(.*?)(\s*(#.*)?)$/.exec(l)
    if (!m || m[1].length !== topIndent) continue
    const style = m[3].startsWith('"') ? 'QUOTE_DOUBLE' : m[3].startsWith("'") ? 'QUOTE_SINGLE' : 'PLAIN'
    lines[i] = `${m[1]}mode:${m[2] || ' '}${quoted(style, mode)}${m[4] ?? ''}`
    return text.slice(0, start) + lines.join('\n') + text.slice(end)
  }
  if (content.length === 0) return text
  const first = content[0].i
  lines.splice(first, 0, `${' '.repeat(topIndent)}mode: "${mode}"`)
  return text.slice(0, start) + lines.join('\n') + text.slice(end)
}
