import { isJson, type Json } from '../api/context'
import { listObjects, type ApiObject } from '../api'
import { joinHostPort, list, str } from '../format'
import { RESOURCE_TYPES, type ResourceType } from '../resources'
import type { Simulation } from '../../../../sim/simulation'

/** printLabelsMultiline: `Title:\tk=v` then `\tk2=v2` lines, sorted; `<none>` when empty. */
export function multiline(title: string, map: Record<string, string> | undefined, skip: string[] = []): string {
  const keys = Object.keys(map ?? {}).filter((k) => !skip.includes(k)).sort()
  if (keys.length === 0) return `${title}:\t<none>\n`
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${(map as Record<string, string>)[k]}\n`).join('')
}

// printAnnotationsMultiline: `key: value`, long or multi-line values on their own indented lines (max 140).
export function annotations(title: string, map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort()
  if (keys.length === 0) return `${title}:\t<none>\n`
  let s = `${title}:\t`
  keys.forEach((k, i) => {
    if (i !== 0) s += '\t'
    const value = ((map as Record<string, string>)[k]).replace(/\n$/, '')
    if (value.length + k.length + 2 > 140 || value.includes('\n')) {
      s += `${k}:\n`
      for (const line of value.split('\n')) s += `\t  ${line.length > 138 ? line.slice(0, 138) + '...' : line}\n`
    } else {
      s += `${k}: ${value}\n`
    }
  })
  return s
}

export const spec = (o: ApiObject): Json => (isJson(o.spec) ? o.spec : {})
export const status = (o: ApiObject): Json => (isJson(o.status) ? o.status : {})

export function header(o: ApiObject): string {
  return `Name:\t${o.metadata.name}\nNamespace:\t${o.metadata.namespace ?? ''}\n` +
    multiline('Labels', o.metadata.labels) + annotations('Annotations', o.metadata.annotations)
}

// describe.go formatEndpointSlices: ready endpoints of the slices for one port name, `ip:port`, at most 3 shown.
export function sliceEndpoints(slices: ApiObject[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const shown: string[] = []
  let count = 0
  let more = false
  for (const s of slices) {
    const ports = list(s.ports)
    for (const e of list(s.endpoints)) {
      if (isJson(e.conditions) && e.conditions.ready === false) continue
      const addr = Array.isArray(e.addresses) ? String(e.addresses[0]) : ''
      if (ports.length === 0) {
        if (shown.length === 3) more = true
        if (!more) shown.push(addr)
        count++
        continue
      }
      for (const p of ports.filter((x) => str(x.name) === portName)) {
        if (shown.length === 3) more = true
        if (!more) shown.push(joinHostPort(addr, Number(p.port)))
        count++
      }
    }
  }
  return more ? `${shown.join(',')} + ${count - 3} more...` : shown.join(',')
}

/** The resource type of a plural name, for describers that read other objects (a Service's EndpointSlices). */
export function resource(name: string): ResourceType {
  return RESOURCE_TYPES.find((t) => t.resource === name) as ResourceType
}

export function listOf(sim: Simulation, name: string): ApiObject[] {
  return listObjects(sim, resource(name))
}
