import { fail, type Command, type CommandResult, type ShellContext } from '../../../shell/types'
import { isIPv4 } from '../../../util/ip'
import type { Trace } from '../../../trace/types'
import { carriedExchange, carrier, flowTrace } from '../carry'
import type { Exchange } from '../exchange'
import { RCODE_NUMBER, type DnsMessage, type DnsRecord, type QType } from '../message'
import { reverseName } from '../names'
import { resolvConfAt } from '../resolvconf'
import { resolve, type ResolveTry } from '../resolver'
import { dnsJson } from './json'

/**
 * busybox nslookup (1.35/1.36, FEATURE_NSLOOKUP_BIG: networking/nslookup.c), the one in `busybox` images:
 * - an address argument asks one PTR; otherwise A then AAAA (or the -type= given);
 * - the search list is applied only to names without a dot, and then ONLY the search names are asked, never the
 *   bare name; a name with a dot is asked as it is, never searched (so `nslookup mysql-service.default` fails
 *   where curl succeeds);
 * - all questions go out together; each reply prints a block: `Name:`/`Address:` lines, or
 *   `** server can't find NAME: NXDOMAIN`, then an empty line; a NODATA reply prints just the empty line;
 * - any non-NOERROR reply makes the exit status 1, even when another name answered.
 * Replies print in the order the questions were sent (the real order is whichever arrives first).
 */

const USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`

// nslookup.c qtypes[]: the -type= values it accepts, in its order
const NSLOOKUP_TYPES: QType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY']

function stripDot(name: string): string {
  return name.endsWith('.') && name.length > 1 ? name.slice(0, -1) : name
}

// nslookup.c parse_reply
function printReply(m: DnsMessage): string {
  let out = ''
  if (!m.aa) out += 'Non-authoritative answer:\n'
  for (const rr of m.answer) out += printRecord(rr)
  return out
}

function printRecord(rr: DnsRecord): string {
  const name = stripDot(rr.name)
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${name}\nAddress: ${rr.address}\n`
    case 'NS':
      return `${name}\tnameserver = ${stripDot(rr.target)}\n`
    case 'CNAME':
      return `${name}\tcanonical name = ${stripDot(rr.target)}\n`
    case 'PTR':
      return `${name}\tname = ${stripDot(rr.target)}\n`
    case 'MX':
      return `${name}\tmail exchanger = ${rr.preference} ${stripDot(rr.target)}\n`
    case 'TXT':
      return rr.text.length > 0 ? `${name}\ttext = "${rr.text}"\n` : ''
    case 'SRV':
      return `${name}\tservice = ${rr.srv.priority} ${rr.srv.weight} ${rr.srv.port} ${stripDot(rr.srv.target)}\n`
    case 'SOA': {
      const s = rr.soa
      return `${name}\n\torigin = ${stripDot(s.mname)}\n\tmail addr = ${stripDot(s.rname)}\n\tserial = ${s.serial}\n\trefresh = ${s.refresh}\n\tretry = ${s.retry}\n\texpire = ${s.expire}\n\tminimum = ${s.minimum}\n`
    }
  }
}

/** The questions busybox builds: add_query_with_search for each type. */
export function nslookupQuestions(host: string, types: QType[], search: string[]): { name: string; type: QType; domain?: string }[] {
  const out: { name: string; type: QType; domain?: string }[] = []
  for (const type of types) {
    if (type === 'PTR' || search.length === 0 || host.includes('.')) out.push({ name: host, type })
    else for (const domain of search) out.push({ name: `${host}.${domain}`, type, domain })
  }
  return out
}

function run(args: string[], ctx: ShellContext): CommandResult {
  const sim = ctx.sim
  const types: QType[] = []
  let i = 0
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const [opt, val = ''] = args[i].slice(1).split('=', 2)
    if (opt === 'type' || opt === 'querytype' || opt === 'query' || opt === 'q') {
      const t = NSLOOKUP_TYPES.find((x) => x.toLowerCase() === val.toLowerCase())
      if (!t) return fail(`nslookup: invalid query type "${val}"\n`)
      if (!types.includes(t)) types.push(t)
    } else if (!['debug', 'port', 'retry', 't', 'timeout'].includes(opt)) return fail(USAGE)
  }
  const rest = args.slice(i)
  if (rest.length === 0 || rest.length > 2) return fail(USAGE)
  const host = rest[0]
  const rc = resolvConfAt(sim.scenario.cluster, ctx.where)
  let servers = rc.nameservers.length > 0 ? rc.nameservers : ['127.0.0.1']
  if (rest[1]) {
    let server = rest[1]
    if (!isIPv4(server)) {
      const r = resolve(sim, ctx.where, server, 'A')
      if (!r.answer) return fail(`nslookup: bad address '${server}'\n`)
      server = r.answer.addresses[0]
    }
    servers = [server]
  }
  // busybox: with no explicit type, an address means a PTR question, anything else A then AAAA
  const ptr = reverseName(host)
  const questions = types.length > 0
    ? nslookupQuestions(host, [...types].sort((a, b) => NSLOOKUP_TYPES.indexOf(a) - NSLOOKUP_TYPES.indexOf(b)), rc.search)
    : ptr
      ? [{ name: ptr.slice(0, -1), type: 'PTR' as QType }]
      : nslookupQuestions(host, ['A', 'AAAA'], rc.search)

  let out = ''
  let exitCode = 0
  let replies: Exchange[] = []
  let usedServer = servers[0]
  const traces: Trace[] = []
  for (const server of servers) {
    // nslookup.c send_queries: one socket per server, every question on it (one flow, one CoreDNS pod)
    const carry = carrier(sim, ctx.where, 'one-flow')
    const sent = questions.map((q) => carriedExchange(sim, ctx.where, server, { name: q.name, type: q.type }, carry, sim.rng.int(65536)))
    sim.clock.advance(Math.max(...sent.map((e) => e.rttMs)))
    const via = (ex: Exchange): ResolveTry['via'] | undefined => {
      const i = sent.indexOf(ex)
      const domain = questions[i]?.domain
      return domain ? { kind: 'search', domain, index: rc.search.indexOf(domain) } : { kind: 'as-is' }
    }
    traces.push(flowTrace(sim, ctx.where, server, sent, carry.walks.get('*'), { via, resolvConf: rc }))
    if (sent.some((e) => e.response)) {
      replies = sent
      usedServer = server
      break
    }
  }
  const tried = questions.map((q) => q.name)
  if (replies.length === 0) {
    const json = { ...dnsJson(usedServer, [], tried), rcode: 'TIMEOUT' }
    return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1, json, traces }
  }
  out += `Server:\t\t${usedServer}\nAddress:\t${usedServer}:53\n\n`
  // the name as nslookup built it (G.query[qn].name), a trailing dot included when the user typed one
  const asked = (ex: Exchange) => questions[replies.indexOf(ex)]?.name ?? ex.question.name
  for (const ex of replies) {
    const m = ex.response
    if (!m) continue
    if (RCODE_NUMBER[m.rcode] !== 0) {
      out += `** server can't find ${asked(ex)}: ${m.rcode}\n`
      exitCode = 1
    } else out += printReply(m)
    out += '\n'
  }
  const unanswered = replies.filter((e) => !e.response)
  for (const ex of unanswered) out += `*** Can't find ${asked(ex)}: No answer\n`
  if (unanswered.length > 0) out += '\n'
  const json = dnsJson(usedServer, replies.map((e) => e.response), tried)
  return { stdout: out, stderr: '', exitCode, json, traces }
}

export const nslookupCommand: Command = { name: 'nslookup', run }
