import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { knownKinds } from '../../../engine/manifest/kinds'
import { gallery } from '../../../scenarios/gallery.generated'
import { definitions, kindSchemas, manifestSchema, schemaFor } from '.'

type Schema = Record<string, unknown>

/**
 * No JSON Schema validator is installed, so this is a checker for the subset of draft-07 these schemas use
 * ($ref, type, properties, additionalProperties, required, items, enum, const, minimum/maximum, minItems, pattern,
 * allOf, oneOf, if/then). It returns the paths of the violations, enough to show that documents pass and that a
 * wrong type or an unknown field is flagged.
 */
function check(value: unknown, schema: Schema, root: Schema, path = ''): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref === '#' ? root : (root.definitions as Record<string, Schema>)[schema.$ref.slice('#/definitions/'.length)]
    if (!target) return [`${path}: unresolved ${schema.$ref}`]
    return check(value, target, root, path)
  }
  const errs: string[] = []
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type]
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value
    const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'))
    if (!ok) return [`${path}: type ${actual}, expected ${types.join('|')}`]
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errs.push(`${path}: not one of ${JSON.stringify(schema.enum)}`)
  if ('const' in schema && schema.const !== value) errs.push(`${path}: not ${JSON.stringify(schema.const)}`)
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errs.push(`${path}: below ${schema.minimum}`)
    if (typeof schema.maximum === 'number' && value > schema.maximum) errs.push(`${path}: above ${schema.maximum}`)
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) errs.push(`${path}: pattern`)
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errs.push(`${path}: fewer than ${schema.minItems} items`)
    if (schema.items) value.forEach((v, i) => errs.push(...check(v, schema.items as Schema, root, `${path}[${i}]`)))
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>
    const props = (schema.properties ?? {}) as Record<string, Schema>
    for (const key of (schema.required ?? []) as string[]) if (!(key in obj)) errs.push(`${path}.${key}: required`)
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errs.push(...check(v, props[key], root, `${path}.${key}`))
      else if (schema.additionalProperties === false) errs.push(`${path}.${key}: unknown field`)
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        errs.push(...check(v, schema.additionalProperties as Schema, root, `${path}.${key}`))
      }
    }
  }
  for (const sub of (schema.allOf ?? []) as Schema[]) {
    if (sub.if) {
      if (check(value, sub.if as Schema, root, path).length === 0 && sub.then) errs.push(...check(value, sub.then as Schema, root, path))
    } else errs.push(...check(value, sub, root, path))
  }
  if (schema.oneOf) {
    const passing = (schema.oneOf as Schema[]).filter((s) => check(value, s, root, path).length === 0).length
    if (passing !== 1) errs.push(`${path}: matches ${passing} of oneOf`)
  }
  return errs
}

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown).filter((d) => d !== null)
const validate = (text: string) => docsOf(text).flatMap((d) => check(d, manifestSchema as Schema, manifestSchema as Schema))

