import { describe, expect, it } from 'vitest'
import { run, simulationOf } from '../testing'

const YAML = `
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  labels: { app: web }
spec:
  hostname: web-0
  subdomain: web
  hostAliases:
  - ip: 192.168.100.21
    hostnames: [nginx.example.com, httpd.example.com]
  - ip: 10.1.2.3
    hostnames: [db.local]
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector: { app: web }
  ports:
  - port: 80
---
apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata:
  name: lab
spec:
  clients:
  - name: laptop
    ip: 192.168.100.10
    hosts:
      nginx.example.com: 192.168.100.21
      httpd.example.com: 192.168.100.21
      api.example.com: 192.168.100.22
`

describe('/etc/hosts (kubelet managedHostsFileContent and the machines\' own files)', () => {
  it('a pod: the kubelet header, localhost lines, the pod\'s IP with its FQDN, then hostAliases', () => {
    const sim = simulationOf(YAML)
    const pod = sim.scenario.cluster.pods.find((p) => p.name === 'web-0')
    expect(run(sim, ['cat', '/etc/hosts'], 'web-0').stdout).toBe([
      '# Kubernetes-managed hosts file.',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix',
      'fe00::1\tip6-allnodes',
      'fe00::2\tip6-allrouters',
      `${pod?.podIP}\tweb-0.web.default.svc.cluster.local\tweb-0`,
      '',
      '# Entries added by HostAliases.',
      '192.168.100.21\tnginx.example.com\thttpd.example.com',
      '10.1.2.3\tdb.local',
      '',
    ].join('\n'))
  })

  it('a pod without subdomain: just IP and name (service-basics)', () => {
    const out = run(simulationOf('service-basics'), ['cat', '/etc/hosts'], 'nginx-pod-1').stdout
    expect(out.split('\n').slice(-2)).toEqual(['10.244.2.2\tnginx-pod-1', ''])
  })

  it('a client: its hosts entries grouped by address, as the tutorial echoes them', () => {
    const out = run(simulationOf(YAML), ['cat', '/etc/hosts'], 'client/laptop').stdout
    expect(out).toMatch(/^127\.0\.0\.1\tlocalhost\n127\.0\.1\.1\tlaptop\n/)
    expect(out).toContain('\n192.168.100.21 nginx.example.com httpd.example.com\n192.168.100.22 api.example.com\n')
  })

  it('a node: Debian\'s defaults and the lab\'s machines', () => {
    const out = run(simulationOf('service-basics'), ['cat', '/etc/hosts'], 'node/node1').stdout
    expect(out).toMatch(/^127\.0\.0\.1\tlocalhost\n127\.0\.1\.1\tnode1\n/)
    expect(out).toContain('192.168.100.21\tnode1\n')
  })

  it('cat: missing files, several files, standard input', () => {
    const sim = simulationOf('service-basics')
    expect(run(sim, ['cat', '/etc/shadow'], 'nginx-pod-1')).toMatchObject({ stdout: '', stderr: 'cat: /etc/shadow: No such file or directory\n', exitCode: 1 })
    expect(run(sim, ['cat', '/etc/hostname', '/etc/hostname'], 'nginx-pod-1').stdout).toBe('nginx-pod-1\nnginx-pod-1\n')
  })
})

describe('hostname', () => {
  const sim = simulationOf(YAML)
  const cases: [string, string[], string][] = [
    ['web-0', ['hostname'], 'web-0\n'],
    ['web-0', ['hostname', '-f'], 'web-0.web.default.svc.cluster.local\n'],
    ['node/node2', ['hostname'], 'node2\n'],
    ['node/node2', ['hostname', '-i'], '192.168.100.22\n'],
    ['client/laptop', ['hostname', '-s'], 'laptop\n'],
  ]
  it.each(cases)('%s: %j', (where, argv, out) => {
    expect(run(sim, argv, where).stdout).toBe(out)
  })
  it('rejects unknown options with a usage message, exit 2', () => {
    expect(run(sim, ['hostname', '-x'], 'web-0')).toMatchObject({ stderr: "hostname: invalid option -- 'x'\nUsage: hostname [-f|-i|-I|-s]\n", exitCode: 2 })
  })
  it('an unknown command answers as bash does', () => {
    expect(run(sim, ['telnet', 'x'], 'web-0')).toMatchObject({ stderr: 'bash: telnet: command not found\n', exitCode: 127 })
  })
})
