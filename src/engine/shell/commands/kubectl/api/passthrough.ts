import type { PassThroughObject } from '../../../../cluster/types'
import { base64 } from '@scure/base'
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
  return ctx.cluster.others.filter((o) => o.kind === kind).map(passThroughObject)
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
