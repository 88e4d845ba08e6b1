import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../../scenario'
import { resolveWhere } from '../../../shell/location'
import { runCommandLine } from '../../../shell/runner'
import { Simulation } from '../../../sim/simulation'
import { traceRequest } from '../../../trace/walk'
import { gallery } from '../../../../scenarios/gallery.generated'
import { makeCluster } from '../testing/fixture'
import { shellOn } from '../testing/shell'
import { expectGolden } from '../../../../../test/support/golden'
import type { CompiledScenario } from '../../../scenario'
import { addConnection, ipvsRuntime } from './connections'
import { ipvsState } from './state'

const files = (name: string) => gallery.find((g) => g.name === name)!.files

describe('IPVS mode on the tutorial\'s Service labs (k/k pkg/proxy/ipvs/proxier.go, ipvsadm.c)', () => {
  const compiled = compileScenario(files('service-basics'), { modeOverride: 'ipvs' })
  for (const node of compiled.cluster.nodes) {
    it(`${node.name}: golden ipvsadm -Ln, ipset list and iptables-save`, () => {
      const sh = shellOn(compiled)
      const where = `node/${node.name}`
      expectGolden(new URL(`./testdata/service-basics.${node.name}.ipvsadm`, import.meta.url), sh.run(where, ['ipvsadm', '-Ln']).stdout)
      expectGolden(new URL(`./testdata/service-basics.${node.name}.ipset`, import.meta.url), sh.run(where, ['ipset', 'list']).stdout)
      expectGolden(new URL(`./testdata/service-basics.${node.name}.iptables-save`, import.meta.url), sh.run(where, ['iptables-save']).stdout)
    })
  }

  it('ipvsadm prints ipvsadm.c\'s columns: a virtual server per ClusterIP and per node address for the NodePort, real servers Masq weight 1', () => {
    const out = shellOn(compiled).run('node/node1', ['ipvsadm', '-Ln']).stdout
    expect(out.startsWith('IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n')).toBe(true)
    expect(out).toMatch(/^TCP {2}10\.96\.\d+\.\d+:3306 rr$/m)
    expect(out).toMatch(/^TCP {2}192\.168\.100\.21:30080 rr$/m)
    expect(out).toMatch(/^TCP {2}10\.244\.1\.1:30080 rr$/m)
    expect(out).toMatch(/^ {2}-> 10\.244\.\d+\.\d+:80 {16}Masq {4}1 {6}0 {10}0 {9}$/m)
  })

  it('iptables -t nat -S lists the IPVS proxier\'s rules; ipvsadm without -n names the ports (getnameinfo)', () => {
    const sh = shellOn(compiled)
    const s = sh.run('node/node1', ['iptables', '-t', 'nat', '-S', 'KUBE-NODE-PORT']).stdout
    expect(s).toBe('-N KUBE-NODE-PORT\n-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ\n')
    expect(sh.run('node/node1', ['iptables', '-t', 'nat', '-L']).exitCode).toBe(1)
    expect(sh.run('node/node1', ['ipvsadm']).stdout).toMatch(/^TCP {2}10\.96\.0\.1:https rr\n {2}-> 192\.168\.100\.20:6443 {10}Masq/m)
  })

  it('ip addr on a node shows kube-ipvs0 holding every ClusterIP as /32', () => {
    const out = shellOn(compiled).run('node/node1', ['ip', 'addr']).stdout
    expect(out).toMatch(/\d+: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default \n/)
    for (const svc of compiled.cluster.services.filter((s) => s.clusterIP.includes('.'))) expect(out).toContain(`    inet ${svc.clusterIP}/32 scope global kube-ipvs0\n`)
    const iptablesMode = shellOn(compileScenario(files('service-basics'))).run('node/node1', ['ip', 'addr']).stdout
    expect(iptablesMode).not.toContain('kube-ipvs0')
  })

  it('ipvsadm -Lnc lists the connection the walk opened, and --stats counts it', () => {
    const sh = shellOn(compiled)
    expect(sh.run('default/nginx-pod-1', ['nc', '-zv', 'mysql-service', '3306']).exitCode).toBe(0)
    const conns = sh.run('node/node2', ['ipvsadm', '-Lnc']).stdout
    expect(conns.startsWith('IPVS connection entries\npro expire state       source             virtual            destination\n')).toBe(true)
    // the DNS query went through IPVS too (UDP, always inactive), then the TCP connection, ESTABLISHED for 15 minutes
    expect(conns).toMatch(/^UDP 0[45]:\d\d {2}UDP {9}10\.244\.2\.2:\d+ +10\.96\.0\.10:53 +10\.244\.\d+\.\d+:53 +$/m)
    expect(conns).toMatch(/^TCP 1[45]:\d\d {2}ESTABLISHED 10\.244\.2\.2:\d+ +10\.96\.\d+\.\d+:3306 +10\.244\.1\.2:3306 +$/m)
    const stats = sh.run('node/node2', ['ipvsadm', '-Ln', '--stats', '-t', `${compiled.cluster.services.find((s) => s.name === 'mysql-service')!.clusterIP}:3306`]).stdout
    expect(stats).toMatch(/TCP {2}10\.96\.\d+\.\d+:3306 +1 +6 +6 +420 +860\n {2}-> 10\.244\.1\.2:3306 +1 +6/)
  })
})

