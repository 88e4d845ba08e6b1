import { describe, expect, it } from 'vitest'
import { parseManifests } from '../manifest/parse'
import { buildCluster } from './build'

function lint(yaml: string) {
  const { objects } = parseManifests([{ path: 'lint.yaml', text: yaml }])
  return buildCluster(objects, {}).diagnostics.map((d) => ({ code: d.code, line: d.range?.startLine, params: d.params }))
}
const lineOf = (yaml: string, needle: string) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1

const pod = (labels: string, ports = '[{containerPort: 80}]', name = 'web-1') => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: ${labels}
spec:
  containers: [{name: c, image: nginx, ports: ${ports}}]
`
const service = (selector: string, port = '    targetPort: 80') => `---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector:
${selector}
  ports:
  - port: 80
${port}
`

describe('cross-object lint, on the line that causes it', () => {
  it('a selector that matches no pod: warning on spec.selector', () => {
    const yaml = service('    app: web') + pod('{app: api}')
    expect(lint(yaml)).toContainEqual(expect.objectContaining({ code: 'cluster.lint.selectorMatchesNothing', line: lineOf(yaml, 'selector:') }))
  })

  it('a pod whose labels differ in one label is named, on that selector key\'s line', () => {
    const yaml = service('    app: web\n    version: v2') + pod('{app: web, version: v1}')
    expect(lint(yaml)).toEqual([
      { code: 'cluster.lint.selectorMatchesNothing', line: lineOf(yaml, 'selector:'), params: expect.anything() },
      { code: 'cluster.lint.selectorNearMiss', line: lineOf(yaml, 'version: v2'), params: { service: 'web', object: 'pod/web-1', key: 'version', want: 'v2', have: 'v1' } },
    ])
  })

  it('a pod missing one selected label is named too; a workload is named once, not per replica', () => {
    const yaml = service('    app: web\n    tier: front') + `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`
    const found = lint(yaml).filter((d) => d.code === 'cluster.lint.selectorNearMissMissing')
    expect(found).toEqual([{ code: 'cluster.lint.selectorNearMissMissing', line: lineOf(yaml, 'tier: front'), params: { service: 'web', object: 'deployment/web', key: 'tier', want: 'front' } }])
  })

  it('pods with two differing labels are not near misses', () => {
    const yaml = service('    app: web\n    tier: front') + pod('{app: api, tier: back}')
    expect(lint(yaml).map((d) => d.code)).toEqual(['cluster.lint.selectorMatchesNothing'])
  })

  it('matching pods in another namespace are pointed out', () => {
    const yaml = service('    app: web') + pod('{app: web}').replace('  name: web-1', '  name: web-1\n  namespace: shop')
    expect(lint(yaml)).toContainEqual(expect.objectContaining({ code: 'cluster.lint.selectorOtherNamespace', params: expect.objectContaining({ namespace: 'shop' }) }))
  })

  it('a numeric targetPort no selected container declares: warning on targetPort, naming the declared ports', () => {
    const yaml = service('    app: web', '    targetPort: 8080') + pod('{app: web}')
    expect(lint(yaml)).toEqual([{
      code: 'cluster.lint.targetPortUndeclared', line: lineOf(yaml, 'targetPort: 8080'),
      params: { service: 'web', port: '8080', protocol: 'TCP', declared: '80/TCP' },
    }])
  })

  it('targetPort omitted defaults to port; checked against the port line', () => {
    const yaml = service('    app: web', '') + pod('{app: web}', '[{containerPort: 8080}]')
    expect(lint(yaml)).toEqual([expect.objectContaining({ code: 'cluster.lint.targetPortUndeclared', line: lineOf(yaml, '- port: 80') })])
  })

  it('a named targetPort no selected container has: warning (the port gets no endpoints)', () => {
    const yaml = service('    app: web', '    targetPort: http') + pod('{app: web}', '[{name: web, containerPort: 80}]')
    expect(lint(yaml)).toEqual([expect.objectContaining({ code: 'cluster.lint.targetPortNameUnresolved', line: lineOf(yaml, 'targetPort: http') })])
  })

  it('selected pods that are all unready: info on spec.selector', () => {
    const yaml = service('    app: web') + pod('{app: web}').replace('  labels: {app: web}', '  labels: {app: web}\n  annotations: {kube-hops.dev/ready: "false"}')
    expect(lint(yaml)).toEqual([{ code: 'cluster.lint.noReadyEndpoints', line: lineOf(yaml, 'selector:'), params: { service: 'web', count: '1' } }])
  })

  it('a correct Service and pod give no findings', () => {
    expect(lint(service('    app: web') + pod('{app: web}'))).toEqual([])
  })
})
