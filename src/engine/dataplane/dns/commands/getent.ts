import { fail, type Command, type CommandResult, type ShellContext } from '../../../shell/types'
import { isIPv4 } from '../../../util/ip'
import type { Trace } from '../../../trace/types'
import { carriedExchange, carrier, flowTrace } from '../carry'
import { reverseName } from '../names'
import { resolvConfAt } from '../resolvconf'
import { resolve, type ResolveResult } from '../resolver'
import { hostsLinesAt, lookupHostsFile } from '../hostsfile'
import { dnsJson } from './json'

/**
 * glibc `getent hosts KEY` (nss/getent.c hosts_keys): an address is looked up backwards (gethostbyaddr); a name with
 * gethostbyname2(AF_INET6) first and, when that finds nothing, gethostbyname2(AF_INET). Each address prints as
 * `%-15s %s` (address, canonical name) followed by the aliases. Exit status 2 when a key is not found.
 */

function line(address: string, name: string, aliases: string[]): string {
  return `${address.padEnd(15)} ${name}${aliases.map((a) => ` ${a}`).join('')}\n`
}

function hostsKey(key: string, ctx: ShellContext, traces: Trace[]): { text: string; found: boolean; json: unknown } {
  const sim = ctx.sim
  const carry = carrier(sim, ctx.where, 'per-name')
  const rc = resolvConfAt(sim.scenario.cluster, ctx.where)
  const server = rc.nameservers[0] ?? ''
  if (isIPv4(key)) {
    // files first: the first hosts line with that address
    const local = hostsLinesAt(sim, ctx.where).find((l) => l.address === key)
    if (local) return { text: line(key, local.names[0], local.names.slice(1)), found: true, json: { rcode: 'NOERROR', server: 'files', answers: [], authority: [], tried: [] } }
    const ptr = reverseName(key)!
    const ex = carriedExchange(sim, ctx.where, server, { name: ptr, type: 'PTR' }, carry, sim.rng.int(65536))
    sim.clock.advance(ex.rttMs)
    traces.push(flowTrace(sim, ctx.where, server, [ex], carry.walks.get(carry.flowOf(ptr))))
    const names = ex.response?.answer.filter((r) => r.type === 'PTR').map((r) => (r as { target: string }).target.replace(/\.$/, '')) ?? []
    const json = dnsJson(server, [ex.response], [ptr])
    if (names.length === 0) return { text: '', found: false, json }
    return { text: line(key, names[0], names.slice(1)), found: true, json }
  }
  const tries: ResolveResult[] = []
  for (const type of ['AAAA', 'A'] as const) {
    const hosts = lookupHostsFile(sim, ctx.where, key, type)
    if (hosts.length > 0) {
      const text = hosts.map((h) => line(h.address, h.canonicalName, h.aliases)).join('')
      return { text, found: true, json: { rcode: 'NOERROR', server: 'files', answers: hosts.map((h) => ({ name: h.canonicalName, type, ttl: 0, data: h.address })), authority: [], tried: [] } }
    }
    const r = resolve(sim, ctx.where, key, type, { noHostsFile: true, transport: carry.transport })
    tries.push(r)
    for (const t of r.tries) traces.push(flowTrace(sim, ctx.where, t.exchanges[0]?.server ?? server, t.exchanges, carry.walks.get(carry.flowOf(t.name)), { via: t.via, resolvConf: r.resolvConf }))
    if (r.answer) {
      const text = r.answer.addresses.map((a) => line(a, r.answer!.canonicalName, r.answer!.aliases)).join('')
      const replies = tries.flatMap((t) => t.tries.flatMap((x) => x.exchanges.map((e) => e.response)))
      return { text, found: true, json: dnsJson(server, replies, tries.flatMap((t) => t.tries.map((x) => x.name))) }
    }
  }
  const replies = tries.flatMap((t) => t.tries.flatMap((x) => x.exchanges.map((e) => e.response)))
  return { text: '', found: false, json: dnsJson(server, replies, tries.flatMap((t) => t.tries.map((x) => x.name))) }
}

function run(args: string[], ctx: ShellContext): CommandResult {
  if (args.length === 0) return fail('Usage: getent [OPTION...] database [key ...]\nTry `getent --help\' or `getent --usage\' for more information.\n')
  const [db, ...keys] = args
  if (db !== 'hosts' && db !== 'ahosts') return fail(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`)
  if (keys.length === 0) return fail('getent: enumerating hosts needs a key in the playground\n', 1)
  let out = ''
  let status = 0
  const json: unknown[] = []
  const traces: Trace[] = []
  for (const key of keys) {
    const r = hostsKey(key, ctx, traces)
    out += r.text
    json.push(r.json)
    // getent.c: "One or more supplied key could not be found in the database" → 2
    if (!r.found) status = 2
  }
  return { stdout: out, stderr: '', exitCode: status, json: json.length === 1 ? json[0] : json, traces }
}

export const getentCommand: Command = { name: 'getent', run }
