// Generates the editor's JSON schemas (src/app/editor/schemas/kubernetes.json) for the Kubernetes kinds the engine
// reads, from the TypeScript definitions of the npm package kubernetes-types (generated from the Kubernetes OpenAPI
// spec, so it follows the API's own types and doc comments), with ts-json-schema-generator.
//   npm install --prefix tools/schemas && node tools/schemas/generate.mjs
// MetalLB, KubeProxyConfiguration and the playground's Cluster kind have hand-written schemas beside it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createGenerator } from 'ts-json-schema-generator'

const here = dirname(fileURLToPath(import.meta.url))
const types = join(here, 'node_modules/kubernetes-types')
const out = join(here, '../../src/app/editor/schemas')

/** The kinds the engine reads (src/engine/manifest/kinds.ts), by the module that declares them. */
const KINDS = [
  ['core/v1', 'v1', ['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'ConfigMap', 'Secret']],
  ['apps/v1', 'apps/v1', ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']],
  ['discovery/v1', 'discovery.k8s.io/v1', ['EndpointSlice']],
  ['networking/v1', 'networking.k8s.io/v1', ['Ingress', 'IngressClass', 'NetworkPolicy']],
]

const PROTOCOLS = { enum: ['TCP', 'UDP', 'SCTP'] }
const PORT = { minimum: 1, maximum: 65535 }
/**
 * What the Go types say and kubernetes-types cannot (its enums and int32 ranges are plain `string` / `number`):
 * added to the generated properties so the editor flags and completes them as the API server's validation would
 * (core/validation: supportedPortProtocols, IsValidPortNum, supportedServiceType, ...).
 */
const PATCHES = {
  'ServicePort.protocol': PROTOCOLS,
  'ServicePort.port': PORT,
  'ServicePort.nodePort': { minimum: 0, maximum: 65535 },
  'ContainerPort.protocol': PROTOCOLS,
  'ContainerPort.containerPort': PORT,
  'ContainerPort.hostPort': { minimum: 0, maximum: 65535 },
  'EndpointPort.protocol': PROTOCOLS,
  'EndpointPort.port': PORT,
  'EndpointPort_discovery_v1.protocol': PROTOCOLS,
  'EndpointPort_discovery_v1.port': PORT,
  'ServiceBackendPort.number': PORT,
  'ServiceSpec.type': { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
  'ServiceSpec.sessionAffinity': { enum: ['None', 'ClientIP'] },
  'ServiceSpec.externalTrafficPolicy': { enum: ['Cluster', 'Local'] },
  'ServiceSpec.internalTrafficPolicy': { enum: ['Cluster', 'Local'] },
  'ServiceSpec.ipFamilyPolicy': { enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] },
  'HTTPIngressPath.pathType': { enum: ['Exact', 'Prefix', 'ImplementationSpecific'] },
  'PodSpec.dnsPolicy': { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] },
  'PodSpec.restartPolicy': { enum: ['Always', 'OnFailure', 'Never'] },
  'Toleration.operator': { enum: ['Exists', 'Equal'] },
  'Toleration.effect': { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
  'Taint.effect': { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
  'LabelSelectorRequirement.operator': { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  'EndpointSlice.addressType': { enum: ['IPv4', 'IPv6', 'FQDN'] },
  'DeploymentSpec.replicas': { minimum: 0 },
  'ReplicaSetSpec.replicas': { minimum: 0 },
  'StatefulSetSpec.replicas': { minimum: 0 },
}

/** Hover docs are kept; the longest (a few pages of text on some fields) are cut at a sentence near this length. */
const MAX_DESCRIPTION = 400

// One generator per module; each kind's definitions are merged into one shared map (ObjectMeta, PodSpec, ... once).
// Two modules may declare different types of one name (core/v1 and discovery/v1 EndpointPort): the later one is
// renamed with its module (EndpointPort_discovery_v1) and the references inside its module follow.
const definitions = {}
const kinds = []
for (const [mod, apiVersion, names] of KINDS) {
  const generator = createGenerator({
    path: join(types, `${mod}.d.ts`),
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: false,
    tsconfig: join(here, 'tsconfig.json'),
  })
  const renames = new Map()
  const moduleDefs = {}
  for (const kind of names) {
    const part = generator.createSchema(kind)
    for (const [name, def] of Object.entries(part.definitions ?? {})) moduleDefs[name] = def
  }
  for (const [name, def] of Object.entries(moduleDefs)) {
    if (definitions[name] && JSON.stringify(definitions[name].__raw) !== JSON.stringify(def)) renames.set(name, `${name}_${alias(mod)}`)
  }
  for (const [name, def] of Object.entries(moduleDefs)) {
    const key = renames.get(name) ?? name
    if (definitions[key]) continue
    definitions[key] = { __raw: def, ...tidy(def, renames) }
  }
  for (const kind of names) {
    const def = definitions[renames.get(kind) ?? kind]
    if (!def) throw new Error(`no schema generated for ${apiVersion} ${kind}`)
    // Documents name their kind: apiVersion and kind are required constants, so the editor offers them first
    def.required = [...new Set(['apiVersion', 'kind', ...(def.required ?? [])])]
    kinds.push({ apiVersion, kind, ref: `#/definitions/${renames.get(kind) ?? kind}` })
  }
}
for (const def of Object.values(definitions)) delete def.__raw
// Types whose JSON form kubernetes-types cannot say: a Quantity is written as a string or a number (`cpu: 1`,
// `memory: 128974848`, resource.Quantity UnmarshalJSON), and FieldsV1 (managedFields in `kubectl get -o yaml`) is
// free-form JSON.
definitions.Quantity = { ...definitions.Quantity, type: ['string', 'number'] }
definitions.FieldsV1 = { type: 'object', description: definitions.FieldsV1.description }
for (const [path, patch] of Object.entries(PATCHES)) {
  const [def, prop] = path.split('.')
  const target = definitions[def]?.properties?.[prop]
  if (!target) throw new Error(`PATCHES: no property ${path}`)
  Object.assign(target, patch)
}
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $comment: `Generated by tools/schemas/generate.mjs from kubernetes-types ${version('kubernetes-types')} with ts-json-schema-generator ${version('ts-json-schema-generator')}. Do not edit.`,
  kinds,
  definitions,
}
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'kubernetes.json'), JSON.stringify(schema) + '\n')
console.log(`kubernetes.json: ${kinds.length} kinds, ${Object.keys(definitions).length} definitions, ${JSON.stringify(schema).length} bytes`)

function alias(mod) {
  return mod.replace('/', '_')
}

function version(pkg) {
  return JSON.parse(readFileSync(join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version
}

/**
 * Per node: numbers become integers (the Kubernetes API has no floating-point fields in these kinds: int32/int64
 * everywhere, per the API conventions), `$ref`s follow the renamed definitions, long descriptions are cut.
 */
function tidy(node, renames) {
  if (Array.isArray(node)) return node.map((n) => tidy(n, renames))
  if (!node || typeof node !== 'object') return node
  const outNode = {}
  for (const [k, v] of Object.entries(node)) {
    if (k === 'type' && v === 'number') outNode.type = 'integer'
    else if (k === 'type' && Array.isArray(v)) outNode.type = v.map((t) => (t === 'number' ? 'integer' : t))
    else if (k === '$ref' && typeof v === 'string') {
      const name = decodeURIComponent(v.slice('#/definitions/'.length))
      outNode.$ref = `#/definitions/${renames.get(name) ?? name}`
    }
    else if (k === 'description' && typeof v === 'string') outNode.description = shorten(v)
    else if (k === 'markdownDescription') continue
    else outNode[k] = tidy(v, renames)
  }
  return outNode
}

function shorten(text) {
  if (text.length <= MAX_DESCRIPTION) return text
  const cut = text.lastIndexOf('. ', MAX_DESCRIPTION)
  return `${text.slice(0, cut > 80 ? cut + 1 : MAX_DESCRIPTION).trimEnd()} …`
}
