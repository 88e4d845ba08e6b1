import type { JSONSchema, SchemasSettings } from 'monaco-yaml'
import cluster from './cluster.json'
import kubeProxy from './kubeproxy.json'
import kubernetes from './kubernetes.json'
import metallb from './metallb.json'

/**
 * JSON schemas monaco-yaml validates the manifests against; completion and hover docs come with them.
 * kubernetes.json is generated (tools/schemas/generate.mjs, from kubernetes-types); metallb.json, kubeproxy.json and
 * cluster.json are written by hand and borrow ObjectMeta, LabelSelector and Taint from kubernetes.json. Every file
 * lists its kinds by (apiVersion, kind); their definitions share one map, so the editor carries PodSpec once.
 */
export interface KindSchemaRef {
  apiVersion: string
  kind: string
  /** `#/definitions/<name>` in `definitions`. */
  ref: string
}

interface SchemaFile {
  kinds: KindSchemaRef[]
  definitions: Record<string, JSONSchema>
}

const files = [kubernetes, metallb, kubeProxy, cluster] as unknown as SchemaFile[]

/** Every definition of every file, by name. */
export const definitions: Record<string, JSONSchema> = Object.assign({}, ...files.map((f) => f.definitions))

/** The kinds that have a schema. */
export const kindSchemas: KindSchemaRef[] = files.flatMap((f) => f.kinds)

/** The schema of one kind (self-contained through `definitions`), or undefined for a kind the engine does not read. */
export function schemaFor(apiVersion: string, kind: string): JSONSchema | undefined {
  const k = kindSchemas.find((s) => s.apiVersion === apiVersion && s.kind === kind)
  return k ? { $ref: k.ref, definitions } : undefined
}

const byKind = (apiVersion: string, kind: string): JSONSchema => ({
  properties: { apiVersion: { const: apiVersion }, kind: { const: kind } },
  required: ['apiVersion', 'kind'],
})

/**
 * One schema for every document of a manifest file: each document is checked against the schema of its own
 * (apiVersion, kind), and the items of a `kind: List` likewise; other kinds are left alone (the engine warns).
 */
export const manifestSchema: JSONSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  allOf: [
    ...kindSchemas.map((k) => ({ if: byKind(k.apiVersion, k.kind), then: { $ref: k.ref } })),
    {
      if: byKind('v1', 'List'),
      then: { properties: { items: { type: 'array', items: { $ref: '#' } } } },
    },
  ],
  definitions,
} as JSONSchema

/** What monaco-yaml is configured with: the manifest schema for every YAML model. */
export const manifestSchemas: SchemasSettings[] = [
  // An inert URI: the schema is given inline, nothing is fetched (enableSchemaRequest is off)
  { uri: 'kube-hops:/schemas/manifests.json', fileMatch: ['*.yaml', '*.yml'], schema: manifestSchema },
]
