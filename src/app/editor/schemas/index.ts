import type { SchemasSettings } from 'monaco-yaml'

/**
 * JSON schemas monaco-yaml validates the manifests against (completion and hover docs come with them). The
 * generated Kubernetes schemas and the hand-written MetalLB, KubeProxyConfiguration and Cluster schemas plug in
 * here; until they land, monaco-yaml checks YAML syntax only.
 */
export const manifestSchemas: SchemasSettings[] = []
