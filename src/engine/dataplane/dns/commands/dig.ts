import { fail, type Command, type CommandResult, type ShellContext } from '../../../shell/types'
import { isIPv4 } from '../../../util/ip'
import type { Trace } from '../../../trace/types'
import { carriedExchange, carrier, flowTrace } from '../carry'
import { QUERY_TIMEOUT_MS, type Exchange } from '../exchange'
import { QTYPES, rdataText, type QType } from '../message'
import { countDots, fqdn, isSubdomain, joinName, reverseName } from '../names'
import { ndotsOf, resolvConfAt } from '../resolvconf'
import { digQuestionLine, digSection, digWhen, wireSize } from './digformat'
import { dnsJson } from './json'

/**
 * dig from BIND 9.18 (bin/dig/dig.c, dighost.c), as Debian 12's bind9-dnsutils prints it. Supports
 * `dig [@SERVER] [-t TYPE] [-x ADDR] NAME [TYPE] [+short] [+search] [+tcp]` and the section toggles
 * (+[no]all, +[no]answer, +[no]authority, +[no]additional, +[no]question, +[no]stats, +[no]cmd, +[no]comments).
 */

// Debian 12 (bookworm) bind9-dnsutils 1:9.18.33-1~deb12u2 prints its version so
export const DIG_VERSION = '9.18.33-1~deb12u2-Debian'
// dighost.c DEFAULT_EDNS_BUFSIZE
const EDNS_BUFSIZE = 1232
// dighost.c: UDP lookups are tried three times (+tries=3)
const UDP_TRIES = 3

interface DigOptions {
  server?: string
  name?: string
  type?: QType
  short: boolean
  search: boolean
  tcp: boolean
  cmd: boolean
  comments: boolean
  question: boolean
  answer: boolean
  authority: boolean
  additional: boolean
  stats: boolean
}

function parseArgs(args: string[]): DigOptions | string {
  const o: DigOptions = { short: false, search: false, tcp: false, cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('@')) o.server = a.slice(1)
    else if (a.startsWith('+')) {
      const neg = a.startsWith('+no')
      const word = (neg ? a.slice(3) : a.slice(1)).split('=')[0]
      const on = !neg
      // dig.c plus_option: abbreviations are accepted as long as they are unambiguous; the common full words here
      switch (word) {
        case 'short': o.short = on; if (on) { o.cmd = false; o.comments = false; o.stats = false } break
        case 'search': o.search = on; break
        case 'tcp': case 'vc': o.tcp = on; break
        case 'cmd': o.cmd = on; break
        case 'comments': o.comments = on; break
        case 'question': o.question = on; break
        case 'answer': o.answer = on; break
        case 'authority': o.authority = on; break
        case 'additional': o.additional = on; break
        case 'stats': o.stats = on; break
        case 'all': o.cmd = on; o.comments = on; o.question = on; o.answer = on; o.authority = on; o.additional = on; o.stats = on; break
        case 'recurse': case 'adflag': case 'cookie': case 'edns': case 'defname': case 'ttlid': case 'class': break
        default: return `Invalid option: ${a}\n`
      }
    } else if (a === '-t') {
      const t = args[++i]?.toUpperCase() as QType | undefined
      if (!t || !QTYPES.includes(t)) return `dig: invalid type: ${args[i] ?? ''}\n`
      o.type = t
    } else if (a === '-x') {
      const addr = args[++i] ?? ''
      const ptr = reverseName(addr)
      if (!ptr) return `dig: '${addr}' is not a valid IP address\n`
      o.name = ptr
      o.type ??= 'PTR'
    } else if (a.startsWith('-')) {
      if (a === '-4' || a === '-6' || a === '-q') continue
      return `Invalid option: ${a}\n`
    } else if (!o.name) o.name = a
    else if (QTYPES.includes(a.toUpperCase() as QType) && !o.type) o.type = a.toUpperCase() as QType
    else if (a.toUpperCase() === 'IN') continue
    else o.name = a
  }
  return o
}

/** The names dig asks (dighost.c setup_lookup / next_origin): with +search, search list first when dots < ndots. */
function lookupNames(name: string, search: boolean, list: string[], ndots: number): string[] {
  if (!search || name.endsWith('.') || countDots(name) >= ndots) return [fqdn(name)]
  return [...list.map((d) => joinName(name, d)), fqdn(name)]
}

function hex(rng: { int(n: number): number }, bytes: number): string {
  let s = ''
  for (let i = 0; i < bytes; i++) s += rng.int(256).toString(16).padStart(2, '0')
  return s
}

