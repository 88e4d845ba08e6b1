import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../scenario'
import { runCommandLine } from '../../shell/runner'
import { Simulation } from '../../sim/simulation'
import { gallery } from '../../../scenarios/gallery.generated'
import type { SourceFile } from '../../manifest/types'
import { corefileDiagnostics } from './coredns'
import { resolve } from './resolver'

/** The tutorial's DNS labs, end to end: YAML → cluster → CoreDNS → the commands a user types in a pod. */

function scenario(name: string, extra: SourceFile[] = [], drop: string[] = []): Simulation {
  const g = gallery.find((s) => s.name === name)!
  return new Simulation(compileScenario([...g.files.filter((f) => !drop.includes(f.path)), ...extra]), 1)
}

function run(sim: Simulation, podName: string, line: string, json = false) {
  const pod = sim.scenario.cluster.pods.find((p) => p.name === podName)!
  return runCommandLine(sim, { kind: 'pod', pod }, line.split(' '), { json })
}

function addresses(stdout: string): string[] {
  return [...stdout.matchAll(/^Address: (.*)$/gm)].map((m) => m[1]).sort()
}

const notReady = (yaml: string, pod: string) =>
  yaml.replace(new RegExp(`(name: ${pod}\\n[\\s\\S]*?)(?=\\n---|$)`), `$1\nstatus:\n  phase: Running\n  conditions:\n  - type: Ready\n    status: "False"`)

describe('tutorial lab 1: nslookup mysql-service', () => {
  it('answers from 10.96.0.10 with the ClusterIP and the FQDN', () => {
    const sim = scenario('service-basics')
    const ip = sim.scenario.cluster.services.find((s) => s.name === 'mysql-service')!.clusterIP
    const r = run(sim, 'nginx-pod-1', 'nslookup mysql-service')
    expect(r.stdout.startsWith('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n')).toBe(true)
    expect(r.stdout).toContain(`Name:\tmysql-service.default.svc.cluster.local\nAddress: ${ip}\n`)
    const json = run(sim, 'nginx-pod-1', 'nslookup mysql-service', true).json as { answers: { name: string; data: string }[] }
    expect(json.answers).toEqual([{ name: 'mysql-service.default.svc.cluster.local.', type: 'A', ttl: 30, data: ip }])
  })

  it('the full name is asked as is and answers the same address', () => {
    const sim = scenario('service-basics')
    const r = run(sim, 'nginx-pod-1', 'nslookup mysql-service.default.svc.cluster.local')
    expect(addresses(r.stdout)).toEqual([sim.scenario.cluster.services.find((s) => s.name === 'mysql-service')!.clusterIP])
    expect(r.exitCode).toBe(0)
  })

  it('/etc/resolv.conf is kubelet\'s ClusterFirst file', () => {
    expect(run(scenario('service-basics'), 'nginx-pod-1', 'cat /etc/resolv.conf').stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    )
  })
})

describe('tutorial lab 4: headless Service', () => {
  it('nslookup web-headless lists all three pod IPs', () => {
    const sim = scenario('headless-web')
    const pods = sim.scenario.cluster.pods.filter((p) => p.labels.app === 'web').map((p) => p.podIP).sort()
    expect(pods).toHaveLength(3)
    expect(addresses(run(sim, 'test-dns', 'nslookup web-headless').stdout)).toEqual(pods)
  })

  it('a pod made not ready disappears from the answer', () => {
    const g = gallery.find((s) => s.name === 'headless-web')!
    const pods = g.files.find((f) => f.path === 'web-pods.yaml')!
    const sim = scenario('headless-web', [{ path: 'web-pods.yaml', text: notReady(pods.text, 'web-pod-2') }], ['web-pods.yaml'])
    const gone = sim.scenario.cluster.pods.find((p) => p.name === 'web-pod-2')!.podIP
    const left = sim.scenario.cluster.pods.filter((p) => p.labels.app === 'web' && p.name !== 'web-pod-2').map((p) => p.podIP).sort()
    expect(addresses(run(sim, 'test-dns', 'nslookup web-headless').stdout)).toEqual(left)
    expect(left).not.toContain(gone)
  })

  it('deleting the only endpoint gives NXDOMAIN', () => {
    const only: SourceFile = {
      path: 'web-pods.yaml',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-pod-1\n  labels:\n    app: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.20\n',
    }
    const before = scenario('headless-web', [only], ['web-pods.yaml'])
    expect(addresses(run(before, 'test-dns', 'nslookup web-headless.default.svc.cluster.local').stdout)).toHaveLength(1)
    const after = scenario('headless-web', [], ['web-pods.yaml'])
    const r = run(after, 'test-dns', 'nslookup web-headless.default.svc.cluster.local')
    expect(r.stdout).toContain("** server can't find web-headless.default.svc.cluster.local: NXDOMAIN\n")
    expect((run(after, 'test-dns', 'dig web-headless.default.svc.cluster.local', true).json as { rcode: string }).rcode).toBe('NXDOMAIN')
  })
})

