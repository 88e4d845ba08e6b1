import type { Diagnostic, Severity } from '../../engine/core/diagnostic'
import type { Lang } from '../../engine/i18n/types'
// the catalogue directly: this module is in the lazy editor chunk, so it may load it at once (i18n/engineText.ts)
import { formatMessage } from '../../engine/i18n/catalog'

/** Monaco's MarkerSeverity values (monaco.MarkerSeverity), kept here so this module needs no Monaco import. */
export const MARKER_SEVERITY: Record<Severity, number> = { info: 2, warning: 4, error: 8 }

/** The owner name of the engine's markers (monaco-yaml's own markers have theirs). */
export const MARKER_OWNER = 'kube-hops'

export interface MarkerSpec {
  severity: number
  message: string
  code: string
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

/**
 * The engine's diagnostics as Monaco markers, per file. YAML syntax errors are left to monaco-yaml, which marks them
 * as the user types: both would otherwise squiggle the same spot twice (they stay in the Problems list).
 * A point range is widened to the rest of its line so the squiggle is visible.
 */
export function markersByFile(
  diagnostics: Diagnostic[],
  lang: Lang,
  lineLength: (file: string, line: number) => number,
): Map<string, MarkerSpec[]> {
  const out = new Map<string, MarkerSpec[]>()
  for (const d of diagnostics) {
    if (!d.range || d.code === 'yaml.syntax') continue
    const r = d.range
    let endLineNumber = r.endLine, endColumn = r.endCol
    if (endLineNumber < r.startLine || (endLineNumber === r.startLine && endColumn <= r.startCol)) {
      endLineNumber = r.startLine
      endColumn = lineLength(r.file, r.startLine) + 1
    }
    const list = out.get(r.file) ?? []
    list.push({
      severity: MARKER_SEVERITY[d.severity], message: formatMessage(d.code, d.params, lang), code: d.code,
      startLineNumber: r.startLine, startColumn: r.startCol, endLineNumber, endColumn,
    })
    out.set(r.file, list)
  }
  return out
}

/** The manifest object under a cursor: the smallest object range in that file holding the line. */
export function objectAt<T extends { id: string; range: { file: string; startLine: number; endLine: number; endCol: number } }>(
  objects: T[],
  file: string,
  line: number,
): T | undefined {
  let best: T | undefined
  for (const o of objects) {
    const r = o.range
    // A range ending at column 1 stops before that line (the document ended with the previous line's newline).
    const lastLine = r.endCol === 1 && r.endLine > r.startLine ? r.endLine - 1 : r.endLine
    if (r.file !== file || line < r.startLine || line > lastLine) continue
    if (!best || lastLine - r.startLine < best.range.endLine - best.range.startLine) best = o
  }
  return best
}
