import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../scenario'
import { resolveWhere } from '../../shell/location'
import { runCommandLine } from '../../shell/runner'
import { Simulation } from '../../sim/simulation'
import { gallery } from '../../../scenarios/gallery.generated'
import type { Trace } from '../types'
import { runLine } from '../../shell/sh'

const files = gallery.find((g) => g.name === 'service-basics')!.files

function shell(seed = 1, mode?: 'ipvs') {
  const compiled = compileScenario(files, mode ? { modeOverride: mode } : {})
  const sim = new Simulation(compiled, seed)
  return {
    sim,
    cluster: compiled.cluster,
    run(where: string, argv: string[], json = false) {
      const w = resolveWhere(compiled.cluster, where)
      if (!w.ok) throw new Error(where)
      return runCommandLine(sim, w.where, argv, { json })
    },
  }
}

describe('the tutorial\'s Service labs from the shell', () => {
  // Lab 1 (the tutorial's mysql_connect("mysql-service") from the nginx pods): every nginx pod reaches MySQL
  it('the nginx pods reach mysql-service\'s cluster IP on 3306', () => {
    const sh = shell()
    const mysql = sh.cluster.services.find((s) => s.name === 'mysql-service')!
    for (const pod of ['nginx-pod-1', 'nginx-pod-2', 'nginx-pod-3']) {
      const r = sh.run(`default/${pod}`, ['nc', '-zv', mysql.clusterIP, '3306'])
      expect(r.exitCode).toBe(0)
      // OpenBSD nc's success line (netcat.c: "Connection to %s %s port [%s/%s] succeeded!")
      expect(r.stderr).toBe(`Connection to ${mysql.clusterIP} 3306 port [tcp/mysql] succeeded!\n`)
      expect(r.traces![0].outcome).toMatchObject({ result: 'ok', service: 'default/mysql-service', pod: 'default/mysql-pod' })
    }
    const byName = sh.run('default/nginx-pod-1', ['nc', '-zv', 'mysql-service', '3306'])
    expect(byName.stderr).toBe(`Connection to mysql-service (${mysql.clusterIP}) 3306 port [tcp/mysql] succeeded!\n`)
  })

  // Lab 2: curl http://192.168.100.21:30080 from the workstation, through node1's NodePort (eTP Cluster)
  it('the workstation reaches the nginx pods through the NodePort, masqueraded', () => {
    const sh = shell()
    const pods = new Set<string>()
    for (let i = 0; i < 30; i++) {
      const r = sh.run('client/workstation', ['curl', '-s', 'http://192.168.100.21:30080'])
      expect(r.exitCode).toBe(0)
      const t = r.traces![0] as Trace
      pods.add(t.outcome.pod!)
      expect(r.stdout).toContain(`Hostname: ${t.outcome.pod!.split('/')[1]}`)
      expect(t.hops.some((h) => h.note.code === 'trace.nf.masquerade')).toBe(true)
      expect(t.outcome.clientIPReason).toBe('outcome.clientip.masq.external')
      // the source the pod saw: node1's address toward another node, its cni0 bridge address toward its own pods
      const pod = sh.cluster.pods.find((p) => `${p.namespace}/${p.name}` === t.outcome.pod)!
      expect(t.outcome.clientIP).toBe(pod.nodeName === 'node1' ? '10.244.1.1' : '192.168.100.21')
      sh.sim.clock.advance(10)
    }
    expect([...pods].sort()).toEqual(['default/nginx-pod-1', 'default/nginx-pod-2', 'default/nginx-pod-3'])
  })

  it('curl --json prints the trace: outcome, rulesEvaluated, hops', () => {
    const r = shell().run('client/workstation', ['curl', '-s', 'http://192.168.100.22:30080'], true)
    const j = r.json as { outcome: Record<string, unknown>; rulesEvaluated: number; hops: { stage: string; rule?: string; note: { text: string } }[] }
    expect(j.outcome).toMatchObject({ result: 'ok', service: 'default/nginx-nodeport', httpStatus: 200 })
    expect(j.rulesEvaluated).toBeGreaterThan(10)
    expect(j.hops.some((h) => h.stage === 'kube-proxy' && h.rule?.includes('-j DNAT --to-destination'))).toBe(true)
    expect(j.hops.every((h) => h.note.text.length > 0)).toBe(true)
  })

  it('a cluster IP does not answer ping in iptables mode; pods and nodes do', () => {
    const sh = shell()
    const vip = sh.cluster.services.find((s) => s.name === 'mysql-service')!.clusterIP
    const lost = sh.run('node/node1', ['ping', '-c', '2', vip])
    expect(lost.exitCode).toBe(1)
    expect(lost.stdout).toContain('2 packets transmitted, 0 received, 100% packet loss')
    expect(lost.traces![0].outcome.reason?.code).toBe('trace.route.vip')
    const pod = sh.run('node/node1', ['ping', '-c', '1', '10.244.2.2'])
    expect(pod.exitCode).toBe(0)
    expect(pod.stdout).toContain('64 bytes from 10.244.2.2: icmp_seq=1 ttl=')
    expect(sh.run('default/nginx-pod-1', ['ping', '-c', '1', '192.168.100.21']).exitCode).toBe(0)
  })

  it('conntrack -L on the node shows the NATed connection', () => {
    const sh = shell()
    sh.run('client/workstation', ['curl', '-s', 'http://192.168.100.21:30080'])
    const r = sh.run('node/node1', ['conntrack', '-L'])
    // libnetfilter_conntrack's default output line and conntrack-tools' summary on stderr
    expect(r.stdout).toMatch(/^tcp {6}6 1[12]\d TIME_WAIT src=192\.168\.100\.10 dst=192\.168\.100\.21 sport=\d+ dport=30080 src=10\.244\.\d+\.\d+ dst=\S+ sport=80 dport=\d+ \[ASSURED\] mark=0 use=1$/m)
    expect(r.stderr).toMatch(/^conntrack v1\.4\.7 \(conntrack-tools\): \d+ flow entries have been shown\.\n$/)
  })

  // nat rules see the first packet of each connection: their counters are the connections each rule matched
  it('iptables -L -v counts the connections each nat rule matched', () => {
    const sh = shell()
    for (let i = 0; i < 30; i++) {
      sh.run('client/workstation', ['curl', '-s', 'http://192.168.100.21:30080'])
      sh.sim.clock.advance(10)
    }
    const nodeports = sh.run('node/node1', ['iptables', '-t', 'nat', '-L', 'KUBE-NODEPORTS', '-n', '-v']).stdout.split('\n')
    expect(nodeports[2]).toMatch(/^ {4}0 {5}0 KUBE-EXT-/) // the localhost NodePort rule
    expect(nodeports[3]).toMatch(/^ {3}30 {2}1800 KUBE-EXT-/) // 30 SYNs of 60 bytes
    const svc = sh.run('node/node1', ['iptables', '-t', 'nat', '-S', 'KUBE-NODEPORTS']).stdout.match(/-j (KUBE-EXT-\w+)/)![1].replace('EXT', 'SVC')
    const lines = sh.run('node/node1', ['iptables', '-t', 'nat', '-L', svc, '-n', '-v', '-x']).stdout.split('\n').slice(2, -1)
    const hits = lines.map((l) => Number(l.trim().split(/\s+/)[0]))
    // a rule counts the packets it matched: the cluster-IP masquerade rule none (these packets are addressed to the
    // node's NodePort, not to the cluster IP), then each endpoint rule the connections it won
    expect(hits).toHaveLength(4)
    expect(hits[0]).toBe(0)
    expect(hits[1] + hits[2] + hits[3]).toBe(30)
    expect(hits.slice(1).every((n) => n > 0)).toBe(true)
    expect(sh.run('node/node1', ['iptables-save', '-t', 'nat']).stdout).toMatch(/^:PREROUTING ACCEPT \[\d+:\d+\]$/m)
  })

  // the kernel confirms the entry when the first packet leaves: no answer leaves SYN_SENT [UNREPLIED], an RST CLOSE
  it('conntrack keeps unanswered and refused connections too', () => {
    const sh = shell()
    const pod2 = sh.cluster.pods.find((p) => p.name === 'nginx-pod-2')!
    sh.run('default/nginx-pod-1', ['curl', '-s', '-m', '1', `http://${pod2.podIP}:8080`])
    sh.run('default/nginx-pod-1', ['curl', '-s', '-m', '1', 'http://10.96.0.200:80'])
    const r = sh.run('node/node2', ['conntrack', '-L']).stdout
    expect(r).toMatch(new RegExp(`^tcp {6}6 \\d+ CLOSE src=10\\.244\\.2\\.2 dst=${pod2.podIP.replace(/\./g, '\\.')} sport=\\d+ dport=8080 src=`, 'm'))
    expect(r).toMatch(/^tcp {6}6 1[12]\d SYN_SENT src=10\.244\.2\.2 dst=10\.96\.0\.200 sport=\d+ dport=80 \[UNREPLIED\] src=10\.96\.0\.200 dst=10\.244\.2\.2 /m)
  })

  it('node tools exist on nodes only', () => {
    const sh = shell()
    expect(sh.run('node/node1', ['iptables-save']).stdout).toContain('*nat\n')
    expect(sh.run('node/node1', ['iptables', '-t', 'nat', '-S', 'KUBE-NODEPORTS']).stdout).toMatch(/^-N KUBE-NODEPORTS\n-A KUBE-NODEPORTS -d 127\.0\.0\.0\/8 -p tcp/)
    expect(sh.run('node/node1', ['iptables', '-t', 'nat', '-L', 'NOPE']).stderr).toBe("iptables v1.8.9 (nf_tables): chain `NOPE' in table `nat' is incompatible, use 'nft' tool.\n")
    const inPod = sh.run('default/nginx-pod-1', ['iptables-save'])
    expect(inPod.exitCode).toBe(127)
  })

  it('IPVS mode: iptables-save shows the IPVS proxier\'s rules and curl goes through a virtual server (k/k pkg/proxy/ipvs)', () => {
    const sh = shell(1, 'ipvs')
    const save = sh.run('node/node1', ['iptables-save'])
    expect(save.exitCode).toBe(0)
    expect(save.stdout).toContain('-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT')
    expect(save.stdout).not.toContain('KUBE-SVC-')
    const r = sh.run('client/workstation', ['curl', '-s', 'http://192.168.100.21:30080'])
    expect(r.exitCode).toBe(0)
    expect(r.traces![0].outcome.result).toBe('ok')
    expect(r.traces![0].hops.some((h) => h.ruleContext === 'ipvs' && h.rule === 'TCP  192.168.100.21:30080 rr')).toBe(true)
  })

  // curl's tool_getparam: single-letter flags bundle, a flag taking a value ends the bundle
  it('curl accepts bundled short options (-sI, -sSo FILE)', () => {
    const sh = shell()
    expect(sh.run('node/master', ['curl', '-sI', 'http://192.168.100.21:30080']).stdout.split('\r\n')[0]).toBe('HTTP/1.1 200 OK')
    expect(sh.run('node/master', ['curl', '-sSo', '/dev/null', '-w', '%{http_code}', 'http://192.168.100.21:30080']).stdout).toBe('200')
  })

  it('curl to MySQL gets its greeting, not HTTP', () => {
    const r = shell().run('default/nginx-pod-1', ['curl', 'mysql-service:3306'])
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('curl: (1) Received HTTP/0.9 when not allowed\n')
  })

  it('every suggested request of the scenario gives what it promises', () => {
    const entry = gallery.find((g) => g.name === 'service-basics')!
    expect(entry.requests.length).toBeGreaterThan(0)
    const { sim, cluster } = shell()
    for (const r of entry.requests) {
      const where = resolveWhere(cluster, r.from)
      if (!where.ok) throw new Error(r.from)
      const out = runLine(sim, where.where, r.command)
      if (r.expect) expect(out.traces?.[0]?.outcome, `${r.from}: ${r.command}\n${out.stderr}`).toMatchObject(r.expect)
      else expect(out.exitCode, r.command).toBe(0)
    }
  })
})
