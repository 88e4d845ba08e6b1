import type { Cluster } from '../../../../cluster/types'
import type { Diagnostic } from '../../../../core/diagnostic'
import type { ManifestObject } from '../../../../manifest/types'
import type { Simulation } from '../../../../sim/simulation'
import { corednsDeployment, kubeDnsService, kubernetesService } from '../../../../cluster/system'

/** What the API-object builders read: the settled cluster and the objects as the user wrote them. */
export interface ApiContext {
  cluster: Cluster
  objectsById: Map<string, ManifestObject>
  diagnostics: Diagnostic[]
}

export function apiContext(sim: Simulation): ApiContext {
  return sim.memo('kubectl:api-context', () => {
    const objectsById = new Map(sim.scenario.objects.map((o) => [o.id, o]))
    // The playground's own objects, as cluster/build.ts adds them when the scenario does not define them.
    for (const make of [kubernetesService, kubeDnsService, corednsDeployment]) {
      const obj = make()
      if (!objectsById.has(obj.id)) objectsById.set(obj.id, obj)
    }
    return { cluster: sim.scenario.cluster, objectsById, diagnostics: sim.scenario.diagnostics }
  })
}

export type Json = Record<string, unknown>

export function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A nested object of the written body (`spec.template.spec`), or undefined. */
export function pathOf(body: unknown, ...path: string[]): Json | undefined {
  let cur: unknown = body
  for (const p of path) {
    if (!isJson(cur)) return undefined
    cur = cur[p]
  }
  return isJson(cur) ? cur : undefined
}

/** Drop keys whose value is undefined, so JSON/YAML output omits them as Go's `omitempty` does. */
export function compact<T extends Json>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k]
  return o
}