function run(args: string[], ctx: ShellContext): CommandResult {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') return fail(parsed)
  const sim = ctx.sim
  const rc = resolvConfAt(sim.scenario.cluster, ctx.where)
  const name = parsed.name ?? '.'
  const type: QType = parsed.type ?? (parsed.name ? 'A' : 'NS')
  const server = parsed.server ?? rc.nameservers[0] ?? '127.0.0.1'
  if (!isIPv4(server)) return fail(`dig: couldn't get address for '${server}': not found\n`, 10)

  const header = `\n; <<>> DiG ${DIG_VERSION} <<>> ${args.join(' ')}\n${parsed.server ? '; (1 server found)\n' : ''};; global options:${parsed.short ? ' +short' : ''} +cmd\n`
  const names = lookupNames(name, parsed.search, rc.search, ndotsOf(rc))
  const cookie = hex(sim.rng, 8)
  const tried: string[] = []
  let last: Exchange | undefined
  const traces: Trace[] = []
  // dighost.c: a new socket for every lookup
  const carry = carrier(sim, ctx.where, 'per-name')
  for (const n of names) {
    const id = sim.rng.int(65536)
    tried.push(n)
    last = carriedExchange(sim, ctx.where, server, { name: n, type }, carry, id)
    traces.push(flowTrace(sim, ctx.where, server, [last], carry.walks.get(carry.flowOf(n))))
    if (!last.response) break
    sim.clock.advance(last.rttMs)
    // dighost.c recv_done: only NXDOMAIN moves on to the next origin
    if (last.response.rcode !== 'NXDOMAIN') break
  }
  if (!last || !last.response) {
    sim.clock.advance(QUERY_TIMEOUT_MS * UDP_TRIES)
    const errors = Array.from({ length: UDP_TRIES }, () => `;; communications error to ${server}#53: timed out\n`).join('')
    const text = parsed.short ? errors : `${errors}${parsed.cmd ? header : ''};; no servers could be reached\n`
    return { stdout: text, stderr: '', exitCode: 9, json: { ...dnsJson(server, [], tried), rcode: 'TIMEOUT' }, traces }
  }
  const m = last.response
  const json = dnsJson(server, [m], tried)
  if (parsed.short) {
    const text = parsed.answer ? m.answer.map((rr) => `${rdataText(rr)}\n`).join('') : ''
    return { stdout: text, stderr: '', exitCode: 0, json, traces }
  }
  let out = parsed.cmd ? header : ''
  if (parsed.comments) {
    out += ';; Got answer:\n'
    if (isSubdomain(m.question.name, 'local.')) {
      // dig.c isdotlocal()
      out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n'
    }
    const flags = ['qr', m.aa ? 'aa' : '', m.rd ? 'rd' : '', m.ra ? 'ra' : ''].filter(Boolean).join(' ')
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${m.rcode}, id: ${m.id ?? 0}\n`
    out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${m.answer.length}, AUTHORITY: ${m.authority.length}, ADDITIONAL: ${m.additional.length + 1}\n`
    if (m.rd && !m.ra) out += ';; WARNING: recursion requested but not available\n'
    out += '\n'
    // CoreDNS echoes the query's OPT record with the client cookie only (request.SizeAndDo, supportedOptions)
    out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${EDNS_BUFSIZE}\n; COOKIE: ${cookie} (echoed)\n`
  }
  const section = (on: boolean, body: string) => (on ? (parsed.comments ? body : body.replace(/^;; .* SECTION:\n/, '').replace(/\n\n$/, '\n')) : '')
  if (parsed.question) out += section(true, `;; QUESTION SECTION:\n${digQuestionLine(m.question)}\n\n`)
  out += section(parsed.answer, digSection('ANSWER', m.answer))
  out += section(parsed.authority, digSection('AUTHORITY', m.authority))
  out += section(parsed.additional, digSection('ADDITIONAL', m.additional))
  if (parsed.stats) {
    out += `;; Query time: ${last.rttMs} msec\n`
    out += `;; SERVER: ${server}#53(${server}) (${parsed.tcp ? 'TCP' : 'UDP'})\n`
    out += `;; WHEN: ${digWhen(sim.clock.now())}\n`
    out += `;; MSG SIZE  rcvd: ${wireSize(m, true)}\n\n`
  }
  return { stdout: out, stderr: '', exitCode: 0, json, traces }
}

export const digCommand: Command = { name: 'dig', run }
