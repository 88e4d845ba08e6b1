import { has, run } from './sh'

/** Can the harness run here? Root, the tools, network namespaces. Each missing piece is named. */
export function netfilterPreflight(): string[] {
  const missing: string[] = []
  if (process.getuid?.() !== 0) missing.push('not root')
  for (const tool of ['ip', 'bridge', 'iptables-restore', 'iptables-save', 'nfacct', 'conntrack', 'socat', 'busybox', 'ss']) if (!has(tool)) missing.push(`no ${tool}`)
  if (missing.length === 0) {
    const probe = run(['ip', 'netns', 'add', 'kh-preflight'])
    if (probe.status !== 0) missing.push(`no network namespaces (${probe.stderr.trim()})`)
    else run(['ip', 'netns', 'del', 'kh-preflight'])
  }
  return missing
}

export function nginxPreflight(): string[] {
  return ['nginx', 'curl'].filter((t) => !has(t)).map((t) => `no ${t}`)
}

export function dnsPreflight(): string[] {
  return ['dig', 'busybox'].filter((t) => !has(t)).map((t) => `no ${t}`)
}
