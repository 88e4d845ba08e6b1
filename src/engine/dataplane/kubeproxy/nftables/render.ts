import type { NftChain, NftRule, NftSet, NftTable } from './compile'

/**
 * The table as `nft list table ip kube-proxy` / `nft list ruleset` print it (nftables 1.0.x): a tab per level, sets
 * and maps first, then chains, in the order they were added; rules in nft's normalised form (`meta mark set meta
 * mark | 0x00004000`); base chains with their symbolic priorities (rule.c chain_prio2str: within 10 of a standard
 * priority valid for the hook, as "dstnat - 10"). Also the `nft -f` transaction kube-proxy sends.
 */

const hex8 = (n: number) => '0x' + n.toString(16).padStart(8, '0')

export function ruleText(r: NftRule): string {
  switch (r.k) {
    case 'ctNewJump': return `ct state new jump ${r.chain}`
    case 'jump': return `jump ${r.chain}`
    case 'goto': return `goto ${r.chain}`
    case 'vmapDaddrProtoPort': return `ip daddr . meta l4proto . th dport vmap @${r.map}`
    case 'vmapNodePort': return `ip daddr @nodeport-ips meta l4proto . th dport vmap @${r.map}`
    case 'markOr': return `meta mark set meta mark | ${hex8(r.value)}`
    case 'markAndZeroReturn': return `meta mark & ${hex8(r.value)} == ${hex8(0)} return`
    case 'markXor': return `meta mark set meta mark ^ ${hex8(r.value)}`
    case 'masquerade': return 'masquerade fully-random'
    case 'rejectClusterIP': return 'ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"'
    // nft lists a one-element anonymous set as the bare value (netlink_delinearize: a singleton set is folded)
    case 'dropServiceCIDR': return `ip daddr ${r.cidrs.length === 1 ? r.cidrs[0] : `{ ${r.cidrs.join(', ')} }`} drop comment "Drop traffic to unallocated ClusterIPs"`
    case 'reject': return 'reject'
    case 'svcMasq': return `ip daddr ${r.ip} ${r.proto} dport ${r.port}${r.notSrc ? ` ip saddr != ${r.notSrc}` : ''} jump mark-for-masquerade`
    case 'affinityCheck': return `ip saddr @${r.set} goto ${r.chain}`
    case 'numgen': return `numgen random mod ${r.chains.length} vmap { ${r.chains.map((c, i) => `${i} : goto ${c}`).join(', ')} }`
    case 'hairpin': return `ip saddr ${r.ip} jump mark-for-masquerade`
    case 'affinityUpdate': return `update @${r.set} { ip saddr }`
    case 'dnat': return `meta l4proto ${r.proto} dnat to ${r.to}`
    case 'srcGoto': return `ip saddr ${r.cidr} goto ${r.chain} comment "short-circuit pod traffic"`
    case 'fibLocalMark': return 'fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"'
    case 'fibLocalGoto': return `fib saddr type local goto ${r.chain} comment "short-circuit local traffic"`
    // nft lists a one-element anonymous set as the bare value, and a /32 prefix as the address (seen with nft 1.0.6)
    case 'srcNotInDrop': {
      const values = r.cidrs.map((c) => c.replace(/\/32$/, ''))
      return `ip saddr != ${values.length === 1 ? values[0] : `{ ${values.join(', ')} }`} drop`
    }
  }
}

/** A rule as kube-proxy writes it (proxier.go), where that differs from nft's listing of it. */
function inputText(r: NftRule): string {
  switch (r.k) {
    case 'markOr': return `mark set mark or 0x${r.value.toString(16)}`
    case 'markAndZeroReturn': return `mark and 0x${r.value.toString(16)} == 0 return`
    case 'markXor': return `mark set mark xor 0x${r.value.toString(16)}`
    case 'numgen': return `numgen random mod ${r.chains.length} vmap { ${r.chains.map((c, i) => `${i} : goto ${c}`).join(' , ')} }`
    case 'dropServiceCIDR': return `ip daddr { ${r.cidrs.join(', ')} } drop comment "Drop traffic to unallocated ClusterIPs"`
    case 'srcNotInDrop': return `ip saddr != { ${r.cidrs.join(', ')} } drop`
    default: return ruleText(r)
  }
}

// nftables rule.c std_prios and std_prio_family_hook_compat: dstnat only at prerouting, srcnat only at postrouting
// (checked with nft 1.0.6 here: an output-hook chain at -100 lists as `priority -100`)
function priorityText(hook: string, prio: number): string {
  const std: [string, number, string[] | undefined][] = [
    ['raw', -300, undefined], ['mangle', -150, undefined], ['dstnat', -100, ['prerouting']],
    ['filter', 0, undefined], ['security', 50, undefined], ['srcnat', 100, ['postrouting']],
  ]
  for (const [name, val, hooks] of std) {
    if (hooks && !hooks.includes(hook)) continue
    const off = prio - val
    if (off === 0) return name
    if (Math.abs(off) <= 10) return `${name} ${off < 0 ? '-' : '+'} ${Math.abs(off)}`
  }
  return String(prio)
}