describe('the tutorial\'s ConfigMap switch (kube-proxy-ipvs scenario: mode "ipvs", ipvs.scheduler "rr")', () => {
  it('ipvsadm -Ln shows the virtual servers and a request shows the IPVS hop', () => {
    const compiled = compileScenario(files('kube-proxy-ipvs'))
    expect(compiled.cluster.kubeProxy.mode).toBe('ipvs')
    const sh = shellOn(compiled)
    expect(sh.run('node/node1', ['ipvsadm', '-Ln']).stdout).toMatch(/^TCP {2}192\.168\.100\.21:30080 rr$/m)
    const r = sh.run('client/workstation', ['curl', '-s', 'http://192.168.100.21:30080'])
    const hops = r.traces![0].hops
    const lookup = hops.find((h) => h.note.code === 'ipvs.lookup')!
    expect(lookup.rulesEvaluated).toBe(1)
    expect(lookup.rule).toBe('TCP  192.168.100.21:30080 rr')
    expect(hops.some((h) => h.note.code === 'ipvs.sched.rr' && h.verdict === 'translated')).toBe(true)
  })
})

// The kernel's connection-counting schedulers see connections the same run left open (ip_vs_lc.c, ip_vs_nq.c)
describe('schedulers in the walk count the open connections', () => {
  const cluster = (scheduler: string, affinity = false) => {
    const c = makeCluster({
      pods: [
        { name: 'web-a', node: 'node1', ip: '10.244.1.10', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
        { name: 'web-b', node: 'node2', ip: '10.244.2.10', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
        { name: 'web-c', node: 'node2', ip: '10.244.2.11', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
        { name: 'client', node: 'node1', ip: '10.244.1.20', labels: { app: 'client' } },
      ],
      services: [{ name: 'web', clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }], ...(affinity ? { sessionAffinity: 'ClientIP' as const, affinityTimeoutSeconds: 10800 } : {}) }],
    })
    c.kubeProxy = { ...c.kubeProxy, mode: 'ipvs', ipvsScheduler: scheduler }
    return { files: [], objects: [], cluster: c, diagnostics: [] } as CompiledScenario
  }
  const send = (sim: Simulation) => traceRequest(sim, { from: 'Pod/default/client', protocol: 'TCP', host: '10.96.0.50', port: 80 }).outcome.endpoint

  it('lc: three requests at the same instant land on three different pods; after they close, inactive counts decide', () => {
    const sim = new Simulation(cluster('lc'), 1)
    const first = [send(sim), send(sim), send(sim)]
    expect(new Set(first).size).toBe(3)
    sim.clock.advance(1000) // the three are in TIME_WAIT now: InActConn 1 each, a tie, so the first in list order
    const after = send(sim)
    expect(first).toContain(after)
  })

  it('nq picks an idle server while others are busy; rr ignores the counts', () => {
    const sim = new Simulation(cluster('nq'), 1)
    expect(new Set([send(sim), send(sim), send(sim)]).size).toBe(3)
    const rr = new Simulation(cluster('rr'), 1)
    const seq = Array.from({ length: 6 }, () => send(rr))
    expect(seq.slice(0, 3)).toEqual(seq.slice(3))
  })

  it('persistence: ClientIP affinity gives `persistent 10800` and every request of the client the same pod (ip_vs_sched_persist)', () => {
    const compiled = cluster('rr', true)
    const sim = new Simulation(compiled, 1)
    const pods = new Set(Array.from({ length: 10 }, () => { sim.clock.advance(1000); return send(sim) }))
    expect(pods.size).toBe(1)
    const w = resolveWhere(compiled.cluster, 'node/node1')
    if (!w.ok) throw new Error('node1')
    const out = runCommandLine(sim, w.where, ['ipvsadm', '-Ln'], {}).stdout
    expect(out).toContain('TCP  10.96.0.50:80 rr persistent 10800\n')
    const conns = runCommandLine(sim, w.where, ['ipvsadm', '-Lnc'], {}).stdout
    expect(conns).toMatch(/^TCP 1[78]\d:\d\d {2}NONE {8}10\.244\.1\.20:0 +10\.96\.0\.50:80 +10\.244\.\d\.\d+:80 +$/m)
  })
})

// graceful_termination.go: an endpoint kube-proxy no longer wants keeps its real server at weight 0 while connections
// to it remain (deleteRsFunc waits for ActiveConn + InactiveConn to reach 0); weight 0 takes no new connection
describe('graceful termination', () => {
  it('a terminating endpoint with open connections shows at weight 0 and is never chosen; without connections it is gone', () => {
    const c = makeCluster({
      mode: 'ipvs',
      pods: [
        { name: 'web-a', node: 'node1', ip: '10.244.1.10', labels: { app: 'web' }, ports: [{ containerPort: 80 }] },
        { name: 'web-old', node: 'node2', ip: '10.244.2.10', labels: { app: 'web' }, ports: [{ containerPort: 80 }], ready: true, terminating: true },
        { name: 'client', node: 'node1', ip: '10.244.1.20', labels: { app: 'client' } },
      ],
      services: [{ name: 'web', clusterIP: '10.96.0.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] }],
    })
    const sim = new Simulation({ files: [], objects: [], cluster: c, diagnostics: [] }, 1)
    const node = c.nodes.find((n) => n.name === 'node1')!
    const w = resolveWhere(c, 'node/node1')
    if (!w.ok) throw new Error('node1')
    const list = () => runCommandLine(sim, w.where, ['ipvsadm', '-Ln'], {}).stdout
    expect(list()).not.toContain('10.244.2.10:80')
    // a connection opened before the pod began terminating, still in the kernel's table
    const s = ipvsState(sim, node)
    const vs = s.byKey.get('TCP:10.96.0.50:80')!
    addConnection(ipvsRuntime(sim, 'node1'), vs, vs.draining[0], '10.244.1.20', 40000, sim.clock.now())
    expect(list()).toMatch(/^ {2}-> 10\.244\.2\.10:80 {15}Masq {4}0 {6}1 {10}0 {9}$/m)
    for (let i = 0; i < 5; i++) expect(traceRequest(sim, { from: 'Pod/default/client', protocol: 'TCP', host: '10.96.0.50', port: 80 }).outcome.endpoint).toBe('10.244.1.10:80')
    sim.clock.advance(200_000) // TIME_WAIT over: the real server is deleted
    expect(list()).not.toContain('10.244.2.10:80')
  })
})

describe('the scheduler named in the ConfigMap', () => {
  it('a scheduler the walk does not model (mh) is reported, never silently replaced; wrr is taken as written', () => {
    const withScheduler = (name: string) => compileScenario(files('kube-proxy-ipvs').map((f) => ({ ...f, text: f.text.replaceAll('scheduler: "rr"', `scheduler: "${name}"`) })))
    const mh = withScheduler('mh')
    expect(mh.diagnostics.some((d) => d.code === 'kubeproxy.ipvs.scheduler' && d.params.scheduler === 'mh')).toBe(true)
    const wrr = withScheduler('wrr')
    expect(wrr.diagnostics.some((d) => d.code === 'kubeproxy.ipvs.scheduler')).toBe(false)
    expect(shellOn(wrr).run('node/node1', ['ipvsadm', '-Ln']).stdout).toMatch(/^TCP {2}192\.168\.100\.21:30080 wrr$/m)
  })
})
