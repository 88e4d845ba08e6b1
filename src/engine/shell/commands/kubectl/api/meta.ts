import { OBJECT_AGE_AT_LOAD_MS, SCENARIO_EPOCH_MS } from '../../../../core/clock'
import { sha256Bytes } from '../../../../util/hash'

/** An object as the API server returns it (plain JSON, before kubectl prints it). */
export interface ApiObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  [field: string]: unknown
}

export interface ObjectMeta {
  name: string
  namespace?: string
  generateName?: string
  uid: string
  resourceVersion: string
  creationTimestamp: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  [field: string]: unknown
}

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller: boolean
  blockOwnerDeletion: boolean
}

/**
 * When an object was created, in virtual time. The cluster stores `createdAtMs` as an offset in creation order;
 * everything the scenario defines existed OBJECT_AGE_AT_LOAD_MS before the clock's start (so AGE reads `10m` at t0).
 * An absolute epoch time (an imported object's own creationTimestamp) is taken as is.
 */
export function creationTimeMs(createdAtMs = 0): number {
  if (createdAtMs >= SCENARIO_EPOCH_MS / 2) return createdAtMs
  return SCENARIO_EPOCH_MS - OBJECT_AGE_AT_LOAD_MS + createdAtMs
}

// Calendar arithmetic without Date (the engine never reads the wall clock): Howard Hinnant's civil-from-days.
function civil(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number } {
  const days = Math.floor(ms / 86_400_000)
  const rem = ms - days * 86_400_000
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const mo = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0)
  return {
    y, mo, d,
    h: Math.floor(rem / 3_600_000), mi: Math.floor(rem / 60_000) % 60, s: Math.floor(rem / 1000) % 60,
    wd: (((days + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
  }
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const pad2 = (n: number) => String(n).padStart(2, '0')

// metav1.Time marshals as RFC 3339 in UTC with whole seconds.
export function rfc3339(ms: number): string {
  const c = civil(ms)
  return `${c.y}-${pad2(c.mo)}-${pad2(c.d)}T${pad2(c.h)}:${pad2(c.mi)}:${pad2(c.s)}Z`
}

/** The instant of an RFC 3339 UTC timestamp (`2026-01-01T00:00:00Z`); NaN when it is not one. */
export function parseRfc3339(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(text)
  if (!m) return NaN
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number)
  return daysFromCivil(y, mo, d) * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000
}

/** Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700"), as kubectl describe prints times (UTC here). */
export function rfc1123z(ms: number): string {
  const c = civil(ms)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  return `${days[c.wd]}, ${pad2(c.d)} ${months[c.mo - 1]} ${c.y} ${pad2(c.h)}:${pad2(c.mi)}:${pad2(c.s)} +0000`
}

/** A stable UUID (version-4 layout) derived from the object's identity, so output is the same on every run. */
export function uidOf(identity: string): string {
  const b = sha256Bytes(`uid:${identity}`)
  const hex = Array.from(b.slice(0, 16), (x) => x.toString(16).padStart(2, '0')).join('')
  const v = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${v}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** A plausible, stable resourceVersion (etcd revision) for an object. */
export function resourceVersionOf(identity: string): string {
  const b = sha256Bytes(`rv:${identity}`)
  return String(1000 + (((b[0] << 16) | (b[1] << 8) | b[2]) % 900000))
}

export function meta(
  kind: string,
  name: string,
  namespace: string | undefined,
  createdAtMs: number | undefined,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): ObjectMeta {
  const identity = `${kind}/${namespace ?? ''}/${name}`
  const m: ObjectMeta = {
    name,
    uid: uidOf(identity),
    resourceVersion: resourceVersionOf(identity),
    creationTimestamp: rfc3339(creationTimeMs(createdAtMs)),
  }
  if (namespace) m.namespace = namespace
  if (Object.keys(labels).length) m.labels = { ...labels }
  if (Object.keys(annotations).length) m.annotations = { ...annotations }
  return m
}

export function ownerRef(apiVersion: string, kind: string, name: string, namespace: string): OwnerReference {
  return { apiVersion, kind, name, uid: uidOf(`${kind}/${namespace}/${name}`), controller: true, blockOwnerDeletion: true }
}

/** Milliseconds since the object's creationTimestamp, for AGE. */
export function ageMs(obj: ApiObject, nowMs: number): number {
  return nowMs - parseRfc3339(obj.metadata.creationTimestamp)
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}
