import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CompiledScenario } from '../../src/engine/scenario'
import { resolveWhere } from '../../src/engine/shell/location'
import { runLine } from '../../src/engine/shell/sh'
import { Simulation } from '../../src/engine/sim/simulation'
import { firstDifference, type Report } from './report'
import { run } from './sh'

/**
 * Tool output, for real: the scenario's dig and nslookup commands run by the real dig (BIND 9.18) and busybox
 * nslookup inside a namespace whose resolv.conf is the pod's (ip netns exec binds /etc/netns/NS/resolv.conf) and whose
 * kube-dns address is served by dns-server.ts, the engine's CoreDNS on the wire; their output is diffed with ours.
 */

const SUITE = 'dns tools'
const NS = 'kh-dns'
const ETC = `/etc/netns/${NS}`

// what differs run to run or machine to machine, and only that: dig's version banner, the message id, the client
// cookie (random per query), the query time and the clock
export function normaliseDig(text: string): string {
  return text
    .replace(/^; <<>> DiG \S+ <<>>/m, '; <<>> DiG VERSION <<>>')
    .replace(/id: \d+/g, 'id: ID')
    .replace(/COOKIE: [0-9a-f]+/g, 'COOKIE: C')
    .replace(/Query time: \d+ msec/g, 'Query time: T msec')
    .replace(/^;; WHEN: .*$/m, ';; WHEN: W')
}

/**
 * CoreDNS's loadbalance plugin shuffles each answer's records at random (the engine from its seeded stream, which the
 * server's and the command's simulations consume differently): the records of one answer are compared as a set.
 */
export function sortAnswers(text: string): string {
  const lines = text.split('\n')
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const block: string[] = []
    const inAnswer = (l: string) => /^\S+\.\t\d+ IN (A|AAAA)\t/.test(l) || /^Address: /.test(l)
    while (i < lines.length && inAnswer(lines[i])) block.push(lines[i++])
    out.push(...block.sort())
    if (i < lines.length) out.push(lines[i])
  }
  return out.join('\n')
}

export async function runDnsScenario(name: string, compiled: CompiledScenario, requests: { from: string; command: string }[], report: Report): Promise<void> {
  const commands = requests.filter((r) => /^(dig|nslookup)\b/.test(r.command))
  if (commands.length === 0) return
  process.stdout.write(`\n${name} [dns tools]\n`)
  const dnsIP = compiled.cluster.services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns')?.clusterIP ?? '10.96.0.10'
  const byPod = new Map<string, typeof commands>()
  for (const r of commands) byPod.set(r.from, [...(byPod.get(r.from) ?? []), r])
  for (const [from, list] of byPod) {
    const where = resolveWhere(compiled.cluster, from)
    if (!where.ok || where.where.kind !== 'pod') continue
    const pod = where.where.pod
    let server: ChildProcess | undefined
    try {
      run(['ip', 'netns', 'del', NS])
      run(['ip', 'netns', 'add', NS])
      run(['ip', '-n', NS, 'link', 'set', 'lo', 'up'])
      run(['ip', '-n', NS, 'addr', 'add', `${dnsIP}/32`, 'dev', 'lo'])
      const resolv = runLine(new Simulation(compiled, 1), where.where, 'cat /etc/resolv.conf').stdout
      mkdirSync(ETC, { recursive: true })
      writeFileSync(join(ETC, 'resolv.conf'), resolv)
      server = spawn('ip', ['netns', 'exec', NS, 'npx', 'tsx', join(import.meta.dirname, 'dns-server.ts'), name, pod.id, dnsIP], { stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('dns-server did not start')), 120_000)
        server!.stdout!.on('data', (d) => { if (String(d).includes('ready')) { clearTimeout(timer); resolve() } })
      })
      for (const r of list) {
        const ours = runLine(new Simulation(compiled, 1), where.where, r.command)
        const argv = r.command.startsWith('nslookup') ? `busybox ${r.command}` : r.command
        const real = run(['ip', 'netns', 'exec', NS, 'sh', '-c', argv])
        report.count('tool outputs diffed')
        const norm = (t: string) => sortAnswers(r.command.startsWith('dig') ? normaliseDig(t) : t)
        report.check(SUITE, `${name}: ${r.from} $ ${r.command}: real output is ours`, norm(real.stdout) === norm(ours.stdout),
          firstDifference(norm(ours.stdout), norm(real.stdout)))
        report.check(SUITE, `${name}: ${r.from} $ ${r.command}: exit status ${ours.exitCode}`, real.status === ours.exitCode, `real: ${real.status}`)
      }
    } catch (e) {
      report.check(SUITE, `${name}: ${from}: harness`, false, String(e instanceof Error ? e.message : e))
    } finally {
      if (server?.pid !== undefined) run(['sh', '-c', `for p in $(ip netns pids ${NS}); do kill $p; done`])
      run(['ip', 'netns', 'del', NS])
      rmSync(ETC, { recursive: true, force: true })
    }
  }
}
