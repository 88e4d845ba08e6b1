import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../i18n/catalog'
import { compileScenario } from '../scenario'
import { resolveWhere } from '../shell/location'
import { runLine } from '../shell/sh'
import { Simulation } from '../sim/simulation'
import { importManifests } from './import'
import { importerMessages } from './messages'
import { REDACTED_TEXT } from './redact'

const dump = readFileSync(new URL('./testdata/kubectl-get-all.yaml', import.meta.url), 'utf8')

describe('import of a kubectl get -o yaml dump', () => {
  const { files, summary } = importManifests(dump)
  const compiled = compileScenario(files)
  const cluster = compiled.cluster

  it('takes what makes the network, leaves out what the playground makes itself, each with a reason', () => {
    expect(summary.taken).toEqual({ ConfigMap: 2, Deployment: 2, Ingress: 1, Node: 3, Pod: 5, Service: 2 })
    expect(summary.leftOut.map((l) => `${l.kind} ${l.name} ${l.reason}`)).toEqual([
      'Pod kube-system/kube-proxy-4hx8d importer.leftOut.kubeProxy',
      'Pod kube-system/kube-proxy-9wq2l importer.leftOut.kubeProxy',
      'Pod kube-system/kube-proxy-tz6vr importer.leftOut.kubeProxy',
      'Pod kube-system/etcd-master importer.leftOut.staticPod',
      'Service default/kubernetes importer.leftOut.kubernetesService',
      'ReplicaSet default/web-7d9f8c6b5 importer.leftOut.madeByDeployment',
      'ReplicaSet kube-system/coredns-76f75df574 importer.leftOut.madeByDeployment',
      'DaemonSet kube-system/kube-proxy importer.leftOut.kubeProxy',
      'EndpointSlice default/web-x8k2w importer.leftOut.sliceRecomputed',
      'EndpointSlice kube-system/kube-dns-5xq7b importer.leftOut.sliceRecomputed',
      'EndpointSlice default/kubernetes importer.leftOut.kubernetesService',
      'ConfigMap default/kube-root-ca.crt importer.leftOut.rootCA',
      'ConfigMap kube-system/kube-root-ca.crt importer.leftOut.rootCA',
    ])
    for (const l of summary.leftOut) expect(importerMessages[l.reason], l.reason).toBeDefined()
    expect(summary.problems).toEqual([])
  })

  it('strips the API server\'s bookkeeping and keeps status', () => {
    const all = files.map((f) => f.text).join('\n')
    for (const noise of ['managedFields', 'resourceVersion', 'uid:', 'creationTimestamp', 'last-applied-configuration', 'kube-api-access-', 'containerStatuses', 'nodeInfo']) {
      expect(all, noise).not.toContain(noise)
    }
    expect(summary.stripped).toBeGreaterThan(80)
    expect(all).toContain('podIP: 10.244.1.15')
    expect(all).toContain('clusterIP: 10.103.45.12')
    expect(files.map((f) => f.path)).toEqual(['nodes.yaml', 'workloads.yaml', 'services.yaml', 'ingress.yaml', 'config.yaml'])
    // kubectl's layout: sequences at their key's indentation
    expect(files.find((f) => f.path === 'nodes.yaml')!.text).toContain('  podCIDRs:\n  - 10.244.0.0/24\n')
  })

  it('compiles without an error, keeping the imported nodes, pod IPs and ClusterIPs', () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => formatMessage(d.code, d.params))).toEqual([])
    expect(cluster.nodes.map((n) => [n.name, n.ip, n.podCIDR, n.controlPlane, n.ready])).toEqual([
      ['master', '192.168.100.20', '10.244.0.0/24', true, true],
      ['node1', '192.168.100.21', '10.244.1.0/24', false, true],
      ['node2', '192.168.100.22', '10.244.2.0/24', false, true],
    ])
    const web = cluster.pods.filter((p) => p.labels.app === 'web').map((p) => [p.name, p.nodeName, p.podIP])
    expect(web).toEqual([
      ['web-7d9f8c6b5-2xkqz', 'node1', '10.244.1.15'],
      ['web-7d9f8c6b5-8mzrt', 'node2', '10.244.2.23'],
      ['web-7d9f8c6b5-q4wns', 'node1', '10.244.1.16'],
    ])
    // the Deployment claimed its imported pods (ownerReferences) instead of making new ones
    expect(cluster.workloads.find((w) => w.id === 'Deployment/default/web')!.pods).toHaveLength(3)
    expect(cluster.pods.filter((p) => p.labels['k8s-app'] === 'kube-dns').map((p) => p.podIP)).toEqual(['10.244.0.2', '10.244.0.3'])
    expect(cluster.services.find((s) => s.name === 'web')!.clusterIP).toBe('10.103.45.12')
    expect(cluster.services.find((s) => s.name === 'kube-dns')!.clusterIP).toBe('10.96.0.10')
    expect(cluster.kubeProxy.mode).toBe('iptables')
  })

  it('a pod reaches the web Service by name, through the imported CoreDNS, to an imported pod IP', () => {
    const sim = new Simulation(compiled, 1)
    const where = resolveWhere(cluster, 'default/web-7d9f8c6b5-8mzrt')
    if (!where.ok) throw new Error('no pod')
    const out = runLine(sim, where.where, 'curl -s http://web', { json: true })
    expect(out.traces?.[0].outcome).toMatchObject({ result: 'ok', service: 'default/web', httpStatus: 200 })
    expect(['10.244.1.15:80', '10.244.2.23:80', '10.244.1.16:80']).toContain(out.traces?.[0].outcome.endpoint)
  })

  it('is deterministic', () => {
    expect(importManifests(dump)).toEqual(importManifests(dump))
  })
})

