import type { Diagnostic } from '../core/diagnostic'
import { compareDiagnostics } from '../core/diagnostic'
import { formatMessage } from '../i18n/catalog'
import type { Lang } from '../i18n/types'

/**
 * `check`: one finding per line as compilers print them, `PATH:LINE:COL: error|warning CODE: message`; a finding
 * with no place in a file names its object instead. Exit status 1 when any finding is an error.
 */
export function formatCheck(diagnostics: Diagnostic[], lang: Lang): { text: string; exitCode: number } {
  const lines = [...diagnostics].sort(compareDiagnostics).map((d) => {
    const where = d.range ? `${d.range.file || '<system>'}:${d.range.startLine}:${d.range.startCol}` : (d.objectId ?? '<scenario>')
    return `${where}: ${d.severity} ${d.code}: ${formatMessage(d.code, d.params, lang)}\n`
  })
  return { text: lines.join(''), exitCode: diagnostics.some((d) => d.severity === 'error') ? 1 : 0 }
}
