/** Go's strconv.ParseBool, which ingress-nginx's parser uses for every boolean annotation and ConfigMap key. */
export function parseGoBool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false
  return undefined
}

/** Go's strconv.Atoi: an optional sign and decimal digits, nothing else. */
export function parseGoInt(v: string | undefined): number | undefined {
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined
  return Number(v)
}