describe('import: Secrets, Helm output and bad input', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64')
  const secrets = `# Source: demo/templates/secrets.yaml
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: default}
type: Opaque
data:
  password: ${b64('hunter2')}
stringData:
  token: abc
---
# Source: demo/templates/tls.yaml
apiVersion: v1
kind: Secret
metadata: {name: web-tls}
type: kubernetes.io/tls
data:
  tls.crt: ${b64('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')}
  tls.key: ${b64('-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----\n')}
---
---
apiVersion: v1
kind: Secret
metadata: {name: basic-auth}
data:
  auth: ${b64('admin:$apr1$Vw1e9Ff7$cPDRiF6u1Jq6HqRDeo2hR/\nbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n')}
`

  it('redacts on request: certificates and htpasswd lines stay, every other value becomes a placeholder', () => {
    const { files, summary } = importManifests(secrets, { redactSecrets: true })
    const text = files.map((f) => f.text).join('')
    expect(summary.redacted).toBe(3)
    expect(text).not.toContain(b64('hunter2'))
    expect(text).not.toContain('token: abc')
    expect(text).toContain(`token: ${REDACTED_TEXT}`)
    expect(text).toContain(`tls.crt: ${b64('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')}`)
    expect(text).not.toContain(b64('-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----\n'))
    expect(text).toContain(`auth: ${b64('admin:$apr1$Vw1e9Ff7$cPDRiF6u1Jq6HqRDeo2hR/\nbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n')}`)
    expect(summary.taken).toEqual({ Secret: 3 })
  })

  it('keeps Secrets as they are unless asked', () => {
    const { files, summary } = importManifests(secrets)
    expect(summary.redacted).toBe(0)
    expect(files.map((f) => f.text).join('')).toContain(b64('hunter2'))
  })

  it('reports documents it cannot read and goes on with the rest', () => {
    const { files, summary } = importManifests('kind: [\n---\n- just a list\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n')
    expect(summary.problems.map((p) => p.code)).toEqual(['importer.problem.yaml', 'importer.problem.notObject'])
    expect(summary.taken).toEqual({ ConfigMap: 1 })
    expect(files).toHaveLength(1)
  })

  it('takes JSON too (kubectl get -o json)', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default', uid: 'x' }, spec: { clusterIP: '10.96.7.7', ports: [{ port: 80 }], selector: { app: 's' } } }] })
    const { files, summary } = importManifests(json)
    expect(summary.taken).toEqual({ Service: 1 })
    expect(compileScenario(files).cluster.services.find((s) => s.name === 's')!.clusterIP).toBe('10.96.7.7')
  })

  it('every importer text exists in both languages', () => {
    for (const [code, m] of Object.entries(importerMessages)) {
      expect(m.en.trim(), code).not.toBe('')
      expect(m.zh.trim(), code).not.toBe('')
    }
  })
})
