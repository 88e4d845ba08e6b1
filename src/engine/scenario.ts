import { compareDiagnostics, type Diagnostic } from './core/diagnostic'
import type { Cluster, ProxyMode } from './cluster/types'
import { buildCluster } from './cluster/build'
import { parseManifests } from './manifest/parse'
import type { ManifestObject, SourceFile } from './manifest/types'

export interface CompileOptions {
  /** The CLI's --mode, or the app's mode switch before it rewrites the YAML. */
  modeOverride?: ProxyMode
}

/** Everything later stages and the app need from one scenario's text. Plain data. */
export interface CompiledScenario {
  files: SourceFile[]
  objects: ManifestObject[]
  cluster: Cluster
  diagnostics: Diagnostic[]
}

/** YAML text to the settled cluster. Never throws: every problem is a diagnostic. */
export function compileScenario(files: SourceFile[], options: CompileOptions = {}): CompiledScenario {
  const parsed = parseManifests(files)
  const built = buildCluster(parsed.objects, options)
  const diagnostics = [...parsed.diagnostics, ...built.diagnostics].sort(compareDiagnostics)
  return { files, objects: parsed.objects, cluster: built.cluster, diagnostics }
}