describe('StatefulSet + headless Service', () => {
  it('web-0.web-headless answers one pod (search list through getent, full name through nslookup)', () => {
    const sim = scenario('statefulset-headless')
    const web0 = sim.scenario.cluster.pods.find((p) => p.name === 'web-0')!.podIP
    expect(run(sim, 'test-dns', 'getent hosts web-0.web-headless').stdout).toBe(`${web0.padEnd(15)} web-0.web-headless.default.svc.cluster.local\n`)
    expect(addresses(run(sim, 'test-dns', 'nslookup web-0.web-headless.default.svc.cluster.local').stdout)).toEqual([web0])
    expect(resolve(sim, { kind: 'pod', pod: sim.scenario.cluster.pods.find((p) => p.name === 'test-dns')! }, 'web-0.web-headless').answer?.addresses).toEqual([web0])
  })

  it('busybox nslookup does not search a dotted name: web-0.web-headless goes upstream as is', () => {
    const r = run(scenario('statefulset-headless'), 'test-dns', 'nslookup web-0.web-headless')
    expect(r.stdout).toContain("** server can't find web-0.web-headless: SERVFAIL\n")
  })
})

describe('ExternalName', () => {
  it('nginx-external answers a CNAME to mysql.external-domain.com', () => {
    const sim = scenario('externalname')
    const r = run(sim, 'test-dns', 'nslookup nginx-external')
    expect(r.stdout).toContain('nginx-external.default.svc.cluster.local\tcanonical name = mysql.external-domain.com\n')
    expect(run(sim, 'test-dns', 'dig +short +search nginx-external').stdout).toBe('mysql.external-domain.com.\n')
  })
})

describe('a Service in another namespace resolves as name.namespace', () => {
  it('through the search list (svc.cluster.local)', () => {
    const prod: SourceFile = {
      path: 'prod.yaml',
      text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: data\n  namespace: prod\nspec:\n  selector:\n    app: data\n  ports:\n  - port: 5432\n',
    }
    const sim = scenario('service-basics', [prod])
    const ip = sim.scenario.cluster.services.find((s) => s.name === 'data')!.clusterIP
    expect(run(sim, 'nginx-pod-1', 'getent hosts data.prod').stdout).toBe(`${ip.padEnd(15)} data.prod.svc.cluster.local\n`)
  })
})

describe('the Corefile from the kube-system/coredns ConfigMap', () => {
  const configMap = (ttl: string): SourceFile => ({
    path: 'coredns.yaml',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        kubernetes cluster.local in-addr.arpa ip6.arpa {
           pods insecure
           fallthrough in-addr.arpa ip6.arpa
           ttl ${ttl}
        }
        forward . /etc/resolv.conf
        cache 30
        loadbalance
    }
`,
  })

  it("changing the ttl changes the answers' TTL", () => {
    for (const ttl of ['10', '20']) {
      const json = run(scenario('service-basics', [configMap(ttl)]), 'nginx-pod-1', 'dig +search mysql-service', true).json as { answers: { ttl: number }[] }
      expect(json.answers[0].ttl).toBe(Number(ttl))
    }
  })

  it("a forwarded question's hop points at the Corefile's forward line in the ConfigMap", () => {
    const sim = scenario('service-basics', [configMap('30')])
    const r = run(sim, 'nginx-pod-1', 'dig www.example.com')
    const hop = r.traces![0].hops.find((h) => h.note.code === 'dns.hop.forwardOut')!
    expect(hop.rule).toBe('forward . /etc/resolv.conf')
    expect(hop.source).toMatchObject({ object: 'ConfigMap/kube-system/coredns', range: { file: 'coredns.yaml', startLine: 15 } })
  })

  it('a bad Corefile is reported on its line and leaves the cluster without DNS', () => {
    const sim = scenario('service-basics', [configMap('abc')])
    const diags = corefileDiagnostics(sim.scenario.cluster, sim.scenario.objects)
    expect(sim.scenario.diagnostics.filter((d) => d.code.startsWith('dns.'))).toEqual(diags)
    expect(diags.map((d) => [d.code, d.severity, d.range?.file, d.range?.startLine])).toEqual([['dns.corefile.badTtl', 'error', 'coredns.yaml', 13]])
    expect(run(sim, 'nginx-pod-1', 'nslookup mysql-service').stdout).toBe(';; connection timed out; no servers could be reached\n\n')
  })
})

describe('the DNS scenarios keep their promises', () => {
  it.each(['headless-web', 'statefulset-headless', 'externalname'])('%s: every suggested request', (name) => {
    const g = gallery.find((s) => s.name === name)!
    expect(g.requests.length).toBeGreaterThan(0)
    const sim = scenario(name)
    for (const r of g.requests) {
      const [ns, podName] = r.from.split('/')
      const pod = sim.scenario.cluster.pods.find((p) => p.namespace === ns && p.name === podName)!
      const out = runCommandLine(sim, { kind: 'pod', pod }, r.command.split(' '))
      expect(out.stdout, r.command).not.toBe('')
      expect(out.traces?.[0]?.outcome, r.command).toMatchObject(r.expect ?? {})
    }
  })
})
