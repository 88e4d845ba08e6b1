import { diagnostic, type Diagnostic } from '../core/diagnostic'
import type { SourceFile } from './types'

/**
 * Input limits, checked by a linear scan before the YAML parser sees the text, so hostile input costs milliseconds
 * and gives one clear error instead of a parse that runs for half a minute or overflows the stack (measured in
 * before these limits: 50,000 ConfigMaps took 39 s to parse, 20,000-deep flow nesting overflowed yaml's recursion).
 * Documented in docs/architecture.md ("Input limits").
 */
export const INPUT_LIMITS = {
  /** All files together, UTF-8 bytes: the CLI's per-file limit (src/cli/load.ts), and far beyond any lab. */
  totalBytes: 5 * 1024 * 1024,
  /** Objects (documents and items of `kind: List`), counted as `kind:` keys: the 5000 × 10 bench has 10,002. */
  objects: 20_000,
  /** Open `[`/`{` flow collections at once, outside quotes and comments. */
  flowDepth: 100,
  /** Indentation in columns: 256 levels of two spaces. */
  indentColumns: 512,
  /** One line, UTF-16 units: a ConfigMap holds at most 1 MiB (validation.go MaxSecretSize / ConfigMap size). */
  lineLength: 1024 * 1024,
} as const

function utf8Bytes(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++ } else bytes += 3
  }
  return bytes
}

const range = (file: string, line: number) => ({ file, startLine: line, startCol: 1, endLine: line, endCol: 1 })

/** The first limit one file breaks (line-level limits), or undefined. One diagnostic per file is enough to act on. */
function fileLimit(file: SourceFile): Diagnostic | undefined {
  const text = file.text
  // char codes, not one-character strings: this scans every character of the input before each parse
  const NL = 10, SPACE = 32, HASH = 35, DQUOTE = 34, SQUOTE = 39, BACKSLASH = 92, DASH = 45
  let line = 1
  let lineStart = 0
  let depth = 0
  let quote = 0
  let atLineStart = true
  let indent = 0
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : NL
    if (ch === NL) {
      if (i - lineStart > INPUT_LIMITS.lineLength) return diagnostic('input.lineTooLong', 'error', { length: i - lineStart, limit: INPUT_LIMITS.lineLength }, range(file.path, line))
      line++
      lineStart = i + 1
      atLineStart = true
      indent = 0
      continue
    }
    if (atLineStart) {
      if (ch === SPACE) { indent++; if (indent > INPUT_LIMITS.indentColumns) return diagnostic('input.tooDeep', 'error', { what: 'indent', limit: INPUT_LIMITS.indentColumns }, range(file.path, line)); continue }
      atLineStart = false
      // a document separator ends any flow collection a broken document left open
      if (ch === DASH && text.startsWith('---', i) && indent === 0) depth = 0
    }
    if (quote === DQUOTE) { if (ch === BACKSLASH) i++; else if (ch === DQUOTE) quote = 0; continue }
    if (quote === SQUOTE) { if (ch === SQUOTE) quote = 0; continue }
    if (ch === HASH && (i === lineStart || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i)
      i = (end < 0 ? text.length : end) - 1
      continue
    }
    if ((ch === DQUOTE || ch === SQUOTE) && (i === lineStart || /[\s[{,:-]/.test(text[i - 1]))) { quote = ch; continue }
    if (ch === 91 /* [ */ || ch === 123 /* { */) {
      depth++
      if (depth > INPUT_LIMITS.flowDepth) return diagnostic('input.tooDeep', 'error', { what: 'flow', limit: INPUT_LIMITS.flowDepth }, range(file.path, line))
    } else if ((ch === 93 /* ] */ || ch === 125 /* } */) && depth > 0) depth--
  }
  return undefined
}

/**
 * Diagnostics for input past the limits. `refuseAll`: the input as a whole is too big, and nothing of it is parsed;
 * otherwise the files named in `refusedFiles` are left out and the others parsed.
 */
export function inputLimitDiagnostics(files: SourceFile[]): { diagnostics: Diagnostic[]; refuseAll: boolean; refusedFiles: Set<string> } {
  const first = files[0]?.path ?? ''
  const bytes = files.reduce((n, f) => n + utf8Bytes(f.text), 0)
  if (bytes > INPUT_LIMITS.totalBytes) {
    return { diagnostics: [diagnostic('input.tooLarge', 'error', { size: bytes, limit: INPUT_LIMITS.totalBytes }, range(first, 1))], refuseAll: true, refusedFiles: new Set() }
  }
  let objects = 0
  for (const f of files) objects += f.text.match(/^[ \t-]*kind:/gm)?.length ?? 0
  if (objects > INPUT_LIMITS.objects) {
    return { diagnostics: [diagnostic('input.tooManyObjects', 'error', { count: objects, limit: INPUT_LIMITS.objects }, range(first, 1))], refuseAll: true, refusedFiles: new Set() }
  }
  const diagnostics: Diagnostic[] = []
  const refusedFiles = new Set<string>()
  for (const f of files) {
    const d = fileLimit(f)
    if (d) { diagnostics.push(d); refusedFiles.add(f.path) }
  }
  return { diagnostics, refuseAll: false, refusedFiles }
}
