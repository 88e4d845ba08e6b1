import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import type { Ipset, IpsetType } from './ipsets'
import type { IpvsRule } from './rules'

/**
 * `ipset list [NAME]` as ipset 7.x prints a set (ipset's list_set: Name, Type, Revision, Header, Size in memory,
 * References, Number of entries, Members), sets separated by a blank line. kube-proxy creates the hash sets with
 * `family inet hashsize 1024 maxelem 65536` and the bitmaps with `range 0-65535` (utilipset createSet).
 */

// the kernel's highest revision of each set type (ip_set_hash_*.c / ip_set_bitmap_port.c IPSET_TYPE_REV_MAX)
const REVISION: Record<IpsetType, number> = { 'hash:ip': 6, 'hash:ip,port': 6, 'hash:ip,port,ip': 5, 'hash:ip,port,net': 7, 'bitmap:port': 3 }

// initval is drawn at random by the kernel when the set is created; a stable stand-in per set name
function initval(name: string): string {
  const b = sha256(utf8ToBytes(name))
  return '0x' + [...b.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0')).join('')
}

function sizeInMemory(set: Ipset): number {
  // bitmap:port holds one bit per port; a hash set a header plus one bucket line per element (kernel sizes vary)
  if (set.type === 'bitmap:port') return 8264
  return 440 + set.entries.length * (set.type === 'hash:ip' ? 16 : 24)
}

function references(set: Ipset, rules: IpvsRule[]): number {
  return rules.filter((r) => r.args.some((a) => a.k === 'set' && a.name === set.name)).length
}

export function renderIpset(set: Ipset, rules: IpvsRule[]): string {
  const header = set.type === 'bitmap:port'
    ? 'range 0-65535'
    : `family inet hashsize 1024 maxelem 65536 bucketsize 12 initval ${initval(set.name)}`
  // members in the order ipset prints them; the hash order is the kernel's, shown sorted here
  const members = [...set.entries].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  return [
    `Name: ${set.name}`,
    `Type: ${set.type}`,
    `Revision: ${REVISION[set.type]}`,
    `Header: ${header}`,
    `Size in memory: ${sizeInMemory(set)}`,
    `References: ${references(set, rules)}`,
    `Number of entries: ${set.entries.length}`,
    'Members:',
    ...members,
  ].join('\n') + '\n'
}

export function renderIpsetList(sets: Ipset[], rules: IpvsRule[]): string {
  return sets.map((s) => renderIpset(s, rules)).join('\n')
}
