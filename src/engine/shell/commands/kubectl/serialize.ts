/**
 * kubectl's -o json and -o yaml. kubectl prints unstructured objects (maps), so keys come out sorted:
 * JSON through json.MarshalIndent(obj, "", "    "); YAML through sigs.k8s.io/yaml → go-yaml v2, which sorts keys,
 * does not indent sequences inside mappings, double-quotes strings that would read back as another type and
 * single-quotes the other strings a plain scalar cannot hold.
 */
export function toJson(v: unknown): string {
  // encoding/json escapes <, > and & (HTMLEscape) and the JavaScript line separators inside strings.
  return JSON.stringify(sortKeys(v), null, 4)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + '\n'
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k]
      if (x !== undefined) out[k] = sortKeys(x)
    }
    return out
  }
  return v
}

export function toYaml(v: unknown): string {
  const lines: string[] = []
  emit(sortKeys(v), 0, lines)
  return lines.join('\n') + '\n'
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object'
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (!!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
}

function emptyText(v: unknown): string {
  return Array.isArray(v) ? '[]' : '{}'
}

function emit(v: unknown, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent)
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isScalar(item) || isEmptyCollection(item)) {
        lines.push(`${pad}- ${isScalar(item) ? scalar(item, indent + 2, indent + 2) : emptyText(item)}`)
      } else if (Array.isArray(item)) {
        const sub: string[] = []
        emit(item, indent + 2, sub)
        lines.push(`${pad}- ${sub[0].trimStart()}`, ...sub.slice(1))
      } else {
        const sub: string[] = []
        emit(item, indent + 2, sub)
        lines.push(`${pad}- ${sub[0].slice(indent + 2)}`, ...sub.slice(1))
      }
    }
    return
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const key = scalar(k, indent, -1)
      if (isScalar(x)) {
        lines.push(`${pad}${key}: ${scalar(x, indent + 2, indent + key.length + 2)}`)
      } else if (isEmptyCollection(x)) lines.push(`${pad}${key}: ${emptyText(x)}`)
      else if (Array.isArray(x)) {
        // go-yaml v2 puts a mapping's sequence items at the mapping's own indentation.
        lines.push(`${pad}${key}:`)
        emit(x, indent, lines)
      } else {
        lines.push(`${pad}${key}:`)
        emit(x, indent + 2, lines)
      }
    }
    return
  }
  lines.push(pad + scalar(v, indent, indent))
}

// yaml_emitter_t best_width: plain and single-quoted scalars break at a space once the line is past 80 columns.
const BEST_WIDTH = 80

/**
 * write_plain / write_single_quoted with allow_breaks: a single space (not the first or last character of a quoted
 * scalar) becomes a line break when the column is already beyond 80; the next line continues at the scalar's
 * indentation. `column` is where the scalar starts; -1 for keys, which never break.
 */
function fold(text: string, column: number, indent: number, single: boolean): string {
  if (column < 0) return single ? `'${text.replace(/'/g, "''")}'` : text
  const chars = [...text]
  let out = single ? "'" : ''
  let col = column + (single ? 1 : 0)
  let spaces = false
  chars.forEach((c, i) => {
    if (c === ' ') {
      const inside = !single || (i > 0 && i < chars.length - 1)
      if (!spaces && col > BEST_WIDTH && chars[i + 1] !== ' ' && inside) {
        out += '\n' + ' '.repeat(indent)
        col = indent
      } else {
        out += c
        col++
      }
      spaces = true
      return
    }
    out += single && c === "'" ? "''" : c
    col += single && c === "'" ? 2 : 1
    spaces = false
  })
  return single ? out + "'" : out
}

// Plain scalars go-yaml v2 would resolve to something other than a string (YAML 1.1 resolve table), so it quotes them.
const YAML11_SPECIAL = /^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|\.inf|\.Inf|\.INF|[-+]\.inf|[-+]\.Inf|[-+]\.INF|\.nan|\.NaN|\.NAN|<<)$/
const NUMBER_LIKE = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/
const TIMESTAMP_LIKE = /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/

/** yaml.v2 resolve(): would this plain text read back as something other than a string? Then it is double-quoted. */
function resolvesToNonString(s: string): boolean {
  return s === '' || YAML11_SPECIAL.test(s) || NUMBER_LIKE.test(s) || TIMESTAMP_LIKE.test(s)
}

/**
 * yaml_emitter_analyze_scalar for block context: a plain scalar may not start with an indicator, contain ": " or
 * " #", start "- ", be a document marker, or have leading/trailing spaces.
 */
function plainAllowed(s: string): boolean {
  if (/^(---|\.\.\.)/.test(s)) return false
  if (/^\s|\s$/.test(s)) return false
  if (/^[#,[\]{}&*!|>'"%@`]/.test(s)) return false
  if (/^[-?:](\s|$)/.test(s)) return false
  if (/:(\s|$)/.test(s) || /\s#/.test(s)) return false
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\t]/.test(s)
}

function scalar(v: unknown, indent: number, column: number): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '.inf' : v < 0 ? '-.inf' : '.nan'
  const s = String(v)
  if (s.includes('\n') && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s) && !/^\s/.test(s) && !/[ \t]\n/.test(s)) {
    // Multi-line strings in literal block style: `|` keeps the final newline, `|-` strips its absence.
    const body = s.endsWith('\n') ? s.slice(0, -1) : s
    const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-'
    const pad = ' '.repeat(indent)
    return `|${chomp}\n` + body.split('\n').map((l) => (l ? pad + l : '')).join('\n')
  }
  // encode.go stringv: non-string look-alikes are double-quoted; the emitter falls back from plain to single quotes.
  if (resolvesToNonString(s)) return JSON.stringify(s)
  if (plainAllowed(s)) return fold(s, column, indent, false)
  if (!/[\u0000-\u001f\u007f]/.test(s)) return fold(s, column, indent, true)
  return JSON.stringify(s)
}