function elementText(e: { key: string; verdict?: string; comment?: string }): string {
  return `${e.key}${e.comment ? ` comment "${e.comment}"` : ''}${e.verdict ? ` : ${e.verdict}` : ''}`
}

const PROTO_NUMBER: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 }

// nft lists a set's elements sorted by their key's bytes: addresses and ports as numbers, protocols by number
function byKey(a: { key: string }, b: { key: string }): number {
  const pa = a.key.split(' . ')
  const pb = b.key.split(' . ')
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const d = keyValue(pa[i]) - keyValue(pb[i])
    if (d !== 0) return d
  }
  return 0
}

function keyValue(part: string): number {
  if (part in PROTO_NUMBER) return PROTO_NUMBER[part]
  if (part.includes('.')) return part.split('.').reduce((n, o) => n * 256 + Number(o), 0)
  return Number(part)
}

function setText(s: NftSet): string {
  let out = `\t${s.kind} ${s.name} {\n\t\ttype ${s.type}\n`
  // A set that rules `update` from the packet path (the affinity sets) is sized by the kernel when the dynset
  // expression binds it (nft_dynset_init: 65535 for a set without a size), and nft lists that size (seen with nft 1.0.6)
  if (s.flags?.includes('dynamic')) out += '\t\tsize 65535\n'
  if (s.flags) out += `\t\tflags ${s.flags}\n`
  if (s.timeout) out += `\t\ttimeout ${formatTimeout(s.timeout)}\n`
  if (s.comment) out += `\t\tcomment "${s.comment}"\n`
  if (s.elements.length > 0) {
    const perLine = elementsPerLine(s.type)
    let text = ''
    ;[...s.elements].sort(byKey).forEach((e, i) => {
      if (i > 0) text += i % perLine === 0 ? ',\n\t\t\t     ' : ', '
      text += elementText(e)
    })
    out += `\t\telements = { ${text} }\n`
  }
  return out + '\t}\n'
}

// nftables expression.c calculate_delim: a named set's elements wrap after 5 per line for integer-like types (ports,
// protocols, marks), after 2 for addresses, and after each one for anything else (concatenations, maps' keys)
function elementsPerLine(type: string): number {
  if (type.includes(' . ')) return 1
  if (['inet_service', 'inet_proto', 'mark', 'integer', 'nf_proto', 'ifindex', 'uid', 'gid'].includes(type)) return 5
  if (['ipv4_addr', 'ipv6_addr', 'ct_state', 'ct_status', 'pkttype'].includes(type)) return 2
  return 1
}

// nft prints timeouts as 3h, 10800s → "3h", 90s → "1m30s"
function formatTimeout(seconds: number): string {
  let s = seconds
  const d = Math.floor(s / 86400); s %= 86400
  const h = Math.floor(s / 3600); s %= 3600
  const m = Math.floor(s / 60); s %= 60
  return `${d ? d + 'd' : ''}${h ? h + 'h' : ''}${m ? m + 'm' : ''}${s ? s + 's' : ''}` || '0s'
}

function chainText(c: NftChain): string {
  let out = `\tchain ${c.name} {\n`
  if (c.comment) out += `\t\tcomment "${c.comment}"\n`
  if (c.base) out += `\t\ttype ${c.base.type} hook ${c.base.hook} priority ${priorityText(c.base.hook, c.base.priority)}; policy accept;\n`
  for (const r of c.rules) out += `\t\t${ruleText(r)}\n`
  return out + '\t}\n'
}

export function renderNftTable(t: NftTable): string {
  const parts = [...t.sets.map(setText), ...t.chains.map(chainText)]
  return `table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n${parts.join('\n')}}\n`
}

/** kube-proxy's `nft -f` input for a full sync (knftables' transaction text): add, then flush, then rules and elements. */
export function renderNftTransaction(t: NftTable): string {
  let out = 'add table ip kube-proxy { comment "rules for kube-proxy" ; }\n'
  for (const c of t.chains) {
    const opts = c.base ? ` { type ${c.base.type} hook ${c.base.hook} priority ${c.base.priority} ; }` : c.comment ? ` { comment "${c.comment}" ; }` : ''
    out += `add chain ip kube-proxy ${c.name}${opts}\n`
  }
  for (const s of t.sets) {
    const opts = [`type ${s.type}`, ...(s.flags ? [`flags ${s.flags}`] : []), ...(s.timeout ? [`timeout ${s.timeout}s`] : []), ...(s.comment ? [`comment "${s.comment}"`] : [])]
    out += `add ${s.kind} ip kube-proxy ${s.name} { ${opts.join(' ; ')} ; }\n`
  }
  for (const c of t.chains) out += `flush chain ip kube-proxy ${c.name}\n`
  for (const c of t.chains) for (const r of c.rules) out += `add rule ip kube-proxy ${c.name} ${inputText(r)}\n`
  for (const s of t.sets) for (const e of s.elements) out += `add element ip kube-proxy ${s.name} { ${elementText(e)} }\n`
  return out
}