describe('editor JSON schemas', () => {
  it('cover every kind the engine reads', () => {
    const have = kindSchemas.map((k) => `${k.apiVersion} ${k.kind}`).sort()
    expect(have).toEqual(knownKinds().map((k) => `${k.apiVersion} ${k.kind}`).sort())
  })

  it('resolve every $ref', () => {
    const refs = JSON.stringify(manifestSchema).match(/"\$ref":"[^"]+"/g) ?? []
    for (const r of new Set(refs)) {
      const ref = r.slice(8, -1)
      if (ref !== '#') expect(definitions[ref.slice('#/definitions/'.length)], ref).toBeDefined()
    }
  })

  it('type replicas as integer and close every generated object to unknown fields', () => {
    for (const kind of ['DeploymentSpec', 'ReplicaSetSpec', 'StatefulSetSpec']) {
      expect((definitions[kind].properties as Schema).replicas).toMatchObject({ type: 'integer' })
    }
    for (const [name, def] of Object.entries(definitions)) {
      if (def.type === 'object' && def.properties) expect(def.additionalProperties, name).toBe(false)
    }
    // resource.Quantity takes `cpu: 1` as well as `cpu: 500m`
    expect(definitions.Quantity.type).toEqual(['string', 'number'])
  })

  it('accept the gallery scenarios', () => {
    for (const s of gallery) for (const f of s.files) expect(validate(f.text), `${s.name}/${f.path}`).toEqual([])
  })

  it.each([
    ['a Deployment', `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.20
        ports: [{containerPort: 80, name: http}]
        readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 5}
        resources: {limits: {cpu: 1, memory: 128Mi}, requests: {cpu: 0.5}}
`],
    ['an import from kubectl get -o yaml', `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
  creationTimestamp: "2026-01-01T00:00:00Z"
  resourceVersion: "1234"
  uid: 0b6f2d2e-0000-4000-8000-000000000000
  managedFields:
  - manager: kubectl
    operation: Update
    fieldsType: FieldsV1
    fieldsV1: {f:spec: {f:ports: {}}}
spec:
  clusterIP: 10.96.0.50
  clusterIPs: [10.96.0.50]
  ipFamilies: [IPv4]
  ipFamilyPolicy: SingleStack
  internalTrafficPolicy: Cluster
  ports: [{name: http, port: 80, protocol: TCP, targetPort: 80}]
  selector: {app: web}
  sessionAffinity: None
  type: ClusterIP
status:
  loadBalancer: {}
`],
    ['an Ingress with TLS', `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: https-ingress
  annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "true"}
spec:
  ingressClassName: nginx
  tls: [{hosts: [secure.example.com], secretName: example-tls}]
  rules:
  - host: secure.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: nginx-service, port: {number: 80}}}}
`],
    ['the MetalLB pool and L2Advertisement', `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: first-pool, namespace: metallb-system}
spec: {addresses: [192.168.100.100-192.168.100.150]}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l2-adv, namespace: metallb-system}
spec: {ipAddressPools: [first-pool]}
---
apiVersion: metallb.io/v1beta2
kind: BGPPeer
metadata: {name: edge, namespace: metallb-system}
spec: {myASN: 64512, peerASN: 64500, peerAddress: 192.168.100.1}
`],
    ['a KubeProxyConfiguration', `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ipvs
ipvs: {scheduler: rr, strictARP: true}
`],
    ['the Cluster kind', `apiVersion: kube-hops.dev/v1alpha1
kind: Cluster
metadata: {name: lab}
spec:
  podCIDR: 10.244.0.0/16
  nodePortRange: 30000-32767
  nodes:
  - {name: master, ip: 192.168.100.20, controlPlane: true, labels: {}, taints: []}
  - {name: node1, ip: 192.168.100.21, podCIDR: 10.244.1.0/24}
  clients:
  - {name: workstation, ip: 192.168.100.10, hosts: {nginx.example.com: 192.168.100.21}}
  router: {name: edge, ip: 192.168.100.1, asn: 64500}
  ingressController: {mode: nodePort}
`],
    ['a List of Pods and an unknown kind', `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: nginx}]}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: j}
whatever: true
`],
  ])('accept %s', (_, text) => {
    expect(validate(text)).toEqual([])
  })

  it.each([
    ['replicas: "3"', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: "3", selector: {}, template: {}}\n', '.spec.replicas: type string, expected integer'],
    ['an unknown field', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replica: 3, selector: {}, template: {}}\n', '.spec.replica: unknown field'],
    ['a label with a number', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {version: 8.0}}\nspec: {containers: [{name: c}]}\n', '.metadata.labels.version: type integer, expected string'],
    ['protocol HTTP', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, protocol: HTTP}]}\n', '.spec.ports[0].protocol: not one of'],
    ['port 70000', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 70000}]}\n', '.spec.ports[0].port: above 65535'],
    ['a pool without addresses', 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: p}\nspec: {autoAssign: false}\n', '.spec.addresses: required'],
    ['an unknown proxy mode', 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: userspace\n', '.mode: not one of'],
    ['a Cluster node without ip', 'apiVersion: kube-hops.dev/v1alpha1\nkind: Cluster\nmetadata: {name: c}\nspec: {nodes: [{name: n}]}\n', '.spec.nodes[0].ip: required'],
  ])('flag %s', (_, text, error) => {
    expect(validate(text).join('\n')).toContain(error)
  })

  it('give each kind a self-contained schema', () => {
    const s = schemaFor('apps/v1', 'Deployment') as Schema
    expect(check({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 'x' } }, s, s)).toContain('.spec.replicas: type string, expected integer')
    expect(schemaFor('batch/v1', 'Job')).toBeUndefined()
  })
})
