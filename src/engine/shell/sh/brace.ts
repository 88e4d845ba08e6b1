/**
 * Brace expansion as bash performs it before every other expansion (bash(1) "Brace Expansion"): `{a,b,c}` with at
 * least one top-level comma, and sequences `{x..y[..incr]}` of integers or of single letters. Anything else stays
 * literal (`{}`, `{a}`, `{1..}`). Only unquoted text takes part.
 */

/** A sequence longer than this is refused rather than built (a playground guard, not bash's). */
export const MAX_BRACE_ITEMS = 10000

function sequence(inner: string): string[] | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner)
  if (!m) return undefined
  const [, a, b, stepText] = m
  const numeric = /\d/.test(a)
  if (numeric !== /\d/.test(b)) return undefined
  const step = Math.abs(stepText === undefined ? 1 : Number(stepText)) || 1
  const from = numeric ? Number(a) : a.charCodeAt(0)
  const to = numeric ? Number(b) : b.charCodeAt(0)
  if (Math.abs(to - from) / step >= MAX_BRACE_ITEMS) throw new RangeError(`{${inner}}`)
  // bash pads to the wider operand when either is written with a leading zero ({01..10})
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0
  const out: string[] = []
  const dir = to >= from ? 1 : -1
  for (let v = from; dir > 0 ? v <= to : v >= to; v += dir * step) {
    if (!numeric) out.push(String.fromCharCode(v))
    else out.push(width ? (v < 0 ? '-' + String(-v).padStart(width - 1, '0') : String(v).padStart(width, '0')) : String(v))
  }
  return out
}

/** The comma-separated alternatives of `inner` at nesting depth 0, or undefined when there is no top-level comma. */
function alternatives(inner: string): string[] | undefined {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]
    if (c === '\\') i++
    else if (c === '{') depth++
    else if (c === '}') depth--
    else if (c === ',' && depth === 0) {
      out.push(inner.slice(start, i))
      start = i + 1
    }
  }
  if (out.length === 0) return undefined
  out.push(inner.slice(start))
  return out
}

/** The words one unquoted piece of text expands to. Throws RangeError for a sequence past MAX_BRACE_ITEMS. */
export function braceExpand(text: string): string[] {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    // bash leaves `${` alone (it belongs to parameter expansion)
    if (open > 0 && text[open - 1] === '$') continue
    let depth = 0
    let close = -1
    for (let i = open; i < text.length; i++) {
      if (text[i] === '{') depth++
      else if (text[i] === '}' && --depth === 0) { close = i; break }
    }
    if (close < 0) return [text]
    const inner = text.slice(open + 1, close)
    const items = sequence(inner) ?? alternatives(inner)
    if (!items) continue
    const prefix = text.slice(0, open)
    const suffixes = braceExpand(text.slice(close + 1))
    const out: string[] = []
    for (const item of items) for (const mid of braceExpand(item)) for (const s of suffixes) out.push(prefix + mid + s)
    if (out.length > MAX_BRACE_ITEMS) throw new RangeError(text)
    return out
  }
  return [text]
}
