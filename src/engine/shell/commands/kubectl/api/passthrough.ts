import type { PassThroughObject } from '../../../../cluster/types'
import { base64 } from '@scure/base'
import { SCENARIO_EPOCH_MS } from '../../../../core/clock'
import { SYSTEM_AGE_AT_LOAD_MS } from '../../../../cluster/build'
import { defaultCorefile } from '../../../../dataplane/dns/corefile/default'
import { isJson, type ApiContext, type Json } from './context'
import { clone, meta, type ApiObject } from './meta'

/** ConfigMaps, Secrets, Ingresses, IngressClasses: kept as written, with the metadata and defaults the API adds. */
export function passThroughObject(o: PassThroughObject): ApiObject {
  const body = clone(o.body) ?? {}
  const written = isJson(body.metadata) ? body.metadata : {}
  const m = { ...written, ...meta(o.kind, o.name, o.namespace || undefined, 0, o.labels, o.annotations) }
  const out: ApiObject = { ...body, apiVersion: o.apiVersion, kind: o.kind, metadata: m }
  if (o.kind === 'Secret') {
    // The API server folds write-only stringData into base64 data and defaults the type to Opaque.
    const data: Json = isJson(body.data) ? { ...body.data } : {}
    if (isJson(body.stringData)) {
      for (const [k, v] of Object.entries(body.stringData)) data[k] = base64.encode(utf8(String(v)))
      delete out.stringData
    }
    if (Object.keys(data).length) out.data = data
    out.type ??= 'Opaque'
  }
  if (o.kind === 'Ingress' && !isJson(out.status)) out.status = { loadBalancer: {} }
  return out
}

export function passThroughObjects(ctx: ApiContext, kind: string): ApiObject[] {
  const objs = ctx.cluster.others.filter((o) => o.kind === kind).map(passThroughObject)
  if (kind === 'ConfigMap' && !objs.some((o) => o.metadata.namespace === 'kube-system' && o.metadata.name === 'coredns')) {
    objs.push(corednsConfigMap(ctx))
  }
  return objs
}

/**
 * kube-system/coredns as kubeadm creates it (cmd/kubeadm/app/phases/addons/dns: CoreDNSConfigMap) when the scenario
 * does not write its own: the Corefile the DNS stage runs by default.
 */
function corednsConfigMap(ctx: ApiContext): ApiObject {
  const created = SCENARIO_EPOCH_MS - SYSTEM_AGE_AT_LOAD_MS
  return {
    apiVersion: 'v1',
    data: { Corefile: defaultCorefile(ctx.cluster.config.clusterDomain) },
    kind: 'ConfigMap',
    metadata: meta('ConfigMap', 'coredns', 'kube-system', created),
  }
}

/** UTF-8 bytes of a string (the engine has no TextEncoder: no DOM lib). */
function utf8(s: string): Uint8Array {
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}
