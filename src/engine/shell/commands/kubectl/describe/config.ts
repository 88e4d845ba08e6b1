import { isJson } from '../api/context'
import type { ApiObject } from '../api'
import { str } from '../format'
import { header } from './common'

export function describeConfigMap(o: ApiObject): string {
  let s = header(o) + '\nData\n====\n'
  const data = isJson(o.data) ? o.data : {}
  for (const k of Object.keys(data).sort()) s += `${k}:\n----\n${str(data[k])}\n\n`
  s += '\nBinaryData\n====\n'
  const bin = isJson(o.binaryData) ? o.binaryData : {}
  for (const k of Object.keys(bin).sort()) s += `${k}: ${base64Length(str(bin[k]))} bytes\n`
  return s + '\n'
}

function base64Length(b64: string): number {
  const clean = b64.replace(/=+$/, '')
  return Math.floor((clean.length * 3) / 4)
}

// describeSecret: sizes only, never the values (no Events section either).
export function describeSecret(o: ApiObject): string {
  let s = header(o) + `\nType:\t${str(o.type)}\n\nData\n====\n`
  const data = isJson(o.data) ? o.data : {}
  for (const k of Object.keys(data).sort()) s += `${k}:\t${base64Length(str(data[k]))} bytes\n`
  return s
}
